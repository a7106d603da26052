// Counts API calls the way the org's daily API request limit does, and also per route and per
// client name (`Sforce-Call-Options: client=…`): this is how the project measures how many calls
// the sync service spends. Composite and collections requests count once, as on Salesforce.
import { formatDate } from '../../core/datetime.ts';

export interface ApiCallCounts {
  total: number;
  dailyLimit: number;
  /** Calls counted against today's limit (emulator clock, UTC day). */
  usedToday: number;
  byRoute: Record<string, number>;
  byClient: Record<string, number>;
  /** `client name → route → count`, for "who spent what". */
  byClientAndRoute: Record<string, Record<string, number>>;
}

/** One counted API call, for the recent-calls log. */
export interface ApiCallRecord {
  at: string;
  method: string;
  /** Path and query as requested. */
  url: string;
  route: string;
  client: string;
  status: number;
}

const RECENT_CALLS = 1000;

export class ApiUsage {
  private recent: ApiCallRecord[] = [];
  private day = '';
  private usedToday = 0;
  private total = 0;
  private byRoute = new Map<string, number>();
  private byClient = new Map<string, number>();
  private byClientAndRoute = new Map<string, Map<string, number>>();

  constructor(
    public dailyLimit: number,
    private readonly now: () => number,
  ) {}

  private rollDay(): void {
    const today = formatDate(this.now());
    if (today !== this.day) {
      this.day = today;
      this.usedToday = 0;
    }
  }

  /** True when today's allowance is spent: the call must be refused with REQUEST_LIMIT_EXCEEDED. */
  exhausted(): boolean {
    this.rollDay();
    return this.usedToday >= this.dailyLimit;
  }

  record(route: string, client: string): void {
    this.rollDay();
    this.usedToday += 1;
    this.total += 1;
    this.byRoute.set(route, (this.byRoute.get(route) ?? 0) + 1);
    const clientKey = client || '(none)';
    this.byClient.set(clientKey, (this.byClient.get(clientKey) ?? 0) + 1);
    let routes = this.byClientAndRoute.get(clientKey);
    if (!routes) this.byClientAndRoute.set(clientKey, (routes = new Map()));
    routes.set(route, (routes.get(route) ?? 0) + 1);
  }

  /** Notes a counted call's outcome in the recent-calls log (the newest 1000 are kept). */
  log(call: ApiCallRecord): void {
    this.recent.push(call);
    if (this.recent.length > RECENT_CALLS) this.recent.splice(0, this.recent.length - RECENT_CALLS);
  }

  recentCalls(): ApiCallRecord[] {
    return [...this.recent];
  }

  header(): string {
    this.rollDay();
    return `api-usage=${this.usedToday}/${this.dailyLimit}`;
  }

  remaining(): number {
    this.rollDay();
    return Math.max(0, this.dailyLimit - this.usedToday);
  }

  /** Spend the rest of today's allowance (a fault: the next call gets REQUEST_LIMIT_EXCEEDED). */
  exhaust(): void {
    this.rollDay();
    this.usedToday = this.dailyLimit;
  }

  setUsedToday(used: number): void {
    this.rollDay();
    this.usedToday = used;
  }

  counts(): ApiCallCounts {
    this.rollDay();
    return {
      total: this.total,
      dailyLimit: this.dailyLimit,
      usedToday: this.usedToday,
      byRoute: Object.fromEntries(this.byRoute),
      byClient: Object.fromEntries(this.byClient),
      byClientAndRoute: Object.fromEntries(
        [...this.byClientAndRoute].map(([c, m]) => [c, Object.fromEntries(m)]),
      ),
    };
  }

  /** Clears the per-route and per-client counters (not today's usage against the limit). */
  resetCounts(): void {
    this.recent = [];
    this.total = 0;
    this.byRoute.clear();
    this.byClient.clear();
    this.byClientAndRoute.clear();
  }
}
