// When a write-back that did not land is tried again: soon after a first failure (a lock, a
// blip), then less and less often while the org keeps refusing, never more than ten minutes
// apart so the rep's view catches up soon after the org comes back.
const SECOND = 1000;
const MINUTE = 60 * SECOND;

export interface WriteBackRetryPolicy {
  firstDelayMs: number;
  maxDelayMs: number;
}

export const WRITE_BACK_RETRY: WriteBackRetryPolicy = { firstDelayMs: 30 * SECOND, maxDelayMs: 10 * MINUTE };

/** `attempts`: how many attempts have failed, this one included. */
export function nextWriteBackAttemptAt(
  failedAt: number,
  attempts: number,
  policy: WriteBackRetryPolicy = WRITE_BACK_RETRY,
): number {
  return failedAt + Math.min(policy.maxDelayMs, policy.firstDelayMs * 2 ** Math.max(0, attempts - 1));
}
