// The dispatcher as the service runs it: a loop that turns in-doubt emails Uncertain, picks up
// Command Center requests, and sends what is due — batch after batch while batches come back
// full, then a short pause. The pause is real time, not business time: it only bounds how late
// an email can be noticed (the lateness goal is p99 ≤ 2 s), whatever speed the clock runs at.
import type { Logger } from 'pino';
import type { UnsubscribeClaims } from '../../domain/compose/index.ts';
import { pollSendRequests, acceptSendRequests, type StepRequest } from './acceptSendRequests.ts';
import { dispatchDueSends, type DispatchDeps, type DispatchReport } from './dispatchDueSends.ts';
import { replayWriteBacks } from './replayWriteBacks.ts';
import { resolveInDoubt } from './resolveInDoubt.ts';
import { unsubscribePerson } from './unsubscribePerson.ts';

export interface DispatcherOptions extends DispatchDeps {
  /** Real milliseconds between looks at the store when nothing was due. */
  pollIntervalMs: number;
  /** Business-time milliseconds between polls for Command Center requests (the stream also brings them). */
  requestPollMs: number;
}

export interface DispatcherTotals {
  batches: number;
  claimed: number;
  sent: number;
}

export class Dispatcher {
  private running = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private lastRequestPoll = -Infinity;
  private sentDay = -1;
  private sentBeforeToday = 0;
  readonly totals: DispatcherTotals = { batches: 0, claimed: 0, sent: 0 };
  private readonly log: Logger;

  constructor(private readonly options: DispatcherOptions) {
    this.log = options.logger.child({ component: 'dispatcher', worker: options.owner });
    this.options = { ...options, temporaryFailures: options.temporaryFailures ?? new Map() };
  }

  /** One pass: in-doubt sweep, request poll when due, then batches until nothing is due. */
  async tick(): Promise<DispatchReport> {
    const deps = { ...this.options, logger: this.log };
    await resolveInDoubt(deps);
    // Outcomes the org has not received yet (the process stopped, or the org refused them) go
    // first; the loop's first pass makes this the replay at start too.
    await replayWriteBacks(deps);
    const now = this.options.clock.now();
    if (now - this.lastRequestPoll >= this.options.requestPollMs) {
      this.lastRequestPoll = now;
      await pollSendRequests({ ...deps, now });
    }
    const total: DispatchReport = { claimed: 0, sent: 0, notSent: 0 };
    for (;;) {
      const report = await dispatchDueSends(deps);
      total.claimed += report.claimed;
      total.sent += report.sent;
      total.notSent += report.notSent;
      if (report.claimed > 0) this.totals.batches += 1;
      if (report.claimed < this.options.batchSize) break;
    }
    this.totals.claimed += total.claimed;
    this.totals.sent += total.sent;
    return total;
  }

  /** Changed Enrollment_Step__c records from the change stream (Send_Requested, Cancelled). */
  async onStepChanges(records: readonly StepRequest[]): Promise<void> {
    const accepted = await acceptSendRequests(records, {
      ...this.options,
      logger: this.log,
      now: this.options.clock.now(),
    });
    if (accepted > 0) this.nudge();
  }

  /** The one-click unsubscribe endpoint's port. */
  unsubscribe(claims: UnsubscribeClaims) {
    return unsubscribePerson(claims, { ...this.options, logger: this.log, now: this.options.clock.now() });
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = (async () => {
      while (this.running) {
        try {
          await this.tick();
        } catch (error) {
          // The org or the store is unreachable: log, wait, try again; leases keep work safe.
          this.log.error({ err: (error as Error).message }, 'dispatch pass failed; will retry');
        }
        if (!this.running) break;
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, this.options.pollIntervalMs);
          this.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        this.wake = null;
      }
    })();
  }

  /** Emails this process sent since midnight UTC, for the heartbeat (Emails_Sent_Today__c). */
  emailsSentToday(): number {
    const today = Math.floor(this.options.clock.now() / 86_400_000);
    if (today !== this.sentDay) {
      this.sentDay = today;
      this.sentBeforeToday = this.totals.sent;
    }
    return this.totals.sent - this.sentBeforeToday;
  }

  /** The dispatcher's lines for /metrics. */
  metricsText(): string {
    return this.options.metrics.render();
  }

  /** Look again now (a request arrived, or a plan was just written). */
  nudge(): void {
    this.wake?.();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.nudge();
    await this.loop;
    this.loop = null;
  }
}
