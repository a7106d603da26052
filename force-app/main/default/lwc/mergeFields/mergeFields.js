/**
 * Merge fields the email editors offer (DESIGN §2.5, Salesforce's {{{…}}} syntax) and their
 * rendering for on-screen previews. The service renders the emails it sends; this module only
 * shows a rep what a person will receive, and lists the tokens it could not resolve (the service
 * fails such an email rather than send a raw token). Service module, no template.
 */

export const MERGE_FIELDS = Object.freeze([
    { token: '{{{Recipient.FirstName}}}', label: 'Recipient first name' },
    { token: '{{{Recipient.LastName}}}', label: 'Recipient last name' },
    { token: '{{{Recipient.Name}}}', label: 'Recipient full name' },
    { token: '{{{Recipient.Title}}}', label: 'Recipient title' },
    { token: '{{{Recipient.Email}}}', label: 'Recipient email' },
    { token: '{{{Recipient.Account.Name}}}', label: 'Recipient company (contact account)' },
    { token: '{{{Recipient.Company}}}', label: 'Recipient company (lead)' },
    { token: '{{{Sender.Name}}}', label: 'Sender name' },
    { token: '{{{Sender.FirstName}}}', label: 'Sender first name' },
    { token: '{{{Sender.Title}}}', label: 'Sender title' },
    { token: '{{{Sender.Email}}}', label: 'Sender email' }
]);

const TOKEN = /\{\{\{\s*([A-Za-z_.]+)\s*\}\}\}|\{!\s*([A-Za-z_.]+)\s*\}/g;

function escapeHtml(text) {
    return String(text)
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;');
}

function lookup(path, context) {
    const [root, ...rest] = path.split('.');
    let value;
    if (root === 'Recipient' || root === 'Contact' || root === 'Lead') {
        value = context.recipient;
    } else if (root === 'Sender' || root === 'User') {
        value = context.sender;
    }
    for (const key of rest) {
        if (value == null) {
            return undefined;
        }
        value = value[key];
    }
    // Leads have Company where contacts have Account.Name: answer either for either.
    if (value == null && root === 'Recipient' && path === 'Recipient.Account.Name') {
        value = context.recipient?.Company;
    }
    if (value == null && root === 'Recipient' && path === 'Recipient.Company') {
        value = context.recipient?.Account?.Name;
    }
    return value == null || value === '' ? undefined : value;
}

/**
 * Replaces merge tokens in `text` with values of `context` ({ recipient, sender }: plain objects
 * with Salesforce field names). With `html` true, values are escaped for HTML.
 * Returns { text, unresolved } where unresolved lists the tokens left in place.
 */
export function renderMergeFields(text, context, { html = false } = {}) {
    const unresolved = [];
    const rendered = String(text ?? '').replace(TOKEN, (token, triple, bang) => {
        const value = lookup(triple ?? bang, context ?? {});
        if (value === undefined) {
            unresolved.push(token);
            return token;
        }
        return html ? escapeHtml(value) : String(value);
    });
    return { text: rendered, unresolved: [...new Set(unresolved)] };
}
