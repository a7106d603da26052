// What the reads behind a dispatch batch of 1,000 emails cost in API calls (issue #8's budget: 15
// calls per 1,000 emails sent, writes included) when the dispatcher starts them together: the
// enrollments, their steps, the campaigns' step contents, the recipients and the senders.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectOrg } from '../../src/salesforce/orgConnection.ts';
import { JsforceCampaignOrg } from '../../src/salesforce/jsforceCampaignOrg.ts';
import { JsforceDeliveryOrg } from '../../src/salesforce/jsforceDeliveryOrg.ts';
import { quietLogger, startTestOrg, type TestOrg } from '../support/testOrg.ts';
import { createCampaign } from '../support/scenario.ts';

const EMAILS = 1_000;
const CONTACTS = 700;
const STEPS_PER_CAMPAIGN = 5;

describe('reads for a dispatch batch of 1,000 emails', () => {
  let org: TestOrg;
  let enrollmentIds: string[];
  let personIds: string[];
  let campaignIds: string[];

  beforeAll(async () => {
    org = await startTestOrg({ start: '2026-04-30T10:00:00Z' });
    const steps = Array.from({ length: STEPS_PER_CAMPAIGN }, (_, i) => ({
      key: `e${i + 1}`,
      day: i * 2 + 1,
      order: 1,
      type: 'Email' as const,
      sendOption: 'At_Time',
      sendTime: '09:00',
    }));
    const campaigns = [
      await createCampaign(org.screen, { name: 'Outbound', steps }),
      await createCampaign(org.screen, { name: 'Event', steps }),
    ];
    campaignIds = campaigns.map((c) => c.id);
    const contacts = await org.screen.sobject('Contact').create(
      Array.from({ length: CONTACTS }, (_, i) => ({ LastName: `C${i}`, Email: `c${i}@example.com` })),
      { allowRecursive: true },
    );
    const leads = await org.screen.sobject('Lead').create(
      Array.from({ length: EMAILS - CONTACTS }, (_, i) => ({
        LastName: `L${i}`,
        Company: 'Acme',
        Email: `l${i}@example.com`,
      })),
      { allowRecursive: true },
    );
    personIds = [...contacts, ...leads].map((r) => r.id!);
    const owners = [org.emulator.repUserId];
    const enrollments = await org.screen.sobject('Campaign_Enrollment__c').create(
      personIds.map((personId, i) => ({
        Campaign__c: campaignIds[i % 2],
        [personId.startsWith('00Q') ? 'Lead__c' : 'Contact__c']: personId,
        OwnerId: owners[i % owners.length],
        Status__c: 'Active',
        Launched_At__c: new Date(org.clock.now()).toISOString(),
      })),
      { allowRecursive: true },
    );
    enrollmentIds = enrollments.map((r) => r.id!);
    await org.screen.sobject('Enrollment_Step__c').create(
      enrollmentIds.flatMap((enrollmentId, i) =>
        Object.values(campaigns[i % 2]!.stepIds).map((stepId) => ({
          Enrollment__c: enrollmentId,
          Step__c: stepId,
          Step_Key__c: `${enrollmentId}:${stepId}`,
          Status__c: 'Scheduled',
        })),
      ),
      { allowRecursive: true },
    );
  }, 120_000);
  afterAll(async () => org?.stop());

  it('cost 3 Composite calls when started together', async () => {
    const logger = quietLogger();
    const session = await connectOrg(org.orgConfig, logger);
    const campaignOrg = new JsforceCampaignOrg(session, { clock: org.clock, logger, bulkThreshold: 10_000 });
    const delivery = new JsforceDeliveryOrg(session, { clock: org.clock, logger });
    org.emulator.inspect.resetApiCalls();

    const [enrollments, steps, contents, recipients, senders] = await Promise.all([
      campaignOrg.enrollments(enrollmentIds),
      delivery.sendableSteps(enrollmentIds),
      delivery.stepContents(campaignIds),
      delivery.recipients(personIds, { Contact: ['FirstName'], Lead: ['Company'] }),
      delivery.senders([org.emulator.repUserId], []),
    ]);
    expect(enrollments).toHaveLength(EMAILS);
    expect(steps).toHaveLength(EMAILS * STEPS_PER_CAMPAIGN);
    expect(contents).toHaveLength(2 * STEPS_PER_CAMPAIGN);
    expect(recipients).toHaveLength(EMAILS);
    expect(senders).toHaveLength(1);

    // 4 + 4 + 1 + (3 + 1) + 1 = 14 queries of at most 300 ids, 5 to a Composite call; one at a
    // time they were 14 GETs.
    expect(org.emulator.inspect.apiCalls().byClientAndRoute[org.orgConfig.clientName]).toEqual({
      'POST composite': 3,
    });
  });
});
