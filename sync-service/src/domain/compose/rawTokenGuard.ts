// The last check before an email leaves composition: nothing that looks like a merge token may
// remain — a malformed token the parser did not recognise ({{{Recipient.First Name}}}), a token
// split by markup, or one that came in through a quoted body. A prospect must never read
// "Hi {!Contact.FirstName}".
import { ComposeError } from './composeError.ts';

const RAW_TOKEN = /\{\{\{[\s\S]*?\}\}\}|\{![^{}]*\}/;

export function assertNoRawMergeTokens(parts: Record<string, string>): void {
  for (const [where, value] of Object.entries(parts)) {
    if (!mayHoldMergeToken(value)) continue;
    const found = RAW_TOKEN.exec(value);
    if (found) {
      const token = found[0].length > 80 ? `${found[0].slice(0, 77)}...` : found[0];
      throw new ComposeError(
        'MAIL.RAW_MERGE_TOKEN',
        `final-guard: the ${where} still contains the merge token ${token}`,
        'final-guard',
        token,
      );
    }
  }
}

/** A cheap first look: `{` is rare in email text, so one native indexOf scan usually decides. */
export function mayHoldMergeToken(value: string): boolean {
  for (let at = value.indexOf('{'); at !== -1; at = value.indexOf('{', at + 1)) {
    const next = value.charCodeAt(at + 1);
    if (next === 33 /* ! */ || (next === 123 /* { */ && value.charCodeAt(at + 2) === 123)) return true;
  }
  return false;
}
