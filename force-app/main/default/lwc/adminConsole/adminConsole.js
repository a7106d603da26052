import { LightningElement, wire } from 'lwc';
import { updateRecord } from 'lightning/uiRecordApi';
import { graphql, gql, refreshGraphQL } from 'lightning/graphql';
import LightningConfirm from 'lightning/confirm';
import LOCALE from '@salesforce/i18n/locale';
import USER_TIME_ZONE from '@salesforce/i18n/timeZone';
import { isHeartbeatStale, stepStatusLabel } from 'c/stepStatus';
import { fieldValueOrNull as v } from 'c/graphqlFields';

const CONSOLE_QUERY = gql`
  query adminConsole {
    uiapi {
      query {
        Sync_Service_Status__c(orderBy: { Last_Heartbeat_At__c: { order: DESC } }, first: 20) {
          edges {
            node {
              Id
              Instance__c {
                value
              }
              Last_Heartbeat_At__c {
                value
              }
              Stream_Lag_Seconds__c {
                value
              }
              Version__c {
                value
              }
              Emails_Sent_Today__c {
                value
              }
              Last_Error__c {
                value
              }
              Last_Error_At__c {
                value
              }
            }
          }
        }
        Enrollment_Step__c(
          where: {
            and: [{ Status__c: { in: ["Failed", "Uncertain"] } }, { Step__r: { Type__c: { eq: "Email" } } }]
          }
          orderBy: { LastModifiedDate: { order: DESC } }
          first: 100
        ) {
          edges {
            node {
              Id
              Status__c {
                value
              }
              Error__c {
                value
              }
              Subject__c {
                value
              }
              Scheduled_At__c {
                value
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
      }
      aggregate {
        Enrollment_Step__c(
          where: { Step__r: { Type__c: { eq: "Email" } } }
          groupBy: { Status__c: { group: true } }
        ) {
          edges {
            node {
              aggregate {
                Status__c {
                  value
                }
                Id {
                  count {
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

/** How often the console re-judges heartbeats against the clock. */
export const RECHECK_EVERY = 30 * 1000;
/** How often it reloads the status records (the service writes a heartbeat every minute). */
export const RELOAD_EVERY = 60 * 1000;

/** Setup page listing custom metadata types, where Campaign_Setting__mdt's records are edited. */
export const SETTINGS_URL = '/lightning/setup/CustomMetadata/home';

/**
 * Container for the admin app page: the sync service's heartbeat and stream lag
 * (Sync_Service_Status__c), emails by status (GraphQL aggregate), failed and Uncertain emails
 * with retry (Send_Requested) and dismiss (Cancelled) through updateRecord. Heartbeats are judged
 * against the current time, re-checked every 30 s and reloaded every minute while the page is
 * open, so a service that stops is shown as a problem without a page reload.
 */
export default class AdminConsole extends LightningElement {
  settingsUrl = SETTINGS_URL;
  data;
  errors;
  saveError;
  busy = false;
  result;
  /** The clock heartbeats are judged against; moved on by the timer. */
  now = Date.now();
  timer;
  lastReloadAt = Date.now();

  connectedCallback() {
    // eslint-disable-next-line @lwc/lwc/no-async-operation
    this.timer = setInterval(() => this.handleTick(), RECHECK_EVERY);
  }

  disconnectedCallback() {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  handleTick() {
    this.now = Date.now();
    if (this.result && !this.busy && this.now - this.lastReloadAt >= RELOAD_EVERY) {
      this.lastReloadAt = this.now;
      refreshGraphQL(this.result).catch(() => {
        // A failed background reload leaves the last data on screen; its heartbeat turns
        // stale by the clock, which is what the admin needs to see.
      });
    }
  }

  @wire(graphql, { query: CONSOLE_QUERY })
  wiredConsole(result) {
    this.result = result;
    if (result.data) {
      this.data = result.data;
      this.errors = undefined;
      this.now = Date.now();
    } else if (result.errors) {
      this.errors = result.errors;
    }
  }

  get isLoading() {
    return !this.data && !this.errors;
  }

  formatInstant(iso) {
    return new Intl.DateTimeFormat(LOCALE, {
      timeZone: USER_TIME_ZONE,
      month: 'short',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
    }).format(new Date(iso));
  }

  get instances() {
    const edges = this.data?.uiapi?.query?.Sync_Service_Status__c?.edges ?? [];
    return edges.map(({ node }) => {
      const heartbeat = v(node.Last_Heartbeat_At__c);
      const stale = isHeartbeatStale(heartbeat, this.now);
      const minutes = heartbeat ? Math.round((this.now - Date.parse(heartbeat)) / 60000) : null;
      const lag = v(node.Stream_Lag_Seconds__c);
      const lastError = v(node.Last_Error__c);
      return {
        key: node.Id,
        name: `${v(node.Instance__c)} (version ${v(node.Version__c) ?? 'unknown'})`,
        health: stale
          ? `Problem: no heartbeat for ${minutes ?? '?'} minutes. The service is not running or cannot reach the org.`
          : `Running: last heartbeat ${this.formatInstant(heartbeat)}.`,
        healthClass: stale
          ? 'slds-text-color_error instance-health'
          : 'slds-text-color_success instance-health',
        iconName: stale ? 'utility:error' : 'utility:success',
        iconText: stale ? 'Problem' : 'Healthy',
        lag: lag === null ? 'Stream lag: unknown' : `Stream lag: ${lag} s`,
        sent: `Emails sent today: ${v(node.Emails_Sent_Today__c) ?? 0}`,
        lastError: lastError
          ? `Last error (${this.formatInstant(v(node.Last_Error_At__c))}): ${lastError}`
          : '',
      };
    });
  }

  get checkedText() {
    return `Checked ${this.formatInstant(this.now)}; checked again every 30 seconds.`;
  }

  get noInstance() {
    return !!this.data && this.instances.length === 0;
  }

  get emailCounts() {
    const edges = this.data?.uiapi?.aggregate?.Enrollment_Step__c?.edges ?? [];
    return edges
      .map(({ node }) => ({
        key: v(node.aggregate.Status__c) ?? 'none',
        text: `${stepStatusLabel(v(node.aggregate.Status__c))}: ${v(node.aggregate.Id.count)}`,
      }))
      .sort((a, b) => a.key.localeCompare(b.key));
  }

  get problems() {
    const edges = this.data?.uiapi?.query?.Enrollment_Step__c?.edges ?? [];
    return edges.map(({ node }) => {
      const enrollment = node.Enrollment__r ?? {};
      const person = v(enrollment.Contact__r?.Name) ?? v(enrollment.Lead__r?.Name) ?? 'Unknown person';
      const status = v(node.Status__c);
      return {
        key: node.Id,
        id: node.Id,
        status,
        title: `${person} · ${v(enrollment.Campaign__r?.Name) ?? ''} · ${v(node.Subject__c) ?? '(no subject)'}`,
        statusText: stepStatusLabel(status),
        error: v(node.Error__c) ?? 'No reason recorded.',
        retryLabel: `Retry the email to ${person}`,
        dismissLabel: `Dismiss the email to ${person}`,
      };
    });
  }

  get hasProblems() {
    return this.problems.length > 0;
  }

  get noProblemsText() {
    return 'No failed or uncertain emails.';
  }

  async write(fields) {
    this.busy = true;
    this.saveError = undefined;
    try {
      await updateRecord({ fields });
      await refreshGraphQL(this.result);
    } catch (error) {
      this.saveError = error;
    } finally {
      this.busy = false;
    }
  }

  async handleRetry(event) {
    const { id, status } = event.currentTarget.dataset;
    if (status === 'Uncertain') {
      // At most once: an email whose outcome is unknown may already have been delivered.
      const confirmed = await LightningConfirm.open({
        message:
          'This email may already have been delivered: the service lost track of it mid-send. Retrying can send it twice. Retry anyway?',
        label: 'Retry an uncertain email',
        theme: 'warning',
      });
      if (!confirmed) {
        return;
      }
    }
    await this.write({ Id: id, Status__c: 'Send_Requested' });
  }

  handleDismiss(event) {
    return this.write({ Id: event.currentTarget.dataset.id, Status__c: 'Cancelled' });
  }

  handleRefresh() {
    return refreshGraphQL(this.result);
  }
}
