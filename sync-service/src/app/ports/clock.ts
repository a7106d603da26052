// Time as the service sees it. Injected everywhere so the demo and tests can run time fast;
// nothing else in the service reads Date.now() or sets its own timers for business time.
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Resolves after `ms` of this clock's time (a fast clock sleeps less real time). */
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms))),
};

/** A clock that runs `factor` times faster than real time from `start` (the demo's). */
export function acceleratedClock(start: number, factor: number): Clock {
  const realStart = Date.now();
  return {
    now: () => start + (Date.now() - realStart) * factor,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms / factor))),
  };
}
