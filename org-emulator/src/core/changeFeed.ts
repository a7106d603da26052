// The seam between the emulator's record store (REST) and its Streaming API: every committed
// write is announced here once, after commit, in commit order. Change Data Capture and platform
// event delivery subscribe to it; the REST side never knows who listens.

export type ChangeType = 'CREATE' | 'UPDATE' | 'DELETE' | 'UNDELETE';

/** One object's share of one committed transaction (Salesforce may merge several records of one
 * object and one change type into a single change event). */
export interface CommittedChange {
  entityName: string;
  changeType: ChangeType;
  recordIds: string[];
  /** UPDATE: the fields whose values changed (API names); empty for other change types. */
  changedFields: string[];
  /** The records' field values after the change (before it, for DELETE), keyed by id. */
  records: Record<string, Record<string, unknown>>;
  /** The client name from the `Sforce-Call-Options: client=…` header, if any. */
  changeOrigin: string;
  transactionKey: string;
  /** Position of this change within its transaction (0-based). */
  sequenceNumber: number;
  commitTimestamp: number;
  commitNumber: number;
  commitUser: string;
}

/** A platform event published through REST (`/sobjects/Name__e`). */
export interface PublishedEvent {
  eventName: string;
  /** The `EventUuid`-like id Salesforce returns in the publish result. */
  id: string;
  payload: Record<string, unknown>;
  createdDate: string;
  createdById: string;
}

export type ChangeListener = (change: CommittedChange) => void;
export type EventListener = (event: PublishedEvent) => void;

export interface ChangeFeed {
  onChange(listener: ChangeListener): () => void;
  onEvent(listener: EventListener): () => void;
  emitChange(change: CommittedChange): void;
  emitEvent(event: PublishedEvent): void;
}

export function createChangeFeed(): ChangeFeed {
  const changeListeners = new Set<ChangeListener>();
  const eventListeners = new Set<EventListener>();
  return {
    onChange(listener) {
      changeListeners.add(listener);
      return () => changeListeners.delete(listener);
    },
    onEvent(listener) {
      eventListeners.add(listener);
      return () => eventListeners.delete(listener);
    },
    emitChange(change) {
      for (const listener of changeListeners) listener(change);
    },
    emitEvent(event) {
      for (const listener of eventListeners) listener(event);
    },
  };
}
