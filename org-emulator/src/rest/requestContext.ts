// Per-request facts the API hooks establish (who is calling, under which client name) and the
// helpers handlers use to read them.
import type { FastifyRequest } from 'fastify';
import type { Actor } from '../core/transaction.ts';
import type { Session } from './oauth/sessions.ts';

declare module 'fastify' {
  interface FastifyRequest {
    session: Session | null;
    clientName: string;
    internal: boolean;
    /** A per-record UNABLE_TO_LOCK_ROW fault fired for this call. */
    lockRows: boolean;
    /** Counted against the daily API limit (and so logged in the recent calls). */
    counted: boolean;
  }
}

export function actorOf(request: FastifyRequest): Actor {
  return { userId: request.session?.userId ?? '', clientName: request.clientName };
}

/** `Sforce-Call-Options: client=NAME, defaultNamespace=…` → NAME. */
export function clientNameOf(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header.join(',') : (header ?? '');
  const match = /(?:^|[,;\s])client=([^,;\s]+)/i.exec(value);
  return match ? match[1]! : '';
}

/** `Sforce-Query-Options: batchSize=N` clamped to Salesforce's 200..2000. */
export function batchSizeOf(header: string | string[] | undefined): number {
  const value = Array.isArray(header) ? header.join(',') : (header ?? '');
  const match = /batchSize=(\d+)/i.exec(value);
  if (!match) return 2000;
  return Math.min(2000, Math.max(200, Number(match[1])));
}
