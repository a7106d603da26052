// Waiting on what a test can observe — an emulator's records, the files an SMTP server saved,
// a service's metrics — instead of sleeping a fixed time. The deadline is only a safety net, so
// it is generous (a loaded machine is slow, not wrong); when it passes, the error says what was
// awaited and what was seen instead. (testService.ts's waitFor is the older, shorter form: a
// truthy probe and a 10 s default, and no word on what was seen.)

export interface WaitOptions {
  /** Give up after this long (real time). Default 60 s. */
  timeoutMs?: number;
  /** How often to look. Default 25 ms. */
  intervalMs?: number;
  /** Stop waiting (the waiter rejects with a WaitAborted). */
  signal?: AbortSignal;
}

/** The waiter was told to stop (its test is ending), not timed out. */
export class WaitAborted extends Error {
  constructor(what: string) {
    super(`stopped waiting for ${what}`);
    this.name = 'WaitAborted';
  }
}

export function describeSeen(seen: unknown): string {
  const text = typeof seen === 'string' ? seen : JSON.stringify(seen);
  return text.length > 2000 ? `${text.slice(0, 2000)}…` : text;
}

/**
 * Looks with `observe` until `holds` accepts what it saw; resolves with that. `what` names the
 * condition in the timeout message ("the SMTP server receiving 8 messages"); `describe` turns
 * the last observation into words for it (default: JSON).
 */
export async function waitUntil<T>(
  what: string,
  observe: () => T | Promise<T>,
  holds: (seen: T) => boolean,
  options: WaitOptions & { describe?: (seen: T) => string } = {},
): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const intervalMs = options.intervalMs ?? 25;
  const describe = options.describe ?? describeSeen;
  const started = Date.now();
  for (;;) {
    if (options.signal?.aborted) throw new WaitAborted(what);
    const seen = await observe();
    if (holds(seen)) return seen;
    if (Date.now() - started > timeoutMs)
      throw new Error(
        `Timed out after ${(timeoutMs / 1000).toFixed(0)} s waiting for ${what}; saw instead: ${describe(seen)}`,
      );
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
