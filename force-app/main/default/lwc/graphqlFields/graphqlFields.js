/**
 * Reads field values out of UI API GraphQL answers, where a field comes as `{ value }` (and a
 * parent relationship as a node). Service module: pure functions, no template.
 */

function isValueNode(field) {
  return !!field && typeof field === 'object' && 'value' in field;
}

/** A field's `value`; anything that is not a `{ value }` node is returned as it is. */
export function fieldValue(field) {
  return isValueNode(field) ? field.value : field;
}

/** As fieldValue, with null for a field the answer does not hold (undefined or null). */
export function fieldValueOrNull(field) {
  return isValueNode(field) ? field.value : (field ?? null);
}
