// Which org failures are worth another try, and the backoff between tries. Record locks,
// server errors, request-limit pushback and dropped connections usually pass; everything else
// (bad field, validation rule, permission) will fail the same way again.
import type { Logger } from 'pino';
import type { Clock } from '../app/ports/clock.ts';

const RETRYABLE_CODES = new Set([
  'UNABLE_TO_LOCK_ROW',
  'REQUEST_LIMIT_EXCEEDED',
  'SERVER_UNAVAILABLE',
  'REQUEST_RUNNING_TOO_LONG',
  'QUERY_TIMEOUT',
  'UNKNOWN_EXCEPTION',
  'ECONNRESET',
  'ECONNREFUSED',
  'ETIMEDOUT',
  'EPIPE',
  'UND_ERR_SOCKET',
]);

export function errorCodeOf(error: unknown): string | undefined {
  const e = error as { errorCode?: unknown; code?: unknown; name?: unknown; cause?: { code?: unknown } };
  if (typeof e?.errorCode === 'string') return e.errorCode;
  if (typeof e?.code === 'string') return e.code;
  if (typeof e?.cause?.code === 'string') return e.cause.code;
  return undefined;
}

export function isRetryableCode(code: string | undefined): boolean {
  if (!code) return false;
  return RETRYABLE_CODES.has(code) || /^ERROR_HTTP_5\d\d$/.test(code);
}

export function isRetryable(error: unknown): boolean {
  if (isRetryableCode(errorCodeOf(error))) return true;
  // A Composite subrequest that failed with a 5xx, whatever its code says.
  const status = (error as { httpStatus?: unknown })?.httpStatus;
  if (typeof status === 'number' && status >= 500) return true;
  const message = String((error as Error)?.message ?? '');
  return /fetch failed|socket hang up|network/i.test(message);
}

export interface RetryOptions {
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryOptions = { attempts: 6, baseDelayMs: 200, maxDelayMs: 10_000 };

/** Exponential backoff with full jitter, capped. */
export function backoffDelay(attempt: number, options: RetryOptions, random = Math.random): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** attempt);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

export async function withRetry<T>(
  what: string,
  operation: () => Promise<T>,
  deps: { clock: Clock; logger: Logger; options?: RetryOptions },
): Promise<T> {
  const options = deps.options ?? DEFAULT_RETRY;
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await operation();
    } catch (error) {
      if (!isRetryable(error) || attempt + 1 >= options.attempts) throw error;
      const delay = backoffDelay(attempt, options);
      deps.logger.warn(
        { what, attempt: attempt + 1, errorCode: errorCodeOf(error), delayMs: delay },
        'org call failed, retrying',
      );
      await deps.clock.sleep(delay);
    }
  }
}
