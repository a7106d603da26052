/**
 * The merge fields the email editors offer (DESIGN §2.5, Salesforce's {{{…}}} syntax). Rendering
 * them is the engine's job (c/emailPreview uses its resolver). Service module, no template.
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
  { token: '{{{Sender.Email}}}', label: 'Sender email' },
]);
