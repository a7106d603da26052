// The door of the mail adapters: what the dispatcher and the service wiring use.
export {
  deliverEmail,
  backoffDelay,
  DEFAULT_RETRY,
  type DeliveryDeps,
  type DeliveryReport,
  type RetryPolicy,
} from './deliverEmail.ts';
export { recoverInDoubt } from './recoverInDoubt.ts';
export type { SendLedger, LedgerEntry, LedgerState, SendingClaim } from './sendLedger.ts';
export { SqliteSendLedger } from './sqliteSendLedger.ts';
export type { MailTransport } from './mailTransport.ts';
export type { SendOutcome, SendOutcomeKind } from './sendOutcome.ts';
export { SmtpTransport, type SmtpTransportOptions } from './smtpTransport.ts';
export type { SmtpServer } from './smtpConnectionPool.ts';
export type { DkimKey } from './buildMimeMessage.ts';
export {
  EmailSimpleTransport,
  type OrgActions,
  type EmailSimpleInput,
  type EmailSimpleResult,
  type EmailSimpleOptions,
} from './emailSimpleTransport.ts';
export { classifySmtpFailure, type SmtpFailure } from './classifySmtpFailure.ts';
export { nextSendTime, RatePolicyError, type SendRateSettings } from './sendRatePolicy.ts';
export { silentLogger, type MailLogger } from './mailLogger.ts';
