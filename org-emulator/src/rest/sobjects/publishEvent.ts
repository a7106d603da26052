// Publishing a platform event through REST: Salesforce answers success with an
// OPERATION_ENQUEUED "error" carrying the event's UUID, and delivers the event after commit.
import { randomUUID } from 'node:crypto';
import type { PublishedEvent } from '../../core/changeFeed.ts';
import { SalesforceError } from '../../core/errors.ts';
import { formatDateTime } from '../../core/datetime.ts';
import type { Transaction } from '../../core/transaction.ts';
import { coerceValue } from '../../records/coerceValue.ts';
import { requireField } from '../../schema/orgSchema.ts';
import type { ObjectSchema } from '../../schema/types.ts';
import type { ServerContext } from '../context.ts';

export interface SaveResult {
  /** Absent when no record id is known (a failed create), as in Salesforce's results. */
  id?: string;
  success: boolean;
  errors: Array<{ statusCode: string; message: string; fields: string[] }>;
  created?: boolean;
}

export function publishEvent(
  ctx: ServerContext,
  tx: Transaction,
  object: ObjectSchema,
  body: Record<string, unknown>,
): SaveResult {
  const payload: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(body)) {
    if (key === 'attributes') continue;
    const f = requireField(object, key);
    if (f.system) {
      throw new SalesforceError(
        'INVALID_FIELD_FOR_INSERT_UPDATE',
        `Unable to create/update fields: ${f.name}.`,
        [f.name],
      );
    }
    payload[f.name] = coerceValue(f, raw);
  }
  for (const f of object.fields) {
    if (!f.system && !(f.name in payload))
      payload[f.name] = f.type === 'boolean' ? (f.defaultValue ?? false) : (f.defaultValue ?? null);
  }
  const missing = object.fields
    .filter((f) => !f.nillable && !f.system && f.type !== 'boolean' && payload[f.name] == null)
    .map((f) => f.name);
  if (missing.length > 0)
    throw new SalesforceError(
      'REQUIRED_FIELD_MISSING',
      `Required fields are missing: [${missing.join(', ')}]`,
      missing,
    );
  const uuid = randomUUID();
  const event: PublishedEvent = {
    eventName: object.name,
    id: ctx.org.ids.next(object.keyPrefix),
    payload: { ...payload, EventUuid: uuid },
    createdDate: formatDateTime(ctx.org.clock.now()),
    createdById: tx.actor.userId,
  };
  tx.afterCommit(() => {
    ctx.events.push(event);
    ctx.feed.emitEvent(event);
  });
  return {
    id: event.id,
    success: true,
    errors: [{ statusCode: 'OPERATION_ENQUEUED', message: uuid, fields: [] }],
  };
}
