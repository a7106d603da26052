// The emulator's clock. Tests and the demo run time fast or jump it forward, so every timestamp
// the org writes (CreatedDate, token expiry, event retention) is read from here, never Date.now().

export interface ControllableClock {
  /** Milliseconds since the epoch on the emulator's clock. */
  now(): number;
  /** Jump forward (or back, with a negative value) by `ms`. */
  advance(ms: number): void;
  /** Set the instant the clock shows now. */
  set(epochMs: number): void;
  /** Run time `factor` times faster than real time from now on (1 = real time, 0 = frozen). */
  setFactor(factor: number): void;
  factor(): number;
}

export interface ClockOptions {
  start?: number | string | Date;
  factor?: number;
}

export function createClock(options: ClockOptions = {}): ControllableClock {
  let anchorReal = Date.now();
  let anchorVirtual = options.start === undefined ? anchorReal : new Date(options.start).getTime();
  if (Number.isNaN(anchorVirtual)) throw new Error(`clock start ${String(options.start)} is not a date`);
  let rate = options.factor ?? 1;
  const now = (): number => Math.floor(anchorVirtual + (Date.now() - anchorReal) * rate);
  const reanchor = (virtual: number): void => {
    anchorReal = Date.now();
    anchorVirtual = virtual;
  };
  return {
    now,
    advance(ms) {
      reanchor(now() + ms);
    },
    set(epochMs) {
      reanchor(epochMs);
    },
    setFactor(factor) {
      if (!(factor >= 0)) throw new Error(`clock factor must be >= 0, got ${factor}`);
      reanchor(now());
      rate = factor;
    },
    factor: () => rate,
  };
}

/** Parses the CLI's `--clock` value: `fast:<factor>`, `real`, or `frozen`. */
export function parseClockSpec(spec: string): ClockOptions {
  if (spec === 'real') return { factor: 1 };
  if (spec === 'frozen') return { factor: 0 };
  const match = /^fast:(\d+(?:\.\d+)?)$/.exec(spec);
  if (!match) throw new Error(`--clock ${spec}: expected fast:<factor>, real or frozen`);
  return { factor: Number(match[1]) };
}
