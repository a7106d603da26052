import { LightningElement, wire } from 'lwc';
import { getRecords } from 'lightning/uiRecordApi';
import { graphql, gql } from 'lightning/graphql';
import { subscribe, unsubscribe, onError } from 'lightning/empApi';
import USER_ID from '@salesforce/user/Id';
import USER_TIME_ZONE from '@salesforce/i18n/timeZone';
import LOCALE from '@salesforce/i18n/locale';
import { stepTypeLabel } from 'c/sendOptions';
import { addDays, isInNextDays, localDate } from 'c/stepStatus';
import {
  ACTIVITY_KINDS,
  activityKindLabel,
  endedKind,
  eventKind,
  isEnrollmentKind,
  stepStatusKind,
} from 'c/activityKinds';
import { reduceErrors } from 'c/ldsUtils';
import { fieldValueOrNull as v } from 'c/graphqlFields';

export const CHANNEL = '/event/Campaign_Activity__e';

const STEP_FIELDS = [
  'Enrollment_Step__c.Status__c',
  'Enrollment_Step__c.Subject__c',
  'Enrollment_Step__c.Error__c',
  'Enrollment_Step__c.Step__r.Type__c',
  'Enrollment_Step__c.Step__r.Day__c',
  'Enrollment_Step__c.Enrollment__r.Campaign__r.Name',
  'Enrollment_Step__c.Enrollment__r.Contact__r.Name',
  'Enrollment_Step__c.Enrollment__r.Lead__r.Name',
];
const ENROLLMENT_FIELDS = [
  'Campaign_Enrollment__c.Status__c',
  'Campaign_Enrollment__c.Ended_Reason__c',
  'Campaign_Enrollment__c.Campaign__r.Name',
  'Campaign_Enrollment__c.Contact__r.Name',
  'Campaign_Enrollment__c.Lead__r.Name',
];

const HISTORY_QUERY = gql`
  query liveFeedHistory($ownerId: ID) {
    uiapi {
      query {
        Enrollment_Step__c(
          where: {
            and: [
              { Enrollment__r: { OwnerId: { eq: $ownerId } } }
              { Status__c: { in: ["Sent", "Task_Open", "Expired", "Failed", "Scheduled", "Pending"] } }
            ]
          }
          orderBy: { LastModifiedDate: { order: DESC } }
          first: 50
        ) {
          edges {
            node {
              Id
              Status__c {
                value
              }
              Subject__c {
                value
              }
              Error__c {
                value
              }
              Sent_At__c {
                value
              }
              Scheduled_At__c {
                value
              }
              Due_Date__c {
                value
              }
              Expires_At__c {
                value
              }
              LastModifiedDate {
                value
              }
              Step__r {
                Type__c {
                  value
                }
                Day__c {
                  value
                }
              }
              Enrollment__r {
                Campaign__r {
                  Name {
                    value
                  }
                }
                Contact__r {
                  Name {
                    value
                  }
                }
                Lead__r {
                  Name {
                    value
                  }
                }
              }
            }
          }
        }
        Campaign_Enrollment__c(
          where: {
            and: [
              { OwnerId: { eq: $ownerId } }
              { Status__c: { in: ["Replied", "Bounced", "Unsubscribed"] } }
            ]
          }
          orderBy: { LastModifiedDate: { order: DESC } }
          first: 20
        ) {
          edges {
            node {
              Id
              Status__c {
                value
              }
              Ended_Reason__c {
                value
              }
              LastModifiedDate {
                value
              }
              Campaign__r {
                Name {
                  value
                }
              }
              Contact__r {
                Name {
                  value
                }
              }
              Lead__r {
                Name {
                  value
                }
              }
            }
          }
        }
      }
    }
  }
`;

/** What an entry says while its details cannot be read (no access, deleted, or LDS failed). */
export const DETAILS_NOT_AVAILABLE =
  'Details not available: the record was deleted or you do not have access to it.';
export const DETAILS_FAILED = 'Details could not be loaded';

export const TIME_FILTERS = Object.freeze([
  { value: 'all', label: 'All' },
  { value: 'today', label: 'Today' },
  { value: 'tomorrow', label: 'Tomorrow' },
  { value: 'next7', label: 'Next 7 days' },
]);

/** A UI API record's value at a dotted path of relationship names, e.g. 'Enrollment__r.Campaign__r.Name'. */
function pathValue(record, path) {
  let current = record;
  for (const part of path.split('.')) {
    if (!current?.fields?.[part]) {
      return null;
    }
    const field = current.fields[part];
    if (field.value && typeof field.value === 'object' && field.value.fields) {
      current = field.value;
    } else {
      return field.value;
    }
  }
  return null;
}

/**
 * Container for Live Feed (app page and utility bar): Campaign_Activity__e events in real time
 * through lightning/empApi — ids only, each entry's details then read through LDS (getRecords) so
 * sharing applies — plus the initial history from recent Enrollment_Step__c and ended enrollments
 * (GraphQL), with time and kind filters. The kinds and their labels come from c/activityKinds,
 * the "Next 7 days" rule from c/stepStatus.
 */
export default class LiveFeed extends LightningElement {
  timeFilter = 'all';
  kindFilter = 'all';
  history = [];
  historyLoaded = false;
  historyErrors;
  events = [];
  /** Record id → { record } once read, or { problem } when it cannot be. */
  details = new Map();
  subscription;
  /** 'connecting' | 'live' | 'stopped' */
  streamState = 'connecting';
  streamError;
  historyVariables = { ownerId: USER_ID };

  connectedCallback() {
    onError((error) => {
      // empApi reports a lost connection or a refused subscription here: new events stop
      // arriving, so the header must stop saying "Live".
      this.streamState = 'stopped';
      this.streamError = error;
    });
    this.connect();
  }

  disconnectedCallback() {
    this.dropSubscription();
  }

  connect() {
    this.streamState = 'connecting';
    subscribe(CHANNEL, -1, (message) => this.handleEvent(message))
      .then((subscription) => {
        this.subscription = subscription;
        this.streamState = 'live';
        this.streamError = undefined;
      })
      .catch((error) => {
        this.streamState = 'stopped';
        this.streamError = error;
      });
  }

  dropSubscription() {
    if (this.subscription) {
      unsubscribe(this.subscription, () => {});
      this.subscription = undefined;
    }
  }

  handleReconnect() {
    this.dropSubscription();
    this.connect();
  }

  @wire(graphql, { query: HISTORY_QUERY, variables: '$historyVariables' })
  wiredHistory({ data, errors }) {
    if (data) {
      this.history = this.historyFrom(data);
      this.historyLoaded = true;
      this.historyErrors = undefined;
    } else if (errors) {
      this.historyErrors = errors;
      this.historyLoaded = true;
    }
  }

  /** The record an event's details come from: its enrollment for ended campaigns, else its step. */
  static detailIdOf(event) {
    if (isEnrollmentKind(event.kind) || !event.stepId) {
      return event.enrollmentId;
    }
    return event.stepId;
  }

  /** LDS request for the details of the events received (ids only in the event). */
  get detailRequest() {
    const stepIds = new Set();
    const enrollmentIds = new Set();
    this.events.forEach((event) => {
      const id = LiveFeed.detailIdOf(event);
      if (id) {
        (id === event.stepId ? stepIds : enrollmentIds).add(id);
      }
    });
    const request = [];
    if (stepIds.size) {
      request.push({ recordIds: [...stepIds], optionalFields: STEP_FIELDS });
    }
    if (enrollmentIds.size) {
      request.push({ recordIds: [...enrollmentIds], optionalFields: ENROLLMENT_FIELDS });
    }
    return request.length ? request : undefined;
  }

  @wire(getRecords, { records: '$detailRequest' })
  wiredDetails({ data, error }) {
    // getRecords answers in the order of the request's ids; a refused record (403, 404) carries
    // no id of its own, so its position says which one it is.
    const requested = (this.detailRequest ?? []).flatMap((part) => part.recordIds);
    const details = new Map(this.details);
    if (data) {
      const aligned = data.results.length === requested.length;
      data.results.forEach((entry, index) => {
        const id = entry.result?.id ?? (aligned ? requested[index] : null);
        if (!id) {
          return;
        }
        if (entry.statusCode === 200 && entry.result) {
          details.set(id, { record: entry.result });
        } else {
          details.set(id, { problem: DETAILS_NOT_AVAILABLE });
        }
      });
    } else if (error) {
      const problem = `${DETAILS_FAILED}: ${reduceErrors(error).join(', ') || 'unknown error'}`;
      requested.filter((id) => !details.get(id)?.record).forEach((id) => details.set(id, { problem }));
    } else {
      return;
    }
    this.details = details;
  }

  handleEvent(message) {
    const payload = message?.data?.payload ?? {};
    if (payload.Owner_Id__c && payload.Owner_Id__c !== USER_ID) {
      return;
    }
    const entry = {
      key: `event-${message.data.event?.replayId ?? this.events.length}`,
      kind: payload.Kind__c,
      stepId: payload.Enrollment_Step_Id__c || null,
      enrollmentId: payload.Enrollment_Id__c || null,
      at: payload.CreatedDate ?? new Date().toISOString(),
    };
    this.events = [entry, ...this.events];
  }

  historyFrom(data) {
    const steps = (data.uiapi?.query?.Enrollment_Step__c?.edges ?? []).map(({ node }) => {
      const status = v(node.Status__c);
      const at =
        {
          Sent: v(node.Sent_At__c),
          Scheduled: v(node.Scheduled_At__c),
          Expired: v(node.Expires_At__c),
        }[status] ??
        (v(node.Due_Date__c) ? `${v(node.Due_Date__c)}T12:00:00.000Z` : null) ??
        v(node.LastModifiedDate);
      const enrollment = node.Enrollment__r ?? {};
      return {
        key: `step-${node.Id}`,
        kind: stepStatusKind(status),
        at,
        dateOnly: ['Task_Open', 'Pending'].includes(status),
        person: v(enrollment.Contact__r?.Name) ?? v(enrollment.Lead__r?.Name),
        campaign: v(enrollment.Campaign__r?.Name),
        what: `${stepTypeLabel(v(node.Step__r?.Type__c))}${v(node.Subject__c) ? `: ${v(node.Subject__c)}` : ''}`,
        reason: v(node.Error__c),
      };
    });
    const ended = (data.uiapi?.query?.Campaign_Enrollment__c?.edges ?? []).map(({ node }) => ({
      key: `enrollment-${node.Id}`,
      kind: endedKind(v(node.Status__c)),
      at: v(node.LastModifiedDate),
      person: v(node.Contact__r?.Name) ?? v(node.Lead__r?.Name),
      campaign: v(node.Campaign__r?.Name),
      what: 'Campaign ended',
      reason: v(node.Ended_Reason__c),
    }));
    return [...steps, ...ended];
  }

  eventEntry(event) {
    const id = LiveFeed.detailIdOf(event);
    if (!id) {
      return {
        ...event,
        person: null,
        campaign: null,
        what: 'This event names no record.',
        reason: null,
        problem: true,
      };
    }
    const detail = this.details.get(id);
    if (!detail) {
      return {
        ...event,
        person: null,
        campaign: null,
        what: 'Loading details…',
        reason: null,
        pending: true,
      };
    }
    if (!detail.record) {
      return { ...event, person: null, campaign: null, what: detail.problem, reason: null, problem: true };
    }
    const record = detail.record;
    if (record.apiName !== 'Campaign_Enrollment__c') {
      return {
        ...event,
        person:
          pathValue(record, 'Enrollment__r.Contact__r.Name') ??
          pathValue(record, 'Enrollment__r.Lead__r.Name'),
        campaign: pathValue(record, 'Enrollment__r.Campaign__r.Name'),
        what: `${stepTypeLabel(pathValue(record, 'Step__r.Type__c'))}${
          pathValue(record, 'Subject__c') ? `: ${pathValue(record, 'Subject__c')}` : ''
        }`,
        reason: pathValue(record, 'Error__c'),
      };
    }
    const status = pathValue(record, 'Status__c');
    return {
      ...event,
      kind: eventKind(event.kind, status),
      person: pathValue(record, 'Contact__r.Name') ?? pathValue(record, 'Lead__r.Name'),
      campaign: pathValue(record, 'Campaign__r.Name'),
      what: endedKind(status) ? 'Campaign ended' : null,
      reason: pathValue(record, 'Ended_Reason__c'),
    };
  }

  matchesTime(entry, today) {
    if (this.timeFilter === 'all') {
      return true;
    }
    const date = entry.dateOnly ? entry.at.slice(0, 10) : localDate(entry.at, USER_TIME_ZONE);
    if (this.timeFilter === 'today') {
      return date === today;
    }
    if (this.timeFilter === 'tomorrow') {
      return date === addDays(today, 1);
    }
    return isInNextDays(date, today);
  }

  get entries() {
    const today = localDate(Date.now(), USER_TIME_ZONE);
    const dateFormat = new Intl.DateTimeFormat(LOCALE, {
      timeZone: 'UTC',
      weekday: 'short',
      month: 'short',
      day: 'numeric',
    });
    const instantFormat = new Intl.DateTimeFormat(LOCALE, {
      timeZone: USER_TIME_ZONE,
      weekday: 'short',
      month: 'short',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
    });
    // A task's due date is a calendar date: shown without a time, never shifted by a zone.
    const format = (entry) => (entry.dateOnly ? dateFormat : instantFormat).format(new Date(entry.at));
    const seen = new Set();
    return [...this.events.map((e) => this.eventEntry(e)), ...this.history]
      .filter((entry) => entry.kind && entry.at)
      .filter((entry) => this.kindFilter === 'all' || entry.kind === this.kindFilter)
      .filter((entry) => this.matchesTime(entry, today))
      .filter((entry) => {
        if (seen.has(entry.key)) {
          return false;
        }
        seen.add(entry.key);
        return true;
      })
      .map((entry) => ({
        key: entry.key,
        kindLabel: activityKindLabel(entry.kind),
        when: format(entry),
        text: [entry.person, entry.campaign, entry.what].filter((x) => !!x).join(' · '),
        textClass: entry.problem
          ? 'slds-text-body_small entry-text entry-problem'
          : 'slds-text-body_small entry-text',
        reason: entry.reason ? `Reason: ${entry.reason}` : '',
      }));
  }

  get kindOptions() {
    return [{ value: 'all', label: 'All kinds' }, ...ACTIVITY_KINDS];
  }

  get timeOptions() {
    return TIME_FILTERS;
  }

  get isLoading() {
    return !this.historyLoaded;
  }

  get isEmpty() {
    return this.historyLoaded && this.entries.length === 0;
  }

  get isStopped() {
    return this.streamState === 'stopped';
  }

  get isConnecting() {
    return this.streamState === 'connecting';
  }

  get liveText() {
    return {
      connecting: 'Connecting to live updates…',
      live: 'Live: new activity appears here as it happens.',
      stopped: 'Live updates stopped: new activity will not appear until you reconnect.',
    }[this.streamState];
  }

  handleTimeFilterChange(event) {
    this.timeFilter = event.detail.value;
  }

  handleKindFilterChange(event) {
    this.kindFilter = event.detail.value;
  }
}
