import { describe, expect, it } from 'vitest';
import { classifySmtpFailure, type SmtpFailure } from '../../src/mail/classifySmtpFailure.ts';

const reply = (command: string, response: string, extra: Partial<SmtpFailure> = {}): SmtpFailure => ({
  command,
  response,
  responseCode: Number(response.slice(0, 3)),
  message: 'x',
  contentSent: false,
  ...extra,
});

describe('classifySmtpFailure', () => {
  it.each([
    ['greylisting', reply('RCPT TO', '451 4.7.1 Greylisted'), 'temporary'],
    ['mailbox busy', reply('RCPT TO', '450 4.2.0 Mailbox busy'), 'temporary'],
    [
      '4xx after the content',
      reply('DATA', '452 4.3.1 Insufficient storage', { contentSent: true }),
      'temporary',
    ],
    ['unknown user 5.1.1', reply('RCPT TO', '550 5.1.1 User unknown'), 'bounced'],
    ['bad destination 5.1.2', reply('RCPT TO', '550 5.1.2 Bad destination system'), 'bounced'],
    ['mailbox disabled 5.2.1', reply('RCPT TO', '550 5.2.1 Mailbox disabled'), 'bounced'],
    [
      '550 mailbox unavailable without enhanced code',
      reply('RCPT TO', '550 Requested action not taken: mailbox unavailable'),
      'bounced',
    ],
    ['sender address rejected 5.1.7', reply('MAIL FROM', '553 5.1.7 Bad sender address syntax'), 'failed'],
    [
      'authentication 535',
      { ...reply('AUTH PLAIN', '535 5.7.8 Authentication credentials invalid'), code: 'EAUTH' },
      'failed',
    ],
    [
      'message too big 552',
      reply('DATA', '552 5.3.4 Message size exceeds fixed limit', { contentSent: true }),
      'failed',
    ],
    ['policy 5.7.1', reply('DATA', '550 5.7.1 Message rejected as spam', { contentSent: true }), 'failed'],
    ['relay denied 554 at RCPT', reply('RCPT TO', '554 5.7.1 Relay access denied'), 'failed'],
    [
      'connection refused',
      {
        code: 'ESOCKET',
        originalCode: 'ECONNREFUSED',
        command: 'CONN',
        message: 'connect ECONNREFUSED',
        contentSent: false,
      },
      'temporary',
    ],
    [
      'timeout before the content',
      { code: 'ETIMEDOUT', command: 'CONN', message: 'Timeout', contentSent: false },
      'temporary',
    ],
    [
      'connection lost after the content',
      { code: 'ECONNECTION', command: 'CONN', message: 'Connection closed unexpectedly', contentSent: true },
      'uncertain',
    ],
    [
      'timeout after the content',
      { code: 'ETIMEDOUT', command: 'CONN', message: 'Timeout', contentSent: true },
      'uncertain',
    ],
    [
      'an expired or untrusted certificate',
      {
        code: 'ESOCKET',
        originalCode: 'CERT_HAS_EXPIRED',
        command: 'CONN',
        message: 'certificate has expired',
        contentSent: false,
      },
      'failed',
    ],
    [
      'missing credentials',
      { code: 'ENOAUTH', command: 'API', message: 'Missing credentials', contentSent: false },
      'failed',
    ],
  ] as Array<[string, SmtpFailure, string]>)('%s → %s', (_name, failure, kind) => {
    expect(classifySmtpFailure(failure).kind).toBe(kind);
  });

  it('keeps the server reply in the reason, with the command it answered', () => {
    expect(classifySmtpFailure(reply('RCPT TO', '550 5.1.1 User unknown'))).toEqual({
      kind: 'bounced',
      reason: 'RCPT TO: 550 5.1.1 User unknown',
      response: '550 5.1.1 User unknown',
    });
  });
});
