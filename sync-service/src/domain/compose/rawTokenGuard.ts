// The last check before an email leaves composition: nothing that looks like a merge token may
// remain — a malformed token the parser did not recognise ({{{Recipient.First Name}}}), a token
// split by markup, or one that came in through a quoted body. A prospect must never read
// "Hi {!Contact.FirstName}".
import { ComposeError } from './composeError.ts';

const TOKEN_START = /\{\{\{|\{!/;
const RAW_TOKEN = /\{\{\{[\s\S]*?\}\}\}|\{![^{}]*\}/;

export function assertNoRawMergeTokens(parts: Record<string, string>): void {
  for (const [where, value] of Object.entries(parts)) {
    if (!TOKEN_START.test(value)) continue;
    const found = RAW_TOKEN.exec(value);
    if (found) {
      const token = found[0].length > 80 ? `${found[0].slice(0, 77)}...` : found[0];
      throw new ComposeError('MAIL.RAW_MERGE_TOKEN', `final-guard: the ${where} still contains the merge token ${token}`, 'final-guard', token);
    }
  }
}
