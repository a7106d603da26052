// The planning use case wired as the service wires it, against a real org emulator over HTTP and
// a real SQLite store, for the planning tests of this folder.
import { connectOrg } from '../../src/salesforce/orgConnection.ts';
import { JsforceCampaignOrg } from '../../src/salesforce/jsforceCampaignOrg.ts';
import { EnrollmentReconciler } from '../../src/app/planning/reconcileEnrollments.ts';
import { OrgReferenceData } from '../../src/app/planning/orgReferenceData.ts';
import { SyncMetrics } from '../../src/app/syncMetrics.ts';
import { openTestStore, type TestStore } from '../support/testStores.ts';
import { quietLogger, startTestOrg, type TestOrg } from '../support/testOrg.ts';

export interface PlanningHarness {
  org: TestOrg;
  testStore: TestStore;
  reconciler: EnrollmentReconciler;
  /** Another reconciler on the same org session and store, with nothing of the org cached
   * (settings, users' time zones, holidays), as after a restart. */
  coldReconciler(): EnrollmentReconciler;
  stop(): Promise<void>;
}

export async function startPlanningHarness(
  options: { start?: string; bulkThreshold?: number } = {},
): Promise<PlanningHarness> {
  const org = await startTestOrg({ start: options.start ?? '2026-04-30T10:00:00Z' });
  const testStore = await openTestStore('sqlite');
  const logger = quietLogger();
  const session = await connectOrg(org.orgConfig, logger);
  const campaignOrg = new JsforceCampaignOrg(session, {
    clock: org.clock,
    logger,
    bulkThreshold: options.bulkThreshold ?? 10_000,
  });
  const coldReconciler = () =>
    new EnrollmentReconciler({
      org: campaignOrg,
      store: testStore.store,
      reference: new OrgReferenceData({
        org: campaignOrg,
        store: testStore.store,
        clock: org.clock,
        logger,
        refreshMs: 60_000,
      }),
      clock: org.clock,
      logger,
      metrics: new SyncMetrics(),
    });
  return {
    org,
    testStore,
    reconciler: coldReconciler(),
    coldReconciler,
    async stop() {
      await testStore.destroy();
      await org.stop();
    },
  };
}
