// A prospect who unsubscribes while her last email is on its way: the ending she chose stands,
// and the email that did go out shows Sent — neither is overwritten by the other's write-back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrol, findRecord, startDispatchWorld, type DispatchWorld } from './harness.ts';

describe('unsubscribing while an email is being sent', () => {
  let world: DispatchWorld;
  beforeAll(async () => {
    world = await startDispatchWorld();
  });
  afterAll(async () => {
    await world?.close();
  });

  it('ends the campaign Unsubscribed, not Completed, and the email that went shows Sent', async () => {
    const conn = world.session.connection;
    const campaign = (await conn.sobject('Sales_Campaign__c').create({
      Name: 'One email only',
      Status__c: 'Active',
      Time_Zone_Mode__c: 'Sender',
      Default_Send_Time__c: '09:00:00.000Z',
    })) as { id: string };
    const step = (await conn.sobject('Campaign_Step__c').create({
      Campaign__c: campaign.id,
      Day__c: 1,
      Order__c: 1,
      Type__c: 'Email',
      Send_Option__c: 'Choose_At_Launch',
      Subject__c: 'Hello {{{Recipient.FirstName}}}',
      Body__c: '<p>Hi {{{Recipient.FirstName}}}</p>',
    })) as { id: string };
    const { enrollmentId, stepRecords } = await enrol(world, {
      campaign: 'One email only',
      person: 'Priya',
      dueAt: { [step.id]: world.clock.now() - 1000 },
    });
    const priya = findRecord(world, 'Contact', (c) => c.FirstName === 'Priya');
    // She clicks the link of an earlier campaign's email while the server takes this one.
    world.mailbox.behaviour.beforeAccept = async () => {
      world.mailbox.behaviour.beforeAccept = undefined;
      const result = await world.dispatcher.unsubscribe({
        personId: String(priya.Id),
        campaignId: campaign.id,
        enrollmentId,
      });
      expect(result.campaignEnded).toBe(true);
    };

    const report = await world.dispatcher.tick();

    expect(report.sent).toBe(1);
    expect(world.mailbox.received.filter((m) => m.parsed.subject === 'Hello Priya')).toHaveLength(1);
    const enrollment = world.emulator.inspect.record(enrollmentId)!;
    expect(enrollment.Status__c).toBe('Unsubscribed');
    expect(enrollment.Ended_Reason__c).toBe('Unsubscribed (one-click link)');
    const sent = world.emulator.inspect.record(stepRecords[step.id]!)!;
    expect(sent.Status__c).toBe('Sent');
    expect(sent.Message_Id__c).toBeTruthy();
    expect(world.emulator.inspect.record(String(priya.Id))!.HasOptedOutOfEmail).toBe(true);
  });
});
