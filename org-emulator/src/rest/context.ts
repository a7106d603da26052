// Everything the HTTP handlers share: the org, sessions, counters, faults and what the org
// captured (emails, platform events). Built once by startOrgEmulator.
import type { ChangeFeed, PublishedEvent } from '../core/changeFeed.ts';
import type { FaultRegistry } from '../control/faults.ts';
import type { Org } from '../records/org.ts';
import type { BulkJobStore } from './bulk/bulkJobs.ts';
import type { ApiUsage } from './limits/apiUsage.ts';
import type { SessionStore } from './oauth/sessions.ts';
import type { QueryCursors } from './query/queryCursors.ts';

export interface EmulatorCredentials {
  username: string;
  password: string;
  clientId: string;
  clientSecret: string;
}

export interface CapturedEmail {
  id: string;
  /** When the action ran, on the emulator clock (ISO). */
  capturedAt: string;
  emailAddresses: string[];
  emailSubject: string;
  emailBody: string;
  senderType?: string;
  senderAddress?: string;
  /** Every input the caller sent, as sent. */
  inputs: Record<string, unknown>;
  userId: string;
  clientName: string;
}

export interface ServerContext {
  apiVersion: string;
  credentials: EmulatorCredentials;
  /** PEM certificate or public key JWT bearer assertions are verified against. */
  jwtVerificationKey?: string;
  org: Org;
  feed: ChangeFeed;
  sessions: SessionStore;
  usage: ApiUsage;
  faults: FaultRegistry;
  cursors: QueryCursors;
  bulkJobs: BulkJobStore;
  emails: CapturedEmail[];
  events: PublishedEvent[];
  /** The integration user the default credentials log in as. */
  integrationUserId: string;
  /** Marks composite subrequests replayed through the app so they are not counted twice. */
  internalSecret: string;
  /** The server's base URL once it listens (login URL = instance URL). */
  baseUrl(): string;
}
