// Renders the service's metrics in the Prometheus text exposition format (version 0.0.4).
import { METRIC_HELP, type SyncMetrics } from '../app/syncMetrics.ts';

export function prometheusText(metrics: SyncMetrics, prefix = 'sales_campaigns_sync_'): string {
  const lines: string[] = [];
  for (const [name, value] of Object.entries(metrics.snapshot())) {
    const full = `${prefix}${name}`;
    const type = name.endsWith('_total') ? 'counter' : 'gauge';
    lines.push(`# HELP ${full} ${METRIC_HELP[name as keyof typeof METRIC_HELP]}`);
    lines.push(`# TYPE ${full} ${type}`);
    lines.push(`${full} ${Number.isFinite(value) ? value : 0}`);
  }
  return `${lines.join('\n')}\n`;
}
