// Safe SOQL building: quoted literals, and id lists split so one query stays well under the
// 100,000-character SOQL limit and the 16 KB request line of a GET.
export function soqlString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

export function soqlList(values: readonly string[]): string {
  return `(${values.map(soqlString).join(',')})`;
}

/** Salesforce ids are 15 or 18 characters of [a-zA-Z0-9]; anything else is a bug upstream. */
export function assertId(id: string, where: string): string {
  if (!/^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/.test(id))
    throw new Error(`${where}: ${JSON.stringify(id)} is not a Salesforce id`);
  return id;
}

/**
 * Ids (or keys) per query, for every id-list query the adapters make. A query may go out as a GET
 * (alone, or retried alone), whose URI and headers Salesforce caps at 16 KB: 300 quoted, encoded
 * 18-character ids are about 8 KB, well under it, and 300 `enrollment:step` keys about 14.5 KB.
 * Inside a Composite call a query travels in the body, where only SOQL's 100,000-character limit
 * applies, so 500 would be safe there; but the lone query and the retry are GETs, and measured on
 * a 1,000-email dispatch batch of 5-step campaigns 500 saves nothing (3 Composite calls either way:
 * fewer chunks, more follow-up pages). QueryBatcher sends a URL over MAX_GET_URL_CHARS in a Composite
 * call, so the long-key case never reaches the limit either.
 */
export const IDS_PER_QUERY = 300;

export function inChunks<T>(values: readonly T[], size = IDS_PER_QUERY): T[][] {
  const unique = [...new Set(values)];
  const out: T[][] = [];
  for (let i = 0; i < unique.length; i += size) out.push(unique.slice(i, i + size));
  return out;
}

/** A field name from configuration (e.g. the recipient time zone field) checked before it goes into SOQL. */
export function assertFieldName(name: string, where: string): string {
  if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(name))
    throw new Error(`${where}: ${JSON.stringify(name)} is not a field API name`);
  return name;
}
