// Re-planning operations: each records one fact and returns the new input and plan.
import { describe, expect, it } from 'vitest';
import {
  PlanError,
  emailSent,
  planEnrollment,
  stepsEdited,
  taskCompleted,
  taskExpired,
  taskOpened,
  type PlanInput,
} from '../../src/domain/index.ts';
import { campaign, email, instant, item, sendAt, task, utc } from './planFixtures.ts';

const steps = [
  email('intro', 1, 1, 'At_Time', '08:30'),
  task('call', 2, 1),
  email('bump', 3, 1, 'Thread_Previous'),
  email('last', 4, 1, 'At_Time', '16:00'),
];
const start: PlanInput = {
  campaign: campaign(steps),
  timeZone: 'Europe/Paris',
  launchedAt: instant('2026-05-04T07:00+02:00'),
};

describe('re-planning operations', () => {
  it('never mutate their input, and plan exactly as planEnrollment does with the fact', () => {
    const frozen = JSON.stringify(start);
    const { input, plan } = taskCompleted(start, 'call', instant('2026-05-06T09:00+02:00'));
    expect(JSON.stringify(start)).toBe(frozen);
    expect(input.progress).toEqual({ call: { completedAt: instant('2026-05-06T09:00+02:00') } });
    expect(plan).toEqual(planEnrollment(input));
  });

  it('chain: sent, task opened, task completed late', () => {
    let state = emailSent(start, 'intro', instant('2026-05-04T08:30:12+02:00'));
    state = taskOpened(state.input, 'call', instant('2026-05-05T00:00+02:00'));
    expect(item(state.plan, 'call').state).toBe('open');
    state = taskCompleted(state.input, 'call', instant('2026-05-06T09:00+02:00'));
    expect(state.plan.items.map((planned) => planned.state)).toEqual([
      'sent',
      'completed',
      'scheduled',
      'scheduled',
    ]);
    expect(sendAt(state.plan, 'bump')).toBe(utc('2026-05-07T08:30+02:00'));
    expect(sendAt(state.plan, 'last')).toBe(utc('2026-05-08T16:00+02:00'));
  });

  it('taskExpired defaults to the planned expiry moment', () => {
    const { input, plan } = taskExpired(start, 'call');
    expect(input.progress?.call?.expiredAt).toBe(instant('2026-05-08T00:00+02:00'));
    expect(item(plan, 'call').state).toBe('expired');
  });

  it('reject facts about the wrong kind of step, with codes', () => {
    const codeOf = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        return error instanceof PlanError ? error.code : String(error);
      }
      return 'no error';
    };
    expect(codeOf(() => taskCompleted(start, 'intro', 0))).toBe('PLAN.NOT_A_TASK');
    expect(codeOf(() => emailSent(start, 'call', 0))).toBe('PLAN.NOT_AN_EMAIL');
    expect(codeOf(() => taskCompleted(start, 'nope', 0))).toBe('PLAN.UNKNOWN_STEP');
  });
});

describe('stepsEdited', () => {
  it('changes only what was not yet sent or tasked', () => {
    const sent = emailSent(start, 'intro', instant('2026-05-04T08:30+02:00'));
    const tasked = taskOpened(sent.input, 'call', instant('2026-05-05T00:00+02:00'));
    const edited = stepsEdited(tasked.input, [
      email('intro', 1, 1, 'At_Time', '11:00'), // already sent: the edit does not apply
      task('call', 3, 1), // already tasked: keeps Day 2
      email('bump', 3, 1, 'At_Time', '14:00'), // not yet sent: changes
      // 'last' deleted, not yet sent: gone
      email('extra', 5, 1, 'At_Time', '10:00'), // new
    ]);
    expect(edited.plan.items.map((planned) => planned.stepId)).toEqual(['intro', 'call', 'bump', 'extra']);
    expect(sendAt(edited.plan, 'intro')).toBe(utc('2026-05-04T08:30+02:00'));
    expect(item(edited.plan, 'call')).toMatchObject({ due: '2026-05-05', state: 'open' });
    expect(sendAt(edited.plan, 'bump')).toBe(utc('2026-05-06T14:00+02:00'));
    expect(sendAt(edited.plan, 'extra')).toBe(utc('2026-05-08T10:00+02:00'));
  });

  it('keeps a deleted step that was already sent', () => {
    const sent = emailSent(start, 'intro', instant('2026-05-04T08:30+02:00'));
    const edited = stepsEdited(sent.input, [task('call', 2, 1)]);
    expect(edited.plan.items.map((planned) => [planned.stepId, planned.state])).toEqual([
      ['intro', 'sent'],
      ['call', 'scheduled'],
    ]);
  });
});
