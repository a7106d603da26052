// Per-record results for batch writes (collections, composite, bulk): each record succeeds or
// carries its own errors; under allOrNone one failure rolls the others back with Salesforce's
// ALL_OR_NONE_OPERATION_ROLLED_BACK entry.
import { SalesforceError } from '../../core/errors.ts';
import type { Transaction } from '../../core/transaction.ts';
import type { SaveResult } from '../sobjects/publishEvent.ts';

const ROLLED_BACK = {
  statusCode: 'ALL_OR_NONE_OPERATION_ROLLED_BACK',
  message: 'Record rolled back because not all records were valid and the request was using AllOrNone header',
  fields: [] as string[],
};

/** A failed record's result; `id` only when the record had one (update, delete, upsert match). */
export function failure(error: unknown, id: string | null = null): SaveResult {
  if (error instanceof SalesforceError) {
    // In a batch, "no such record" reads as a bad cross reference, as Salesforce reports it.
    const entry =
      error.errorCode === 'NOT_FOUND'
        ? { statusCode: 'INVALID_CROSS_REFERENCE_KEY', message: 'invalid cross reference id', fields: [] }
        : error.toSaveError();
    return { ...(id ? { id } : {}), success: false, errors: [entry] };
  }
  throw error;
}

/** Runs `work` per item, collecting results; with allOrNone a single failure rolls back all. */
export function saveEach<T>(
  tx: Transaction,
  items: T[],
  allOrNone: boolean,
  work: (item: T, index: number) => SaveResult,
  idOf: (item: T) => string | null = () => null,
): SaveResult[] {
  const results = items.map((item, index) => {
    try {
      return work(item, index);
    } catch (error) {
      return failure(error, idOf(item));
    }
  });
  if (allOrNone && results.some((r) => !r.success)) {
    tx.rollback();
    return results.map((r, i) => {
      if (!r.success) return r;
      const id = idOf(items[i]!);
      return { ...(id ? { id } : {}), success: false, errors: [ROLLED_BACK] };
    });
  }
  tx.commit();
  return results;
}
