// Prints the demo's live timeline in business-time order. The lines come from several sources
// that reach the org's records at different real moments: an email is stamped when its SMTP
// server answered (Sent_At__c) but written back a little later; an InMail the rep closes in
// Salesforce's task UI shows on its step only when the service next polls Task, stamped with the
// moment the rep closed it. Printing each line when it is noticed would put those after facts
// that happened later.
//
// So each line carries the business moment of its fact (timeline.ts), and is held until nothing
// still on its way can be earlier: until the clock of the look it came from — every change the
// org records later is stamped later — and the earliest fact known to be in flight (an email due
// but not yet written back, a task the rep closed that its step does not show yet). In practice
// a line waits one look, or until the email or completion in flight lands: the timeline stays
// live. A line held longer than `maxHoldMs` of real time (a service that is down, a fact
// nobody foresaw) is printed anyway; should its fact then arrive after a later line, it is
// printed at the current position, stamped like the line before it and saying when it
// happened — so the stamps never go backwards and none lies.
import {
  changedAt,
  formatEvent,
  inTimelineOrder,
  localStamp,
  type OrgLook,
  type TimelineEvent,
} from './timeline.ts';

const LIVE = new Set(['Scheduled', 'Active']);

function instant(value: unknown): number | null {
  const at = typeof value === 'string' ? Date.parse(value) : NaN;
  return Number.isNaN(at) ? null : at;
}

/**
 * Up to when the timeline is complete after a look taken at `lookedAt`: no fact reported later
 * can be earlier. `inFlight`: moments of facts the caller knows are on their way (the rep's
 * task-UI completions not yet on their step).
 */
export function completeUpTo(look: OrgLook, lookedAt: number, inFlight: Array<number | null> = []): number {
  let upTo = lookedAt;
  const consider = (at: number | null) => {
    if (at !== null && at < upTo) upTo = at;
  };
  for (const at of inFlight) consider(at);
  const live = new Set(
    look.enrollments.filter((e) => LIVE.has(String(e.Status__c))).map((e) => String(e.Id)),
  );
  for (const step of look.steps) {
    if (!live.has(String(step.Enrollment__c))) continue;
    // Due and not written back yet: it goes (or went) at its moment or after.
    if (step.Status__c === 'Scheduled') {
      const due = instant(step.Scheduled_At__c);
      if (due !== null && due <= lookedAt) consider(due);
    }
    // The rep asked for it: it goes after the request.
    if (step.Status__c === 'Send_Requested') consider(changedAt(step, lookedAt));
  }
  return upTo;
}

export interface OrderedTimelineOptions {
  write: (line: string) => void;
  timeZone: string;
  /** Real milliseconds a line may be held waiting for an earlier fact. */
  maxHoldMs: number;
  /** Real time (tests pass their own). */
  realNow?: () => number;
}

export class OrderedTimeline {
  private held: Array<{ event: TimelineEvent; heldSince: number }> = [];
  private printedUpTo = -Infinity;
  private readonly realNow: () => number;

  constructor(private readonly options: OrderedTimelineOptions) {
    this.realNow = options.realNow ?? Date.now;
  }

  add(events: readonly TimelineEvent[]): void {
    const now = this.realNow();
    for (const event of events) this.held.push({ event, heldSince: now });
    this.held.sort((a, b) => inTimelineOrder(a.event, b.event));
  }

  /** Prints every held line at or before `upTo`, and any held too long (with those before it). */
  release(upTo: number): void {
    const now = this.realNow();
    let count = 0;
    this.held.forEach((h, i) => {
      if (h.event.at <= upTo || now - h.heldSince >= this.options.maxHoldMs) count = i + 1;
    });
    this.print(this.held.splice(0, count));
  }

  /** Prints everything still held (the demo is over). */
  flush(): void {
    this.print(this.held.splice(0));
  }

  /** Lines waiting for an earlier fact. */
  get waiting(): number {
    return this.held.length;
  }

  private print(lines: Array<{ event: TimelineEvent }>): void {
    for (const { event } of lines) {
      if (event.at >= this.printedUpTo) {
        this.printedUpTo = event.at;
        this.options.write(formatEvent(event, this.options.timeZone));
      } else {
        const at = localStamp(event.at, this.options.timeZone);
        this.options.write(
          formatEvent(
            { ...event, at: this.printedUpTo, detail: `${event.detail} (at ${at}, seen late)` },
            this.options.timeZone,
          ),
        );
      }
    }
  }
}
