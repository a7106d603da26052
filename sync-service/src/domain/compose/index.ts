// The door of email composition: what the dispatcher and the transports use.
export { composeEmail, type ComposeInput, type ComposedEmail, type PreviousEmail } from './composeEmail.ts';
export { ComposeError, type ComposeErrorCode, type ComposeStage } from './composeError.ts';
export {
  requiredFields,
  fieldsToQuery,
  mergeFieldsIn,
  templateTitle,
  type RequiredFields,
  type RecipientObject,
  type SObjectValues,
  type MergeField,
} from './mergeFields.ts';
export { replySubject, stripReplyPrefixes } from './replySubject.ts';
export { threadHeaders, type ParentIds, type ReplyHeaders } from './threadHeaders.ts';
export { messageIdFor, normaliseMessageId } from './messageId.ts';
export { signUnsubscribeToken, verifyUnsubscribeToken, type UnsubscribeClaims } from './unsubscribeToken.ts';
export { type UnsubscribeSettings } from './unsubscribeLink.ts';
export { headerSafe, type Address } from './headerText.ts';
export { sanitizeBodyHtml } from './htmlPolicy.ts';
export { htmlToPlainText } from './textAlternative.ts';
