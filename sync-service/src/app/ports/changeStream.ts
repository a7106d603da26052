// What the use cases receive from the org's change stream (CDC on the package's custom channel).
export interface ChangeEvent {
  replayId: number;
  entityName: string;
  changeType: 'CREATE' | 'UPDATE' | 'DELETE' | 'UNDELETE' | string;
  recordIds: string[];
  changedFields: string[];
  /** Commit time in the org, epoch ms. */
  commitTimestamp: number;
  /** True when the change was made by this service (its client name is in `changeOrigin`). */
  ownWrite: boolean;
  /** Field values carried by the event (all non-null ones for CREATE, the changed ones for UPDATE). */
  fields: Record<string, unknown>;
}

/** Applies a batch of change events; the replay position moves past them only once this resolves. */
export type ChangeEventHandler = (events: ChangeEvent[]) => Promise<void>;
