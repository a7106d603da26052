// The emulator's checked form of a SOQL query: every name resolved against the schema, so
// execution never meets an unknown field.
import type { ChildRelationship, FieldSchema, ObjectSchema } from '../schema/types.ts';

/** A field reached through zero or more parent relationships (`Contact__r.Account.Name`). */
export interface FieldPath {
  /** Reference fields followed, in order (`Contact__c`, `AccountId`). */
  hops: FieldSchema[];
  /** Target field name on the last object; resolved per record for polymorphic hops. */
  fieldName: string;
  /** The field's schema on the statically known last object (first target of polymorphic). */
  field: FieldSchema;
}

export type SelectItem =
  | { kind: 'field'; path: FieldPath }
  | { kind: 'subquery'; relationship: ChildRelationship; query: CompiledQuery }
  | {
      kind: 'aggregate';
      fn: 'COUNT' | 'COUNT_DISTINCT' | 'MIN' | 'MAX' | 'SUM' | 'AVG';
      path?: FieldPath;
      alias: string;
    };

export type Literal =
  | { type: 'null' }
  | { type: 'string'; value: string }
  | { type: 'number'; value: number }
  | { type: 'boolean'; value: boolean }
  | { type: 'date'; value: string }
  | { type: 'datetime'; value: number }
  /** A relative date literal (TODAY, LAST_N_DAYS:3) resolved to a [start, end) range at run time. */
  | { type: 'dateRange'; name: string; n: number };

export type Condition =
  | { kind: 'and' | 'or'; items: Condition[] }
  | { kind: 'not'; item: Condition }
  | { kind: 'compare'; path: FieldPath; op: string; values: Literal[] }
  | { kind: 'inQuery'; path: FieldPath; negate: boolean; query: CompiledQuery };

export interface OrderItem {
  path: FieldPath;
  descending: boolean;
  nullsLast: boolean;
}

export interface CompiledQuery {
  object: ObjectSchema;
  items: SelectItem[];
  where?: Condition;
  groupBy: FieldPath[];
  orderBy: OrderItem[];
  limit?: number;
  offset?: number;
  /** `SELECT COUNT() FROM …`: only totalSize is answered. */
  countOnly: boolean;
}
