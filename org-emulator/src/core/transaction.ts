// A unit of work: DML applies to the store at once (so later statements of the same request see
// it), keeps an undo log for allOrNone rollback, and on commit persists the touched records and
// announces them on the change feed — once, after commit, one change per object and change type.
import { randomUUID } from 'node:crypto';
import type { ChangeFeed, ChangeType, CommittedChange } from './changeFeed.ts';
import type { RecordStore, SRecord } from './recordStore.ts';

export interface Actor {
  userId: string;
  /** `Sforce-Call-Options: client=NAME`, or '' when absent. */
  clientName: string;
}

interface PendingChange {
  entityName: string;
  changeType: ChangeType;
  recordIds: string[];
  changedFields: Set<string>;
  records: Record<string, Record<string, unknown>>;
}

export class Transaction {
  private readonly undo: Array<() => void> = [];
  private readonly touched = new Map<string, { object: string; id: string }>();
  private readonly pending = new Map<string, PendingChange>();
  private readonly createdHere = new Set<string>();
  private finished = false;
  private readonly afterCommitHooks: Array<() => void> = [];

  constructor(
    private readonly store: RecordStore,
    private readonly onCommit: (changes: PendingChange[], actor: Actor) => void,
    readonly actor: Actor,
  ) {}

  create(object: string, record: SRecord): void {
    this.store.put(object, record);
    this.undo.push(() => this.store.purge(object, record.Id));
    this.touch(object, record.Id);
    this.createdHere.add(record.Id);
    this.note(object, 'CREATE', record.Id, [], record);
  }

  update(object: string, before: SRecord, after: SRecord, changedFields: string[]): void {
    this.store.put(object, after);
    this.undo.push(() => this.store.put(object, before));
    this.touch(object, after.Id);
    // A record created and then changed in one transaction is one CREATE with its final values.
    if (this.createdHere.has(after.Id)) this.note(object, 'CREATE', after.Id, [], after);
    else this.note(object, 'UPDATE', after.Id, changedFields, after);
  }

  remove(object: string, before: SRecord, after: SRecord): void {
    this.store.put(object, after);
    this.undo.push(() => this.store.put(object, before));
    this.touch(object, after.Id);
    this.note(object, 'DELETE', after.Id, [], before);
  }

  undelete(object: string, before: SRecord, after: SRecord): void {
    this.store.put(object, after);
    this.undo.push(() => this.store.put(object, before));
    this.touch(object, after.Id);
    this.note(object, 'UNDELETE', after.Id, [], after);
  }

  /** Runs once the transaction commits (platform events published after commit). */
  afterCommit(hook: () => void): void {
    this.afterCommitHooks.push(hook);
  }

  commit(): void {
    if (this.finished) return;
    this.finished = true;
    this.store.persist(this.touched.values());
    const changes = [...this.pending.values()].filter((c) => c.recordIds.length > 0);
    if (changes.length > 0) this.onCommit(changes, this.actor);
    for (const hook of this.afterCommitHooks) hook();
  }

  rollback(): void {
    if (this.finished) return;
    this.finished = true;
    while (this.undo.length > 0) this.undo.pop()!();
    this.pending.clear();
  }

  private touch(object: string, id: string): void {
    this.touched.set(id, { object, id });
  }

  private note(object: string, changeType: ChangeType, id: string, fields: string[], record: SRecord): void {
    const key = `${object}\u0000${changeType}`;
    let change = this.pending.get(key);
    if (!change) {
      change = { entityName: object, changeType, recordIds: [], changedFields: new Set(), records: {} };
      this.pending.set(key, change);
    }
    // `records` holds every id already noted: a lookup, where `recordIds.includes` made a
    // request of thousands of records quadratic.
    if (!Object.hasOwn(change.records, id)) change.recordIds.push(id);
    for (const f of fields) change.changedFields.add(f);
    change.records[id] = record;
  }
}

/** Begins transactions and numbers their commits; the feed hears about each commit in order. */
export function createTransactionFactory(store: RecordStore, feed: ChangeFeed, now: () => number) {
  let commitNumber = 0;
  const publish = (changes: PendingChange[], actor: Actor): void => {
    commitNumber += 1;
    const transactionKey = randomUUID();
    const commitTimestamp = now();
    changes.forEach((change, sequenceNumber) => {
      const committed: CommittedChange = {
        entityName: change.entityName,
        changeType: change.changeType,
        recordIds: change.recordIds,
        changedFields: change.changeType === 'UPDATE' ? [...change.changedFields] : [],
        records: change.records,
        changeOrigin: actor.clientName,
        transactionKey,
        sequenceNumber,
        commitTimestamp,
        commitNumber,
        commitUser: actor.userId,
      };
      feed.emitChange(committed);
    });
  };
  return (actor: Actor): Transaction => new Transaction(store, publish, actor);
}

export type BeginTransaction = ReturnType<typeof createTransactionFactory>;
