import { describe, expect, it } from 'vitest';
import { composeEmail } from '../../src/domain/compose/index.ts';
import {
  EmailSimpleTransport,
  type EmailSimpleInput,
  type EmailSimpleResult,
  type OrgActions,
} from '../../src/mail/emailSimpleTransport.ts';

const email = composeEmail({
  stepKey: 'e:s',
  subject: 'Hello {{{Recipient.FirstName}}}',
  body: '<p>Hi {{{Recipient.FirstName}}}</p>',
  recipientObject: 'Lead',
  recipient: { Name: 'Grace Hopper', FirstName: 'Grace', Email: 'grace@navy.example' },
  sender: { Name: 'Bob', Email: 'bob@seller.example' },
  senderTimeZone: 'UTC',
});

function org(result: EmailSimpleResult | Error): OrgActions & { calls: EmailSimpleInput[] } {
  const calls: EmailSimpleInput[] = [];
  return {
    calls,
    async emailSimple(input) {
      calls.push(input);
      if (result instanceof Error) throw result;
      return result;
    },
  };
}

describe('emailSimple transport', () => {
  it('sends the composed subject and HTML from the org-wide address', async () => {
    const actions = org({ isSuccess: true });
    const transport = new EmailSimpleTransport(actions, {
      orgWideAddress: 'sales@seller.example',
      recipientIdFor: () => '00Q000000000001',
    });
    expect(await transport.send(email)).toEqual({
      kind: 'accepted',
      response: 'emailSimple: success',
      deliveredMessageId: null,
    });
    expect(actions.calls).toEqual([
      {
        emailAddresses: 'grace@navy.example',
        emailSubject: 'Hello Grace',
        emailBody: '<p>Hi Grace</p>',
        senderType: 'OrgWideEmailAddress',
        senderAddress: 'sales@seller.example',
        recipientId: '00Q000000000001',
        sendRichBody: true,
      },
    ]);
  });

  it.each([
    [{ isSuccess: false, errors: [{ statusCode: 'LIMIT_EXCEEDED', message: 'daily limit' }] }, 'temporary'],
    [{ isSuccess: false, errors: [{ statusCode: 'INVALID_EMAIL_ADDRESS', message: 'bad' }] }, 'bounced'],
    [{ isSuccess: false, errors: [{ statusCode: 'INSUFFICIENT_ACCESS', message: 'no' }] }, 'failed'],
    [new Error('socket hang up'), 'uncertain'],
  ] as Array<[EmailSimpleResult | Error, string]>)('classifies %j as %s', async (result, kind) => {
    expect((await new EmailSimpleTransport(org(result)).send(email)).kind).toBe(kind);
  });
});
