// Decides whether a record matches a WHERE condition, with SOQL's comparison rules: text is
// compared case-insensitively, ids in 15 or 18 characters, nulls only match `= null`.
import { parseDateTime } from '../core/datetime.ts';
import { isValidId, to18 } from '../core/ids.ts';
import type { SRecord } from '../core/recordStore.ts';
import type { Org } from '../records/org.ts';
import type { Condition, FieldPath, Literal } from './ast.ts';
import { dateLiteralRange } from './dateLiterals.ts';

export interface EvalContext {
  org: Org;
  now: number;
  /** Runs a semi-join subquery once and returns the set of values it selects. */
  semiJoin(query: Extract<Condition, { kind: 'inQuery' }>['query']): Set<string>;
}

/** Follows a path's parent relationships; null when any hop is empty. */
export function readPath(org: Org, record: SRecord, path: FieldPath): unknown {
  let current: SRecord | undefined = record;
  for (const hop of path.hops) {
    const id: unknown = current[hop.name];
    if (typeof id !== 'string') return null;
    current = org.store.find(id)?.record;
    if (!current) return null;
  }
  return current[path.fieldName] ?? null;
}

export function matches(ctx: EvalContext, record: SRecord, condition: Condition): boolean {
  switch (condition.kind) {
    case 'and':
      return condition.items.every((c) => matches(ctx, record, c));
    case 'or':
      return condition.items.some((c) => matches(ctx, record, c));
    case 'not':
      return !matches(ctx, record, condition.item);
    case 'inQuery': {
      const value = readPath(ctx.org, record, condition.path);
      const found = value !== null && ctx.semiJoin(condition.query).has(normalise(condition.path, value));
      return condition.negate ? !found : found;
    }
    case 'compare':
      return compare(
        ctx,
        condition.path,
        readPath(ctx.org, record, condition.path),
        condition.op,
        condition.values,
      );
  }
}

function normalise(path: FieldPath, value: unknown): string {
  const type = path.field.type;
  if (type === 'id' || type === 'reference')
    return typeof value === 'string' && isValidId(value) ? to18(value) : String(value);
  return String(value).toLowerCase();
}

function compare(
  ctx: EvalContext,
  path: FieldPath,
  value: unknown,
  op: string,
  literals: Literal[],
): boolean {
  if (op === 'IN' || op === 'NOT IN') {
    const hit = inList(ctx, path, value, literals);
    return op === 'IN' ? hit : !hit;
  }
  const literal = literals[0]!;
  if (op === 'INCLUDES' || op === 'EXCLUDES') {
    const selected = new Set(
      String(value ?? '')
        .split(';')
        .map((v) => v.toLowerCase()),
    );
    const hit = literals.some(
      (l) => l.type === 'string' && l.value.split(';').every((part) => selected.has(part.toLowerCase())),
    );
    return op === 'INCLUDES' ? hit : !hit;
  }
  // `=` is IN with one value (compared through the cached set, not normalised per record).
  if (op === '=') return inList(ctx, path, value, literals);
  if (op === '!=') return !inList(ctx, path, value, literals);
  if (value === null || literal.type === 'null') return false;
  if (op === 'LIKE') return like(String(value), literal.type === 'string' ? literal.value : '');
  if (literal.type === 'dateRange') {
    const [start, end] = dateLiteralRange(literal.name, literal.n, ctx.now);
    const v = toInstant(path, value);
    if (op === '<') return v < start;
    if (op === '<=') return v < end;
    if (op === '>') return v >= end;
    return v >= start; // >=
  }
  const [a, b] = orderable(path, value, literal);
  if (op === '<') return a < b;
  if (op === '<=') return a <= b;
  if (op === '>') return a > b;
  return a >= b;
}

interface LiteralSet {
  /** The text literals, normalised as `equals` compares them. */
  texts: Set<string>;
  hasNull: boolean;
  /** Literals of other types, compared one by one. */
  others: Literal[];
}

/** Each IN list's literals as a set, built once per list: a query with a few hundred ids tests
 * each record with one lookup instead of a few hundred comparisons. */
const literalSets = new WeakMap<Literal[], LiteralSet>();

function inList(ctx: EvalContext, path: FieldPath, value: unknown, literals: Literal[]): boolean {
  let set = literalSets.get(literals);
  if (!set) {
    set = { texts: new Set(), hasNull: false, others: [] };
    for (const l of literals) {
      if (l.type === 'string') set.texts.add(normalise(path, l.value));
      else if (l.type === 'null') set.hasNull = true;
      else set.others.push(l);
    }
    literalSets.set(literals, set);
  }
  if (value === null) return set.hasNull;
  if (set.texts.size > 0 && set.texts.has(normalise(path, value))) return true;
  return set.others.some((l) => equals(ctx, path, value, l));
}

function equals(ctx: EvalContext, path: FieldPath, value: unknown, literal: Literal): boolean {
  if (literal.type === 'null') return value === null;
  if (value === null) return false;
  if (literal.type === 'dateRange') {
    const [start, end] = dateLiteralRange(literal.name, literal.n, ctx.now);
    const v = toInstant(path, value);
    return v >= start && v < end;
  }
  if (literal.type === 'string') return normalise(path, value) === normalise(path, literal.value);
  const [a, b] = orderable(path, value, literal);
  return a === b;
}

function toInstant(path: FieldPath, value: unknown): number {
  return path.field.type === 'date' ? Date.parse(`${String(value)}T00:00:00Z`) : parseDateTime(String(value));
}

function orderable(path: FieldPath, value: unknown, literal: Literal): [number | string, number | string] {
  switch (literal.type) {
    case 'number':
      return [Number(value), literal.value];
    case 'boolean':
      return [String(value), String(literal.value)];
    case 'date':
      return [String(value), literal.value];
    case 'datetime':
      return [toInstant(path, value), literal.value];
    case 'string':
      return [String(value).toLowerCase(), literal.value.toLowerCase()];
    default:
      return [String(value), ''];
  }
}

/** SOQL LIKE: % any run, _ one character, case-insensitive, `\%` and `\_` literal. */
function like(value: string, pattern: string): boolean {
  let regex = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\' && i + 1 < pattern.length) regex += escapeRegex(pattern[++i]!);
    else if (c === '%') regex += '.*';
    else if (c === '_') regex += '.';
    else regex += escapeRegex(c);
  }
  return new RegExp(`^${regex}$`, 'is').test(value);
}

function escapeRegex(c: string): string {
  return c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
