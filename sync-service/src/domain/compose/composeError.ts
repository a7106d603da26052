// Why an email could not be composed. The code is stable so the service can write it onto the
// Enrollment_Step__c (Error__c) and the screens can explain it; the message names the field or
// value and the composition step it came from.

export type ComposeErrorCode =
  | 'MAIL.UNRESOLVED_MERGE_FIELD'
  | 'MAIL.RAW_MERGE_TOKEN'
  | 'MAIL.INVALID_ADDRESS'
  | 'MAIL.INVALID_TEMPLATE'
  | 'MAIL.INVALID_TIME_ZONE'
  | 'MAIL.INVALID_PREVIOUS_EMAIL';

/** Where in composition the problem was found. */
export type ComposeStage = 'subject' | 'body' | 'quote' | 'from' | 'to' | 'attribution' | 'final-guard';

export class ComposeError extends Error {
  override readonly name = 'ComposeError';
  constructor(
    readonly code: ComposeErrorCode,
    message: string,
    readonly stage: ComposeStage,
    /** The merge field, address or token at fault, as written in the template. */
    readonly subject?: string,
  ) {
    super(message);
  }
}
