// Who the demo's rep adds to which sample campaign, how they work each task, and what each
// person's campaign must end as for the demo to count as played out. Chosen so every send
// option, gate and rule of DESIGN §2 shows once: on-time, late and expired tasks (both expiry
// policies), an opt-out, a bounce, a one-click unsubscribe, a rep's personal email.
import type { Enrolment } from './scriptedRep.ts';

export const OUTBOUND = 'Q3 Outbound — every send option';
export const TRADE_SHOW = 'Trade show follow-up';

/** Monday 30 November 2026, 07:00 in Paris (the rep's zone). */
export const DEMO_START = Date.parse('2026-11-30T06:00:00Z');
export const REP_TIME_ZONE = 'Europe/Paris';

export const DEMO_SCRIPT: readonly Enrolment[] = [
  {
    person: 'Ava',
    campaign: OUTBOUND,
    personalEmail: {
      subject: 'An idea for {!Contact.Account.Name}, {{{Recipient.FirstName}}}',
      body: '<p>Hi {{{Recipient.FirstName}}},</p><p>Your Boston team could route carrier updates straight into the ops channel — want the 2-minute recipe?</p><p>{{{Sender.Name}}}</p>',
    },
  },
  { person: 'Camille', campaign: OUTBOUND, tasks: { 3: 'late' } },
  { person: 'Priya', campaign: OUTBOUND, tasks: { 5: 'leave' } },
  { person: 'Marcus', campaign: OUTBOUND },
  { person: 'Olivia', campaign: TRADE_SHOW, sendAt: 'now', tasks: { 5: 'leave' } },
  { person: 'Lucas', campaign: TRADE_SHOW, sendAt: { daysLater: 1, time: '10:00' } },
  { person: 'Arjun', campaign: TRADE_SHOW, sendAt: 'now' },
  { person: 'Emily', campaign: TRADE_SHOW, sendAt: 'now' },
];

/** Addresses the demo's mail server rejects as unknown mailboxes. */
export const BOUNCING_ADDRESSES = ['arjun.mehta@monsoon.example.com'];

/** The prospects who click one-click unsubscribe in the first email they get. */
export const UNSUBSCRIBERS = ['emily.carter@bluegum.example.com'];

/** Each person's campaign at the end, and why (printed when the demo does not play out). */
export const EXPECTED_ENDINGS: Record<string, { status: string; reason?: RegExp; why: string }> = {
  Ava: { status: 'Completed', why: 'every task done on time, the personal email sent from Command Center' },
  Camille: { status: 'Completed', why: 'the Day 3 call done a day late shifts the rest by one day' },
  Priya: { status: 'Completed', why: 'the InMail expires (Skip_Step): the rest shifts by two days' },
  Marcus: { status: 'Unsubscribed', why: 'opted out of email: nothing is ever sent' },
  Olivia: {
    status: 'Completed',
    reason: /expired/i,
    why: 'the Day 5 call expires and the campaign is set to End_Campaign',
  },
  Lucas: { status: 'Completed', why: 'the first email goes at the Send At the rep chose' },
  Arjun: { status: 'Bounced', why: 'the mailbox does not exist (550 5.1.1)' },
  Emily: { status: 'Unsubscribed', why: 'clicked one-click unsubscribe in the first email' },
};
