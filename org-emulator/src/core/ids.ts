// Salesforce record ids: a 3-character key prefix naming the object, 12 more base-62 characters,
// and a 3-character suffix that encodes which of the first 15 are upper case (so the 18-character
// form survives case-insensitive systems). Clients check that suffix, so we compute it for real.

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const SUFFIX_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
/** Characters 4-6: an instance-like marker, as real ids carry the pod that created them. */
const POD = 'Em0';

export function checksumSuffix(id15: string): string {
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) {
      const c = id15.charCodeAt(chunk * 5 + i);
      if (c >= 65 && c <= 90) bits |= 1 << i;
    }
    suffix += SUFFIX_ALPHABET[bits];
  }
  return suffix;
}

export function to18(id: string): string {
  return id.length === 15 ? id + checksumSuffix(id) : id;
}

/** True when `id` is a well-formed 15- or 18-character id (18: with a correct suffix). */
export function isValidId(id: unknown): id is string {
  if (typeof id !== 'string' || !/^[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?$/.test(id)) return false;
  return id.length === 15 || checksumSuffix(id.slice(0, 15)) === id.slice(15);
}

export function keyPrefixOf(id: string): string {
  return id.slice(0, 3);
}

export interface IdGenerator {
  next(keyPrefix: string): string;
  /** Make sure ids loaded from a persisted store are never issued again. */
  observe(id: string): void;
}

export function createIdGenerator(): IdGenerator {
  let counter = 0;
  return {
    next(keyPrefix) {
      counter += 1;
      let n = counter;
      let body = '';
      for (let i = 0; i < 9; i++) {
        body = BASE62[n % 62] + body;
        n = Math.floor(n / 62);
      }
      return to18(keyPrefix + POD + body);
    },
    observe(id) {
      if (id.slice(3, 6) !== POD) return;
      let n = 0;
      for (const ch of id.slice(6, 15)) n = n * 62 + BASE62.indexOf(ch);
      if (n > counter) counter = n;
    },
  };
}
