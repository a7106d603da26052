// The pieces every record operation needs, gathered once at start-up.
import type { ControllableClock } from '../core/clock.ts';
import type { IdGenerator } from '../core/ids.ts';
import type { RecordStore } from '../core/recordStore.ts';
import type { BeginTransaction } from '../core/transaction.ts';
import type { OrgSchema } from '../schema/orgSchema.ts';

export interface Org {
  schema: OrgSchema;
  store: RecordStore;
  ids: IdGenerator;
  clock: ControllableClock;
  begin: BeginTransaction;
  orgId: string;
  /** Last auto-number issued per object. */
  autoNumbers: Map<string, number>;
}
