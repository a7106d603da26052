// Counters and gauges the use cases bump and /metrics renders (Prometheus text). Plain numbers in
// memory: they restart from zero with the process, as Prometheus counters may.
export type CounterName =
  | 'events_applied_total'
  | 'own_events_skipped_total'
  | 'plans_written_total'
  | 'steps_written_total'
  | 'record_errors_total'
  | 'plan_failures_total'
  | 'tasks_opened_total'
  | 'tasks_completed_total'
  | 'tasks_expired_total'
  | 'enrollments_ended_total'
  | 'sweeps_total'
  | 'heartbeats_total';

export type GaugeName = 'stream_lag_seconds' | 'stream_connected' | 'api_calls_total';

export const METRIC_HELP: Record<CounterName | GaugeName, string> = {
  events_applied_total: 'Change events applied from the CDC channel',
  own_events_skipped_total: "Change events skipped because they were the service's own writes",
  plans_written_total: 'Enrollment plans written to the org',
  steps_written_total: 'Enrollment_Step__c records written',
  record_errors_total: 'Record-level write errors reported by the org',
  plan_failures_total: 'Enrollments that could not be planned',
  tasks_opened_total: 'Salesforce Tasks created for manual steps',
  tasks_completed_total: 'Task completions noticed (standard UI or Command Center)',
  tasks_expired_total: 'Tasks closed as expired',
  enrollments_ended_total: 'Enrollments ended by the service',
  sweeps_total: 'Reconciliation sweeps run',
  heartbeats_total: 'Sync_Service_Status__c heartbeats written',
  stream_lag_seconds: 'Seconds between the commit of the last applied change event and its application',
  stream_connected: '1 while the CDC subscription is connected',
  api_calls_total: 'REST API calls made to the org by this process',
};

export class SyncMetrics {
  private readonly counters = new Map<CounterName, number>();
  private readonly gauges = new Map<GaugeName, () => number>();

  add(name: CounterName, by = 1): void {
    this.counters.set(name, (this.counters.get(name) ?? 0) + by);
  }

  get(name: CounterName): number {
    return this.counters.get(name) ?? 0;
  }

  /** Gauges are read when rendered (stream lag, API calls). */
  gauge(name: GaugeName, read: () => number): void {
    this.gauges.set(name, read);
  }

  snapshot(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const name of Object.keys(METRIC_HELP) as Array<CounterName | GaugeName>) {
      const read = this.gauges.get(name as GaugeName);
      out[name] = read ? read() : (this.counters.get(name as CounterName) ?? 0);
    }
    return out;
  }
}
