// Campaign validation (DESIGN §2.2, §3): everything about the campaign itself that would make
// a plan impossible or ambiguous. Returns every problem, not just the first, so the builder and
// the `plan` command can show them all at once.

import {
  ON_TASK_EXPIRY,
  SEND_OPTIONS,
  STEP_TYPES,
  firstEmailStep,
  type Campaign,
  type CampaignStep,
} from './campaign.ts';
import { problem, type CampaignProblem } from './planErrors.ts';
import { parseTimeOfDay } from './timeOfDay.ts';

const FIRST_ONLY = new Set<string>(['Choose_At_Launch']);
const LATER_ONLY = new Set<string>(['Same_Time_As_Previous', 'Thread_Previous']);

export function validateCampaign(campaign: Campaign): CampaignProblem[] {
  const problems: CampaignProblem[] = [...validateSettings(campaign)];
  const steps = Array.isArray(campaign.steps) ? campaign.steps : [];
  if (steps.length === 0) problems.push(problem('CAMPAIGN.NO_STEPS', 'The campaign has no steps'));

  const seenIds = new Set<string>();
  const seenPositions = new Map<string, string>();
  steps.forEach((step, index) => {
    const name = typeof step.id === 'string' && step.id !== '' ? step.id : `#${index + 1}`;
    if (typeof step.id !== 'string' || step.id === '') {
      problems.push(problem('CAMPAIGN.MISSING_STEP_ID', `Step ${name}: the step has no id`));
    } else if (seenIds.has(step.id)) {
      problems.push(
        problem('CAMPAIGN.DUPLICATE_STEP_ID', `Step ${name}: the id is used by another step`, step.id),
      );
    } else {
      seenIds.add(step.id);
    }
    const at = (code: CampaignProblem['code'], text: string) =>
      problems.push(problem(code, `Step ${name}: ${text}`, step.id));
    const dayOk = Number.isInteger(step.day) && step.day >= 1;
    const orderOk = Number.isInteger(step.order) && step.order >= 0;
    if (!dayOk)
      at('CAMPAIGN.INVALID_DAY', `Day__c must be a whole number from 1, got ${JSON.stringify(step.day)}`);
    if (!orderOk)
      at(
        'CAMPAIGN.INVALID_ORDER',
        `Order__c must be a whole number from 0, got ${JSON.stringify(step.order)}`,
      );
    if (dayOk && orderOk) {
      const position = `${step.day}/${step.order}`;
      const other = seenPositions.get(position);
      if (other !== undefined)
        at(
          'CAMPAIGN.DUPLICATE_POSITION',
          `Day ${step.day}, Order ${step.order} is also step ${other}'s position`,
        );
      else seenPositions.set(position, name);
    }
    if (!(STEP_TYPES as readonly string[]).includes(step.type)) {
      at(
        'CAMPAIGN.UNKNOWN_STEP_TYPE',
        `unknown Type__c ${JSON.stringify(step.type)} (expected ${STEP_TYPES.join(', ')})`,
      );
    } else if (step.type === 'Email') {
      problems.push(...validateEmailOption(step, name, steps));
    }
  });
  return problems;
}

function validateEmailOption(
  step: CampaignStep,
  name: string,
  steps: readonly CampaignStep[],
): CampaignProblem[] {
  const problems: CampaignProblem[] = [];
  const at = (code: CampaignProblem['code'], text: string) =>
    problems.push(problem(code, `Step ${name}: ${text}`, step.id));
  const option = step.sendOption;
  if (option === undefined || option === null || (option as string) === '') {
    at('CAMPAIGN.MISSING_SEND_OPTION', 'Send_Option__c is required for an email');
    return problems;
  }
  if (!(SEND_OPTIONS as readonly string[]).includes(option)) {
    at(
      'CAMPAIGN.UNKNOWN_SEND_OPTION',
      `unknown Send_Option__c ${JSON.stringify(option)} (expected ${SEND_OPTIONS.join(', ')})`,
    );
    return problems;
  }
  const isFirst = firstEmailStep(validPositions(steps)) === step;
  if (isFirst && LATER_ONLY.has(option)) {
    at(
      'CAMPAIGN.OPTION_NOT_FOR_FIRST_EMAIL',
      `${option} is not available for the first email step (it has no previous email)`,
    );
  }
  if (!isFirst && FIRST_ONLY.has(option)) {
    at(
      'CAMPAIGN.OPTION_ONLY_FOR_FIRST_EMAIL',
      `${option} is only available for the first email step (the first step of Day 1)`,
    );
  }
  if (option === 'At_Time') {
    if (step.sendTime === undefined || step.sendTime === null || step.sendTime === '') {
      at('CAMPAIGN.MISSING_SEND_TIME', 'Send_Time__c is required for At_Time');
    } else if (typeof step.sendTime !== 'string' || parseTimeOfDay(step.sendTime) === null) {
      at(
        'CAMPAIGN.INVALID_SEND_TIME',
        `Send_Time__c ${JSON.stringify(step.sendTime)} is not a time of day (HH:mm)`,
      );
    }
  }
  return problems;
}

function validPositions(steps: readonly CampaignStep[]): CampaignStep[] {
  return steps.filter((step) => Number.isInteger(step.day) && step.day >= 1 && Number.isInteger(step.order));
}

function validateSettings(campaign: Campaign): CampaignProblem[] {
  const problems: CampaignProblem[] = [];
  const { defaultSendTime, taskExpiryDays, onTaskExpiry } = campaign;
  if (
    defaultSendTime !== undefined &&
    defaultSendTime !== null &&
    (typeof defaultSendTime !== 'string' || parseTimeOfDay(defaultSendTime) === null)
  ) {
    problems.push(
      problem(
        'CAMPAIGN.INVALID_DEFAULT_SEND_TIME',
        `Default_Send_Time__c ${JSON.stringify(defaultSendTime)} is not a time of day (HH:mm)`,
      ),
    );
  }
  if (
    taskExpiryDays !== undefined &&
    taskExpiryDays !== null &&
    !(Number.isInteger(taskExpiryDays) && taskExpiryDays >= 0)
  ) {
    problems.push(
      problem(
        'CAMPAIGN.INVALID_TASK_EXPIRY',
        `Task_Expiry_Days__c must be a whole number from 0, got ${JSON.stringify(taskExpiryDays)}`,
      ),
    );
  }
  if (
    onTaskExpiry !== undefined &&
    onTaskExpiry !== null &&
    !(ON_TASK_EXPIRY as readonly string[]).includes(onTaskExpiry)
  ) {
    problems.push(
      problem(
        'CAMPAIGN.UNKNOWN_ON_TASK_EXPIRY',
        `unknown On_Task_Expiry__c ${JSON.stringify(onTaskExpiry)} (expected ${ON_TASK_EXPIRY.join(', ')})`,
      ),
    );
  }
  return problems;
}
