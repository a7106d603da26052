// Runs a request's writes in one transaction: committed when the handler returns, rolled back
// when it throws. Composite requests with allOrNone share one transaction across subrequests;
// their subrequests carry its key and leave committing to the composite handler.
import type { FastifyRequest } from 'fastify';
import { SalesforceError } from '../core/errors.ts';
import type { Transaction } from '../core/transaction.ts';
import type { ServerContext } from './context.ts';
import { actorOf } from './requestContext.ts';

const sharedTransactions = new Map<string, Transaction>();

export function shareTransaction(key: string, tx: Transaction): () => void {
  sharedTransactions.set(key, tx);
  return () => sharedTransactions.delete(key);
}

export function runDml<T>(ctx: ServerContext, request: FastifyRequest, work: (tx: Transaction) => T): T {
  if (request.lockRows)
    throw new SalesforceError(
      'UNABLE_TO_LOCK_ROW',
      'unable to obtain exclusive access to this record or 1 records',
      [],
    );
  const sharedKey = request.internal ? request.headers['x-emulator-transaction'] : undefined;
  const shared = typeof sharedKey === 'string' ? sharedTransactions.get(sharedKey) : undefined;
  if (shared) return work(shared);
  const tx = ctx.org.begin(actorOf(request));
  try {
    const result = work(tx);
    tx.commit();
    return result;
  } catch (error) {
    tx.rollback();
    throw error;
  }
}
