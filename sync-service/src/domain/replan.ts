// Re-planning as facts arrive (DESIGN §2.3, §2.4). Each operation records one fact in the
// planning input and plans again, returning both, so the service can keep the input (its
// working memory) and act on the plan. Inputs are never mutated.

import { isTaskStep, type Campaign, type CampaignStep } from './campaign.ts';
import { compileCampaign } from './compiledCampaign.ts';
import { PlanError, problem } from './planErrors.ts';
import { planEnrollment } from './planEnrollment.ts';
import type { EnrollmentPlan, PlanInput, StepProgress } from './planTypes.ts';
import type { EpochMs } from './zonedTime.ts';

export interface Replanned {
  input: PlanInput;
  plan: EnrollmentPlan;
}

/** A task step was completed (for a Manual_Task email: the rep sent it) at an instant. */
export function taskCompleted(input: PlanInput, stepId: string, at: EpochMs): Replanned {
  requireStep(input, stepId, 'task');
  return withFacts(input, stepId, { completedAt: at });
}

/** An email actually went out at an instant; followers take its real time of day. */
export function emailSent(input: PlanInput, stepId: string, at: EpochMs): Replanned {
  requireStep(input, stepId, 'email');
  return withFacts(input, stepId, { sentAt: at });
}

/** The service created the Salesforce Task; editing the step no longer changes it. */
export function taskOpened(input: PlanInput, stepId: string, at: EpochMs): Replanned {
  requireStep(input, stepId, 'task');
  return withFacts(input, stepId, { taskOpenedAt: at });
}

/**
 * A task reached its expiry without being completed. `at` defaults to the plan's expiresAt for
 * the step; the campaign's On task expiry decides whether the rest moves or the campaign ends.
 */
export function taskExpired(input: PlanInput, stepId: string, at?: EpochMs): Replanned {
  requireStep(input, stepId, 'task');
  let expiredAt = at;
  if (expiredAt === undefined) {
    const item = planEnrollment(input).items.find((candidate) => candidate.stepId === stepId);
    expiredAt = item?.kind === 'task' ? item.expiresAt : 0;
  }
  return withFacts(input, stepId, { expiredAt });
}

/** The rep skipped a step. A skipped task lets the campaign go on as a completion would. */
export function stepSkipped(input: PlanInput, stepId: string, at: EpochMs): Replanned {
  requireStep(input, stepId, 'any');
  return withFacts(input, stepId, { skippedAt: at });
}

/** The person's campaign was paused: every pending step is held. */
export function paused(input: PlanInput, at: EpochMs): Replanned {
  const pauses = input.pauses ?? [];
  if (pauses.some((pause) => pause.resumedAt == null)) {
    throw new PlanError([problem('PLAN.INVALID_PAUSE', 'Pause: the campaign is already paused')]);
  }
  return replan({ ...input, pauses: [...pauses, { pausedAt: at, resumedAt: null }] });
}

/** The person's campaign was resumed: the rest moves by the campaign days that began while paused. */
export function resumed(input: PlanInput, at: EpochMs): Replanned {
  const pauses = input.pauses ?? [];
  const open = pauses.findIndex((pause) => pause.resumedAt == null);
  if (open < 0) throw new PlanError([problem('PLAN.INVALID_PAUSE', 'Resume: the campaign is not paused')]);
  return replan({
    ...input,
    pauses: pauses.map((pause, index) => (index === open ? { ...pause, resumedAt: at } : pause)),
  });
}

/**
 * The campaign's steps were edited. Only what was not yet sent or tasked changes: a step with
 * any fact (sent, task opened, completed, expired, skipped) keeps its old definition, and is
 * kept even when the edit deleted it, so the record of what happened stays in the plan.
 */
export function stepsEdited(input: PlanInput, steps: readonly CampaignStep[]): Replanned {
  const progress = input.progress ?? {};
  const oldSteps = new Map(input.campaign.steps.map((step) => [step.id, step]));
  const touched = (id: string) => hasAnyFact(progress[id]) && oldSteps.has(id);
  const kept = steps.map((step) => (touched(step.id) ? oldSteps.get(step.id)! : step));
  const keptIds = new Set(kept.map((step) => step.id));
  for (const [id, step] of oldSteps) if (touched(id) && !keptIds.has(id)) kept.push(step);
  const campaign: Campaign = { ...input.campaign, steps: kept };
  return replan({ ...input, campaign });
}

function hasAnyFact(facts: StepProgress | undefined): boolean {
  if (!facts) return false;
  return [facts.sentAt, facts.completedAt, facts.expiredAt, facts.skippedAt, facts.taskOpenedAt].some(
    (value) => value != null,
  );
}

function withFacts(input: PlanInput, stepId: string, facts: StepProgress): Replanned {
  const progress = { ...input.progress, [stepId]: { ...input.progress?.[stepId], ...facts } };
  return replan({ ...input, progress });
}

function replan(input: PlanInput): Replanned {
  return { input, plan: planEnrollment(input) };
}

function requireStep(input: PlanInput, stepId: string, kind: 'task' | 'email' | 'any'): void {
  const compiled = compileCampaign(input.campaign);
  if (compiled.problems.length > 0) throw new PlanError(compiled.problems);
  const step = compiled.byId.get(stepId);
  if (!step)
    throw new PlanError([
      problem('PLAN.UNKNOWN_STEP', `Step ${stepId}: no such step in the campaign`, stepId),
    ]);
  if (kind === 'task' && !isTaskStep(step.definition)) {
    throw new PlanError([
      problem('PLAN.NOT_A_TASK', `Step ${stepId}: not a task (it is an automatic email)`, stepId),
    ]);
  }
  if (kind === 'email' && !step.isEmail) {
    throw new PlanError([
      problem('PLAN.NOT_AN_EMAIL', `Step ${stepId}: not an email (it is a ${step.definition.type})`, stepId),
    ]);
  }
}
