// Creates the Tasks that log sent emails without ever creating one twice. A create whose call
// failed may still have committed (the org answered 5xx after the insert), so before trying
// again the tasks are looked up by Campaign_Step_Key__c; only those not found are created again.
import type { CampaignOrg, OrgRecord, RecordOutcome } from '../ports/campaignOrg.ts';
import type { Clock } from '../ports/clock.ts';

const ROUNDS = 4;
const BACKOFF_MS = 500;

export async function createLoggedTasks(
  tasks: ReadonlyArray<{ stepKey: string; record: OrgRecord }>,
  deps: { org: CampaignOrg; clock: Clock },
): Promise<RecordOutcome[]> {
  const outcomes = new Array<RecordOutcome>(tasks.length);
  let pending = tasks.map((_, i) => i);
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
    pending = [];
    for (const index of unsure) {
      const existing = found.find((f) => f.Campaign_Step_Key__c === tasks[index]!.stepKey);
      if (existing) outcomes[index] = { ok: true, id: existing.Id };
      else pending.push(index);
    }
  }
  return outcomes;
}
