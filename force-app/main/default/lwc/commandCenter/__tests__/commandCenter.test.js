import CommandCenter from 'c/commandCenter';
import { getRecord, updateRecord } from 'lightning/uiRecordApi';
import { graphql, refreshGraphQL } from 'lightning/graphql';
import { $, flush, mount, texts, unmountAll, useFakeClock } from '../../../../../test/componentDom';

const mockGraphql = require('./data/graphql.json');
const mockUser = require('./data/getRecord.json');

// Tuesday 5 May 2026, 10:00 in Los Angeles.
const NOW = '2026-05-05T17:00:00.000Z';
const CALL = 'a03000000000001AAA';
const EMAIL = 'a03000000000002AAA';

async function loaded() {
  const element = mount('c-command-center', CommandCenter);
  await flush();
  getRecord.emit(mockUser);
  graphql.emit(mockGraphql);
  await flush();
  return element;
}

async function showBucket(element, value) {
  $(element, '[data-id="bucket"]').dispatchEvent(new CustomEvent('change', { detail: { value } }));
  await flush();
}

async function open(element, id) {
  $(element, `lightning-button[data-id="${id}"]`).click();
  await flush();
}

describe('c-command-center', () => {
  beforeEach(() => {
    useFakeClock(NOW);
  });

  afterEach(() => {
    unmountAll();
    jest.clearAllMocks();
    jest.useRealTimers();
  });

  it('shows a spinner, then the counts of each bucket', async () => {
    const element = mount('c-command-center', CommandCenter);
    await flush();
    expect($(element, 'lightning-spinner').alternativeText).toBe('Loading your campaign steps');
    expect(graphql.getLastConfig().variables).toEqual({ ownerId: '005000000000000000' });
    graphql.emit(mockGraphql);
    await flush();
    expect($(element, 'lightning-spinner')).toBeNull();
    expect($(element, '[data-id="bucket"]').options).toEqual([
      { value: 'overdue', label: 'Overdue (1)' },
      { value: 'today', label: 'Today (2)' },
      { value: 'next7', label: 'Next 7 days (1)' },
      { value: 'expiring', label: 'Expiring soon (1)' },
    ]);
  });

  it('lists today and the other buckets, never automatic emails', async () => {
    const element = await loaded();
    expect(texts(element, '.row-title')).toEqual(['Email: Linus Lead', 'LinkedIn InMail: Ada Lovelace']);
    expect(texts(element, '.row-detail')).toEqual([
      'Q3 outbound · Day 1 · due Tue, May 5',
      'Partners · Day 3 · due Tue, May 5',
    ]);
    await showBucket(element, 'overdue');
    expect(texts(element, '.row-title')).toEqual(['Call: Ada Lovelace']);
    await showBucket(element, 'next7');
    expect(texts(element, '.row-title')).toEqual(['Custom Task: Ada Lovelace']);
    expect(texts(element, '.row-status')).toEqual(['Status: Waiting for an earlier task']);
    await showBucket(element, 'expiring');
    expect(texts(element, '.row-title')).toEqual(['LinkedIn InMail: Ada Lovelace']);
  });

  it('shows an empty bucket and load errors', async () => {
    const element = mount('c-command-center', CommandCenter);
    await flush();
    graphql.emit({ uiapi: { query: { Enrollment_Step__c: { edges: [] } } } });
    await flush();
    expect(texts(element, '.empty')).toEqual(['Nothing in "Today". Well done.']);
    graphql.emitErrors([{ message: 'No access to Enrollment_Step__c' }]);
    await flush();
    expect($(element, 'c-error-panel').friendlyMessage).toBe('Your campaign steps could not be loaded.');
  });

  it('prefills the compose window with the rendered step and sends it now', async () => {
    const element = await loaded();
    await open(element, EMAIL);
    const current = element.shadowRoot.querySelector('li[aria-current="true"]');
    expect(current.querySelector('.row-title').textContent).toBe('Email: Linus Lead');
    expect(current.querySelector('.row-open').textContent).toBe('Open in the compose window');
    expect(current.querySelector('lightning-button')).toBeNull();
    expect($(element, '.work-list').getAttribute('aria-label')).toBe('Campaign steps: Today');
    const composer = $(element, 'c-step-composer');
    expect(composer.item).toMatchObject({
      id: EMAIL,
      email: 'linus@example.com',
      subject: 'Quick question, Linus',
      body: '<p>Hi Linus, Grace Hopper here.</p>',
    });
    composer.dispatchEvent(
      new CustomEvent('sendnow', { detail: { subject: 'Quick question, Linus', body: '<p>Edited</p>' } }),
    );
    await flush();
    expect(updateRecord).toHaveBeenCalledWith({
      fields: {
        Id: EMAIL,
        Subject__c: 'Quick question, Linus',
        Body__c: '<p>Edited</p>',
        Status__c: 'Send_Requested',
        Scheduled_At__c: null,
      },
    });
    expect(refreshGraphQL).toHaveBeenCalled();
  });

  it('schedules, skips and completes with the exact fields', async () => {
    const element = await loaded();
    await open(element, EMAIL);
    $(element, 'c-step-composer').dispatchEvent(
      new CustomEvent('schedule', {
        detail: { subject: 'S', body: '<p>B</p>', scheduledAt: '2026-05-06T16:00:00.000Z' },
      }),
    );
    await flush();
    expect(updateRecord).toHaveBeenLastCalledWith({
      fields: {
        Id: EMAIL,
        Subject__c: 'S',
        Body__c: '<p>B</p>',
        Status__c: 'Send_Requested',
        Scheduled_At__c: '2026-05-06T16:00:00.000Z',
      },
    });

    await showBucket(element, 'overdue');
    await open(element, CALL);
    $(element, 'c-step-composer').dispatchEvent(
      new CustomEvent('complete', { detail: { notes: 'Left a voicemail' } }),
    );
    await flush();
    expect(updateRecord).toHaveBeenLastCalledWith({
      fields: { Id: CALL, Status__c: 'Completed', Completed_At__c: NOW, Notes__c: 'Left a voicemail' },
    });

    await open(element, CALL);
    $(element, 'c-step-composer').dispatchEvent(new CustomEvent('skip', { detail: {} }));
    await flush();
    expect(updateRecord).toHaveBeenLastCalledWith({ fields: { Id: CALL, Status__c: 'Skipped' } });
  });

  it('records an email sent from Gmail with its prepared text', async () => {
    const element = await loaded();
    await open(element, EMAIL);
    $(element, 'c-step-composer').dispatchEvent(
      new CustomEvent('complete', { detail: { subject: 'S', body: '<p>B</p>', notes: 'Sent from Gmail.' } }),
    );
    await flush();
    expect(updateRecord).toHaveBeenCalledWith({
      fields: {
        Id: EMAIL,
        Status__c: 'Completed',
        Completed_At__c: NOW,
        Notes__c: 'Sent from Gmail.',
        Subject__c: 'S',
        Body__c: '<p>B</p>',
      },
    });
  });

  it('keeps the compose window open when the write fails', async () => {
    const element = await loaded();
    await open(element, CALL.replace('1AAA', '5AAA'));
    updateRecord.mockRejectedValueOnce({ body: { message: 'entity is deleted' } });
    $(element, 'c-step-composer').dispatchEvent(new CustomEvent('skip', { detail: {} }));
    await flush();
    expect($(element, 'c-error-panel').friendlyMessage).toBe('The change was not saved.');
    expect($(element, 'c-step-composer').item.id).toBe('a03000000000005AAA');
  });
});
