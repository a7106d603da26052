// Executes a compiled query against the store and shapes rows exactly as the REST API returns
// them: `attributes` first, parent relationships as nested objects (null when empty), child
// subqueries as nested query results (null when empty), aggregates as AggregateResult rows.
import { isValidId, to18 } from '../core/ids.ts';
import type { SRecord } from '../core/recordStore.ts';
import type { Org } from '../records/org.ts';
import type { CompiledQuery, FieldPath } from './ast.ts';
import { type EvalContext, matches, readPath } from './evaluateCondition.ts';

export type Row = Record<string, unknown>;

export interface QueryOutcome {
  totalSize: number;
  records: Row[];
}

export function runQuery(
  org: Org,
  query: CompiledQuery,
  apiVersion: string,
  includeDeleted: boolean,
): QueryOutcome {
  const semiJoins = new Map<CompiledQuery, Set<string>>();
  const ctx: EvalContext = {
    org,
    now: org.clock.now(),
    semiJoin(sub) {
      let values = semiJoins.get(sub);
      if (!values) {
        const path = (sub.items[0] as { path: FieldPath }).path;
        const type = path.field.type;
        values = new Set(
          select(ctx, sub, false)
            .map((r) => readPath(org, r, path))
            .filter((v) => v !== null)
            .map((v) => (type === 'id' || type === 'reference' ? String(v) : String(v).toLowerCase())),
        );
        semiJoins.set(sub, values);
      }
      return values;
    },
  };
  const rows = select(ctx, query, includeDeleted);
  if (query.countOnly) return { totalSize: rows.length, records: [] };
  if (query.groupBy.length > 0 || query.items.some((i) => i.kind === 'aggregate')) {
    const records = aggregate(org, query, rows);
    return { totalSize: records.length, records };
  }
  const children = new ChildLookup(org);
  return {
    totalSize: rows.length,
    records: rows.map((r) => shapeRecord(ctx, query, r, apiVersion, includeDeleted, children)),
  };
}

/** Child records of a parent row: from the lookup field's index when it has one, else grouped
 * by parent id once per relationship per query, so a subquery never costs a pass over the child
 * object per parent row. */
class ChildLookup {
  private readonly groups = new Map<string, Map<unknown, SRecord[]>>();

  constructor(private readonly org: Org) {}

  of(childObject: string, field: string, parentId: string): SRecord[] {
    const indexed = this.org.store.lookup(childObject, field, 'id', [parentId]);
    // The index also finds 15-character values; the grouping matches the stored value exactly.
    if (indexed) return indexed.filter((r) => r[field] === parentId);
    const key = `${childObject}.${field}`;
    let group = this.groups.get(key);
    if (!group) {
      group = new Map();
      for (const r of this.org.store.all(childObject)) {
        const list = group.get(r[field]);
        if (list) list.push(r);
        else group.set(r[field], [r]);
      }
      this.groups.set(key, group);
    }
    return group.get(parentId) ?? [];
  }
}

/** Filters, orders and pages the records of the query's object (or the given candidates). */
function select(
  ctx: EvalContext,
  query: CompiledQuery,
  includeDeleted: boolean,
  candidates?: SRecord[],
): SRecord[] {
  const where = query.where;
  let rows: SRecord[] = [];
  // One pass, no copy of the object's records: a COUNT() over 50,000 records polled several
  // times a second stays cheap.
  for (const r of candidates ?? indexedCandidates(ctx.org, query) ?? ctx.org.store.each(query.object.name)) {
    if ((includeDeleted || r.IsDeleted !== true) && (!where || matches(ctx, r, where))) rows.push(r);
  }
  if (query.orderBy.length > 0) rows = sortRows(ctx, query, rows);
  const offset = query.offset ?? 0;
  return rows.slice(offset, query.limit === undefined ? undefined : offset + query.limit);
}

/** When the WHERE clause requires `Id`, or an indexed field, to equal one of some text values
 * (alone or as one of its ANDed conditions), the records the index finds for those values, in
 * store order: a superset of the matches, which the full condition then filters as a scan would.
 * Undefined when no such condition narrows the search. */
function indexedCandidates(org: Org, query: CompiledQuery): SRecord[] | undefined {
  const where = query.where;
  if (!where) return undefined;
  const object = query.object.name;
  for (const condition of where.kind === 'and' ? where.items : [where]) {
    if (condition.kind !== 'compare' || condition.path.hops.length > 0) continue;
    if (condition.op !== '=' && condition.op !== 'IN') continue;
    if (!condition.values.every((l) => l.type === 'string')) continue;
    const values = condition.values.map((l) => (l as { value: string }).value);
    const field = condition.path.field;
    if (field.type === 'id') {
      return org.store.getMany(
        object,
        values.filter((v) => isValidId(v)).map((v) => to18(v)),
      );
    }
    // The index must compare as SOQL does: ids as ids, text ignoring case.
    const found = org.store.lookup(
      object,
      field.name,
      field.type === 'reference' ? 'id' : 'lowercase',
      values,
    );
    if (found) return found;
  }
  return undefined;
}

function sortRows(ctx: EvalContext, query: CompiledQuery, rows: SRecord[]): SRecord[] {
  const keyed = rows.map((r) => ({ r, keys: query.orderBy.map((o) => readPath(ctx.org, r, o.path)) }));
  keyed.sort((a, b) => {
    for (let i = 0; i < query.orderBy.length; i++) {
      const { descending, nullsLast } = query.orderBy[i]!;
      const x = a.keys[i];
      const y = b.keys[i];
      if (x === y) continue;
      if (x === null || y === null) return (x === null) === nullsLast ? 1 : -1;
      const cmp =
        typeof x === 'number' && typeof y === 'number'
          ? x - y
          : String(x).localeCompare(String(y), 'en', { sensitivity: 'base' });
      if (cmp !== 0) return descending ? -cmp : cmp;
    }
    return 0;
  });
  return keyed.map((k) => k.r);
}

function attributes(type: string, id: string, apiVersion: string): Row {
  return { type, url: `/services/data/v${apiVersion}/sobjects/${type}/${id}` };
}

function shapeRecord(
  ctx: EvalContext,
  query: CompiledQuery,
  record: SRecord,
  apiVersion: string,
  includeDeleted: boolean,
  children: ChildLookup,
): Row {
  const out: Row = { attributes: attributes(query.object.name, record.Id, apiVersion) };
  for (const item of query.items) {
    if (item.kind === 'field') placeField(ctx.org, out, record, item.path, apiVersion);
    else if (item.kind === 'subquery') {
      const rows = select(
        ctx,
        item.query,
        includeDeleted,
        children.of(item.relationship.childSObject, item.relationship.field, record.Id),
      );
      out[item.relationship.relationshipName!] =
        rows.length === 0
          ? null
          : {
              totalSize: rows.length,
              done: true,
              records: rows.map((c) => shapeRecord(ctx, item.query, c, apiVersion, includeDeleted, children)),
            };
    }
  }
  return out;
}

/** Writes one selected field into the row, creating nested parent objects on the way. */
function placeField(org: Org, out: Row, record: SRecord, path: FieldPath, apiVersion: string): void {
  let target = out;
  let current: SRecord = record;
  for (const hop of path.hops) {
    const name = hop.relationshipName!;
    const id = current[hop.name];
    const parent = typeof id === 'string' ? org.store.find(id) : undefined;
    if (!parent) {
      if (target[name] === undefined) target[name] = null;
      return;
    }
    if (!target[name]) {
      // Polymorphic lookups (Who, What, Owner) answer with the `Name` pseudo-type.
      const polymorphic = hop.referenceTo.length > 1 || hop.name === 'OwnerId';
      const shaped = attributes(parent.object, parent.record.Id, apiVersion);
      if (polymorphic) shaped.type = 'Name';
      target[name] = { attributes: shaped };
    }
    target = target[name] as Row;
    current = parent.record;
  }
  target[path.fieldName] = current[path.fieldName] ?? null;
}

function aggregate(org: Org, query: CompiledQuery, rows: SRecord[]): Row[] {
  const groups = new Map<string, SRecord[]>();
  for (const r of rows) {
    const key = JSON.stringify(query.groupBy.map((g) => readPath(org, r, g)));
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  if (query.groupBy.length === 0 && groups.size === 0) groups.set('[]', []);
  const out: Row[] = [];
  for (const members of groups.values()) {
    const row: Row = { attributes: { type: 'AggregateResult' } };
    for (const item of query.items) {
      if (item.kind === 'field')
        row[item.path.fieldName] = members[0] ? readPath(org, members[0], item.path) : null;
      if (item.kind !== 'aggregate') continue;
      const values = members.map((m) => readPath(org, m, item.path!)).filter((v) => v !== null);
      switch (item.fn) {
        case 'COUNT':
          row[item.alias] = values.length;
          break;
        case 'COUNT_DISTINCT':
          row[item.alias] = new Set(values.map(String)).size;
          break;
        case 'SUM':
          row[item.alias] = values.length ? values.reduce((s: number, v) => s + Number(v), 0) : null;
          break;
        case 'AVG':
          row[item.alias] = values.length
            ? values.reduce((s: number, v) => s + Number(v), 0) / values.length
            : null;
          break;
        case 'MIN':
        case 'MAX': {
          const sorted = [...values].sort((a, b) =>
            typeof a === 'number' ? a - (b as number) : String(a).localeCompare(String(b)),
          );
          row[item.alias] = (item.fn === 'MIN' ? sorted[0] : sorted[sorted.length - 1]) ?? null;
        }
      }
    }
    out.push(row);
  }
  return out;
}
