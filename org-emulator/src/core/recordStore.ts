// Where the org's records live: in memory, optionally mirrored to a SQLite file so a demo org
// survives restarts. Records are plain objects keyed by canonical field API names, with values in
// their REST wire form (ISO datetimes with +0000, `HH:mm:ss.SSSZ` times). Deleted records stay,
// flagged IsDeleted, for queryAll and ENTITY_IS_DELETED.
import Database from 'better-sqlite3';

export type SRecord = Record<string, unknown> & { Id: string };

export interface StoredRecord {
  object: string;
  record: SRecord;
}

export class RecordStore {
  private readonly byObject = new Map<string, Map<string, SRecord>>();
  private readonly objectOfId = new Map<string, string>();
  private readonly db: Database.Database | undefined;

  constructor(persistFile?: string) {
    if (persistFile) {
      this.db = new Database(persistFile);
      this.db.pragma('journal_mode = WAL');
      this.db.exec('CREATE TABLE IF NOT EXISTS records (id TEXT PRIMARY KEY, object TEXT NOT NULL, data TEXT NOT NULL)');
      for (const row of this.db.prepare('SELECT object, data FROM records').all() as Array<{ object: string; data: string }>) {
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
    for (const candidate of this.objectOfId.keys()) if (candidate.startsWith(id)) return candidate;
    return undefined;
  }

  all(object: string): SRecord[] {
    return [...(this.byObject.get(object)?.values() ?? [])];
  }

  put(object: string, record: SRecord): void {
    let records = this.byObject.get(object);
    if (!records) this.byObject.set(object, (records = new Map()));
    records.set(record.Id, record);
    this.objectOfId.set(record.Id, object);
  }

  /** Removes a record entirely (rolling back its creation; emptying the recycle bin). */
  purge(object: string, id: string): void {
    this.byObject.get(object)?.delete(id);
    this.objectOfId.delete(id);
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
