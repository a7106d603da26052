// Problems the planner can report, each with a stable code the service writes onto records
// (Error__c) and the screens explain, and a message naming the step and what is wrong.

export type CampaignProblemCode =
  | 'CAMPAIGN.NO_STEPS'
  | 'CAMPAIGN.MISSING_STEP_ID'
  | 'CAMPAIGN.DUPLICATE_STEP_ID'
  | 'CAMPAIGN.INVALID_DAY'
  | 'CAMPAIGN.INVALID_ORDER'
  | 'CAMPAIGN.DUPLICATE_POSITION'
  | 'CAMPAIGN.UNKNOWN_STEP_TYPE'
  | 'CAMPAIGN.MISSING_SEND_OPTION'
  | 'CAMPAIGN.UNKNOWN_SEND_OPTION'
  | 'CAMPAIGN.OPTION_NOT_FOR_FIRST_EMAIL'
  | 'CAMPAIGN.OPTION_ONLY_FOR_FIRST_EMAIL'
  | 'CAMPAIGN.MISSING_SEND_TIME'
  | 'CAMPAIGN.INVALID_SEND_TIME'
  | 'CAMPAIGN.INVALID_DEFAULT_SEND_TIME'
  | 'CAMPAIGN.INVALID_TASK_EXPIRY'
  | 'CAMPAIGN.UNKNOWN_ON_TASK_EXPIRY';

export type LaunchProblemCode =
  | 'PLAN.UNKNOWN_TIME_ZONE'
  | 'PLAN.INVALID_INSTANT'
  | 'PLAN.MISSING_SEND_AT'
  | 'PLAN.INVALID_HOLIDAY'
  | 'PLAN.UNKNOWN_STEP'
  | 'PLAN.NOT_A_TASK'
  | 'PLAN.NOT_AN_EMAIL'
  | 'PLAN.INVALID_PAUSE';

export type PlanProblemCode = CampaignProblemCode | LaunchProblemCode;

export interface PlanProblem<Code extends PlanProblemCode = PlanProblemCode> {
  code: Code;
  /** One line, naming the step (when there is one) and the problem. */
  message: string;
  stepId?: string;
}

export type CampaignProblem = PlanProblem<CampaignProblemCode>;

/** Thrown by the planner and the re-planning operations when their input cannot be planned. */
export class PlanError extends Error {
  override readonly name = 'PlanError';
  /** The first problem's code, for callers that record a single one. */
  readonly code: PlanProblemCode;

  constructor(readonly problems: readonly PlanProblem[]) {
    super(problems.map((problem) => problem.message).join('\n'));
    this.code = problems[0]?.code ?? 'PLAN.INVALID_INSTANT';
  }
}

export function problem<Code extends PlanProblemCode>(
  code: Code,
  message: string,
  stepId?: string,
): PlanProblem<Code> {
  return stepId === undefined ? { code, message } : { code, message, stepId };
}
