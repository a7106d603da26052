// The demo's prospects: the ones scripted to unsubscribe open their first email and use its
// one-click unsubscribe exactly as a mail client does (RFC 8058: a POST with
// `List-Unsubscribe=One-Click` to the https URL from the List-Unsubscribe header).
import { readFile } from 'node:fs/promises';
import { simpleParser } from 'mailparser';
import type { SavedMessage } from './mailSink.ts';

export class UnsubscribingProspects {
  private readonly done = new Set<string>();
  readonly clicks: Array<{ address: string; status: number | string }> = [];
  private pending: Promise<void>[] = [];

  constructor(private readonly addresses: readonly string[]) {}

  /** Called for every message the mail sink saves. */
  onMessage(message: SavedMessage): void {
    const address = message.to.find((to) => this.addresses.includes(to.toLowerCase()));
    if (!address || this.done.has(address)) return;
    this.done.add(address);
    this.pending.push(this.click(address, message.file));
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
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'List-Unsubscribe=One-Click',
      });
      this.clicks.push({ address, status: response.status });
    } catch (error) {
      this.clicks.push({ address, status: (error as Error).message });
    }
  }

  async settled(): Promise<void> {
    await Promise.all(this.pending);
  }
}
