// Field values as the event bus renders them. Change events and platform events are Avro records
// rendered to JSON, where a datetime is an instant printed like Java's ISO_INSTANT
// (`2026-11-30T09:00:00Z`, fractions only when not zero), whereas REST prints
// `2026-11-30T09:00:00.000+0000`. Other values pass through as REST stores them.

const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?(?:Z|[+-]\d{2}:?\d{2})$/;

export function toEventValue(value: unknown): unknown {
  if (typeof value !== 'string' || !DATETIME.test(value)) return value;
  const epochMs = Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  if (Number.isNaN(epochMs)) return value;
  return new Date(epochMs).toISOString().replace('.000Z', 'Z');
}

export function toEventFields(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).map(([name, value]) => [name, toEventValue(value)]));
}
