// A stored record as the REST API returns it from `/sobjects/Type/Id`.
import type { SRecord } from '../../core/recordStore.ts';
import { SalesforceError } from '../../core/errors.ts';
import type { ObjectSchema } from '../../schema/types.ts';

export function recordJson(
  object: ObjectSchema,
  record: SRecord,
  apiVersion: string,
  fields?: string[],
): Record<string, unknown> {
  const out: Record<string, unknown> = {
    attributes: {
      type: object.name,
      url: `/services/data/v${apiVersion}/sobjects/${object.name}/${record.Id}`,
    },
  };
  const names = fields ?? object.fields.map((f) => f.name);
  for (const name of names) {
    const f = object.fieldsByLower.get(name.trim().toLowerCase());
    if (!f)
      throw new SalesforceError(
        'INVALID_FIELD',
        `No such column '${name}' on sobject of type ${object.name}`,
      );
    out[f.name] = record[f.name] ?? null;
  }
  return out;
}
