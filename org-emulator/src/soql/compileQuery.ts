// Parses SOQL with @jetstreamapp/soql-parser-js and checks it against the schema. Whatever the
// emulator cannot answer exactly is refused with MALFORMED_QUERY rather than answered wrongly.
import { parseQuery } from '@jetstreamapp/soql-parser-js';
import type { Query, WhereClause } from '@jetstreamapp/soql-parser-js';
import { SalesforceError } from '../core/errors.ts';
import type { OrgSchema } from '../schema/orgSchema.ts';
import type { ObjectSchema } from '../schema/types.ts';
import type { CompiledQuery, Condition, OrderItem, SelectItem } from './ast.ts';
import { compileWhere } from './compileWhere.ts';
import { resolvePath } from './resolvePath.ts';

export function malformed(message: string): SalesforceError {
  return new SalesforceError('MALFORMED_QUERY', message);
}

/** Marks unquoted Time literals (`Send_Time__c = 09:00:00.000Z`), which the parser does not know,
 * as strings with this prefix; a quoted string compared with a Time field stays an error. */
export const TIME_LITERAL_MARK = '\u0000time:';

function markTimeLiterals(soql: string): string {
  let out = '';
  let quoted = false;
  for (let i = 0; i < soql.length; i++) {
    const c = soql[i]!;
    if (c === "'" && soql[i - 1] !== '\\') quoted = !quoted;
    if (!quoted && /[\s=<>,(]/.test(c)) {
      const match = /^\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z\b/.exec(soql.slice(i + 1));
      if (match) {
        out += `${c}'${TIME_LITERAL_MARK}${match[0]}'`;
        i += match[0].length;
        continue;
      }
    }
    out += c;
  }
  return out;
}

export function compileSoql(schema: OrgSchema, soql: string): CompiledQuery {
  let parsed: Query;
  try {
    parsed = parseQuery(markTimeLiterals(soql));
  } catch (error) {
    const detail =
      error instanceof Error ? (error.message.split('\n')[0] ?? '').slice(0, 200) : 'syntax error';
    throw malformed(`unexpected token in query: ${detail}`);
  }
  return compileSelect(schema, parsed, undefined);
}

function unsupported(what: string): SalesforceError {
  return malformed(`${what} is not supported by the org emulator`);
}

export function compileSelect(
  schema: OrgSchema,
  query: Query,
  childOf: ObjectSchema | undefined,
): CompiledQuery {
  const q = query as Query & { relationshipName?: string };
  let object: ObjectSchema;
  if (childOf) {
    const relationship = childOf.childRelationships.find(
      (r) => r.relationshipName?.toLowerCase() === q.relationshipName?.toLowerCase(),
    );
    if (!relationship) {
      throw new SalesforceError(
        'INVALID_TYPE',
        `Didn't understand relationship '${q.relationshipName}' in FROM part of query call. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. Please reference your WSDL or the describe call for the appropriate names.`,
      );
    }
    object = schema.require(relationship.childSObject);
  } else {
    const found = schema.find(q.sObject ?? '');
    if (!found) {
      throw new SalesforceError(
        'INVALID_TYPE',
        `sObject type '${q.sObject}' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names.`,
      );
    }
    if (!found.queryable)
      throw new SalesforceError('INVALID_TYPE', `sObject type '${found.name}' is not supported.`);
    object = found;
  }
  if (q.having || q.for || q.update || q.withDataCategory || q.usingScope)
    unsupported('HAVING, FOR, UPDATE, WITH DATA CATEGORY and USING SCOPE are');
  const alias = q.sObjectAlias;
  const items: SelectItem[] = [];
  let countOnly = false;
  let aggregateIndex = 0;
  for (const f of q.fields ?? []) {
    switch (f.type) {
      case 'Field':
        items.push({ kind: 'field', path: resolvePath(schema, object, f.field, alias) });
        break;
      case 'FieldRelationship':
        items.push({
          kind: 'field',
          path: resolvePath(schema, object, [...f.relationships, f.field].join('.'), alias),
        });
        break;
      case 'FieldSubquery': {
        if (childOf) throw malformed('Nested subqueries are not supported');
        const sub = compileSelect(schema, f.subquery as Query, object);
        const relationship = object.childRelationships.find(
          (r) =>
            r.relationshipName?.toLowerCase() ===
            (f.subquery as { relationshipName?: string }).relationshipName?.toLowerCase(),
        )!;
        items.push({ kind: 'subquery', relationship, query: sub });
        break;
      }
      case 'FieldFunctionExpression': {
        const fn = f.functionName.toUpperCase();
        if (fn === 'FIELDS') {
          for (const name of expandFields(object, String(f.parameters?.[0] ?? ''))) {
            items.push({ kind: 'field', path: resolvePath(schema, object, name) });
          }
          break;
        }
        if (fn === 'COUNT' && (f.parameters ?? []).length === 0) {
          if ((q.fields ?? []).length > 1)
            throw malformed('COUNT() must be the only element in the SELECT list');
          countOnly = true;
          break;
        }
        if (
          !['COUNT', 'COUNT_DISTINCT', 'MIN', 'MAX', 'SUM', 'AVG'].includes(fn) ||
          (f.parameters ?? []).length !== 1
        ) {
          throw unsupported(`Function ${f.functionName}`);
        }
        const param = f.parameters![0];
        if (typeof param !== 'string') throw unsupported('Nested functions are');
        items.push({
          kind: 'aggregate',
          fn: fn as 'COUNT',
          path: resolvePath(schema, object, param, alias),
          alias: f.alias ?? `expr${aggregateIndex++}`,
        });
        break;
      }
      default:
        throw unsupported(`${f.type} in SELECT`);
    }
  }
  const groupBy = (Array.isArray(q.groupBy) ? q.groupBy : q.groupBy ? [q.groupBy] : []).map((g) => {
    if (!('field' in g) || !g.field) throw unsupported('GROUP BY functions are');
    return resolvePath(schema, object, g.field, alias);
  });
  const hasAggregate = items.some((i) => i.kind === 'aggregate');
  if (hasAggregate || groupBy.length > 0) {
    for (const item of items) {
      if (item.kind === 'subquery') throw malformed('Subqueries cannot be used with aggregate functions');
      if (item.kind === 'field' && !groupBy.some((g) => samePath(g, item.path))) {
        throw malformed(`Field must be grouped or aggregated: ${item.path.fieldName}`);
      }
    }
  }
  const orderBy: OrderItem[] = (Array.isArray(q.orderBy) ? q.orderBy : q.orderBy ? [q.orderBy] : []).map(
    (o) => {
      if (!('field' in o) || !o.field) throw unsupported('ORDER BY functions are');
      const descending = o.order === 'DESC';
      return {
        path: resolvePath(schema, object, o.field, alias),
        descending,
        nullsLast: o.nulls ? o.nulls === 'LAST' : descending,
      };
    },
  );
  if (q.offset !== undefined && q.offset > 2000) {
    throw new SalesforceError('NUMBER_OUTSIDE_VALID_RANGE', `Maximum SOQL offset allowed is 2000`);
  }
  const where: Condition | undefined = q.where
    ? compileWhere(schema, object, q.where as WhereClause, alias)
    : undefined;
  return { object, items, where, groupBy, orderBy, limit: q.limit, offset: q.offset, countOnly };
}

function samePath(
  a: { hops: { name: string }[]; fieldName: string },
  b: { hops: { name: string }[]; fieldName: string },
): boolean {
  return (
    a.fieldName === b.fieldName && a.hops.map((h) => h.name).join('.') === b.hops.map((h) => h.name).join('.')
  );
}

function expandFields(object: ObjectSchema, which: string): string[] {
  const kind = which.toUpperCase();
  return object.fields
    .filter((f) =>
      kind === 'ALL' ? true : kind === 'CUSTOM' ? f.custom : kind === 'STANDARD' ? !f.custom : false,
    )
    .map((f) => f.name);
}
