// Groups values by a key, keeping their order within each group (the use cases' batches).
export function groupBy<T, K = string>(values: readonly T[], key: (value: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const value of values) {
    const k = key(value);
    const list = out.get(k);
    if (list) list.push(value);
    else out.set(k, [value]);
  }
  return out;
}
