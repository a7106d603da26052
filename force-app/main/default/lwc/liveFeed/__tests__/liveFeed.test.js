import { createElement } from 'lwc';
import LiveFeed from 'c/liveFeed';
import { getRecords } from 'lightning/uiRecordApi';
import { graphql } from 'lightning/graphql';
import { subscribe, unsubscribe } from 'lightning/empApi';

const mockGraphql = require('./data/graphql.json');
const mockGetRecords = require('./data/getRecords.json');

// Tuesday 5 May 2026, 10:00 in Los Angeles.
const NOW = '2026-05-05T17:00:00.000Z';
const USER_ID = '005000000000000000';

async function flush() {
    for (let i = 0; i < 10; i += 1) {
        // eslint-disable-next-line no-await-in-loop
        await Promise.resolve();
    }
}
const $ = (element, selector) => element.shadowRoot.querySelector(selector);
const texts = (element, selector) =>
    [...element.shadowRoot.querySelectorAll(selector)].map((n) => n.textContent.replace(/\s+/g, ' ').trim());

async function loaded() {
    const element = createElement('c-live-feed', { is: LiveFeed });
    document.body.appendChild(element);
    await flush();
    graphql.emit(mockGraphql);
    await flush();
    return element;
}

function publish(payload, replayId) {
    const callback = subscribe.mock.calls[subscribe.mock.calls.length - 1][2];
    callback({ channel: '/event/Campaign_Activity__e', data: { event: { replayId }, payload } });
}

async function filter(element, id, value) {
    $(element, `[data-id="${id}"]`).dispatchEvent(new CustomEvent('change', { detail: { value } }));
    await flush();
}

describe('c-live-feed', () => {
    beforeEach(() => {
        jest.useFakeTimers({ now: new Date(NOW), doNotFake: ['nextTick', 'queueMicrotask'] });
        subscribe.mockResolvedValue({ id: 'sub-1', channel: '/event/Campaign_Activity__e' });
    });

    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
        jest.useRealTimers();
    });

    it('subscribes to the activity event and unsubscribes when removed', async () => {
        const element = await loaded();
        expect(subscribe).toHaveBeenCalledWith('/event/Campaign_Activity__e', -1, expect.any(Function));
        expect(texts(element, '.live-status')).toEqual(['Live: new activity appears here as it happens.']);
        document.body.removeChild(element);
        expect(unsubscribe).toHaveBeenCalledWith({ id: 'sub-1', channel: '/event/Campaign_Activity__e' }, expect.any(Function));
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
            'Replied'
        ]);
        expect(texts(element, '.entry-when')).toEqual([
            'Tue, May 5, 8:30 AM',
            'Tue, May 5',
            'Wed, May 6, 8:30 AM',
            'Sat, May 9',
            'Mon, May 4, 1:00 PM',
            'Tue, May 5, 9:00 AM'
        ]);
        expect(texts(element, '.entry-text')[0]).toBe('Ada Lovelace · Q3 outbound · Email: Quick question, Ada');
        expect(texts(element, '.entry-reason')).toEqual(['Reason: 552 message size exceeds limit', 'Reason: Reply received']);
    });

    it('filters by today, tomorrow, next 7 days and kind', async () => {
        const element = await loaded();
        await filter(element, 'time-filter', 'today');
        expect(texts(element, '.entry-kind')).toEqual(['Email sent', 'Task created', 'Replied']);
        await filter(element, 'time-filter', 'tomorrow');
        expect(texts(element, '.entry-kind')).toEqual(['Email scheduled']);
        await filter(element, 'time-filter', 'next7');
        expect(texts(element, '.entry-kind')).toEqual([
            'Email sent',
            'Task created',
            'Email scheduled',
            'Task coming up',
            'Replied'
        ]);
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
                CreatedDate: '2026-05-05T16:59:00.000Z'
            },
            42
        );
        await flush();
        expect(texts(element, '.entry-kind')[0]).toBe('Task expired');
        expect(texts(element, '.entry-text')[0]).toBe('Loading details…');
        expect(getRecords.getLastConfig().records).toEqual([
            {
                recordIds: ['a03000000000007AAA'],
                optionalFields: expect.arrayContaining(['Enrollment_Step__c.Enrollment__r.Campaign__r.Name'])
            }
        ]);
        getRecords.emit(mockGetRecords);
        await flush();
        expect(texts(element, '.entry-text')[0]).toBe('Ada Lovelace · Q3 outbound · Call');
        expect(texts(element, '.entry-when')[0]).toBe('Tue, May 5, 9:59 AM');
    });

    it('ignores other reps events', async () => {
        const element = await loaded();
        publish({ Kind__c: 'email_sent', Enrollment_Id__c: 'a02', Enrollment_Step_Id__c: 'a03', Owner_Id__c: '005000000000000999' }, 7);
        await flush();
        expect(texts(element, '.entry')).toHaveLength(6);
    });

    it('shows history errors and an interrupted stream', async () => {
        subscribe.mockRejectedValueOnce({ message: 'Streaming API is not enabled' });
        const element = createElement('c-live-feed', { is: LiveFeed });
        document.body.appendChild(element);
        await flush();
        expect($(element, 'lightning-spinner').alternativeText).toBe('Loading recent activity');
        graphql.emitErrors([{ message: 'No access' }]);
        await flush();
        expect([...element.shadowRoot.querySelectorAll('c-error-panel')].map((p) => p.friendlyMessage)).toEqual([
            'Live updates are interrupted; the history below still loads.',
            'Recent activity could not be loaded.'
        ]);
        expect(texts(element, '.live-status')).toEqual(['Connecting to live updates…']);
    });
});
