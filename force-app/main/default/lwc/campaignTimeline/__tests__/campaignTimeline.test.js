import { createElement } from 'lwc';
import CampaignTimeline from 'c/campaignTimeline';
import { updateRecord } from 'lightning/uiRecordApi';
import { graphql, refreshGraphQL } from 'lightning/graphql';
import LightningConfirm from 'lightning/confirm';

const mockGraphql = require('./data/graphql.json');

const CONTACT_ID = '003000000000001AAA';
const ACTIVE = 'a02000000000001AAA';
const NOW = '2026-05-05T08:00:00.000Z';

async function flush() {
    for (let i = 0; i < 10; i += 1) {
        // eslint-disable-next-line no-await-in-loop
        await Promise.resolve();
    }
}
const $ = (element, selector) => element.shadowRoot.querySelector(selector);
const texts = (element, selector) =>
    [...element.shadowRoot.querySelectorAll(selector)].map((n) => n.textContent.replace(/\s+/g, ' ').trim());

async function loaded(data = mockGraphql) {
    const element = createElement('c-campaign-timeline', { is: CampaignTimeline });
    element.recordId = CONTACT_ID;
    document.body.appendChild(element);
    await flush();
    graphql.emit(data);
    await flush();
    return element;
}

function withStatus(status) {
    const data = JSON.parse(JSON.stringify(mockGraphql));
    data.uiapi.query.Campaign_Enrollment__c.edges[0].node.Status__c.value = status;
    return data;
}

describe('c-campaign-timeline', () => {
    beforeEach(() => {
        jest.useFakeTimers({ now: new Date(NOW), doNotFake: ['nextTick', 'queueMicrotask'] });
    });

    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
        jest.useRealTimers();
    });

    it('asks for the enrollments of this record and shows a spinner meanwhile', async () => {
        const element = createElement('c-campaign-timeline', { is: CampaignTimeline });
        element.recordId = CONTACT_ID;
        document.body.appendChild(element);
        await flush();
        expect(graphql.getLastConfig().variables).toEqual({ recordId: CONTACT_ID });
        expect($(element, 'lightning-spinner').alternativeText).toBe('Loading campaigns');
    });

    it('shows each campaign step by step in the person time zone', async () => {
        const element = await loaded();
        expect(texts(element, '.timeline-title')).toEqual(['Q3 outbound', 'Spring promo']);
        expect(texts(element, '.timeline-status')).toEqual([
            'Status: Active',
            'Status: Bounced (550 5.1.1 mailbox unavailable)'
        ]);
        expect(texts(element, '.timeline-zone')).toEqual(['Times in Europe/Paris', 'Times in America/Los_Angeles']);
        expect(texts(element, '.step-label')).toEqual([
            'Day 1 · Email: Quick question, Ada',
            'Day 2 · Call',
            'Day 3 · Email',
            'Day 1 · Email: Spring offer'
        ]);
        expect(texts(element, '.step-status')).toEqual([
            'Sent · Mon, May 4, 8:30 AM',
            'To do · due Tue, May 5',
            'Scheduled · Wed, May 6, 8:30 AM',
            'Failed'
        ]);
        expect(texts(element, '.step-error')).toEqual(['Reason: 550 5.1.1 mailbox unavailable']);
    });

    it('offers pause and remove on a live campaign only', async () => {
        const element = await loaded();
        const actions = [...element.shadowRoot.querySelectorAll('lightning-button')].map((b) => `${b.dataset.action}:${b.dataset.id}`);
        expect(actions).toEqual([`pause:${ACTIVE}`, `remove:${ACTIVE}`]);
    });

    it('pauses with the moment, resumes and removes after confirmation', async () => {
        const element = await loaded();
        $(element, '[data-action="pause"]').click();
        await flush();
        expect(updateRecord).toHaveBeenLastCalledWith({ fields: { Id: ACTIVE, Status__c: 'Paused', Paused_At__c: NOW } });
        expect(refreshGraphQL).toHaveBeenCalled();

        graphql.emit(withStatus('Paused'));
        await flush();
        expect(texts(element, '.timeline-status')[0]).toBe('Status: Paused');
        $(element, '[data-action="resume"]').click();
        await flush();
        expect(updateRecord).toHaveBeenLastCalledWith({ fields: { Id: ACTIVE, Status__c: 'Active' } });

        LightningConfirm.open = jest.fn().mockResolvedValue(true);
        $(element, '[data-action="remove"]').click();
        await flush();
        expect(LightningConfirm.open.mock.calls[0][0].message).toBe(
            'Remove this person from the campaign? Every pending step is cancelled.'
        );
        expect(updateRecord).toHaveBeenLastCalledWith({ fields: { Id: ACTIVE, Status__c: 'Removed' } });
    });

    it('shows a failed write, an empty state and a load error', async () => {
        const element = await loaded();
        updateRecord.mockRejectedValueOnce({ body: { message: 'insufficient access rights on object id' } });
        $(element, '[data-action="pause"]').click();
        await flush();
        expect($(element, 'c-error-panel').friendlyMessage).toBe('The change was not saved.');

        graphql.emit({ uiapi: { query: { Campaign_Enrollment__c: { edges: [] } } } });
        await flush();
        expect(texts(element, '.empty')).toEqual(['Not in any sales campaign.']);

        graphql.emitErrors([{ message: 'boom' }]);
        await flush();
        expect(texts(element, 'c-error-panel').length).toBeGreaterThan(0);
        expect([...element.shadowRoot.querySelectorAll('c-error-panel')].map((p) => p.friendlyMessage)).toContain(
            'The campaigns could not be loaded.'
        );
    });

    it('says when a new enrollment is not planned yet', async () => {
        const data = withStatus('Scheduled');
        data.uiapi.query.Campaign_Enrollment__c.edges[0].node.Enrollment_Steps.edges = [];
        const element = await loaded(data);
        expect(texts(element, '.not-planned')).toEqual(['Not planned yet: the sync service plans it shortly.']);
    });
});
