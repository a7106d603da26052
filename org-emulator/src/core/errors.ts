// Salesforce's error shape: REST answers a JSON array of { message, errorCode, fields } with an
// HTTP status; collections and composite put the same entries (with `statusCode` instead of
// `errorCode`) into per-record results. One class carries both.

export class SalesforceError extends Error {
  constructor(
    readonly errorCode: string,
    message: string,
    readonly fields: string[] = [],
    readonly httpStatus = 400,
  ) {
    super(message);
  }

  /** The REST body: `[{ message, errorCode, fields? }]`. */
  toRestBody(): Array<Record<string, unknown>> {
    const entry: Record<string, unknown> = { message: this.message, errorCode: this.errorCode };
    if (this.fields.length > 0 || FIELD_ERRORS.has(this.errorCode)) entry.fields = this.fields;
    return [entry];
  }

  /** The entry in a collections / save result: `{ statusCode, message, fields }`. */
  toSaveError(): { statusCode: string; message: string; fields: string[] } {
    return { statusCode: this.errorCode, message: this.message, fields: this.fields };
  }
}

/** Codes whose REST body always carries a `fields` array (DML errors), as Salesforce's do. */
const FIELD_ERRORS = new Set([
  'REQUIRED_FIELD_MISSING',
  'INVALID_FIELD_FOR_INSERT_UPDATE',
  'DUPLICATE_VALUE',
  'STRING_TOO_LONG',
  'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
  'FIELD_CUSTOM_VALIDATION_EXCEPTION',
  'INVALID_CROSS_REFERENCE_KEY',
  'ENTITY_IS_DELETED',
  'UNABLE_TO_LOCK_ROW',
  'JSON_PARSER_ERROR',
  'INVALID_TYPE_ON_FIELD_IN_RECORD',
  'FIELD_INTEGRITY_EXCEPTION',
  'DELETE_FAILED',
]);

export const notFound = (message = 'The requested resource does not exist'): SalesforceError =>
  new SalesforceError('NOT_FOUND', message, [], 404);
