// Real streaming clients pointed at an emulated org: jsforce's Faye-based client (with the Replay
// and AuthFailure extensions, as the sync service uses it) and the official CometD client. Every
// message a client receives is also recorded raw, so tests can assert the wire shape.
import { Connection } from 'jsforce';
import { StreamingExtension } from 'jsforce/api/streaming';
import { adapt } from 'cometd-nodejs-client';
import { CometD, type Message } from 'cometd';
import { API_VERSION } from './harness.ts';

adapt();

export interface RecordedMessage {
  channel: string;
  [field: string]: unknown;
}

/** The `data` of a delivered event: what a Faye subscription callback receives. */
export interface StreamedEvent {
  schema: string;
  payload: {
    ChangeEventHeader?: {
      entityName: string;
      recordIds: string[];
      changeType: string;
      changedFields: string[];
    };
    [field: string]: unknown;
  };
  event: { replayId: number; EventUuid?: string };
}

export interface JsforceStreamingClient {
  // Faye's client has no types; the tests drive it through the few calls they need.

  faye: any;
  replay: InstanceType<typeof StreamingExtension.Replay>;
  /** Every message the server sent, as received (before Faye handles it). */
  incoming: RecordedMessage[];
  /** Messages the AuthFailure extension intercepted. */
  authFailures: RecordedMessage[];
  events: StreamedEvent[];
  subscribe(): Promise<void>;
  disconnect(): void;
}

export function jsforceClient(input: {
  url: string;
  token: string;
  channel: string;
  replayId?: number | null;
  /** The channel named in the replay map, when a test wants it to differ from the subscription. */
  replayChannel?: string;
}): JsforceStreamingClient {
  const conn = new Connection({ instanceUrl: input.url, accessToken: input.token, version: API_VERSION });
  const incoming: RecordedMessage[] = [];
  const authFailures: RecordedMessage[] = [];
  const events: StreamedEvent[] = [];
  const replay = new StreamingExtension.Replay(
    input.replayChannel ?? input.channel,
    input.replayId === undefined ? -1 : input.replayId,
  );
  const recorder = {
    incoming(message: RecordedMessage, callback: (message: RecordedMessage) => void) {
      incoming.push(structuredClone(message));
      callback(message);
    },
  };
  const authFailure = new StreamingExtension.AuthFailure((message: RecordedMessage) =>
    authFailures.push(message),
  );

  const faye: any = conn.streaming.createClient([recorder, authFailure, replay]);
  return {
    faye,
    replay,
    incoming,
    authFailures,
    events,
    async subscribe() {
      await faye.subscribe(input.channel, (data: StreamedEvent) => events.push(data));
    },
    disconnect: () => faye.disconnect(),
  };
}

export interface CometdStreamingClient {
  cometd: CometD;
  incoming: Message[];
  events: Message[];
  /** Handshakes and subscribes; resolves with the subscribe reply. */
  start(channel: string, replayId?: number): Promise<Message>;
  stop(): Promise<void>;
}

/** The official CometD client configured the way Salesforce's samples configure it. */
export function cometdClient(input: { url: string; token: string }): CometdStreamingClient {
  const cometd = new CometD();
  const incoming: Message[] = [];
  const events: Message[] = [];
  cometd.unregisterTransport('websocket');
  cometd.configure({
    url: `${input.url}/cometd/${API_VERSION}`,
    requestHeaders: { Authorization: `OAuth ${input.token}` },
    appendMessageTypeToURL: false,
    logLevel: 'warn',
  });
  cometd.registerExtension('recorder', {
    incoming(message: Message) {
      incoming.push(structuredClone(message));
      return message;
    },
  });
  const replayByChannel = new Map<string, number>();
  // Salesforce's replay extension for the CometD client: the replay map rides on /meta/subscribe.
  cometd.registerExtension('replay', {
    outgoing(message: Message) {
      if (message.channel === '/meta/subscribe' && typeof message.subscription === 'string') {
        const replayId = replayByChannel.get(message.subscription);
        if (replayId !== undefined)
          message.ext = { ...message.ext, replay: { [message.subscription]: replayId } };
      }
      return message;
    },
    incoming(message: Message) {
      const replayId = (message.data as { event?: { replayId?: number } } | undefined)?.event?.replayId;
      if (typeof replayId === 'number' && !message.channel.startsWith('/meta/')) {
        replayByChannel.set(message.channel, replayId);
      }
      return message;
    },
  });
  return {
    cometd,
    incoming,
    events,
    start(channel, replayId) {
      if (replayId !== undefined) replayByChannel.set(channel, replayId);
      return new Promise((resolve, reject) => {
        // Subscriptions are made in the handshake listener so that they are renewed after every
        // re-handshake (CometD drops them when the server forgets the client).
        cometd.addListener('/meta/handshake', (reply: Message) => {
          if (!reply.successful) return reject(new Error(String(reply.error)));
          cometd.subscribe(
            channel,
            (message: Message) => events.push(message),
            (subscribeReply: Message) => resolve(subscribeReply),
          );
        });
        cometd.handshake();
      });
    },
    stop: () => new Promise((resolve) => cometd.disconnect(() => resolve())),
  };
}

export async function waitFor<T>(
  probe: () => T | undefined | false,
  what: string,
  timeoutMs = 8_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
