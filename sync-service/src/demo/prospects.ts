// The demo's prospects: the ones scripted to unsubscribe open their first email and use its
// one-click unsubscribe exactly as a mailbox provider does (RFC 8058: a POST with
// `List-Unsubscribe=One-Click` to the https URL from the List-Unsubscribe header) — including
// trying again when the service cannot take it right now: a 503 after its Retry-After, a refused
// connection (the service restarting) a little later, as providers do for a click they accepted.
import { readFile } from 'node:fs/promises';
import { simpleParser } from 'mailparser';
import type { Clock } from '../app/ports/clock.ts';
import type { SavedMessage } from './mailSink.ts';

/** Attempts per click before the demo reports it as failed. */
const ATTEMPTS = 8;
/** Simulated wait before trying a refused connection again, doubled each time. */
const REFUSED_RETRY_MS = 30_000;
/** Cap on a Retry-After (simulated time), so a long answer cannot stall the demo. */
const MAX_RETRY_AFTER_MS = 10 * 60_000;

export class UnsubscribingProspects {
  private readonly done = new Set<string>();
  readonly clicks: Array<{ address: string; status: number | string }> = [];
  private pending: Promise<void>[] = [];
  private inFlight = 0;

  /** `clock`: waits between attempts are in the demo's (simulated) time. */
  constructor(
    private readonly addresses: readonly string[],
    private readonly clock: Pick<Clock, 'sleep'>,
  ) {}

  /** Called for every message the mail sink saves. */
  onMessage(message: SavedMessage): void {
    const address = message.to.find((to) => this.addresses.includes(to.toLowerCase()));
    if (!address || this.done.has(address)) return;
    this.done.add(address);
    this.inFlight += 1;
    this.pending.push(
      this.click(address, message.file).finally(() => {
        this.inFlight -= 1;
      }),
    );
  }

  /** A click is being made: the time-lapse must not jump over it, or its outcome would be
   * stamped hours after the prospect clicked. */
  busy(): boolean {
    return this.inFlight > 0;
  }

  private async click(address: string, file: string): Promise<void> {
    const parsed = await simpleParser(await readFile(file));
    const header =
      parsed.headerLines.find((h) => h.key === 'list-unsubscribe')?.line.replace(/\r?\n\s+/g, ' ') ?? '';
    const url = /<(https?:\/\/[^>]+)>/.exec(header)?.[1];
    if (!url) {
      this.clicks.push({ address, status: 'no List-Unsubscribe URL in the message' });
      return;
    }
    let status: number | string = 'not tried';
    for (let attempt = 1; attempt <= ATTEMPTS; attempt += 1) {
      let waitMs: number;
      try {
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          body: 'List-Unsubscribe=One-Click',
        });
        status = response.status;
        await response.body?.cancel();
        if (status !== 503) break;
        const retryAfter = Number(response.headers.get('retry-after'));
        waitMs = Math.min(Number.isFinite(retryAfter) ? retryAfter * 1000 : 60_000, MAX_RETRY_AFTER_MS);
      } catch (error) {
        status = (error as Error).message;
        waitMs = REFUSED_RETRY_MS * 2 ** (attempt - 1);
      }
      if (attempt < ATTEMPTS) await this.clock.sleep(waitMs);
    }
    this.clicks.push({ address, status });
  }

  async settled(): Promise<void> {
    await Promise.all(this.pending);
  }
}
