// Turns a value a client sent for a field into its stored wire form, or fails the way Salesforce
// fails: wrong JSON types are JSON_PARSER_ERROR, bad ids MALFORMED_ID, long text STRING_TOO_LONG,
// unknown values of restricted picklists INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST.
import { SalesforceError } from '../core/errors.ts';
import { formatDateTime, isValidDate, normaliseTime, parseDateTime } from '../core/datetime.ts';
import { isValidId, to18 } from '../core/ids.ts';
import type { FieldSchema } from '../schema/types.ts';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function coerceValue(field: FieldSchema, value: unknown): unknown {
  if (value === null || value === undefined || value === '') {
    // Salesforce stores empty strings as null; a cleared checkbox is false.
    return field.type === 'boolean' ? false : null;
  }
  switch (field.type) {
    case 'string':
    case 'textarea':
    case 'phone':
    case 'url':
    case 'email':
    case 'picklist':
    case 'multipicklist':
      return coerceText(field, value);
    case 'boolean':
      if (typeof value === 'boolean') return value;
      if (value === 'true' || value === 'false') return value === 'true';
      throw parseError(field, value, 'boolean');
    case 'double':
    case 'currency':
    case 'percent':
    case 'int': {
      const n =
        typeof value === 'number'
          ? value
          : typeof value === 'string' && value.trim() !== ''
            ? Number(value)
            : Number.NaN;
      if (!Number.isFinite(n)) throw parseError(field, value, field.type === 'int' ? 'int' : 'double');
      const integerDigits = Math.trunc(Math.abs(n)).toString().length;
      if (field.precision > 0 && integerDigits > field.precision - field.scale) {
        throw new SalesforceError(
          'NUMBER_OUTSIDE_VALID_RANGE',
          `${field.label}: value outside of valid range on numeric field: ${n}`,
          [field.name],
        );
      }
      return field.type === 'int' ? Math.trunc(n) : n;
    }
    case 'date': {
      if (typeof value !== 'string') throw parseError(field, value, 'date');
      const date = value.length > 10 ? value.slice(0, 10) : value;
      if (!isValidDate(date)) throw parseError(field, value, 'date');
      return date;
    }
    case 'datetime': {
      if (typeof value !== 'string' && typeof value !== 'number') throw parseError(field, value, 'datetime');
      const ms = typeof value === 'number' ? value : parseDateTime(value);
      if (Number.isNaN(ms)) throw parseError(field, value, 'datetime');
      return formatDateTime(ms);
    }
    case 'time': {
      const time = typeof value === 'string' ? normaliseTime(value) : null;
      if (!time) throw parseError(field, value, 'time');
      return time;
    }
    case 'id':
    case 'reference': {
      if (typeof value !== 'string' || !isValidId(value)) {
        throw new SalesforceError(
          'MALFORMED_ID',
          `${field.label}: id value of incorrect type: ${String(value)}`,
          [field.name],
        );
      }
      return to18(value);
    }
  }
}

function coerceText(field: FieldSchema, value: unknown): string {
  if (typeof value === 'object') throw parseError(field, value, 'String');
  const text = String(value);
  if (field.type === 'email' && !EMAIL.test(text)) {
    throw new SalesforceError('INVALID_EMAIL_ADDRESS', `${field.label}: invalid email address: ${text}`, [
      field.name,
    ]);
  }
  if (field.length > 0 && text.length > field.length) {
    throw new SalesforceError(
      'STRING_TOO_LONG',
      `${field.label}: data value too large: ${text.length > 80 ? `${text.slice(0, 80)}...` : text} (max length=${field.length})`,
      [field.name],
    );
  }
  if (
    field.type === 'picklist' &&
    field.restrictedPicklist &&
    !field.picklistValues.some((v) => v.value === text)
  ) {
    throw new SalesforceError(
      'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
      `${field.label}: bad value for restricted picklist field: ${text}`,
      [field.name],
    );
  }
  if (field.type === 'multipicklist' && field.restrictedPicklist) {
    for (const part of text.split(';')) {
      if (!field.picklistValues.some((v) => v.value === part)) {
        throw new SalesforceError(
          'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
          `${field.label}: bad value for restricted picklist field: ${part}`,
          [field.name],
        );
      }
    }
  }
  return text;
}

function parseError(field: FieldSchema, value: unknown, javaType: string): SalesforceError {
  return new SalesforceError(
    'JSON_PARSER_ERROR',
    `Cannot deserialize instance of ${javaType} from ${typeof value === 'string' ? 'VALUE_STRING' : 'VALUE'} value ${JSON.stringify(value)} or request may be missing a required field`,
    [field.name],
  );
}
