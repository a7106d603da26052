// Writes a plan as the `plan` command's JSON (DESIGN §5): fixed key order, instants in UTC to
// the second, keys that do not apply left out, one item per line as the documentation shows.

import { formatInstant, type EnrollmentPlan, type PlanItem } from '../domain/index.ts';

export function planToJson(plan: EnrollmentPlan): Record<string, unknown> {
  return { timeZone: plan.timeZone, day1: plan.day1, items: plan.items.map(itemToJson) };
}

function itemToJson(item: PlanItem): Record<string, unknown> {
  const head = { stepId: item.stepId, day: item.day, kind: item.kind, date: item.date };
  const timing =
    item.kind === 'send'
      ? { at: formatInstant(item.at) }
      : { due: item.due, expiresAt: formatInstant(item.expiresAt) };
  return { ...head, ...timing, threadOf: item.threadOf, dependsOn: item.dependsOn };
}

/** The plan as text: valid JSON, laid out like the example in DESIGN §5. */
export function formatPlan(plan: EnrollmentPlan): string {
  const { items, ...head } = planToJson(plan) as { items: Array<Record<string, unknown>> };
  const flat = (value: Record<string, unknown>) =>
    `{${Object.entries(value)
      .map(([key, field]) => `${JSON.stringify(key)}: ${JSON.stringify(field)}`)
      .join(', ')}`;
  const lines = items.map((item) => ` ${flat(item)}}`);
  return `${flat(head)}, "items": [${lines.length > 0 ? `\n${lines.join(',\n')}` : ''}]}\n`;
}
