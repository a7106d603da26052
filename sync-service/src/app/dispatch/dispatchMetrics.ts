// The dispatcher's figures for /metrics (Prometheus text format): emails by final status, how
// late emails went compared with their planned moment, throughput, and the write-back outbox
// (batches whose outcomes have not all reached the org yet). Kept here, without a
// metrics library, because the service has no shared registry yet; `render()` is what the
// HTTP module appends to its own output.

const LATENESS_BUCKETS_S = [0.5, 1, 2, 5, 15, 60, 300, 900, 3600];

export class DispatchMetrics {
  private readonly byStatus = new Map<string, number>();
  private readonly latenessCounts = new Array<number>(LATENESS_BUCKETS_S.length).fill(0);
  private latenessSum = 0;
  private latenessCount = 0;
  private batches = 0;
  private dispatched = 0;
  private busyMs = 0;
  /** Every lateness seen, in ms, when a benchmark asks for exact percentiles. */
  readonly latencies: number[] | null;
  /** The last sender-side failure (the admin page shows it through the heartbeat). */
  lastSenderFailure: { at: number; reply: string } | null = null;
  /** The write-back outbox as the last replay pass saw it (replayWriteBacks.ts). */
  private outbox = { pending: 0, failing: 0, oldestAgeSeconds: 0 };
  private readonly replays = new Map<'landed' | 'kept', number>();

  constructor(options: { keepLatencies?: boolean } = {}) {
    this.latencies = options.keepLatencies ? [] : null;
  }

  countEmail(status: string): void {
    this.byStatus.set(status, (this.byStatus.get(status) ?? 0) + 1);
  }

  observeLateness(ms: number): void {
    const seconds = Math.max(0, ms) / 1000;
    LATENESS_BUCKETS_S.forEach((bound, i) => {
      if (seconds <= bound) this.latenessCounts[i]! += 1;
    });
    this.latenessSum += seconds;
    this.latenessCount += 1;
    this.latencies?.push(Math.max(0, ms));
  }

  observeBatch(emails: number, elapsedMs: number): void {
    this.batches += 1;
    this.dispatched += emails;
    this.busyMs += elapsedMs;
  }

  /** Outbox entries not yet written back to the org, and how long the oldest has waited. */
  setWriteBackOutbox(
    depth: { pending: number; failing: number; oldestCreatedAt: number | null },
    now: number,
  ): void {
    this.outbox = {
      pending: depth.pending,
      failing: depth.failing,
      oldestAgeSeconds: depth.oldestCreatedAt === null ? 0 : Math.max(0, now - depth.oldestCreatedAt) / 1000,
    };
  }

  countReplay(result: 'landed' | 'kept'): void {
    this.replays.set(result, (this.replays.get(result) ?? 0) + 1);
  }

  writeBackOutbox(): { pending: number; failing: number; oldestAgeSeconds: number } {
    return { ...this.outbox };
  }

  emailsByStatus(): Record<string, number> {
    return Object.fromEntries(this.byStatus);
  }

  /** Emails handled per second of dispatch work (not of wall time). */
  throughput(): number {
    return this.busyMs > 0 ? (this.dispatched * 1000) / this.busyMs : 0;
  }

  render(): string {
    const lines = [
      '# HELP sync_emails_total Emails handled by the dispatcher, by the status they ended in.',
      '# TYPE sync_emails_total counter',
      ...[...this.byStatus].map(([status, n]) => `sync_emails_total{status="${status}"} ${n}`),
      '# HELP sync_send_lateness_seconds How long after its planned moment an email went out.',
      '# TYPE sync_send_lateness_seconds histogram',
      ...LATENESS_BUCKETS_S.map(
        (b, i) => `sync_send_lateness_seconds_bucket{le="${b}"} ${this.latenessCounts[i]}`,
      ),
      `sync_send_lateness_seconds_bucket{le="+Inf"} ${this.latenessCount}`,
      `sync_send_lateness_seconds_sum ${this.latenessSum}`,
      `sync_send_lateness_seconds_count ${this.latenessCount}`,
      '# HELP sync_dispatch_batches_total Dispatch batches run.',
      '# TYPE sync_dispatch_batches_total counter',
      `sync_dispatch_batches_total ${this.batches}`,
      '# HELP sync_dispatch_emails_per_second Emails dispatched per second of dispatch work.',
      '# TYPE sync_dispatch_emails_per_second gauge',
      `sync_dispatch_emails_per_second ${this.throughput().toFixed(2)}`,
      '# HELP sync_write_back_outbox_pending Dispatch batches whose outcomes are not yet all written to the org.',
      '# TYPE sync_write_back_outbox_pending gauge',
      `sync_write_back_outbox_pending ${this.outbox.pending}`,
      '# HELP sync_write_back_outbox_failing Of those, batches whose last write-back attempt failed.',
      '# TYPE sync_write_back_outbox_failing gauge',
      `sync_write_back_outbox_failing ${this.outbox.failing}`,
      '# HELP sync_write_back_outbox_oldest_age_seconds How long the oldest pending write-back has waited.',
      '# TYPE sync_write_back_outbox_oldest_age_seconds gauge',
      `sync_write_back_outbox_oldest_age_seconds ${this.outbox.oldestAgeSeconds.toFixed(1)}`,
      '# HELP sync_write_back_replays_total Replayed write-backs, by whether everything landed or some was kept.',
      '# TYPE sync_write_back_replays_total counter',
      ...[...this.replays].map(([result, n]) => `sync_write_back_replays_total{result="${result}"} ${n}`),
    ];
    return `${lines.join('\n')}\n`;
  }
}
