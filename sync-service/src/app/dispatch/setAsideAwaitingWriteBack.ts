// Keeps at most once (DESIGN §2.5) while a write-back is pending. The store records an email Sent
// (or Failed, Cancelled …) before the org hears of it; until the outbox entry lands, the org still
// shows the step as to be sent. A re-plan read from the org meanwhile (the sweep on start, a
// change event on the enrollment) or a rep pressing "send now" on it can make the step due again
// in the store. A claimed item in that state is not sent: its recorded outcome is put back, and
// the replay (replayWriteBacks.ts) tells the org.
import type { Logger } from 'pino';
import type { PlanItem, SyncStore } from '../ports/syncStore.ts';

export async function setAsideAwaitingWriteBack(
  items: PlanItem[],
  deps: { store: SyncStore; owner: string; logger: Logger },
): Promise<PlanItem[]> {
  if (items.length === 0) return items;
  const recorded = await deps.store.writeBackOutcomes(items.map((i) => i.stepKey));
  if (recorded.size === 0) return items;
  const aside = items.filter((i) => recorded.has(i.stepKey));
  await deps.store.updatePlanItems(
    aside.map((i) => ({ stepKey: i.stepKey, status: recorded.get(i.stepKey)! })),
  );
  await deps.store.releaseClaims(
    aside.map((i) => i.stepKey),
    deps.owner,
  );
  for (const item of aside)
    deps.logger.warn(
      { stepKey: item.stepKey, recorded: recorded.get(item.stepKey), asked: item.status },
      'due again in the store, but its outcome is still on its way to the org; not sent again',
    );
  return items.filter((i) => !recorded.has(i.stepKey));
}
