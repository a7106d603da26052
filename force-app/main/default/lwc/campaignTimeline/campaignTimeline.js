import { LightningElement, api, wire } from 'lwc';
import { updateRecord } from 'lightning/uiRecordApi';
import { graphql, gql, refreshGraphQL } from 'lightning/graphql';
import LightningConfirm from 'lightning/confirm';
import USER_TIME_ZONE from '@salesforce/i18n/timeZone';
import { stepTypeLabel } from 'c/sendOptions';
import { ENROLLMENT_STATUS_LABELS, stepStatusLabel } from 'c/stepStatus';
import { fieldValueOrNull as v } from 'c/graphqlFields';

const TIMELINE_QUERY = gql`
  query campaignTimeline($recordId: ID) {
    uiapi {
      query {
        Campaign_Enrollment__c(
          where: {
            or: [{ Contact__c: { eq: $recordId } }, { Lead__c: { eq: $recordId } }, { Id: { eq: $recordId } }]
          }
          orderBy: { Launched_At__c: { order: DESC } }
          first: 50
        ) {
          edges {
            node {
              Id
              Status__c {
                value
              }
              Time_Zone__c {
                value
              }
              Launched_At__c {
                value
              }
              Paused_At__c {
                value
              }
              Ended_Reason__c {
                value
              }
              Campaign__r {
                Name {
                  value
                }
              }
              Enrollment_Steps(first: 100) {
                edges {
                  node {
                    Id
                    Status__c {
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
                    Sent_At__c {
                      value
                    }
                    Completed_At__c {
                      value
                    }
                    Subject__c {
                      value
                    }
                    Error__c {
                      value
                    }
                    Step__r {
                      Day__c {
                        value
                      }
                      Order__c {
                        value
                      }
                      Type__c {
                        value
                      }
                      Subject__c {
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
    }
  }
`;

const LIVE = ['Scheduled', 'Active', 'Paused'];
const RUNNING = ['Scheduled', 'Active'];

/** Whether `timeZone` is a zone this browser knows (Time_Zone__c is free text the service writes). */
export function isValidTimeZone(timeZone) {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone }).format(0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Container for Contact, Lead and Campaign_Enrollment__c record pages: the person's campaigns
 * (GraphQL) step by step with status and time in the person's time zone (the enrollment's
 * Time_Zone__c; the rep's own zone, said so, when it is empty or not a valid zone), and pause /
 * resume / remove through updateRecord (DESIGN §3 "who writes what"). The three actions are always
 * shown, disabled with the reason when they do not apply.
 */
export default class CampaignTimeline extends LightningElement {
  @api recordId;

  enrollments = [];
  loaded = false;
  errors;
  saveError;
  busy = false;
  result;

  get variables() {
    return { recordId: this.recordId };
  }

  @wire(graphql, { query: TIMELINE_QUERY, variables: '$variables' })
  wiredTimeline(result) {
    this.result = result;
    if (result.data) {
      this.enrollments = (result.data.uiapi?.query?.Campaign_Enrollment__c?.edges ?? []).map((e) => e.node);
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

  get isEmpty() {
    return this.loaded && !this.errors && this.enrollments.length === 0;
  }

  /** When a step happens or happened: an instant (`at`), a due date, or words. */
  static whenOf(step) {
    const status = v(step.Status__c);
    switch (status) {
      case 'Sent':
        return { at: v(step.Sent_At__c) };
      case 'Completed':
        return { at: v(step.Completed_At__c) };
      case 'Expired':
        return { at: v(step.Expires_At__c) };
      case 'Scheduled':
      case 'Send_Requested':
      case 'Sending':
        return v(step.Scheduled_At__c)
          ? { at: v(step.Scheduled_At__c) }
          : { whenText: 'as soon as possible' };
      case 'Task_Open':
      case 'Pending':
        return { dueDate: v(step.Due_Date__c) };
      default:
        return {};
    }
  }

  /** The three actions of one enrollment, each enabled or disabled with the reason. */
  actionsOf(status, name) {
    const statusLabel = ENROLLMENT_STATUS_LABELS[status] ?? status;
    const ended = !LIVE.includes(status);
    const endedReason = `Not available: the campaign has ended for this person (${statusLabel}).`;
    const action = (enabled, title, reason) => {
      if (this.busy) {
        return { disabled: true, title: 'Not available while the change is being saved.' };
      }
      return { disabled: !enabled, title: enabled ? title : reason };
    };
    return {
      pause: action(
        RUNNING.includes(status),
        `Pause ${name}`,
        ended ? endedReason : 'Not available: already paused.',
      ),
      resume: action(
        status === 'Paused',
        `Resume ${name}`,
        ended ? endedReason : 'Not available: the campaign is not paused.',
      ),
      remove: action(LIVE.includes(status), `Remove from ${name}`, endedReason),
      actionsNote: ended
        ? `Pause, resume and remove are not available: the campaign has ended for this person (${statusLabel}).`
        : '',
    };
  }

  get timelines() {
    return this.enrollments.map((enrollment) => {
      const status = v(enrollment.Status__c);
      const personZone = v(enrollment.Time_Zone__c);
      const zoneIsValid = !!personZone && isValidTimeZone(personZone);
      const timeZone = zoneIsValid ? personZone : USER_TIME_ZONE;
      let timeZoneText = `Times in ${timeZone}`;
      if (!personZone) {
        timeZoneText = `Times in ${timeZone} (your time zone: this person's is not known yet)`;
      } else if (!zoneIsValid) {
        timeZoneText = `Times in ${timeZone} (your time zone: this person's time zone "${personZone}" is not valid)`;
      }
      const name = v(enrollment.Campaign__r?.Name) ?? 'Campaign';
      const steps = (enrollment.Enrollment_Steps?.edges ?? [])
        .map((e) => e.node)
        .sort(
          (a, b) =>
            v(a.Step__r?.Day__c) - v(b.Step__r?.Day__c) || v(a.Step__r?.Order__c) - v(b.Step__r?.Order__c),
        )
        .map((step) => {
          const type = stepTypeLabel(v(step.Step__r?.Type__c));
          const subject = v(step.Subject__c) || v(step.Step__r?.Subject__c);
          const error = v(step.Error__c);
          return {
            key: step.Id,
            label: `Day ${v(step.Step__r?.Day__c)} · ${type}${subject ? `: ${subject}` : ''}`,
            statusLabel: stepStatusLabel(v(step.Status__c)),
            ...CampaignTimeline.whenOf(step),
            error: error ? `Reason: ${error}` : '',
          };
        });
      const ended = v(enrollment.Ended_Reason__c);
      return {
        key: enrollment.Id,
        id: enrollment.Id,
        title: name,
        statusText: `Status: ${ENROLLMENT_STATUS_LABELS[status] ?? status}${ended ? ` (${ended})` : ''}`,
        timeZone,
        timeZoneText,
        steps,
        hasSteps: steps.length > 0,
        actionsLabel: `Actions for ${name}`,
        ...this.actionsOf(status, name),
      };
    });
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

  handlePause(event) {
    return this.write({
      Id: event.currentTarget.dataset.id,
      Status__c: 'Paused',
      Paused_At__c: new Date().toISOString(),
    });
  }

  handleResume(event) {
    return this.write({ Id: event.currentTarget.dataset.id, Status__c: 'Active' });
  }

  async handleRemove(event) {
    const id = event.currentTarget.dataset.id;
    const confirmed = await LightningConfirm.open({
      message: 'Remove this person from the campaign? Every pending step is cancelled.',
      label: 'Remove from campaign',
      theme: 'warning',
    });
    if (confirmed) {
      await this.write({ Id: id, Status__c: 'Removed' });
    }
  }
}
