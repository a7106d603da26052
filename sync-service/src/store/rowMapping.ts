// Converts between the store's snake_case rows and the use cases' camelCase records.
import type { Insertable, Selectable } from 'kysely';
import type { EnrollmentState, PlanItem, PlanItemKind, StepStatus } from '../app/ports/syncStore.ts';
import type { EnrollmentStateTable, PlanItemTable } from './schema.ts';

export function enrollmentFromRow(row: Selectable<EnrollmentStateTable>): EnrollmentState {
  return {
    enrollmentId: row.enrollment_id,
    campaignId: row.campaign_id,
    ownerId: row.owner_id,
    personId: row.person_id,
    status: row.status,
    timeZone: row.time_zone,
    shiftDays: Number(row.shift_days),
    pausedAt: row.paused_at === null ? null : Number(row.paused_at),
    orgModstamp: row.org_modstamp === null ? null : Number(row.org_modstamp),
    planInputJson: row.plan_input_json ?? null,
    updatedAt: Number(row.updated_at),
  };
}

export function enrollmentToRow(state: EnrollmentState): Insertable<EnrollmentStateTable> {
  return {
    enrollment_id: state.enrollmentId,
    campaign_id: state.campaignId,
    owner_id: state.ownerId,
    person_id: state.personId,
    status: state.status,
    time_zone: state.timeZone,
    shift_days: state.shiftDays,
    paused_at: state.pausedAt,
    org_modstamp: state.orgModstamp,
    plan_input_json: state.planInputJson,
    updated_at: state.updatedAt,
  };
}

const numberOrNull = (value: number | null): number | null => (value === null ? null : Number(value));

export function planItemFromRow(row: Selectable<PlanItemTable>): PlanItem {
  return {
    stepKey: row.step_key,
    enrollmentId: row.enrollment_id,
    stepId: row.step_id,
    campaignId: row.campaign_id,
    ownerId: row.owner_id,
    recordId: row.record_id,
    kind: row.kind as PlanItemKind,
    status: row.status as StepStatus,
    dueAt: numberOrNull(row.due_at),
    dueDate: row.due_date,
    expiresAt: numberOrNull(row.expires_at),
    taskId: row.task_id,
    dependsOn: row.depends_on,
    updatedAt: Number(row.updated_at),
  };
}

type PlanItemColumns = Omit<Insertable<PlanItemTable>, 'lease_owner' | 'lease_expires_at'>;

const COLUMN_OF: Record<keyof PlanItem, keyof PlanItemColumns> = {
  stepKey: 'step_key',
  enrollmentId: 'enrollment_id',
  stepId: 'step_id',
  campaignId: 'campaign_id',
  ownerId: 'owner_id',
  recordId: 'record_id',
  kind: 'kind',
  status: 'status',
  dueAt: 'due_at',
  dueDate: 'due_date',
  expiresAt: 'expires_at',
  taskId: 'task_id',
  dependsOn: 'depends_on',
  updatedAt: 'updated_at',
};

/** Maps the given (possibly partial) record onto columns; absent keys stay absent. */
export function planItemToColumns(item: Partial<PlanItem>): Partial<PlanItemColumns> {
  const columns: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(item)) {
    const column = COLUMN_OF[key as keyof PlanItem];
    if (column && value !== undefined) columns[column] = value;
  }
  return columns as Partial<PlanItemColumns>;
}

export function planItemToRow(item: PlanItem): PlanItemColumns {
  return planItemToColumns(item) as PlanItemColumns;
}

export const PLAN_ITEM_DUE_COLUMN = { dueAt: 'due_at', expiresAt: 'expires_at' } as const;
