// Safe SOQL building: quoted literals and id lists split so one query stays well under the
// 100,000-character SOQL limit.
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

/** Queries go out as GET URLs: 300 quoted 18-character ids (~6.6 KB encoded) keep a query well
 * under the 16 KB request-line limit Salesforce and the emulator enforce. */
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
