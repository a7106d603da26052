// Faults a real org throws, injected on demand: errors on a share of a route's calls (or on the
// next N), row-lock errors, 5xx answers and added latency. Routes are matched by substring of
// the request path (e.g. `composite/sobjects`, `/query`), or `*` for every API call.

export type FaultKind =
  'UNABLE_TO_LOCK_ROW' | 'SERVER_ERROR' | 'LATENCY' | 'REQUEST_LIMIT_EXCEEDED' | 'INVALID_SESSION_ID';

export interface FaultSpec {
  /** Substring of the path (after `/services/data/vXX.X/`), `*` for all. Optionally `METHOD path`. */
  route: string;
  kind: FaultKind;
  /** Share of matching calls that fail, 0..1 (default 1). */
  rate?: number;
  /** Fail only the next N matching calls, then remove the fault. */
  times?: number;
  /** LATENCY: milliseconds added; SERVER_ERROR: the HTTP status (default 503). */
  latencyMs?: number;
  status?: number;
  /** UNABLE_TO_LOCK_ROW only: instead of failing the whole call, fail every record of a
   * collections call (or of the collections subrequests of a composite) with a per-record
   * UNABLE_TO_LOCK_ROW error, as when the records share a locked parent. */
  perRecord?: boolean;
}

export interface ActiveFault extends FaultSpec {
  id: number;
  triggered: number;
}

export class FaultRegistry {
  private faults: ActiveFault[] = [];
  private nextId = 1;

  add(spec: FaultSpec): ActiveFault {
    const fault: ActiveFault = { rate: 1, ...spec, id: this.nextId++, triggered: 0 };
    this.faults.push(fault);
    return fault;
  }

  remove(id: number): void {
    this.faults = this.faults.filter((f) => f.id !== id);
  }

  clear(): void {
    this.faults = [];
  }

  list(): ActiveFault[] {
    return this.faults.map((f) => ({ ...f }));
  }

  /** The faults that fire for this call (each consumes one of its `times`). */
  pick(method: string, path: string): ActiveFault[] {
    const fired: ActiveFault[] = [];
    for (const fault of this.faults) {
      if (!matchesRoute(fault.route, method, path)) continue;
      if (Math.random() >= (fault.rate ?? 1)) continue;
      fault.triggered += 1;
      fired.push(fault);
      if (fault.times !== undefined && fault.triggered >= fault.times) this.remove(fault.id);
    }
    return fired;
  }
}

function matchesRoute(route: string, method: string, path: string): boolean {
  if (route === '*') return true;
  const spaced = /^([A-Z]+)\s+(.*)$/.exec(route);
  if (spaced) return spaced[1] === method && path.includes(spaced[2]!);
  return path.includes(route);
}
