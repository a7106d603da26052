// Resolves dotted field names in a query (`Owner.Email`, `Contact__r.Account.Name`) against the
// schema, as Salesforce does when it compiles SOQL.
import { SalesforceError } from '../core/errors.ts';
import type { OrgSchema } from '../schema/orgSchema.ts';
import type { ObjectSchema } from '../schema/types.ts';
import type { FieldPath } from './ast.ts';

export function resolvePath(
  schema: OrgSchema,
  root: ObjectSchema,
  dotted: string,
  alias?: string,
): FieldPath {
  let parts = dotted.split('.');
  // `Contact.Name` in `FROM Contact` (or its alias) names the root object itself.
  if (
    parts.length > 1 &&
    (parts[0]!.toLowerCase() === root.name.toLowerCase() || parts[0]!.toLowerCase() === alias?.toLowerCase())
  ) {
    parts = parts.slice(1);
  }
  let current = root;
  const hops: FieldPath['hops'] = [];
  for (const relationshipName of parts.slice(0, -1)) {
    const reference = current.parentRelationships.get(relationshipName.toLowerCase());
    if (!reference) {
      throw new SalesforceError(
        'INVALID_FIELD',
        `Didn't understand relationship '${relationshipName}' in field path. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. Please reference your WSDL or the describe call for the appropriate names.`,
      );
    }
    hops.push(reference);
    const targets = reference.referenceTo.map((name) => schema.require(name));
    const last = parts[parts.length - 1]!.toLowerCase();
    // Polymorphic lookups (Who, What): the field must exist on one of the targets.
    current = targets.find((t) => t.fieldsByLower.has(last)) ?? targets[0]!;
  }
  const fieldName = parts[parts.length - 1]!;
  const field = current.fieldsByLower.get(fieldName.toLowerCase());
  if (!field) {
    throw new SalesforceError(
      'INVALID_FIELD',
      `No such column '${fieldName}' on entity '${current.name}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.`,
    );
  }
  return { hops, fieldName: field.name, field };
}
