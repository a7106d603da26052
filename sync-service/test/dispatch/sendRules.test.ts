// The dispatcher's pure rules as tables: what happens to a claimed email given the org's state
// a moment before sending, and which earlier email a Thread_Previous step replies to.
import { describe, expect, it } from 'vitest';
import type { EnrollmentRecord, OrgRecord } from '../../src/app/ports/campaignOrg.ts';
import type { SendableStepRecord, StepContentRecord } from '../../src/app/ports/deliveryOrg.ts';
import type { PlanItem } from '../../src/app/ports/syncStore.ts';
import { previousEmailFor } from '../../src/app/dispatch/previousEmail.ts';
import { decideSend } from '../../src/app/dispatch/sendDecision.ts';
import type { SendJob } from '../../src/app/dispatch/sendingSnapshot.ts';

const NOW = Date.parse('2026-12-01T09:00:00Z');

function job(overrides: {
  enrollment?: Partial<EnrollmentRecord> | null;
  record?: Partial<SendableStepRecord> | null;
  recipient?: OrgRecord | null;
}): SendJob {
  const enrollment =
    overrides.enrollment === null
      ? null
      : ({
          Id: 'a0A1',
          OwnerId: '0051',
          Campaign__c: 'a0D1',
          Contact__c: '0031',
          Lead__c: null,
          Status__c: 'Active',
          ...overrides.enrollment,
        } as EnrollmentRecord);
  const record =
    overrides.record === null
      ? null
      : ({
          Id: 'a0C1',
          Step_Key__c: 'a0A1:a0B1',
          Status__c: 'Scheduled',
          Scheduled_At__c: null,
          ...overrides.record,
        } as SendableStepRecord);
  return {
    item: {
      stepKey: 'a0A1:a0B1',
      enrollmentId: 'a0A1',
      stepId: 'a0B1',
      status: 'Scheduled',
      dueAt: NOW,
    } as PlanItem,
    enrollment,
    record,
    content: { Id: 'a0B1' } as StepContentRecord,
    recipientObject: 'Contact',
    recipient:
      overrides.recipient === undefined
        ? { Id: '0031', Email: 'ava@example.com', HasOptedOutOfEmail: false }
        : overrides.recipient,
    sender: { Id: '0051', Email: 'rep@example.com', Name: 'Rita Rep' },
    enrollmentSteps: [],
    campaignSteps: [],
  };
}

describe('decideSend', () => {
  const cases: Array<[string, Parameters<typeof job>[0], string]> = [
    ['a scheduled email of an active campaign', {}, 'send'],
    ['the rep asked to send now', { record: { Status__c: 'Send_Requested' } }, 'send'],
    [
      'the rep asked to send later',
      { record: { Status__c: 'Send_Requested', Scheduled_At__c: '2026-12-01T10:00:00.000+0000' } },
      'reschedule',
    ],
    [
      'the person opted out a moment ago',
      { recipient: { Id: '0031', Email: 'ava@example.com', HasOptedOutOfEmail: true } },
      'cancel',
    ],
    ['the campaign is paused', { enrollment: { Status__c: 'Paused' } }, 'mirror'],
    ['the campaign was removed', { enrollment: { Status__c: 'Removed' } }, 'cancel'],
    ['the enrollment was deleted', { enrollment: null }, 'cancel'],
    ['the rep skipped the step', { record: { Status__c: 'Skipped' } }, 'mirror'],
    ['an admin dismissed it', { record: { Status__c: 'Cancelled' } }, 'mirror'],
    [
      'the contact has no email address',
      { recipient: { Id: '0031', Email: null, HasOptedOutOfEmail: false } },
      'fail',
    ],
    ['the contact is not readable', { recipient: null }, 'fail'],
  ];
  it.each(cases)('%s → %s', (_name, overrides, expected) => {
    expect(decideSend(job(overrides), NOW).kind).toBe(expected);
  });

  it('an opt-out ends the campaign as Unsubscribed, naming why', () => {
    const decision = decideSend(
      job({ recipient: { Id: '0031', Email: 'a@b.c', HasOptedOutOfEmail: true } }),
      NOW,
    );
    expect(decision).toMatchObject({ kind: 'cancel', endEnrollment: { status: 'Unsubscribed' } });
  });
});

describe('previousEmailFor', () => {
  const steps: StepContentRecord[] = [
    {
      Id: 's1',
      Campaign__c: 'c',
      Day__c: 1,
      Order__c: 1,
      Type__c: 'Email',
      Send_Option__c: 'At_Time',
      Subject__c: 'Intro',
      Body__c: '<p>intro</p>',
    },
    {
      Id: 's2',
      Campaign__c: 'c',
      Day__c: 2,
      Order__c: 1,
      Type__c: 'Email',
      Send_Option__c: 'Manual_Task',
      Subject__c: 'Personal',
      Body__c: '<p>personal</p>',
    },
    {
      Id: 's3',
      Campaign__c: 'c',
      Day__c: 3,
      Order__c: 1,
      Type__c: 'Call',
      Send_Option__c: null,
      Subject__c: null,
      Body__c: null,
    },
    {
      Id: 's4',
      Campaign__c: 'c',
      Day__c: 4,
      Order__c: 1,
      Type__c: 'Email',
      Send_Option__c: 'Thread_Previous',
      Subject__c: null,
      Body__c: '<p>bump</p>',
    },
  ];
  const sender = { name: 'Rita Rep', address: 'rep@example.com' };
  const record = (step: string, fields: Partial<SendableStepRecord>) =>
    ({ Id: `r${step}`, Step__c: step, Status__c: 'Scheduled', ...fields }) as SendableStepRecord;

  it('replies to the nearest earlier email the service sent, with its stored chain', () => {
    const sent = [
      record('s1', {
        Status__c: 'Sent',
        Sent_At__c: '2026-12-01T08:30:00.000Z',
        Subject__c: 'Intro',
        Body__c: '<p>intro as sent</p>',
        Message_Id__c: '<m1@x>',
      }),
      record('s2', {
        Status__c: 'Sent',
        Sent_At__c: '2026-12-02T09:00:00.000Z',
        Subject__c: 'Personal',
        Body__c: '<p>personal as sent</p>',
        Message_Id__c: '<m2@x>',
        In_Reply_To__c: '<m1@x>',
      }),
    ];
    const { previous } = previousEmailFor('s4', steps, sent, sender, NOW);
    expect(previous).toMatchObject({
      subject: 'Personal',
      html: '<p>personal as sent</p>',
      messageId: '<m2@x>',
      references: ['<m1@x>'],
    });
  });

  it('quotes a manual email the rep sent from Gmail, without reply headers', () => {
    const { previous } = previousEmailFor(
      's4',
      steps,
      [
        record('s2', {
          Status__c: 'Completed',
          Completed_At__c: '2026-12-02T10:00:00.000Z',
          Subject__c: 'From Gmail',
          Body__c: '<p>typed in Gmail</p>',
        }),
      ],
      sender,
      NOW,
    );
    expect(previous).toMatchObject({ subject: 'From Gmail', html: '<p>typed in Gmail</p>', messageId: null });
  });

  it('goes as a new message with the previous email step’s subject when nothing was sent', () => {
    expect(previousEmailFor('s4', steps, [], sender, NOW)).toEqual({
      previous: null,
      fallbackSubject: 'Personal',
    });
  });
});
