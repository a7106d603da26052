// Measures when Bulk API 2.0 beats Composite + sObject Collections for upserting
// Enrollment_Step__c records: API calls and wall time per batch size, against the org emulator.
// Run: npx --no-install tsx test/salesforce/measureBulkThreshold.ts   (not part of the test run)
import { connectOrg } from '../../src/salesforce/orgConnection.ts';
import { RecordWriter } from '../../src/salesforce/recordWriter.ts';
import { quietLogger, startTestOrg } from '../support/testOrg.ts';
import { createCampaign, createContact, enroll } from '../support/scenario.ts';

const SIZES = [200, 1000, 2000, 5000, 10000];
const ENROLLMENTS = 50;

const org = await startTestOrg({ start: '2026-04-30T10:00:00Z' });
try {
  const logger = quietLogger();
  const session = await connectOrg(org.orgConfig, logger);
  const campaign = await createCampaign(org.screen, {
    steps: [{ key: 'call', day: 1, order: 1, type: 'Call' }],
  });
  const enrollmentIds: string[] = [];
  for (let i = 0; i < ENROLLMENTS; i += 1) {
    const contact = await createContact(org.screen, `B${i}`);
    enrollmentIds.push(
      await enroll(org.screen, {
        campaignId: campaign.id,
        personId: contact,
        ownerId: org.emulator.repUserId,
        launchedAt: org.clock.now(),
      }),
    );
  }
  const stepId = campaign.stepIds.call!;
  let serial = 0;
  const batch = (n: number) =>
    Array.from({ length: n }, (_, i) => {
      const enrollmentId = enrollmentIds[i % ENROLLMENTS]!;
      serial += 1;
      return {
        Step_Key__c: `${enrollmentId}:${stepId}:${serial}`,
        Enrollment__c: enrollmentId,
        Step__c: stepId,
        Status__c: 'Scheduled',
        Scheduled_At__c: '2026-05-04T07:00:00Z',
      };
    });
  const writer = (bulkThreshold: number) =>
    new RecordWriter({
      connection: session.connection,
      apiVersion: session.apiVersion,
      clock: org.clock,
      logger,
      bulkThreshold,
    });
  const composite = writer(Number.MAX_SAFE_INTEGER);
  const bulk = writer(0);
  console.log('records | composite calls | composite ms | bulk calls | bulk ms');
  for (const size of SIZES) {
    const measure = async (w: RecordWriter) => {
      const calls = session.apiCalls();
      const started = performance.now();
      const outcomes = await w.upsert('Enrollment_Step__c', 'Step_Key__c', batch(size));
      if (outcomes.some((o) => !o.ok))
        throw new Error(`failed records at size ${size}: ${JSON.stringify(outcomes.find((o) => !o.ok))}`);
      return { calls: session.apiCalls() - calls, ms: Math.round(performance.now() - started) };
    };
    const c = await measure(composite);
    const b = await measure(bulk);
    console.log(`${size} | ${c.calls} | ${c.ms} | ${b.calls} | ${b.ms}`);
  }
} finally {
  await org.stop();
}
