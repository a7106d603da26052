// What the Streaming API (CometD/Bayeux) needs from the rest of the emulator, and what it hands
// back. The REST side builds these deps and calls `registerStreamingRoutes` from ./index.ts.
import type { FastifyInstance } from 'fastify';
import type { ChannelDef } from '@sales-campaigns/metadata';
import type { ChangeFeed } from '../core/changeFeed.ts';

export interface EmulatorClock {
  /** Milliseconds since the epoch on the emulator's (possibly accelerated) clock. */
  now(): number;
}

export interface AuthenticatedSession {
  userId: string;
  orgId: string;
}

export interface StreamingDeps {
  apiVersion: string;
  feed: ChangeFeed;
  clock: EmulatorClock;
  /** Resolves an `Authorization: OAuth <token>` (or Bearer) value; null when invalid or expired. */
  verifyAccessToken(token: string): AuthenticatedSession | null;
  /** The package's custom channels (e.g. `Sales_Campaigns__chn`) and their members. */
  channels: ChannelDef[];
  /** Object API names that have Change Data Capture enabled on their standard channel
   * (`/data/<Object>ChangeEvent`, `/data/<Custom>__ChangeEvent`). */
  cdcEntities: string[];
  /** Platform event API names (`Campaign_Activity__e`). */
  platformEvents: string[];
  /** Event retention on the emulator clock (72 hours unless configured). */
  retentionMs: number;
  /** How long /meta/connect is held when nothing is to be delivered, in real milliseconds
   * (Salesforce: 110 s; tests use a few hundred ms). */
  longPollTimeoutMs?: number;
  /** A client that sends nothing for this long after a reply is forgotten and must handshake
   * again (Salesforce: 40 s). */
  clientTimeoutMs?: number;
}

/** Fault hooks and inspection the control API exposes. */
export interface StreamingHandle {
  /** Forget every CometD client: their next request gets `403::Unknown client`. */
  dropClients(): void;
  /** Restart the streaming server: clients and subscriptions are lost; stored events are kept. */
  restart(): void;
  /** Connected client count, for inspection. */
  clientCount(): number;
  close(): Promise<void>;
}

export type RegisterStreamingRoutes = (app: FastifyInstance, deps: StreamingDeps) => StreamingHandle;
