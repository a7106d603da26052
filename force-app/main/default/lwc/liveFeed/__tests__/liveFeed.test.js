import LiveFeed from 'c/liveFeed';
import { getRecords } from 'lightning/uiRecordApi';
import { graphql } from 'lightning/graphql';
import { subscribe, unsubscribe, onError } from 'lightning/empApi';
import { $, flush, mount, texts, unmountAll, useFakeClock } from '../../../../../test/componentDom';

const mockGraphql = require('./data/graphql.json');
const mockGetRecords = require('./data/getRecords.json');

// Tuesday 5 May 2026, 10:00 in Los Angeles.
const NOW = '2026-05-05T17:00:00.000Z';
const USER_ID = '005000000000000000';

async function loaded() {
  const element = mount('c-live-feed', LiveFeed);
  await flush();
  graphql.emit(mockGraphql);
  await flush();
  return element;
}

function publish(payload, replayId) {
  const callback = subscribe.mock.calls[subscribe.mock.calls.length - 1][2];
  callback({ channel: '/event/Campaign_Activity__e', data: { event: { replayId }, payload } });
}

function enrollmentRecord(status, reason) {
  const name = (value) => ({
    value: { apiName: 'X', id: 'x', fields: { Name: { value, displayValue: null } } },
    displayValue: null,
  });
  return {
    results: [
      {
        statusCode: 200,
        result: {
          apiName: 'Campaign_Enrollment__c',
          id: 'a02000000000001AAA',
          fields: {
            Status__c: { value: status, displayValue: status },
            Ended_Reason__c: { value: reason, displayValue: null },
            Campaign__r: name('Q3 outbound'),
            Contact__r: name('Ada Lovelace'),
            Lead__r: { value: null, displayValue: null },
          },
        },
      },
    ],
  };
}

async function filter(element, id, value) {
  $(element, `[data-id="${id}"]`).dispatchEvent(new CustomEvent('change', { detail: { value } }));
  await flush();
}

describe('c-live-feed', () => {
  beforeEach(() => {
    useFakeClock(NOW);
    subscribe.mockResolvedValue({ id: 'sub-1', channel: '/event/Campaign_Activity__e' });
  });

  afterEach(() => {
    unmountAll();
    jest.clearAllMocks();
    jest.useRealTimers();
  });

  it('subscribes to the activity event and unsubscribes when removed', async () => {
    const element = await loaded();
    expect(subscribe).toHaveBeenCalledWith('/event/Campaign_Activity__e', -1, expect.any(Function));
    expect(texts(element, '.live-status')).toEqual(['Live: new activity appears here as it happens.']);
    document.body.removeChild(element);
    expect(unsubscribe).toHaveBeenCalledWith(
      { id: 'sub-1', channel: '/event/Campaign_Activity__e' },
      expect.any(Function),
    );
  });

  it('shows the recent history of the rep', async () => {
    const element = await loaded();
    expect(graphql.getLastConfig().variables).toEqual({ ownerId: USER_ID });
    expect(texts(element, '.entry-kind')).toEqual([
      'Email sent',
      'Task created',
      'Email scheduled',
      'Task coming up',
      'Email failed',
      'Replied',
    ]);
    expect(texts(element, '.entry-when')).toEqual([
      'Tue, May 5, 8:30 AM',
      'Tue, May 5',
      'Wed, May 6, 8:30 AM',
      'Sat, May 9',
      'Mon, May 4, 1:00 PM',
      'Tue, May 5, 9:00 AM',
    ]);
    expect(texts(element, '.entry-text')[0]).toBe('Ada Lovelace · Q3 outbound · Email: Quick question, Ada');
    expect(texts(element, '.entry-reason')).toEqual([
      'Reason: 552 message size exceeds limit',
      'Reason: Reply received',
    ]);
  });

  it('filters by today, tomorrow, next 7 days and kind', async () => {
    const element = await loaded();
    await filter(element, 'time-filter', 'today');
    expect(texts(element, '.entry-kind')).toEqual(['Email sent', 'Task created', 'Replied']);
    await filter(element, 'time-filter', 'tomorrow');
    expect(texts(element, '.entry-kind')).toEqual(['Email scheduled']);
    // Next 7 days: tomorrow up to today + 7, as in Command Center (today has its own filter).
    await filter(element, 'time-filter', 'next7');
    expect(texts(element, '.entry-kind')).toEqual(['Email scheduled', 'Task coming up']);
    await filter(element, 'time-filter', 'all');
    await filter(element, 'kind-filter', 'replied');
    expect(texts(element, '.entry-kind')).toEqual(['Replied']);
    await filter(element, 'kind-filter', 'task_expired');
    expect(texts(element, '.empty')).toEqual(['No activity for this filter.']);
  });

  it('adds an arriving event and loads its details through LDS', async () => {
    const element = await loaded();
    publish(
      {
        Kind__c: 'task_expired',
        Enrollment_Id__c: 'a02000000000001AAA',
        Enrollment_Step_Id__c: 'a03000000000007AAA',
        Owner_Id__c: USER_ID,
        CreatedDate: '2026-05-05T16:59:00.000Z',
      },
      42,
    );
    await flush();
    expect(texts(element, '.entry-kind')[0]).toBe('Task expired');
    expect(texts(element, '.entry-text')[0]).toBe('Loading details…');
    expect(getRecords.getLastConfig().records).toEqual([
      {
        recordIds: ['a03000000000007AAA'],
        optionalFields: expect.arrayContaining(['Enrollment_Step__c.Enrollment__r.Campaign__r.Name']),
      },
    ]);
    getRecords.emit(mockGetRecords);
    await flush();
    expect(texts(element, '.entry-text')[0]).toBe('Ada Lovelace · Q3 outbound · Call');
    expect(texts(element, '.entry-when')[0]).toBe('Tue, May 5, 9:59 AM');
  });

  it('ignores other reps events', async () => {
    const element = await loaded();
    publish(
      {
        Kind__c: 'email_sent',
        Enrollment_Id__c: 'a02',
        Enrollment_Step_Id__c: 'a03',
        Owner_Id__c: '005000000000000999',
      },
      7,
    );
    await flush();
    expect(texts(element, '.entry')).toHaveLength(6);
  });

  it('shows history errors and an interrupted stream', async () => {
    subscribe.mockRejectedValueOnce({ message: 'Streaming API is not enabled' });
    const element = mount('c-live-feed', LiveFeed);
    await flush();
    expect($(element, 'lightning-spinner').alternativeText).toBe('Loading recent activity');
    graphql.emitErrors([{ message: 'No access' }]);
    await flush();
    expect([...element.shadowRoot.querySelectorAll('c-error-panel')].map((p) => p.friendlyMessage)).toEqual([
      'Live updates stopped; the history below still loads.',
      'Recent activity could not be loaded.',
    ]);
    expect(texts(element, '.live-status')).toEqual([
      'Live updates stopped: new activity will not appear until you reconnect.',
    ]);
    expect($(element, '[data-id="reconnect"]').label).toBe('Reconnect');
  });

  it('says live updates stopped after an empApi error, and reconnects on request', async () => {
    const element = await loaded();
    expect($(element, '[data-id="reconnect"]')).toBeNull();
    const reportError = onError.mock.calls[0][0];
    reportError({ error: '403::Unknown client', successful: false });
    await flush();
    expect(texts(element, '.live-status')).toEqual([
      'Live updates stopped: new activity will not appear until you reconnect.',
    ]);
    expect(texts(element, '.live-status')[0]).not.toMatch(/^Live:/);

    subscribe.mockResolvedValueOnce({ id: 'sub-2', channel: '/event/Campaign_Activity__e' });
    $(element, '[data-id="reconnect"]').click();
    await flush();
    expect(unsubscribe).toHaveBeenCalledWith(
      { id: 'sub-1', channel: '/event/Campaign_Activity__e' },
      expect.any(Function),
    );
    expect(subscribe).toHaveBeenCalledTimes(2);
    expect(texts(element, '.live-status')).toEqual(['Live: new activity appears here as it happens.']);
    expect($(element, '[data-id="reconnect"]')).toBeNull();
    expect(element.shadowRoot.querySelectorAll('c-error-panel')).toHaveLength(0);
  });

  it.each([
    ['Replied', 'Reply received from ada@example.com', 'Replied'],
    ['Bounced', '550 5.1.1 mailbox unavailable', 'Bounced'],
    ['Unsubscribed', 'Unsubscribed with the one-click link', 'Unsubscribed'],
    ['Completed', 'Last step done', 'Campaign completed'],
  ])('shows a campaign ended by %s as such, read from the enrollment', async (status, reason, label) => {
    const element = await loaded();
    publish(
      {
        Kind__c: 'campaign_ended',
        Enrollment_Id__c: 'a02000000000001AAA',
        Enrollment_Step_Id__c: 'a03000000000007AAA',
        Owner_Id__c: USER_ID,
        CreatedDate: '2026-05-05T16:59:00.000Z',
      },
      43,
    );
    await flush();
    expect(texts(element, '.entry-kind')[0]).toBe('Campaign ended');
    expect(getRecords.getLastConfig().records).toEqual([
      {
        recordIds: ['a02000000000001AAA'],
        optionalFields: expect.arrayContaining(['Campaign_Enrollment__c.Status__c']),
      },
    ]);
    getRecords.emit(enrollmentRecord(status, reason));
    await flush();
    expect(texts(element, '.entry-kind')[0]).toBe(label);
    expect(texts(element, '.entry-text')[0]).toBe('Ada Lovelace · Q3 outbound · Campaign ended');
    expect(texts(element, '.entry-reason')[0]).toBe(`Reason: ${reason}`);
  });

  it('accepts specific kinds as published and filters on the kind shown', async () => {
    const element = await loaded();
    publish(
      {
        Kind__c: 'unsubscribed',
        Enrollment_Id__c: 'a02000000000001AAA',
        Owner_Id__c: USER_ID,
        CreatedDate: NOW,
      },
      44,
    );
    publish(
      {
        Kind__c: 'campaign_ended',
        Enrollment_Id__c: 'a02000000000002AAA',
        Owner_Id__c: USER_ID,
        CreatedDate: NOW,
      },
      45,
    );
    await flush();
    getRecords.emit({
      results: [
        {
          statusCode: 200,
          result: enrollmentRecord('Unsubscribed', 'One-click unsubscribe').results[0].result,
        },
        {
          statusCode: 200,
          result: {
            ...enrollmentRecord('Bounced', '550 mailbox unavailable').results[0].result,
            id: 'a02000000000002AAA',
          },
        },
      ],
    });
    await flush();
    expect(texts(element, '.entry-kind').slice(0, 2)).toEqual(['Bounced', 'Unsubscribed']);
    await filter(element, 'kind-filter', 'bounced');
    expect(texts(element, '.entry-kind')).toEqual(['Bounced']);
    await filter(element, 'kind-filter', 'unsubscribed');
    expect(texts(element, '.entry-kind')).toEqual(['Unsubscribed']);
  });

  it('says a record the rep cannot see is not available instead of loading forever', async () => {
    const element = await loaded();
    publish(
      {
        Kind__c: 'email_sent',
        Enrollment_Id__c: 'a02',
        Enrollment_Step_Id__c: 'a03000000000008AAA',
        Owner_Id__c: USER_ID,
        CreatedDate: NOW,
      },
      46,
    );
    publish(
      {
        Kind__c: 'task_opened',
        Enrollment_Id__c: 'a02',
        Enrollment_Step_Id__c: 'a03000000000009AAA',
        Owner_Id__c: USER_ID,
        CreatedDate: NOW,
      },
      47,
    );
    await flush();
    // Newest first: the task's step (…9AAA) is refused, the email's step (…8AAA) is readable.
    expect(getRecords.getLastConfig().records[0].recordIds).toEqual([
      'a03000000000009AAA',
      'a03000000000008AAA',
    ]);
    getRecords.emit({
      results: [
        { statusCode: 403, result: [{ errorCode: 'INSUFFICIENT_ACCESS', message: 'No access' }] },
        { statusCode: 200, result: { ...mockGetRecords.results[0].result, id: 'a03000000000008AAA' } },
      ],
    });
    await flush();
    expect(texts(element, '.entry-kind').slice(0, 2)).toEqual(['Task created', 'Email sent']);
    expect(texts(element, '.entry-text').slice(0, 2)).toEqual([
      'Details not available: the record was deleted or you do not have access to it.',
      'Ada Lovelace · Q3 outbound · Call',
    ]);
    getRecords.emit({
      results: [
        {
          statusCode: 404,
          result: [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }],
        },
        {
          statusCode: 404,
          result: [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }],
        },
      ],
    });
    await flush();
    expect(texts(element, '.entry-text')[1]).toBe(
      'Details not available: the record was deleted or you do not have access to it.',
    );
  });

  it('says so when an event names no record', async () => {
    const element = await loaded();
    publish({ Kind__c: 'plan_failed', Owner_Id__c: USER_ID, CreatedDate: NOW }, 49);
    await flush();
    expect(texts(element, '.entry-kind')[0]).toBe('Planning failed');
    expect(texts(element, '.entry-text')[0]).toBe('This event names no record.');
    expect($(element, '.feed').getAttribute('aria-label')).toBe('Campaign activity');
  });

  it('says the details could not be loaded when getRecords fails', async () => {
    const element = await loaded();
    publish(
      {
        Kind__c: 'email_sent',
        Enrollment_Id__c: 'a02',
        Enrollment_Step_Id__c: 'a03000000000008AAA',
        Owner_Id__c: USER_ID,
        CreatedDate: NOW,
      },
      48,
    );
    await flush();
    getRecords.error({ message: 'Server unavailable' }, 503, 'Service Unavailable');
    await flush();
    expect(texts(element, '.entry-text')[0]).toBe('Details could not be loaded: Server unavailable');
  });
});
