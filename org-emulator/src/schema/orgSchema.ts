// Look-ups over the assembled schema with Salesforce's error answers for unknown names.
import type { PackageModel } from '@sales-campaigns/metadata';
import { SalesforceError, notFound } from '../core/errors.ts';
import { buildSchema } from './buildSchema.ts';
import type { FieldSchema, ObjectSchema } from './types.ts';

export class OrgSchema {
  readonly objects: Map<string, ObjectSchema>;
  private readonly byPrefix = new Map<string, ObjectSchema>();

  constructor(readonly model: PackageModel) {
    this.objects = buildSchema(model);
    for (const object of this.objects.values()) this.byPrefix.set(object.keyPrefix, object);
  }

  find(name: string): ObjectSchema | undefined {
    return this.objects.get(name.toLowerCase());
  }

  /** For REST paths: an unknown sObject is `NOT_FOUND` (404) as on `/sobjects/Foo`. */
  requireForRest(name: string): ObjectSchema {
    const object = this.find(name);
    if (!object) throw notFound('The requested resource does not exist');
    return object;
  }

  /** For DML bodies: an unknown type is `INVALID_TYPE`. */
  require(name: string): ObjectSchema {
    const object = this.find(name);
    if (!object) throw new SalesforceError('INVALID_TYPE', `sObject type '${name}' is not supported.`);
    return object;
  }

  byKeyPrefix(id: string): ObjectSchema | undefined {
    return this.byPrefix.get(id.slice(0, 3));
  }

  list(): ObjectSchema[] {
    return [...this.objects.values()];
  }
}

export function fieldOf(object: ObjectSchema, name: string): FieldSchema | undefined {
  return object.fieldsByLower.get(name.toLowerCase());
}

export function requireField(object: ObjectSchema, name: string): FieldSchema {
  const f = fieldOf(object, name);
  if (!f)
    throw new SalesforceError('INVALID_FIELD', `No such column '${name}' on sobject of type ${object.name}`);
  return f;
}
