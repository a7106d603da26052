// People and templates shared by the composition tables.
import type { ComposeInput } from '../../../src/domain/compose/index.ts';

export const ada = {
  Name: 'Ada Lovelace',
  FirstName: 'Ada',
  LastName: 'Lovelace',
  Email: 'ada@analytical.example',
  Title: null,
  Account: { Name: 'Analytical Engines' },
};

export const bob = {
  Name: 'Bob Rep',
  Email: 'bob@seller.example',
  Title: 'AE',
  TimeZoneSidKey: 'Europe/Paris',
};

export function baseInput(overrides: Partial<ComposeInput> = {}): ComposeInput {
  return {
    stepKey: 'a0E000000000001:a0S000000000001',
    subject: 'Quick question, {{{Recipient.FirstName}}}',
    body: '<p>Hi {{{Recipient.FirstName}}},</p><p>How is {{{Recipient.Account.Name}}}?</p><p>{{{Sender.Name}}}</p>',
    recipientObject: 'Contact',
    recipient: ada,
    sender: bob,
    senderTimeZone: 'Europe/Paris',
    ...overrides,
  };
}
