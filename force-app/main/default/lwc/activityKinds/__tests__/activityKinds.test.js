import {
  ACTIVITY_KINDS,
  activityKindLabel,
  endedKind,
  eventKind,
  isEnrollmentKind,
  stepStatusKind,
} from 'c/activityKinds';

describe('c-activity-kinds', () => {
  it.each([
    ['email_sent', 'Email sent'],
    ['task_opened', 'Task created'],
    ['task_expired', 'Task expired'],
    ['email_failed', 'Email failed'],
    ['plan_failed', 'Planning failed'],
    ['campaign_ended', 'Campaign ended'],
    ['replied', 'Replied'],
    ['bounced', 'Bounced'],
    ['unsubscribed', 'Unsubscribed'],
  ])('names the published kind %s "%s"', (kind, label) => {
    expect(activityKindLabel(kind)).toBe(label);
    expect(ACTIVITY_KINDS.map((k) => k.value)).toContain(kind);
  });

  it('names a kind it does not know yet in words', () => {
    expect(activityKindLabel('step_rescheduled')).toBe('Step rescheduled');
  });

  it.each([
    ['Replied', 'replied', 'Replied'],
    ['Bounced', 'bounced', 'Bounced'],
    ['Unsubscribed', 'unsubscribed', 'Unsubscribed'],
    ['Completed', 'campaign_completed', 'Campaign completed'],
    ['Removed', 'removed', 'Removed from campaign'],
    ['Failed', 'campaign_failed', 'Campaign failed'],
    ['Active', 'campaign_ended', 'Campaign ended'],
    [undefined, 'campaign_ended', 'Campaign ended'],
  ])('reads campaign_ended for an enrollment in status %s as %s', (status, kind, label) => {
    expect(eventKind('campaign_ended', status)).toBe(kind);
    expect(activityKindLabel(kind)).toBe(label);
  });

  it('takes specific kinds as published', () => {
    expect(eventKind('replied', 'Active')).toBe('replied');
    expect(eventKind('email_sent', 'Replied')).toBe('email_sent');
    expect(endedKind('Paused')).toBeNull();
  });

  it('reads ended campaigns from the enrollment and step kinds from the step', () => {
    expect(
      ['campaign_ended', 'plan_failed', 'replied', 'bounced', 'unsubscribed'].every(isEnrollmentKind),
    ).toBe(true);
    expect(isEnrollmentKind('email_sent')).toBe(false);
    expect(stepStatusKind('Sent')).toBe('email_sent');
    expect(stepStatusKind('Pending')).toBe('task_due');
    expect(stepStatusKind('Cancelled')).toBeNull();
  });
});
