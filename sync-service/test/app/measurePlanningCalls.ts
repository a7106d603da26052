// Measures API calls and time to plan N enrollments of a 5-email campaign through the sweep
// (the same reconcile path the stream uses, in batches of 500), against the org emulator.
// Run: npx --no-install tsx test/app/measurePlanningCalls.ts [N]   (not part of the test run)
import { connectOrg } from '../../src/salesforce/orgConnection.ts';
import { JsforceCampaignOrg } from '../../src/salesforce/jsforceCampaignOrg.ts';
import { EnrollmentReconciler } from '../../src/app/planning/reconcileEnrollments.ts';
import { OrgReferenceData } from '../../src/app/planning/orgReferenceData.ts';
import { ReconciliationSweep } from '../../src/app/sweep/reconciliationSweep.ts';
import { SyncMetrics } from '../../src/app/syncMetrics.ts';
import { TaskCompletions } from '../../src/app/tasks/applyTaskCompletions.ts';
import { openTestStore } from '../support/testStores.ts';
import { quietLogger, startTestOrg } from '../support/testOrg.ts';
import { createCampaign } from '../support/scenario.ts';

const N = Number(process.argv[2] ?? 2000);
const org = await startTestOrg({ start: '2026-04-30T10:00:00Z' });
const testStore = await openTestStore('sqlite');
try {
  const logger = quietLogger();
  const campaign = await createCampaign(org.screen, {
    steps: [
      { key: 'e1', day: 1, order: 1, type: 'Email', sendOption: 'At_Time', sendTime: '15:00' },
      { key: 'e2', day: 2, order: 1, type: 'Email', sendOption: 'Same_Time_As_Previous' },
      { key: 'e3', day: 3, order: 1, type: 'Email', sendOption: 'Thread_Previous' },
      { key: 'e4', day: 5, order: 1, type: 'Email', sendOption: 'At_Time', sendTime: '10:00' },
      { key: 'e5', day: 8, order: 1, type: 'Email', sendOption: 'Thread_Previous' },
    ],
  });
  const contacts = Array.from({ length: N }, (_, i) => ({ LastName: `M${i}`, Email: `m${i}@example.com` }));
  const created = await org.screen.sobject('Contact').create(contacts, { allowRecursive: true });
  const launchedAt = new Date(org.clock.now()).toISOString();
  const enrollments = created.map((c) => ({
    Campaign__c: campaign.id,
    Contact__c: c.id,
    OwnerId: org.emulator.repUserId,
    Status__c: 'Scheduled',
    Launched_At__c: launchedAt,
    Unique_Key__c: `${campaign.id}:${c.id}`,
  }));
  await org.screen.sobject('Campaign_Enrollment__c').create(enrollments, { allowRecursive: true });

  const session = await connectOrg(org.orgConfig, logger);
  const orgTime: Record<string, number> = {};
  const campaignOrg = timed(
    new JsforceCampaignOrg(session, { clock: org.clock, logger, bulkThreshold: 10_000 }),
    orgTime,
  );
  const metrics = new SyncMetrics();
  const reference = new OrgReferenceData({
    org: campaignOrg,
    store: testStore.store,
    clock: org.clock,
    logger,
    refreshMs: 3_600_000,
  });
  const reconciler = new EnrollmentReconciler({
    org: campaignOrg,
    store: testStore.store,
    reference,
    clock: org.clock,
    logger,
    metrics,
  });
  const completions = new TaskCompletions({
    org: campaignOrg,
    store: testStore.store,
    clock: org.clock,
    logger,
    metrics,
    reconciler,
  });
  const sweep = new ReconciliationSweep({
    org: campaignOrg,
    clock: org.clock,
    logger,
    metrics,
    reconciler,
    reference,
    completions,
  });
  const calls = session.apiCalls();
  const started = performance.now();
  const summary = await sweep.run('measure');
  const ms = performance.now() - started;
  const used = session.apiCalls() - calls;
  console.log(
    JSON.stringify({
      enrollments: N,
      emailsPlanned: summary.stepsWritten,
      apiCalls: used,
      callsPer1000EmailsPlanned: +((used * 1000) / summary.stepsWritten).toFixed(2),
      seconds: +(ms / 1000).toFixed(1),
      peakRssMb: Math.round(process.memoryUsage().rss / 1e6),
      orgSecondsByCall: orgTime,
    }),
  );
} finally {
  await testStore.destroy();
  await org.stop();
}

/** Wall time spent in each org call (the emulator runs in this process, so this is mostly its time). */
function timed<T extends object>(target: T, totals: Record<string, number>): T {
  return new Proxy(target, {
    get(obj, key, receiver) {
      const value = Reflect.get(obj, key, receiver);
      if (typeof value !== 'function' || key === 'apiCalls') return value;
      return async (...args: unknown[]) => {
        const started = performance.now();
        try {
          return await value.apply(obj, args);
        } finally {
          totals[String(key)] = +((totals[String(key)] ?? 0) + (performance.now() - started) / 1000).toFixed(
            2,
          );
        }
      };
    },
  });
}
