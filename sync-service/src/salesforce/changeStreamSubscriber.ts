// The one subscription to the package's CDC channel (/data/Sales_Campaigns__chn), with jsforce's
// Faye client and its Replay extension:
// - events are applied in batches and the replay position is saved only after a batch is applied,
//   so a crash replays what was not applied (handlers are idempotent), never skips it;
// - a replay id the server refuses (too old, unknown) makes the stream restart from new events
//   and report a gap, which the service fills with a reconciliation sweep;
// - `401::Authentication invalid` (or a denied handshake) rebuilds the client with a new token;
// - failures to (re)connect back off exponentially.
import { StreamingExtension } from 'jsforce/api/streaming';
import type { Logger } from 'pino';
import type { ChangeEvent, ChangeEventHandler } from '../app/ports/changeStream.ts';
import type { Clock } from '../app/ports/clock.ts';
import type { SyncStore } from '../app/ports/syncStore.ts';
import { changeEventFrom } from './changeEventMessage.ts';
import type { OrgSession } from './orgConnection.ts';
import { backoffDelay } from './retryPolicy.ts';

export type StreamGapReason = 'no-position' | 'beyond-retention' | 'replay-refused';

export interface ChangeStreamOptions {
  session: OrgSession;
  channel: string;
  store: SyncStore;
  clock: Clock;
  logger: Logger;
  retentionMs: number;
  onEvents: ChangeEventHandler;
  /** The stream could not resume where it stopped: the caller catches up with a sweep. */
  onGap: (reason: StreamGapReason) => Promise<void> | void;
  maxBatch?: number;
  /** Real milliseconds to let a burst of events gather before applying them as one batch. */
  batchWindowMs?: number;
}

export interface ChangeStreamStatus {
  connected: boolean;
  lastAppliedReplayId: number | null;
  /** Commit-to-applied delay of the last applied event, ms. */
  lagMs: number;
  eventsApplied: number;
  rebuilds: number;
}

const REPLAY_REFUSED = /replayId.*(invalid|wasn't found)/i;
const AUTH_FAILED_PREFIX = 'streaming authentication failed: ';
const AUTH_FAILED = /Authentication invalid|Handshake denied|^streaming authentication failed|401/i;
const RECONNECT = { attempts: Infinity, baseDelayMs: 500, maxDelayMs: 30_000 };

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type FayeClient = any;

/** Real ms to wait for the server to answer /meta/disconnect before closing anyway. */
const DISCONNECT_GRACE_MS = 1_000;

/** Faye re-sends an unanswered message (even /meta/disconnect) and re-tries a failed handshake
 * every few seconds, for ever: a client we are done with would keep the process alive and keep
 * knocking on the org. Turn its reconnect advice off, drop its pending retries, close its
 * transport. (Faye has no public API for this; these are its own field names.) */
function shutDownFayeClient(client: FayeClient): void {
  try {
    client._advice = { ...client._advice, reconnect: 'none' };
    client._state = client.DISCONNECTED ?? client._state;
    const dispatcher = client._dispatcher;
    for (const envelope of dispatcher?._envelopes?.values?.() ?? []) {
      clearTimeout(envelope.timer);
      envelope.timer = null;
    }
    dispatcher?._envelopes?.clear?.();
    dispatcher?.close?.();
  } catch {
    // a client already torn down
  }
}

export class ChangeStreamSubscriber {
  private readonly log: Logger;
  private client: FayeClient = null;
  private stopped = false;
  private connected = false;
  private queue: ChangeEvent[] = [];
  private lastEnqueued: number | null = null;
  private lastApplied: number | null = null;
  private draining: Promise<void> | null = null;
  private rebuilding: Promise<void> | null = null;
  /** The catch-up sweep a refused replay id started, while it runs. */
  private gapSweep: Promise<void> | null = null;
  /** An auth failure arrived while rebuilding: rebuild once more when the current one ends. */
  private rebuildRequested: { replayRefused: boolean } | null = null;
  private readonly stats = { eventsApplied: 0, lagMs: 0, rebuilds: 0 };

  constructor(private readonly options: ChangeStreamOptions) {
    this.log = options.logger.child({ component: 'change-stream', channel: options.channel });
  }

  status(): ChangeStreamStatus {
    return {
      connected: this.connected,
      lastAppliedReplayId: this.lastApplied,
      lagMs: this.stats.lagMs,
      eventsApplied: this.stats.eventsApplied,
      rebuilds: this.stats.rebuilds,
    };
  }

  /** Subscribes from the stored position, or from new events only and then reports the gap
   * (subscribing first, so nothing committed during the sweep is missed). */
  async start(): Promise<void> {
    const { store, channel, clock, retentionMs } = this.options;
    const position = await store.replayPosition(channel);
    let gap: StreamGapReason | null = null;
    if (!position) {
      gap = 'no-position';
    } else if (clock.now() - (position.eventAt ?? position.savedAt) > retentionMs) {
      this.log.warn(
        { replayId: position.replayId },
        'stored replay position is older than the retention window',
      );
      await store.clearReplayPosition(channel);
      gap = 'beyond-retention';
    } else {
      this.lastApplied = position.replayId;
      this.lastEnqueued = position.replayId;
    }
    await this.connectWithBackoff(gap ? -1 : position!.replayId);
    if (gap) await this.options.onGap(gap);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.disconnect();
    await this.gapSweep?.catch(() => undefined);
    await this.draining;
  }

  /** Says goodbye to the server (so it frees our client at once), then shuts the client down
   * whether or not the goodbye was answered. */
  private disconnect(): Promise<void> {
    const client = this.client;
    this.client = null;
    this.connected = false;
    if (!client) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const close = () => {
        clearTimeout(timer);
        shutDownFayeClient(client);
        resolve();
      };
      const timer = setTimeout(close, DISCONNECT_GRACE_MS);
      try {
        const goodbye = client.disconnect();
        if (goodbye?.then) goodbye.then(close, close);
        else close(); // never connected: nothing to say goodbye to
      } catch {
        close(); // already gone
      }
    });
  }

  private async connectWithBackoff(replayFrom: number): Promise<void> {
    for (let attempt = 0; !this.stopped; attempt += 1) {
      try {
        await this.connect(replayFrom);
        return;
      } catch (error) {
        const message = String((error as Error)?.message ?? error);
        if (REPLAY_REFUSED.test(message)) {
          this.log.warn(
            { replayFrom, error: message },
            'replay id refused; resuming from new events after a sweep',
          );
          return this.restartFromNewEvents();
        }
        await this.disconnect();
        const delay = backoffDelay(Math.min(attempt, 10), RECONNECT);
        this.log.warn({ attempt: attempt + 1, delayMs: delay, error: message }, 'subscribe failed, retrying');
        await this.options.clock.sleep(delay);
        if (AUTH_FAILED.test(message)) {
          await this.options.session.refresh().catch((error: Error) => {
            this.log.error({ error: error.message }, 're-login for streaming failed');
          });
        }
      }
    }
  }

  private async connect(replayFrom: number): Promise<void> {
    const { session, channel } = this.options;
    const replay = new StreamingExtension.Replay(channel, replayFrom);
    let client: FayeClient = null;
    let connecting = true;
    let failConnect: (error: Error) => void = () => undefined;
    const authFailed = new Promise<never>((_, reject) => {
      failConnect = reject;
    });
    authFailed.catch(() => undefined);
    const authFailure = new StreamingExtension.AuthFailure(
      (message: { error?: string; ext?: { sfdc?: { failureReason?: string } } }) => {
        if (client !== this.client) return; // a client already replaced
        const reason = message.ext?.sfdc?.failureReason ?? message.error ?? 'authentication failed';
        if (connecting) {
          // The handshake was refused: the caller logs in again and retries.
          failConnect(new Error(`${AUTH_FAILED_PREFIX}${reason}`));
          return;
        }
        this.log.warn({ error: reason }, 'streaming authentication failed; rebuilding the client');
        this.connected = false;
        void this.rebuild();
      },
    );
    // Faye resubscribes by itself after a re-handshake; a refused replay id then arrives here.
    const subscribeWatch = {
      incoming: (
        message: { channel: string; successful?: boolean; error?: string },
        callback: (m: unknown) => void,
      ) => {
        if (
          message.channel === '/meta/subscribe' &&
          message.successful === false &&
          REPLAY_REFUSED.test(message.error ?? '')
        ) {
          if (client === this.client && this.connected) void this.rebuild(true);
        }
        callback(message);
      },
    };
    client = session.connection.streaming.createClient([subscribeWatch, authFailure, replay]);
    this.client = client;
    try {
      await Promise.race([
        client.subscribe(channel, (message: unknown) => this.receive(message)),
        authFailed,
      ]);
    } finally {
      connecting = false;
    }
    this.connected = true;
    this.log.info({ replayFrom }, 'subscribed');
  }

  /** The org no longer has events after our position: take new events, and let a sweep catch up. */
  private async restartFromNewEvents(): Promise<void> {
    await this.disconnect();
    if (this.stopped) return;
    await this.options.store.clearReplayPosition(this.options.channel);
    this.lastEnqueued = null;
    await this.connectWithBackoff(-1);
    if (this.stopped) return;
    // stop() waits for this sweep: it must not outlive the store it writes to.
    this.gapSweep = Promise.resolve(this.options.onGap('replay-refused'));
    try {
      await this.gapSweep;
    } finally {
      this.gapSweep = null;
    }
  }

  /** A new client with a fresh token, resuming after the last event received. */
  private rebuild(replayRefused = false): Promise<void> {
    if (this.rebuilding) {
      this.rebuildRequested = {
        replayRefused: replayRefused || Boolean(this.rebuildRequested?.replayRefused),
      };
      return this.rebuilding;
    }
    this.rebuilding = (async () => {
      this.stats.rebuilds += 1;
      await this.disconnect();
      for (let attempt = 0; !this.stopped; attempt += 1) {
        try {
          if (!replayRefused) await this.options.session.refresh();
          break;
        } catch (error) {
          const delay = backoffDelay(Math.min(attempt, 10), RECONNECT);
          this.log.error(
            { delayMs: delay, error: (error as Error).message },
            're-login for streaming failed',
          );
          await this.options.clock.sleep(delay);
        }
      }
      if (replayRefused) await this.restartFromNewEvents();
      else await this.connectWithBackoff(this.lastEnqueued ?? -1);
    })()
      .catch(async (error: Error) => {
        // Nothing awaits a rebuild: its failure (the store unreachable, say) is logged here, and
        // after a pause the stream is rebuilt again rather than left disconnected.
        if (this.stopped) return;
        this.log.error({ error: error.message }, 'rebuilding the stream client failed; trying again');
        await this.options.clock.sleep(RECONNECT.maxDelayMs);
        this.rebuildRequested ??= { replayRefused };
      })
      .finally(() => {
        this.rebuilding = null;
        const again = this.rebuildRequested;
        this.rebuildRequested = null;
        if (again && !this.stopped) void this.rebuild(again.replayRefused);
      });
    return this.rebuilding;
  }

  private receive(message: unknown): void {
    const event = changeEventFrom(message, this.options.session.clientName);
    if (!event) {
      this.log.warn('ignoring a message that is not a change event');
      return;
    }
    // After a re-handshake the server may replay events already received: apply each once.
    if (this.lastEnqueued !== null && event.replayId <= this.lastEnqueued && this.lastEnqueued >= 0) return;
    this.lastEnqueued = event.replayId;
    this.queue.push(event);
    this.draining ??= this.drain().finally(() => {
      this.draining = null;
    });
  }

  private async drain(): Promise<void> {
    const maxBatch = this.options.maxBatch ?? 500;
    // Coalesce a burst (a rep adding 200 people commits 200 events at once) into one batch.
    if (this.options.batchWindowMs)
      await new Promise((resolve) => setTimeout(resolve, this.options.batchWindowMs));
    let failures = 0;
    while (this.queue.length > 0) {
      const batch = this.queue.slice(0, maxBatch);
      try {
        await this.options.onEvents(batch);
      } catch (error) {
        failures += 1;
        const delay = backoffDelay(Math.min(failures, 10), RECONNECT);
        this.log.error(
          { error: (error as Error).message, events: batch.length, delayMs: delay },
          'applying change events failed; retrying',
        );
        if (this.stopped) return;
        await this.options.clock.sleep(delay);
        continue;
      }
      failures = 0;
      this.queue.splice(0, batch.length);
      const last = batch[batch.length - 1]!;
      const now = this.options.clock.now();
      await this.options.store.saveReplayPosition({
        channel: this.options.channel,
        replayId: last.replayId,
        eventAt: last.commitTimestamp || null,
        savedAt: now,
      });
      this.lastApplied = last.replayId;
      this.stats.eventsApplied += batch.length;
      this.stats.lagMs = Math.max(0, now - last.commitTimestamp);
    }
  }
}
