// Where the org's records live: in memory, optionally mirrored to a SQLite file so a demo org
// survives restarts. Records are plain objects keyed by canonical field API names, with values in
// their REST wire form (ISO datetimes with +0000, `HH:mm:ss.SSSZ` times). Deleted records stay,
// flagged IsDeleted, for queryAll and ENTITY_IS_DELETED.
import Database from 'better-sqlite3';
import { isValidId, to18 } from './ids.ts';

export type SRecord = Record<string, unknown> & { Id: string };

export interface StoredRecord {
  object: string;
  record: SRecord;
}

/** How an index compares values: `exact` (case-sensitive text), `lowercase` (text compared as
 * SOQL and case-insensitive unique fields do), `id` (15- and 18-character ids are one value). */
export type IndexKey = 'exact' | 'lowercase' | 'id';

interface IndexSpec {
  field: string;
  key: IndexKey;
  values: Map<string, Set<string>>;
}

export class RecordStore {
  private readonly byObject = new Map<string, Map<string, SRecord>>();
  /** Value indexes on unique and external id fields, so uniqueness checks and upserts do not
   * scan every record (bulk loads of thousands of rows stay linear). */
  private readonly indexes = new Map<string, IndexSpec[]>();
  /** Each record's position in its object's insertion order, so records found through an index
   * come back in the same order a scan of `all` gives. */
  private readonly positions = new Map<string, number>();
  private nextPosition = 0;
  private readonly objectOfId = new Map<string, string>();
  /** 15-character id → 18-character id (15-character ids are case-sensitive and unique). */
  private readonly fullIds = new Map<string, string>();
  private readonly db: Database.Database | undefined;

  constructor(persistFile?: string) {
    if (persistFile) {
      this.db = new Database(persistFile);
      this.db.pragma('journal_mode = WAL');
      this.db.exec(
        'CREATE TABLE IF NOT EXISTS records (id TEXT PRIMARY KEY, object TEXT NOT NULL, data TEXT NOT NULL)',
      );
      for (const row of this.db.prepare('SELECT object, data FROM records').all() as Array<{
        object: string;
        data: string;
      }>) {
        this.put(row.object, JSON.parse(row.data) as SRecord);
      }
    }
  }

  /** Every stored record, for id-counter recovery after a persistent restart. */
  *allIds(): Iterable<string> {
    yield* this.objectOfId.keys();
  }

  isEmpty(): boolean {
    return this.objectOfId.size === 0;
  }

  get(object: string, id: string): SRecord | undefined {
    return this.byObject.get(object)?.get(id);
  }

  /** Finds a record by id whatever its object; ids may be 15 or 18 characters. */
  find(id: string): StoredRecord | undefined {
    const full = this.resolveId(id);
    const object = full && this.objectOfId.get(full);
    if (!object || !full) return undefined;
    return { object, record: this.byObject.get(object)!.get(full)! };
  }

  resolveId(id: string): string | undefined {
    if (id.length === 18) return this.objectOfId.has(id) ? id : undefined;
    return this.fullIds.get(id);
  }

  all(object: string): SRecord[] {
    return [...this.each(object)];
  }

  /** The records of an object in insertion order, without copying the list: the store must not
   * change while the caller iterates. */
  each(object: string): Iterable<SRecord> {
    return this.byObject.get(object)?.values() ?? [];
  }

  put(object: string, record: SRecord): void {
    let records = this.byObject.get(object);
    if (!records) this.byObject.set(object, (records = new Map()));
    const previous = records.get(record.Id);
    if (previous) this.unindex(object, previous);
    else this.positions.set(record.Id, this.nextPosition++);
    records.set(record.Id, record);
    this.objectOfId.set(record.Id, object);
    this.fullIds.set(record.Id.slice(0, 15), record.Id);
    this.index(object, record);
  }

  /** Removes a record entirely (rolling back its creation; emptying the recycle bin). */
  purge(object: string, id: string): void {
    const previous = this.byObject.get(object)?.get(id);
    if (previous) this.unindex(object, previous);
    this.byObject.get(object)?.delete(id);
    this.positions.delete(id);
    this.objectOfId.delete(id);
    this.fullIds.delete(id.slice(0, 15));
  }

  /** Maintains a value index on `field` of `object` from now on (existing records included). */
  defineIndex(object: string, field: string, key: IndexKey): void {
    const spec: IndexSpec = { field, key, values: new Map() };
    this.indexes.set(object, [...(this.indexes.get(object) ?? []), spec]);
    for (const record of this.all(object)) this.addToIndex(spec, record);
  }

  /** Records (deleted ones included) whose `field` equals one of `values`, as an index of kind
   * `key` compares them, in insertion order; undefined when the field has no such index. */
  lookup(object: string, field: string, key: IndexKey, values: Iterable<unknown>): SRecord[] | undefined {
    const spec = this.indexes.get(object)?.find((s) => s.field === field && s.key === key);
    if (!spec) return undefined;
    const ids = new Set<string>();
    for (const value of values) for (const id of spec.values.get(this.key(spec, value)) ?? []) ids.add(id);
    return this.inInsertionOrder(object, ids);
  }

  /** The given ids' records of `object` (unknown ids skipped), in insertion order. */
  getMany(object: string, ids: Iterable<string>): SRecord[] {
    return this.inInsertionOrder(object, new Set(ids));
  }

  private inInsertionOrder(object: string, ids: Set<string>): SRecord[] {
    const records = this.byObject.get(object);
    const found: SRecord[] = [];
    for (const id of ids) {
      const record = records?.get(id);
      if (record) found.push(record);
    }
    if (found.length > 1) found.sort((a, b) => this.positions.get(a.Id)! - this.positions.get(b.Id)!);
    return found;
  }

  private key(spec: IndexSpec, value: unknown): string {
    switch (spec.key) {
      case 'exact':
        return String(value);
      case 'lowercase':
        return String(value).toLowerCase();
      case 'id':
        return typeof value === 'string' && isValidId(value) ? to18(value) : String(value);
    }
  }

  private addToIndex(spec: IndexSpec, record: SRecord): void {
    const value = record[spec.field];
    if (value === null || value === undefined) return;
    const key = this.key(spec, value);
    let ids = spec.values.get(key);
    if (!ids) spec.values.set(key, (ids = new Set()));
    ids.add(record.Id);
  }

  private index(object: string, record: SRecord): void {
    for (const spec of this.indexes.get(object) ?? []) this.addToIndex(spec, record);
  }

  private unindex(object: string, record: SRecord): void {
    for (const spec of this.indexes.get(object) ?? []) {
      const value = record[spec.field];
      if (value === null || value === undefined) continue;
      spec.values.get(this.key(spec, value))?.delete(record.Id);
    }
  }

  /** Writes the given records' current state to the SQLite mirror in one transaction. */
  persist(ids: Iterable<{ object: string; id: string }>): void {
    if (!this.db) return;
    const upsert = this.db.prepare('INSERT OR REPLACE INTO records (id, object, data) VALUES (?, ?, ?)');
    const remove = this.db.prepare('DELETE FROM records WHERE id = ?');
    this.db.transaction(() => {
      for (const { object, id } of ids) {
        const record = this.get(object, id);
        if (record) upsert.run(id, object, JSON.stringify(record));
        else remove.run(id);
      }
    })();
  }

  close(): void {
    this.db?.close();
  }
}
