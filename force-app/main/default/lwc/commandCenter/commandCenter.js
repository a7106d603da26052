import { LightningElement, wire } from 'lwc';
import { getRecord, updateRecord } from 'lightning/uiRecordApi';
import { graphql, gql, refreshGraphQL } from 'lightning/graphql';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import USER_ID from '@salesforce/user/Id';
import USER_TIME_ZONE from '@salesforce/i18n/timeZone';
import LOCALE from '@salesforce/i18n/locale';
import USER_NAME from '@salesforce/schema/User.Name';
import USER_FIRST_NAME from '@salesforce/schema/User.FirstName';
import USER_EMAIL from '@salesforce/schema/User.Email';
import USER_TITLE from '@salesforce/schema/User.Title';
import { stepTypeLabel } from 'c/sendOptions';
import { renderEmailPreview } from 'c/emailPreview';
import { BUCKETS, bucketsOf, localDate, stepStatusLabel } from 'c/stepStatus';
import { fieldValueOrNull as v } from 'c/graphqlFields';

const WORK_QUERY = gql`
  query workQueue($ownerId: ID) {
    uiapi {
      query {
        Enrollment_Step__c(
          where: {
            and: [
              { Enrollment__r: { OwnerId: { eq: $ownerId } } }
              { Status__c: { in: ["Task_Open", "Pending", "Scheduled"] } }
            ]
          }
          orderBy: { Due_Date__c: { order: ASC, nulls: LAST } }
          first: 200
        ) {
          edges {
            node {
              Id
              Status__c {
                value
              }
              Due_Date__c {
                value
              }
              Expires_At__c {
                value
              }
              Subject__c {
                value
              }
              Body__c {
                value
              }
              Notes__c {
                value
              }
              Step__r {
                Id
                Type__c {
                  value
                }
                Send_Option__c {
                  value
                }
                Day__c {
                  value
                }
                Subject__c {
                  value
                }
                Body__c {
                  value
                }
                Instructions__c {
                  value
                }
              }
              Enrollment__r {
                Id
                Campaign__r {
                  Name {
                    value
                  }
                }
                Contact__r {
                  Id
                  Name {
                    value
                  }
                  FirstName {
                    value
                  }
                  LastName {
                    value
                  }
                  Title {
                    value
                  }
                  Email {
                    value
                  }
                  Phone {
                    value
                  }
                  Account {
                    Name {
                      value
                    }
                  }
                }
                Lead__r {
                  Id
                  Name {
                    value
                  }
                  FirstName {
                    value
                  }
                  LastName {
                    value
                  }
                  Title {
                    value
                  }
                  Email {
                    value
                  }
                  Phone {
                    value
                  }
                  Company {
                    value
                  }
                }
              }
            }
          }
        }
      }
    }
  }
`;

function personOf(enrollment) {
  const contact = enrollment?.Contact__r;
  const lead = enrollment?.Lead__r;
  const node = contact || lead;
  if (!node) {
    return { objectApiName: null, record: {} };
  }
  const record = {
    Id: node.Id,
    Name: v(node.Name),
    FirstName: v(node.FirstName),
    LastName: v(node.LastName),
    Title: v(node.Title),
    Email: v(node.Email),
    Phone: v(node.Phone),
  };
  if (contact) {
    record.Account = node.Account ? { Name: v(node.Account.Name) } : null;
  } else {
    record.Company = v(node.Company);
  }
  return { objectApiName: contact ? 'Contact' : 'Lead', record };
}

/** A work item from a GraphQL Enrollment_Step__c node. */
export function workItemFromNode(node) {
  const step = node.Step__r ?? {};
  const { objectApiName, record } = personOf(node.Enrollment__r);
  return {
    id: node.Id,
    status: v(node.Status__c),
    dueDate: v(node.Due_Date__c),
    expiresAt: v(node.Expires_At__c),
    subject: v(node.Subject__c),
    body: v(node.Body__c),
    notes: v(node.Notes__c),
    type: v(step.Type__c),
    sendOption: v(step.Send_Option__c),
    day: v(step.Day__c),
    stepSubject: v(step.Subject__c),
    stepBody: v(step.Body__c),
    instructions: v(step.Instructions__c),
    campaignName: v(node.Enrollment__r?.Campaign__r?.Name),
    personObject: objectApiName,
    person: record,
    personName: record.Name,
    email: record.Email,
    phoneText: record.Phone ? `· ${record.Phone}` : '',
  };
}

/**
 * Container for the Command Center app page: the rep's campaign steps that need them (GraphQL on
 * Enrollment_Step__c owned through the enrollment), grouped as overdue, today, next 7 days and
 * expiring soon, and the compose window's writes (updateRecord, DESIGN §3 "who writes what").
 */
export default class CommandCenter extends LightningElement {
  bucket = 'today';
  selectedId;
  items = [];
  loaded = false;
  errors;
  saveError;
  busy = false;
  sender;
  workResult;

  @wire(getRecord, { recordId: USER_ID, fields: [USER_NAME, USER_FIRST_NAME, USER_EMAIL, USER_TITLE] })
  wiredSender({ data }) {
    if (data) {
      this.sender = {
        Id: USER_ID,
        Name: data.fields.Name?.value,
        FirstName: data.fields.FirstName?.value,
        Email: data.fields.Email?.value,
        Title: data.fields.Title?.value,
      };
    }
  }

  workVariables = { ownerId: USER_ID };

  @wire(graphql, { query: WORK_QUERY, variables: '$workVariables' })
  wiredWork(result) {
    this.workResult = result;
    if (result.data) {
      const edges = result.data.uiapi?.query?.Enrollment_Step__c?.edges ?? [];
      this.items = edges.map((e) => workItemFromNode(e.node));
      this.loaded = true;
      this.errors = undefined;
    } else if (result.errors) {
      this.errors = result.errors;
      this.loaded = true;
    }
  }

  get isLoading() {
    return !this.loaded;
  }

  /** Items with their buckets, computed against the rep's today. */
  get bucketed() {
    const now = Date.now();
    const today = localDate(now, USER_TIME_ZONE);
    return this.items.map((item) => ({ item, buckets: bucketsOf(item, today, now) }));
  }

  get bucketOptions() {
    const bucketed = this.bucketed;
    return BUCKETS.map((b) => ({
      value: b.value,
      label: `${b.label} (${bucketed.filter((x) => x.buckets.includes(b.value)).length})`,
    }));
  }

  get rows() {
    const date = (iso) =>
      new Intl.DateTimeFormat(LOCALE, {
        timeZone: 'UTC',
        weekday: 'short',
        month: 'short',
        day: 'numeric',
      }).format(new Date(`${iso}T12:00:00Z`));
    return this.bucketed
      .filter((x) => x.buckets.includes(this.bucket))
      .map(({ item }) => ({
        key: item.id,
        id: item.id,
        title: `${stepTypeLabel(item.type)}: ${item.personName ?? 'Unknown person'}`,
        detail: `${item.campaignName ?? ''} · Day ${item.day} · due ${item.dueDate ? date(item.dueDate) : 'when unblocked'}`,
        status: stepStatusLabel(item.status),
        openLabel: `Open ${stepTypeLabel(item.type).toLowerCase()} for ${item.personName}`,
        selected: item.id === this.selectedId,
        ariaCurrent: item.id === this.selectedId ? 'true' : null,
        itemClass:
          item.id === this.selectedId ? 'slds-item work-item slds-theme_shade' : 'slds-item work-item',
      }));
  }

  get listLabel() {
    const bucket = BUCKETS.find((b) => b.value === this.bucket);
    return `Campaign steps: ${bucket.label}`;
  }

  get isEmpty() {
    return this.loaded && !this.errors && this.rows.length === 0;
  }

  get emptyText() {
    const bucket = BUCKETS.find((b) => b.value === this.bucket);
    return `Nothing in "${bucket.label}". Well done.`;
  }

  get selected() {
    const item = this.items.find((i) => i.id === this.selectedId);
    if (!item) {
      return undefined;
    }
    if (item.subject || item.body || item.type !== 'Email') {
      return { ...item, subject: item.subject ?? '', body: item.body ?? '' };
    }
    // Not prepared by the service yet: render the step's template for this person.
    const rendered = renderEmailPreview(
      { subject: item.stepSubject, body: item.stepBody },
      { recipient: item.person, recipientObject: item.personObject, sender: this.sender ?? {} },
    );
    return { ...item, subject: rendered.subject, body: rendered.body };
  }

  handleBucketChange(event) {
    this.bucket = event.detail.value;
  }

  handleOpen(event) {
    this.selectedId = event.currentTarget.dataset.id;
    this.saveError = undefined;
  }

  async write(fields, message) {
    this.busy = true;
    this.saveError = undefined;
    try {
      await updateRecord({ fields: { Id: this.selectedId, ...fields } });
      this.dispatchEvent(new ShowToastEvent({ title: message, variant: 'success' }));
      this.selectedId = undefined;
      await refreshGraphQL(this.workResult);
    } catch (error) {
      this.saveError = error;
    } finally {
      this.busy = false;
    }
  }

  handleSendNow(event) {
    const { subject, body } = event.detail;
    return this.write(
      { Subject__c: subject, Body__c: body, Status__c: 'Send_Requested', Scheduled_At__c: null },
      'Email sent to the outbox',
    );
  }

  handleSchedule(event) {
    const { subject, body, scheduledAt } = event.detail;
    return this.write(
      { Subject__c: subject, Body__c: body, Status__c: 'Send_Requested', Scheduled_At__c: scheduledAt },
      'Email scheduled',
    );
  }

  handleSkip() {
    return this.write({ Status__c: 'Skipped' }, 'Step skipped');
  }

  handleComplete(event) {
    const { subject, body, notes } = event.detail;
    const fields = {
      Status__c: 'Completed',
      Completed_At__c: new Date().toISOString(),
      Notes__c: notes || null,
    };
    if (subject !== undefined) {
      fields.Subject__c = subject;
      fields.Body__c = body;
    }
    return this.write(fields, 'Step completed');
  }
}
