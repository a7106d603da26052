import AdminConsole from 'c/adminConsole';
import { updateRecord } from 'lightning/uiRecordApi';
import { graphql, refreshGraphQL } from 'lightning/graphql';
import LightningConfirm from 'lightning/confirm';
import { $, flush, mount, texts, unmountAll, useFakeClock } from '../../../../../test/componentDom';

const mockGraphql = require('./data/graphql.json');
const NOW = '2026-05-05T17:00:00.000Z';
const UNCERTAIN = 'a03000000000001AAA';
const FAILED = 'a03000000000002AAA';

async function loaded(data = mockGraphql) {
  const element = mount('c-admin-console', AdminConsole);
  await flush();
  graphql.emit(data);
  await flush();
  return element;
}

describe('c-admin-console', () => {
  beforeEach(() => {
    useFakeClock(NOW);
  });

  afterEach(() => {
    unmountAll();
    jest.clearAllMocks();
    jest.useRealTimers();
  });

  it('shows a spinner, then a load error', async () => {
    const element = mount('c-admin-console', AdminConsole);
    await flush();
    expect($(element, 'lightning-spinner').alternativeText).toBe('Loading the service status');
    graphql.emitErrors([{ message: 'No access to Sync_Service_Status__c' }]);
    await flush();
    expect($(element, 'c-error-panel').friendlyMessage).toBe('The service status could not be loaded.');
  });

  it('shows a fresh heartbeat as running and a stale one as a problem, in text', async () => {
    const element = await loaded();
    expect(texts(element, '.instance-name')).toEqual([
      'worker-1 (version 0.1.0)',
      'worker-2 (version 0.1.0)',
    ]);
    expect(texts(element, '.instance-health')).toEqual([
      'Running: last heartbeat May 5, 9:59 AM.',
      'Problem: no heartbeat for 12 minutes. The service is not running or cannot reach the org.',
    ]);
    expect(texts(element, '.instance-lag')).toEqual(['Stream lag: 2 s', 'Stream lag: unknown']);
    expect(texts(element, '.instance-sent')).toEqual(['Emails sent today: 41', 'Emails sent today: 3']);
    expect(texts(element, '.instance-error')).toEqual([
      'Last error (May 5, 9:40 AM): SMTP 535 authentication failed',
    ]);
  });

  it('judges heartbeats against the current time, every 30 seconds, and reloads them every minute', async () => {
    const element = await loaded();
    expect(texts(element, '.instance-health')[0]).toBe('Running: last heartbeat May 5, 9:59 AM.');
    expect(texts(element, '.checked-at')).toEqual([
      'Checked May 5, 10:00 AM; checked again every 30 seconds.',
    ]);
    // worker-1's last heartbeat is 16:59; three minutes later with no new one it is a problem.
    jest.advanceTimersByTime(3 * 60 * 1000 + 30 * 1000);
    await flush();
    expect(texts(element, '.instance-health')[0]).toBe(
      'Problem: no heartbeat for 4 minutes. The service is not running or cannot reach the org.',
    );
    expect(texts(element, '.checked-at')).toEqual([
      'Checked May 5, 10:03 AM; checked again every 30 seconds.',
    ]);
    expect(refreshGraphQL).toHaveBeenCalledTimes(3);

    // A fresh heartbeat arriving with a reload turns it back to running.
    const fresh = JSON.parse(JSON.stringify(mockGraphql));
    fresh.uiapi.query.Sync_Service_Status__c.edges[0].node.Last_Heartbeat_At__c.value =
      '2026-05-05T17:03:00.000Z';
    graphql.emit(fresh);
    await flush();
    expect(texts(element, '.instance-health')[0]).toBe('Running: last heartbeat May 5, 10:03 AM.');
  });

  it('stops checking when the page is closed', async () => {
    const element = await loaded();
    expect(jest.getTimerCount()).toBe(1);
    document.body.removeChild(element);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('says when the service has never reported', async () => {
    const data = JSON.parse(JSON.stringify(mockGraphql));
    data.uiapi.query.Sync_Service_Status__c.edges = [];
    data.uiapi.query.Enrollment_Step__c.edges = [];
    const element = await loaded(data);
    expect(texts(element, '.no-instance')).toEqual([
      'Problem: the sync service has never reported. It is not running or cannot reach the org.',
    ]);
    expect(texts(element, '.no-problems')).toEqual(['No failed or uncertain emails.']);
  });

  it('counts emails by status and links to the settings', async () => {
    const element = await loaded();
    expect(texts(element, '.email-count')).toEqual([
      'Failed: 1',
      'Scheduled: 37',
      'Sent: 120',
      'Outcome unknown: needs review: 1',
    ]);
    expect($(element, '.settings-link').getAttribute('href')).toBe('/lightning/setup/CustomMetadata/home');
  });

  it('lists failed and uncertain emails and retries or dismisses them', async () => {
    const element = await loaded();
    expect(texts(element, '.problem-title')).toEqual([
      'Ada Lovelace · Q3 outbound · Quick question, Ada',
      'Linus Lead · Q3 outbound · Brochure',
    ]);
    expect(texts(element, '.problem-status')).toEqual([
      'Status: Outcome unknown: needs review',
      'Status: Failed',
    ]);
    expect(texts(element, '.problem-error')).toEqual([
      'Connection lost after DATA',
      '552 message size exceeds limit',
    ]);

    $(element, `[data-action="retry"][data-id="${FAILED}"]`).click();
    await flush();
    expect(updateRecord).toHaveBeenLastCalledWith({ fields: { Id: FAILED, Status__c: 'Send_Requested' } });
    expect(refreshGraphQL).toHaveBeenCalled();

    $(element, `[data-action="dismiss"][data-id="${FAILED}"]`).click();
    await flush();
    expect(updateRecord).toHaveBeenLastCalledWith({ fields: { Id: FAILED, Status__c: 'Cancelled' } });
  });

  it('asks before retrying an uncertain email, which may send it twice', async () => {
    const element = await loaded();
    LightningConfirm.open = jest.fn().mockResolvedValueOnce(false).mockResolvedValueOnce(true);
    const retry = $(element, `[data-action="retry"][data-id="${UNCERTAIN}"]`);
    retry.click();
    await flush();
    expect(updateRecord).not.toHaveBeenCalled();
    expect(LightningConfirm.open.mock.calls[0][0].message).toContain('Retrying can send it twice');
    retry.click();
    await flush();
    expect(updateRecord).toHaveBeenCalledWith({ fields: { Id: UNCERTAIN, Status__c: 'Send_Requested' } });
  });

  it('shows a failed write', async () => {
    const element = await loaded();
    updateRecord.mockRejectedValueOnce({ body: { message: 'insufficient access' } });
    $(element, `[data-action="dismiss"][data-id="${FAILED}"]`).click();
    await flush();
    expect($(element, 'c-error-panel').friendlyMessage).toBe('The change was not saved.');
  });
});
