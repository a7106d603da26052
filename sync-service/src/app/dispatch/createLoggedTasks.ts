// Creates the Tasks that log sent emails without ever creating one twice. A create whose call
// failed may still have committed (the org answered 5xx after the insert), so before trying
// again the tasks are looked up by Campaign_Step_Key__c; only those not found are created again.
// A replayed write-back (replayWriteBacks.ts) looks them all up first: the attempt it follows may
// have created some before the process stopped.
import type { CampaignOrg, OrgRecord, RecordOutcome, TaskRecord } from '../ports/campaignOrg.ts';
import type { Clock } from '../ports/clock.ts';

const ROUNDS = 4;
const BACKOFF_MS = 500;

export async function createLoggedTasks(
  tasks: ReadonlyArray<{ stepKey: string; record: OrgRecord }>,
  deps: { org: CampaignOrg; clock: Clock; lookUpFirst?: boolean },
): Promise<RecordOutcome[]> {
  const outcomes = new Array<RecordOutcome>(tasks.length);
  let pending = tasks.map((_, i) => i);
  if (deps.lookUpFirst && pending.length > 0) {
    // Only a closed task is a logged email: an open one with the same key is a manual email's
    // own task, which the write-back completes rather than creates.
    const found = (await deps.org.tasksByStepKeys(tasks.map((t) => t.stepKey))).filter((t) => t.IsClosed);
    pending = pending.filter((index) => !adopt(found, tasks[index]!.stepKey, index, outcomes));
  }
  for (let round = 0; pending.length > 0; round += 1) {
    const results = await deps.org.createTasks(pending.map((i) => tasks[i]!.record));
    const unsure: number[] = [];
    pending.forEach((index, n) => {
      const result = results[n]!;
      outcomes[index] = result;
      if (!result.ok && result.unknownOutcome) unsure.push(index);
    });
    if (unsure.length === 0 || round + 1 >= ROUNDS) break;
    await deps.clock.sleep(BACKOFF_MS * 2 ** round);
    const found = await deps.org.tasksByStepKeys(unsure.map((i) => tasks[i]!.stepKey));
    pending = unsure.filter((index) => !adopt(found, tasks[index]!.stepKey, index, outcomes));
  }
  return outcomes;
}

/** Takes an existing task for the step as the outcome; false when there is none. */
function adopt(found: TaskRecord[], stepKey: string, index: number, outcomes: RecordOutcome[]): boolean {
  const existing = found.find((f) => f.Campaign_Step_Key__c === stepKey);
  if (existing) outcomes[index] = { ok: true, id: existing.Id };
  return existing !== undefined;
}
