import CampaignTimeline from 'c/campaignTimeline';
import { updateRecord } from 'lightning/uiRecordApi';
import { graphql, refreshGraphQL } from 'lightning/graphql';
import LightningConfirm from 'lightning/confirm';
import { $, deepTexts, flush, mount, unmountAll, useFakeClock } from '../../../../../test/componentDom';

const mockGraphql = require('./data/graphql.json');

const CONTACT_ID = '003000000000001AAA';
const ACTIVE = 'a02000000000001AAA';
const NOW = '2026-05-05T08:00:00.000Z';

// The text a rep reads, including what lightning-formatted-date-time renders.
const texts = deepTexts;

async function loaded(data = mockGraphql) {
  const element = mount('c-campaign-timeline', CampaignTimeline, { recordId: CONTACT_ID });
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
    useFakeClock(NOW);
  });

  afterEach(() => {
    unmountAll();
    jest.clearAllMocks();
    jest.useRealTimers();
  });

  it('asks for the enrollments of this record and shows a spinner meanwhile', async () => {
    const element = mount('c-campaign-timeline', CampaignTimeline, { recordId: CONTACT_ID });
    await flush();
    expect(graphql.getLastConfig().variables).toEqual({ recordId: CONTACT_ID });
    expect($(element, 'lightning-spinner').alternativeText).toBe('Loading campaigns');
  });

  it('shows each campaign step by step in the person time zone', async () => {
    const element = await loaded();
    expect(texts(element, '.timeline-title')).toEqual(['Q3 outbound', 'Spring promo']);
    expect(texts(element, '.timeline-status')).toEqual([
      'Status: Active',
      'Status: Bounced (550 5.1.1 mailbox unavailable)',
    ]);
    expect(texts(element, '.timeline-zone')).toEqual([
      'Times in Europe/Paris',
      "Times in America/Los_Angeles (your time zone: this person's is not known yet)",
    ]);
    expect(texts(element, '.step-label')).toEqual([
      'Day 1 · Email: Quick question, Ada',
      'Day 2 · Call',
      'Day 3 · Email',
      'Day 1 · Email: Spring offer',
    ]);
    expect(texts(element, '.step-status')).toEqual([
      'Sent · Mon, May 4, 8:30 AM',
      'To do · due Tue, May 5',
      'Scheduled · Wed, May 6, 8:30 AM',
      'Failed',
    ]);
    expect(texts(element, '.step-error')).toEqual(['Reason: 550 5.1.1 mailbox unavailable']);
    // Instants go through lightning-formatted-date-time in the person's zone; due dates are calendar dates.
    const when = [...element.shadowRoot.querySelectorAll('.step-when')].map((n) => n.timeZone);
    expect(when).toEqual(['Europe/Paris', 'Europe/Paris']);
    expect([...element.shadowRoot.querySelectorAll('.step-due')].map((n) => [n.value, n.timeZone])).toEqual([
      ['2026-05-05', 'UTC'],
    ]);
  });

  it('shows every action, disabled with the reason where it does not apply', async () => {
    const element = await loaded();
    const actions = [...element.shadowRoot.querySelectorAll('lightning-button')].map((b) => ({
      action: `${b.dataset.action}:${b.dataset.id}`,
      disabled: b.disabled,
      title: b.title,
    }));
    const BOUNCED = 'a02000000000002AAA';
    const ended = 'Not available: the campaign has ended for this person (Bounced).';
    expect(actions).toEqual([
      { action: `pause:${ACTIVE}`, disabled: false, title: 'Pause Q3 outbound' },
      { action: `resume:${ACTIVE}`, disabled: true, title: 'Not available: the campaign is not paused.' },
      { action: `remove:${ACTIVE}`, disabled: false, title: 'Remove from Q3 outbound' },
      { action: `pause:${BOUNCED}`, disabled: true, title: ended },
      { action: `resume:${BOUNCED}`, disabled: true, title: ended },
      { action: `remove:${BOUNCED}`, disabled: true, title: ended },
    ]);
    expect(texts(element, '.actions-note')).toEqual([
      'Pause, resume and remove are not available: the campaign has ended for this person (Bounced).',
    ]);
    expect(
      [...element.shadowRoot.querySelectorAll('[role="group"]')].map((g) => g.getAttribute('aria-label')),
    ).toEqual(['Actions for Q3 outbound', 'Actions for Spring promo']);
  });

  it('disables pause on a paused campaign, saying why', async () => {
    const element = await loaded(withStatus('Paused'));
    const pause = $(element, `[data-action="pause"][data-id="${ACTIVE}"]`);
    expect(pause.disabled).toBe(true);
    expect(pause.title).toBe('Not available: already paused.');
    expect($(element, `[data-action="resume"][data-id="${ACTIVE}"]`).disabled).toBe(false);
  });

  it('falls back to the rep time zone when the person zone is not valid, and says so', async () => {
    const data = JSON.parse(JSON.stringify(mockGraphql));
    data.uiapi.query.Campaign_Enrollment__c.edges[0].node.Time_Zone__c.value = 'Mars/Olympus_Mons';
    const element = await loaded(data);
    expect(texts(element, '.timeline-zone')[0]).toBe(
      'Times in America/Los_Angeles (your time zone: this person\'s time zone "Mars/Olympus_Mons" is not valid)',
    );
    expect(texts(element, '.step-status')[0]).toBe('Sent · Sun, May 3, 11:30 PM');
    expect($(element, '.step-when').timeZone).toBe('America/Los_Angeles');
  });

  it('pauses with the moment, resumes and removes after confirmation', async () => {
    const element = await loaded();
    $(element, '[data-action="pause"]').click();
    await flush();
    expect(updateRecord).toHaveBeenLastCalledWith({
      fields: { Id: ACTIVE, Status__c: 'Paused', Paused_At__c: NOW },
    });
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
      'Remove this person from the campaign? Every pending step is cancelled.',
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
      'The campaigns could not be loaded.',
    );
  });

  it('says when a new enrollment is not planned yet', async () => {
    const data = withStatus('Scheduled');
    data.uiapi.query.Campaign_Enrollment__c.edges[0].node.Enrollment_Steps.edges = [];
    const element = await loaded(data);
    expect(texts(element, '.not-planned')).toEqual(['Not planned yet: the sync service plans it shortly.']);
  });
});
