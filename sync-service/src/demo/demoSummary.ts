// The demo's closing summary and its verdict: emails per send option, tasks created, completed
// and expired, API calls, where the messages are — and, per person, whether their campaign
// ended as the script expects (the demo's exit status).
import type { Rec } from './timeline.ts';

export interface SummaryInput {
  enrollments: Rec[];
  steps: Rec[];
  tasks: Rec[];
  campaignSteps: Rec[];
  /** Person id → FirstName. */
  firstNames: Map<string, string>;
  expected: Record<string, { status: string; reason?: RegExp; why: string }>;
  apiCalls: { service: number; total: number } | null;
  mailDir: string;
  messages: number;
  simulatedDays: number;
  realSeconds: number;
}

export interface Summary {
  lines: string[];
  problems: string[];
}

export function summarize(input: SummaryInput): Summary {
  const optionOf = new Map(
    input.campaignSteps.map((s) => [
      String(s.Id),
      s.Type__c === 'Email' ? String(s.Send_Option__c) : String(s.Type__c),
    ]),
  );
  const sentByOption = new Map<string, number>();
  for (const step of input.steps) {
    if (step.Status__c !== 'Sent') continue;
    const option = optionOf.get(String(step.Step__c)) ?? '?';
    sentByOption.set(option, (sentByOption.get(option) ?? 0) + 1);
  }
  const automatic = new Set(['Choose_At_Launch', 'At_Time', 'Same_Time_As_Previous', 'Thread_Previous']);
  const taskSteps = input.steps.filter((s) => !automatic.has(optionOf.get(String(s.Step__c)) ?? ''));
  const count = (status: string) => taskSteps.filter((s) => s.Status__c === status).length;
  // Tasks the rep worked: those of task steps (Step_Key__c = enrollment id + ':' + step id), not
  // the completed Tasks that log automatic emails.
  const campaignTasks = input.tasks.filter((t) => {
    const stepId = String(t.Campaign_Step_Key__c ?? '').split(':')[1];
    return stepId !== undefined && !automatic.has(optionOf.get(stepId) ?? '');
  });

  const lines = [
    '',
    `Played ${input.simulatedDays.toFixed(1)} simulated days in ${input.realSeconds.toFixed(0)} s.`,
    '',
    'Emails sent, per send option:',
    ...['At_Time', 'Same_Time_As_Previous', 'Thread_Previous', 'Choose_At_Launch', 'Manual_Task'].map(
      (option) => `  ${option.padEnd(24)} ${String(sentByOption.get(option) ?? 0).padStart(3)}`,
    ),
    `  ${'total'.padEnd(24)} ${String([...sentByOption.values()].reduce((a, b) => a + b, 0)).padStart(3)}`,
    '',
    'Tasks (calls, InMails, custom tasks, personal emails):',
    `  created                  ${String(campaignTasks.length).padStart(3)}`,
    `  completed or sent        ${String(count('Completed') + taskSteps.filter((s) => s.Status__c === 'Sent').length).padStart(3)}`,
    `  expired                  ${String(count('Expired')).padStart(3)}`,
    '',
    input.apiCalls
      ? `API calls: ${input.apiCalls.service} by the sync service (${input.apiCalls.total} in all, with the scripted rep's).`
      : 'API calls: not counted (a real org; see its API usage in Setup).',
    `Messages: ${input.messages} .eml files in ${input.mailDir}`,
    '',
    'How each campaign ended:',
  ];
  const problems: string[] = [];
  for (const enrollment of input.enrollments) {
    const first = input.firstNames.get(String(enrollment.Contact__c ?? enrollment.Lead__c)) ?? '?';
    const expected = input.expected[first];
    const status = String(enrollment.Status__c);
    const reason = String(enrollment.Ended_Reason__c ?? '');
    const ok =
      !expected || (expected.status === status && (!expected.reason || expected.reason.test(reason)));
    lines.push(`  ${ok ? 'ok ' : 'NOT'} ${first.padEnd(8)} ${status.padEnd(13)} ${reason}`);
    if (!ok)
      problems.push(
        `${first}: expected ${expected!.status}${expected!.reason ? ` (${expected!.reason.source})` : ''} — ${expected!.why}; got ${status} ${reason}`.trim(),
      );
  }
  for (const name of Object.keys(input.expected)) {
    if (![...input.enrollments].some((e) => input.firstNames.get(String(e.Contact__c ?? e.Lead__c)) === name))
      problems.push(`${name}: was never added to a campaign`);
  }
  return { lines, problems };
}
