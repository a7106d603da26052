// The parser hands WHERE back as a right-leaning chain with parenthesis counts on its
// conditions; we turn that into tokens and re-parse with SOQL precedence (NOT > AND > OR), then
// check each condition's literal against its field's type.
import type { Query, WhereClause } from '@jetstreamapp/soql-parser-js';
import { SalesforceError } from '../core/errors.ts';
import { normaliseTime, parseDateTime } from '../core/datetime.ts';
import type { OrgSchema } from '../schema/orgSchema.ts';
import type { FieldSchema, ObjectSchema } from '../schema/types.ts';
import type { Condition, Literal } from './ast.ts';
import { TIME_LITERAL_MARK, compileSelect, malformed } from './compileQuery.ts';
import { resolvePath } from './resolvePath.ts';

type RawCondition = {
  field?: string;
  fn?: unknown;
  operator: string;
  value?: string | string[];
  valueQuery?: Query;
  literalType?: string | string[];
  dateLiteralVariable?: number | number[];
  openParen?: number;
  closeParen?: number;
};
type Token = '(' | ')' | 'AND' | 'OR' | 'NOT' | { condition: RawCondition };

function flatten(clause: WhereClause | undefined, tokens: Token[]): void {
  if (!clause) return;
  const node = clause as {
    left: RawCondition | { openParen?: number } | null;
    operator?: string;
    right?: WhereClause;
  };
  if (node.operator === 'NOT' && (node.left === null || !('operator' in node.left))) {
    for (let i = 0; i < (node.left?.openParen ?? 0); i++) tokens.push('(');
    tokens.push('NOT');
    flatten(node.right, tokens);
    return;
  }
  const condition = node.left as RawCondition;
  for (let i = 0; i < (condition.openParen ?? 0); i++) tokens.push('(');
  tokens.push({ condition });
  for (let i = 0; i < (condition.closeParen ?? 0); i++) tokens.push(')');
  if (node.operator === 'AND' || node.operator === 'OR') {
    tokens.push(node.operator);
    flatten(node.right, tokens);
  }
}

export function compileWhere(
  schema: OrgSchema,
  object: ObjectSchema,
  where: WhereClause,
  alias?: string,
): Condition {
  const tokens: Token[] = [];
  flatten(where, tokens);
  let pos = 0;
  const orExpr = (): Condition => {
    const items = [andExpr()];
    while (tokens[pos] === 'OR') {
      pos += 1;
      items.push(andExpr());
    }
    return items.length === 1 ? items[0]! : { kind: 'or', items };
  };
  const andExpr = (): Condition => {
    const items = [unary()];
    while (tokens[pos] === 'AND') {
      pos += 1;
      items.push(unary());
    }
    return items.length === 1 ? items[0]! : { kind: 'and', items };
  };
  const unary = (): Condition => {
    const token = tokens[pos++];
    if (token === 'NOT') return { kind: 'not', item: unary() };
    if (token === '(') {
      const inner = orExpr();
      if (tokens[pos++] !== ')') throw malformed('unbalanced parentheses in WHERE');
      return inner;
    }
    if (token && typeof token === 'object') return compileCondition(schema, object, token.condition, alias);
    throw malformed('unexpected token in WHERE');
  };
  const tree = orExpr();
  if (pos !== tokens.length) throw malformed('unexpected token in WHERE');
  return tree;
}

function compileCondition(
  schema: OrgSchema,
  object: ObjectSchema,
  raw: RawCondition,
  alias?: string,
): Condition {
  if (raw.fn || !raw.field) throw malformed('functions in WHERE are not supported by the org emulator');
  const path = resolvePath(schema, object, raw.field, alias);
  const op = raw.operator.toUpperCase();
  if (raw.valueQuery) {
    if (op !== 'IN' && op !== 'NOT IN') throw malformed('a semi-join subquery needs IN or NOT IN');
    const query = compileSelect(schema, raw.valueQuery, undefined);
    if (query.items.length !== 1 || query.items[0]!.kind !== 'field')
      throw malformed('a semi-join subquery must select exactly one field');
    return { kind: 'inQuery', path, negate: op === 'NOT IN', query };
  }
  if (!['=', '!=', '<>', '<', '>', '<=', '>=', 'LIKE', 'IN', 'NOT IN', 'INCLUDES', 'EXCLUDES'].includes(op)) {
    throw malformed(`operator ${raw.operator} is not supported by the org emulator`);
  }
  const values = Array.isArray(raw.value) ? raw.value : [raw.value ?? ''];
  const types = Array.isArray(raw.literalType)
    ? raw.literalType
    : values.map(() => raw.literalType as string);
  const variables = Array.isArray(raw.dateLiteralVariable)
    ? raw.dateLiteralVariable
    : values.map(() => raw.dateLiteralVariable as number);
  const literals = values.map((v, i) => toLiteral(path.field, v, types[i] ?? 'STRING', variables[i]));
  if ((op === 'IN' || op === 'NOT IN') !== Array.isArray(raw.value))
    throw malformed(`${op} needs a parenthesised list`);
  if (op === 'LIKE' && literals[0]?.type !== 'string') throw malformed('LIKE needs a string value');
  return { kind: 'compare', path, op: op === '<>' ? '!=' : op, values: literals };
}

const TEXT_TYPES = new Set([
  'string',
  'textarea',
  'email',
  'phone',
  'url',
  'picklist',
  'multipicklist',
  'id',
  'reference',
]);

function toLiteral(
  field: FieldSchema,
  value: string,
  literalType: string,
  variable: number | undefined,
): Literal {
  const wrongType = (expected: string, quoted: boolean): SalesforceError =>
    new SalesforceError(
      'INVALID_FIELD',
      `value of filter criterion for field '${field.name}' must be of type ${expected} and should ${quoted ? '' : 'not '}be enclosed in quotes`,
    );
  if (literalType === 'NULL') return { type: 'null' };
  const text = literalType === 'STRING' ? unquote(value) : '';
  const isTime = text.startsWith(TIME_LITERAL_MARK);
  if (field.type === 'time') {
    if (!isTime) throw wrongType('time', false);
    return { type: 'string', value: normaliseTime(text.slice(TIME_LITERAL_MARK.length)) ?? '' };
  }
  if (isTime) throw wrongType(field.type, false);
  if (TEXT_TYPES.has(field.type)) {
    if (literalType !== 'STRING') throw wrongType('string', true);
    return { type: 'string', value: text };
  }
  switch (field.type) {
    case 'boolean':
      if (literalType !== 'BOOLEAN') throw wrongType('boolean', false);
      return { type: 'boolean', value: value.toUpperCase() === 'TRUE' };
    case 'double':
    case 'int':
    case 'currency':
    case 'percent':
      if (literalType !== 'INTEGER' && literalType !== 'DECIMAL') throw wrongType('double', false);
      return { type: 'number', value: Number(value) };
    case 'date':
    case 'datetime':
      if (literalType === 'DATE_LITERAL') return { type: 'dateRange', name: value.toUpperCase(), n: 0 };
      if (literalType === 'DATE_N_LITERAL')
        return {
          type: 'dateRange',
          name: value.split(':')[0]!.toUpperCase(),
          n: Number(variable ?? value.split(':')[1]),
        };
      if (field.type === 'date' && literalType === 'DATE') return { type: 'date', value };
      if (field.type === 'datetime' && literalType === 'DATETIME')
        return { type: 'datetime', value: parseDateTime(value) };
      throw wrongType(field.type === 'date' ? 'date' : 'dateTime', false);
    default:
      throw malformed(`cannot filter on field ${field.name}`);
  }
}

function unquote(value: string): string {
  const inner = value.startsWith("'") && value.endsWith("'") ? value.slice(1, -1) : value;
  // `\%` and `\_` stay escaped: they only mean something to LIKE, which reads them itself.
  return inner.replace(/\\(.)/g, (_, c: string) =>
    c === '%' || c === '_' ? `\\${c}` : ({ n: '\n', t: '\t', r: '\r' }[c] ?? c),
  );
}
