// The local store's door: open it from configuration; the use cases see only the SyncStore port.
export { openStore, dropPostgresSchema, StoreOpenError } from './openStore.ts';
export { KyselyStore } from './kyselyStore.ts';
export { streamLockKey } from './advisoryLockStreamOwnership.ts';
