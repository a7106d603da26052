// Fields the platform computes on save: person names, Task closure, auto numbers.
import type { SRecord } from '../core/recordStore.ts';
import { formatDateTime } from '../core/datetime.ts';
import type { ObjectSchema } from '../schema/types.ts';
import type { Org } from './org.ts';

const PERSON_OBJECTS = new Set(['Contact', 'Lead', 'User']);
/** Task statuses whose IsClosed is true (Salesforce's default task status set). */
const CLOSED_TASK_STATUSES = new Set(['Completed']);

export function applyComputedFields(
  org: Org,
  object: ObjectSchema,
  record: SRecord,
  before: SRecord | undefined,
): void {
  if (PERSON_OBJECTS.has(object.name)) {
    record.Name = [record.FirstName, record.LastName]
      .filter((p) => typeof p === 'string' && p !== '')
      .join(' ');
  }
  if (object.name === 'Task') {
    const closed = CLOSED_TASK_STATUSES.has(String(record.Status));
    record.IsClosed = closed;
    if (closed && !before?.IsClosed) record.CompletedDateTime = formatDateTime(org.clock.now());
    if (!closed) record.CompletedDateTime = null;
  }
  if (!before && object.autoNumberFormat) {
    const next = (org.autoNumbers.get(object.name) ?? countExisting(org, object)) + 1;
    org.autoNumbers.set(object.name, next);
    record.Name = formatAutoNumber(object.autoNumberFormat, next);
  }
}

function countExisting(org: Org, object: ObjectSchema): number {
  return org.store.all(object.name).length;
}

/** `ES-{000000}` → `ES-000042`. */
function formatAutoNumber(format: string, n: number): string {
  return format
    .replace(/\{(0+)\}/, (_, zeros: string) => String(n).padStart(zeros.length, '0'))
    .replace(/\{0\}/, String(n));
}
