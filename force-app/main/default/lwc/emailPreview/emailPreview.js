/**
 * Renders an email step for one person the way the sync service will: merge fields are split and
 * resolved by the engine's own rules (c/planningEngine, from sync-service/src/domain/compose),
 * and a field that cannot be resolved is reported, never left as a raw token. For on-screen
 * previews only; the service renders what it sends. Service module, no template.
 */
import { splitOnMergeFields, resolveMergeField } from 'c/planningEngine';

function escapeHtml(text) {
  return String(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

function render(text, context, stage, problems, html) {
  return splitOnMergeFields(String(text ?? ''))
    .map((part) => {
      if (typeof part === 'string') {
        return part;
      }
      try {
        const value = resolveMergeField(part, context, stage);
        return html ? escapeHtml(value) : value;
      } catch (error) {
        problems.push(error.message);
        return part.token;
      }
    })
    .join('');
}

/**
 * `step`: { subject, body }; `recipient`: the person's fields ({ FirstName, Account: { Name } … });
 * `recipientObject`: 'Contact' or 'Lead'; `sender`: the rep's fields ({ Name, Email … }).
 * Returns { subject, body, problems } where problems are the engine's messages.
 */
export function renderEmailPreview(step, { recipient, recipientObject, sender }) {
  const context = { recipientObject, recipient: recipient ?? {}, sender: sender ?? {} };
  const problems = [];
  const subject = render(step?.subject, context, 'subject', problems, false);
  const body = render(step?.body, context, 'body', problems, true);
  return { subject, body, problems: [...new Set(problems)] };
}
