import { LightningElement, wire } from 'lwc';
import { getRecords } from 'lightning/uiRecordApi';
import { graphql, gql } from 'lightning/graphql';
import { subscribe, unsubscribe, onError } from 'lightning/empApi';
import USER_ID from '@salesforce/user/Id';
import USER_TIME_ZONE from '@salesforce/i18n/timeZone';
import LOCALE from '@salesforce/i18n/locale';
import { stepTypeLabel } from 'c/sendOptions';
import { ACTIVITY_KINDS, activityKindLabel, addDays, localDate } from 'c/stepStatus';

export const CHANNEL = '/event/Campaign_Activity__e';

const STEP_FIELDS = [
    'Enrollment_Step__c.Status__c',
    'Enrollment_Step__c.Subject__c',
    'Enrollment_Step__c.Error__c',
    'Enrollment_Step__c.Step__r.Type__c',
    'Enrollment_Step__c.Step__r.Day__c',
    'Enrollment_Step__c.Enrollment__r.Campaign__r.Name',
    'Enrollment_Step__c.Enrollment__r.Contact__r.Name',
    'Enrollment_Step__c.Enrollment__r.Lead__r.Name'
];
const ENROLLMENT_FIELDS = [
    'Campaign_Enrollment__c.Status__c',
    'Campaign_Enrollment__c.Ended_Reason__c',
    'Campaign_Enrollment__c.Campaign__r.Name',
    'Campaign_Enrollment__c.Contact__r.Name',
    'Campaign_Enrollment__c.Lead__r.Name'
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
                            Status__c { value }
                            Subject__c { value }
                            Error__c { value }
                            Sent_At__c { value }
                            Scheduled_At__c { value }
                            Due_Date__c { value }
                            Expires_At__c { value }
                            LastModifiedDate { value }
                            Step__r { Type__c { value } Day__c { value } }
                            Enrollment__r {
                                Campaign__r { Name { value } }
                                Contact__r { Name { value } }
                                Lead__r { Name { value } }
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
                            Status__c { value }
                            Ended_Reason__c { value }
                            LastModifiedDate { value }
                            Campaign__r { Name { value } }
                            Contact__r { Name { value } }
                            Lead__r { Name { value } }
                        }
                    }
                }
            }
        }
    }
`;

const STEP_KIND = {
    Sent: 'email_sent',
    Task_Open: 'task_opened',
    Expired: 'task_expired',
    Failed: 'email_failed',
    Scheduled: 'email_scheduled',
    Pending: 'task_due'
};
const ENDED_KIND = { Replied: 'replied', Bounced: 'bounced', Unsubscribed: 'unsubscribed' };
const UPCOMING_LABELS = { email_scheduled: 'Email scheduled', task_due: 'Task coming up' };

export const TIME_FILTERS = Object.freeze([
    { value: 'all', label: 'All' },
    { value: 'today', label: 'Today' },
    { value: 'tomorrow', label: 'Tomorrow' },
    { value: 'next7', label: 'Next 7 days' }
]);

function v(field) {
    return field && typeof field === 'object' && 'value' in field ? field.value : (field ?? null);
}

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
 * (GraphQL), with time and kind filters.
 */
export default class LiveFeed extends LightningElement {
    timeFilter = 'all';
    kindFilter = 'all';
    history = [];
    historyLoaded = false;
    historyErrors;
    events = [];
    details = new Map();
    subscription;
    streamError;
    historyVariables = { ownerId: USER_ID };

    connectedCallback() {
        onError((error) => {
            this.streamError = error;
        });
        subscribe(CHANNEL, -1, (message) => this.handleEvent(message))
            .then((subscription) => {
                this.subscription = subscription;
                this.streamError = undefined;
            })
            .catch((error) => {
                this.streamError = error;
            });
    }

    disconnectedCallback() {
        if (this.subscription) {
            unsubscribe(this.subscription, () => {});
            this.subscription = undefined;
        }
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

    /** LDS request for the details of the events received (ids only in the event). */
    get detailRequest() {
        const stepIds = [...new Set(this.events.map((e) => e.stepId).filter((id) => !!id))];
        const enrollmentIds = [...new Set(this.events.filter((e) => !e.stepId).map((e) => e.enrollmentId))];
        const request = [];
        if (stepIds.length) {
            request.push({ recordIds: stepIds, optionalFields: STEP_FIELDS });
        }
        if (enrollmentIds.length) {
            request.push({ recordIds: enrollmentIds, optionalFields: ENROLLMENT_FIELDS });
        }
        return request.length ? request : undefined;
    }

    @wire(getRecords, { records: '$detailRequest' })
    wiredDetails({ data }) {
        if (data) {
            const details = new Map(this.details);
            data.results
                .filter((r) => r.statusCode === 200 && r.result)
                .forEach(({ result }) => details.set(result.id, result));
            this.details = details;
        }
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
            at: payload.CreatedDate ?? new Date().toISOString()
        };
        this.events = [entry, ...this.events];
    }

    historyFrom(data) {
        const steps = (data.uiapi?.query?.Enrollment_Step__c?.edges ?? []).map(({ node }) => {
            const status = v(node.Status__c);
            const kind = STEP_KIND[status];
            const at =
                {
                    Sent: v(node.Sent_At__c),
                    Scheduled: v(node.Scheduled_At__c),
                    Expired: v(node.Expires_At__c)
                }[status] ??
                (v(node.Due_Date__c) ? `${v(node.Due_Date__c)}T12:00:00.000Z` : null) ??
                v(node.LastModifiedDate);
            const enrollment = node.Enrollment__r ?? {};
            return {
                key: `step-${node.Id}`,
                kind,
                at,
                dateOnly: ['Task_Open', 'Pending'].includes(status),
                person: v(enrollment.Contact__r?.Name) ?? v(enrollment.Lead__r?.Name),
                campaign: v(enrollment.Campaign__r?.Name),
                what: `${stepTypeLabel(v(node.Step__r?.Type__c))}${v(node.Subject__c) ? `: ${v(node.Subject__c)}` : ''}`,
                reason: v(node.Error__c)
            };
        });
        const ended = (data.uiapi?.query?.Campaign_Enrollment__c?.edges ?? []).map(({ node }) => ({
            key: `enrollment-${node.Id}`,
            kind: ENDED_KIND[v(node.Status__c)],
            at: v(node.LastModifiedDate),
            person: v(node.Contact__r?.Name) ?? v(node.Lead__r?.Name),
            campaign: v(node.Campaign__r?.Name),
            what: 'Campaign ended',
            reason: v(node.Ended_Reason__c)
        }));
        return [...steps, ...ended];
    }

    eventEntry(event) {
        const record = this.details.get(event.stepId ?? event.enrollmentId);
        if (!record) {
            return { ...event, person: null, campaign: null, what: 'Loading details…', reason: null };
        }
        if (event.stepId) {
            return {
                ...event,
                person:
                    pathValue(record, 'Enrollment__r.Contact__r.Name') ?? pathValue(record, 'Enrollment__r.Lead__r.Name'),
                campaign: pathValue(record, 'Enrollment__r.Campaign__r.Name'),
                what: `${stepTypeLabel(pathValue(record, 'Step__r.Type__c'))}${
                    pathValue(record, 'Subject__c') ? `: ${pathValue(record, 'Subject__c')}` : ''
                }`,
                reason: pathValue(record, 'Error__c')
            };
        }
        return {
            ...event,
            person: pathValue(record, 'Contact__r.Name') ?? pathValue(record, 'Lead__r.Name'),
            campaign: pathValue(record, 'Campaign__r.Name'),
            what: `Campaign ${String(pathValue(record, 'Status__c') ?? 'ended').toLowerCase()}`,
            reason: pathValue(record, 'Ended_Reason__c')
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
        return date >= today && date <= addDays(today, 7);
    }

    get entries() {
        const today = localDate(Date.now(), USER_TIME_ZONE);
        const dateFormat = new Intl.DateTimeFormat(LOCALE, {
            timeZone: 'UTC',
            weekday: 'short',
            month: 'short',
            day: 'numeric'
        });
        const instantFormat = new Intl.DateTimeFormat(LOCALE, {
            timeZone: USER_TIME_ZONE,
            weekday: 'short',
            month: 'short',
            day: 'numeric',
            hour: 'numeric',
            minute: '2-digit'
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
                kindLabel: UPCOMING_LABELS[entry.kind] ?? activityKindLabel(entry.kind),
                when: format(entry),
                text: [entry.person, entry.campaign, entry.what].filter((x) => !!x).join(' · '),
                reason: entry.reason ? `Reason: ${entry.reason}` : ''
            }));
    }

    get kindOptions() {
        return [
            { value: 'all', label: 'All kinds' },
            ...Object.entries({ ...ACTIVITY_KINDS, ...UPCOMING_LABELS }).map(([value, label]) => ({ value, label }))
        ];
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

    get liveText() {
        return this.subscription ? 'Live: new activity appears here as it happens.' : 'Connecting to live updates…';
    }

    handleTimeFilterChange(event) {
        this.timeFilter = event.detail.value;
    }

    handleKindFilterChange(event) {
        this.kindFilter = event.detail.value;
    }
}
