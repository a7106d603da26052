import { describe, expect, it } from 'vitest';
import {
  composeEmail,
  ComposeError,
  fieldsToQuery,
  requiredFields,
  templateTitle,
} from '../../../src/domain/compose/index.ts';
import { ada, baseInput } from './fixtures.ts';

const lead = { Name: 'Grace Hopper', FirstName: 'Grace', Company: 'Navy', Email: 'grace@navy.example' };

describe('merge fields', () => {
  const rendered: Array<[string, string, Partial<Parameters<typeof baseInput>[0]>, string]> = [
    ['Lightning recipient field', '<p>Hi {{{Recipient.FirstName}}}</p>', {}, 'Hi Ada'],
    ['Lightning relationship path', '<p>{{{Recipient.Account.Name}}}</p>', {}, 'Analytical Engines'],
    [
      'Lightning sender fields',
      '<p>{{{Sender.Name}}} · {{{Sender.Email}}}</p>',
      {},
      'Bob Rep · bob@seller.example',
    ],
    ['whitespace inside the braces', '<p>{{{ Recipient.FirstName }}}</p>', {}, 'Ada'],
    ['field names are case-insensitive', '<p>{{{Recipient.firstname}}}</p>', {}, 'Ada'],
    ['classic Contact field', '<p>{!Contact.FirstName}</p>', {}, 'Ada'],
    ['classic Account of the contact', '<p>{!Account.Name}</p>', {}, 'Analytical Engines'],
    ['classic User is the sender', '<p>{!User.Name}</p>', {}, 'Bob Rep'],
    ['classic Lead field', '<p>{!Lead.Company}</p>', { recipientObject: 'Lead', recipient: lead }, 'Navy'],
    [
      'Recipient works for a Lead',
      '<p>{{{Recipient.Company}}}</p>',
      { recipientObject: 'Lead', recipient: lead },
      'Navy',
    ],
    ['empty value renders empty', '<p>[{{{Recipient.Title}}}]</p>', {}, '[]'],
    [
      'null relationship renders empty',
      '<p>[{{{Recipient.Account.Name}}}]</p>',
      { recipient: { ...ada, Account: null } },
      '[]',
    ],
    [
      'numbers render as text',
      '<p>{{{Recipient.Employees}}}</p>',
      { recipient: { ...ada, Employees: 42 } },
      '42',
    ],
    [
      'non-ASCII values (emoji, accents, CJK)',
      '<p>Hi {{{Recipient.FirstName}}} 👋</p>',
      { recipient: { ...ada, FirstName: 'Zoë 😀 李' } },
      'Hi Zoë 😀 李 👋',
    ],
    [
      'organization fields',
      '<p>{{{Organization.Name}}}</p>',
      { organization: { Name: 'Seller Inc' } },
      'Seller Inc',
    ],
  ];
  it.each(rendered)('%s', (_name, body, overrides, expected) => {
    const email = composeEmail(baseInput({ body, ...overrides }));
    expect(email.text).toContain(expected);
    expect(email.html).toContain(expected);
  });

  it('merges the subject', () => {
    expect(composeEmail(baseInput()).subject).toBe('Quick question, Ada');
  });

  const failures: Array<[string, string, Partial<Parameters<typeof baseInput>[0]>, string, string]> = [
    [
      'a field not on the record',
      '<p>{{{Recipient.Nickname}}}</p>',
      {},
      '{{{Recipient.Nickname}}}',
      'MAIL.UNRESOLVED_MERGE_FIELD',
    ],
    [
      'a Contact field for a Lead',
      '<p>{!Contact.FirstName}</p>',
      { recipientObject: 'Lead', recipient: lead },
      '{!Contact.FirstName}',
      'MAIL.UNRESOLVED_MERGE_FIELD',
    ],
    [
      'an unknown object',
      '<p>{{{Opportunity.Name}}}</p>',
      {},
      '{{{Opportunity.Name}}}',
      'MAIL.UNRESOLVED_MERGE_FIELD',
    ],
    [
      'a relationship instead of a field',
      '<p>{{{Recipient.Account}}}</p>',
      {},
      '{{{Recipient.Account}}}',
      'MAIL.UNRESOLVED_MERGE_FIELD',
    ],
    [
      'organization not provided',
      '<p>{!Organization.Name}</p>',
      {},
      '{!Organization.Name}',
      'MAIL.UNRESOLVED_MERGE_FIELD',
    ],
    [
      'a malformed token',
      '<p>Hi {{{Recipient.First Name}}}</p>',
      {},
      '{{{Recipient.First Name}}}',
      'MAIL.RAW_MERGE_TOKEN',
    ],
    [
      'a token split by markup',
      '<p>Hi {{{Recipient.<b>FirstName</b>}}}</p>',
      {},
      '{{{Recipient.<b>FirstName</b>}}}',
      'MAIL.RAW_MERGE_TOKEN',
    ],
    [
      'a value that is itself a token',
      '<p>Hi {{{Recipient.FirstName}}}</p>',
      { recipient: { ...ada, FirstName: '{!User.Name}' } },
      '{!User.Name}',
      'MAIL.RAW_MERGE_TOKEN',
    ],
  ];
  it.each(failures)('fails the email on %s, naming the field', (_name, body, overrides, token, code) => {
    let error: unknown;
    try {
      composeEmail(baseInput({ body, ...overrides }));
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ComposeError);
    expect((error as ComposeError).code).toBe(code);
    expect((error as ComposeError).message).toContain(token);
  });

  it('names the stage where a subject field is missing', () => {
    expect(() => composeEmail(baseInput({ subject: 'Hi {{{Recipient.Nick}}}' }))).toThrow(
      /^subject: merge field \{\{\{Recipient.Nick\}\}\}/,
    );
  });

  it('reports the fields a template needs, per object', () => {
    const required = requiredFields([
      'Hi {{{Recipient.FirstName}}}',
      '<p>{{{Recipient.Account.Name}}} {!Contact.Title} {!Account.Industry} {!Lead.Company} {{{Sender.Title}}} {!User.Phone} {{{Recipient.FirstName}}} {{{Foo.Bar}}}</p>',
    ]);
    expect(required).toEqual({
      recipient: ['FirstName', 'Account.Name'],
      Contact: ['Title', 'Account.Industry'],
      Lead: ['Company'],
      User: ['Title', 'Phone'],
      Organization: [],
      unknown: ['{{{Foo.Bar}}}'],
    });
    expect(fieldsToQuery(required, 'Contact')).toEqual({
      recipient: ['Email', 'Name', 'FirstName', 'Account.Name', 'Title', 'Account.Industry'],
      sender: ['Email', 'Name', 'TimeZoneSidKey', 'Title', 'Phone'],
      organization: [],
    });
  });

  it.each([
    ['An idea for {!Contact.Account.Name}', 'An idea for [Account.Name]'],
    ['Quick question, {{{Recipient.FirstName}}}', 'Quick question, [FirstName]'],
    ['From {{{Sender.Name}}} at {!Organization.Name}', 'From [Sender.Name] at [Organization.Name]'],
    ['{!Lead.Company} × {{{Foo.Bar}}}', '[Company] × [Bar]'],
    ['No fields at all', 'No fields at all'],
  ])('titles the template %j without raw tokens as %j', (template, title) => {
    expect(templateTitle(template)).toBe(title);
    expect(templateTitle(template)).not.toMatch(/\{\{\{|\{!/);
  });
});
