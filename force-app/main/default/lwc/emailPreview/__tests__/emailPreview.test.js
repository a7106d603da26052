import { renderEmailPreview } from 'c/emailPreview';

const SENDER = { Name: 'Grace Hopper', FirstName: 'Grace', Email: 'grace@example.com' };

describe('c-email-preview', () => {
  it('renders merge fields for a contact and escapes values in the body', () => {
    const result = renderEmailPreview(
      {
        subject: 'Quick question, {{{Recipient.FirstName}}}',
        body: '<p>Hi {{{Recipient.FirstName}}} at {{{Recipient.Account.Name}}}, {{{Sender.Name}}}</p>',
      },
      {
        recipient: { FirstName: 'Ada', Account: { Name: 'R&D <Labs>' } },
        recipientObject: 'Contact',
        sender: SENDER,
      },
    );
    expect(result).toEqual({
      subject: 'Quick question, Ada',
      body: '<p>Hi Ada at R&amp;D &lt;Labs&gt;, Grace Hopper</p>',
      problems: [],
    });
  });

  it('reports a field it cannot resolve and keeps the token', () => {
    const result = renderEmailPreview(
      { subject: 'Hello {!Contact.FirstName}', body: '<p>{{{Recipient.Department}}}</p>' },
      { recipient: { FirstName: 'Bob', Company: 'Acme' }, recipientObject: 'Lead', sender: SENDER },
    );
    expect(result.subject).toBe('Hello {!Contact.FirstName}');
    expect(result.problems).toEqual([
      'subject: merge field {!Contact.FirstName} needs a Contact but the recipient is a Lead',
      'body: merge field {{{Recipient.Department}}} cannot be resolved: the record has no field Department',
    ]);
  });
});
