import { LightningElement, api, wire } from 'lwc';
import { getRecord, createRecord, updateRecord, deleteRecord } from 'lightning/uiRecordApi';
import { graphql, gql, refreshGraphQL } from 'lightning/graphql';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import LightningConfirm from 'lightning/confirm';
import STEP_OBJECT from '@salesforce/schema/Campaign_Step__c';
import STEP_CAMPAIGN from '@salesforce/schema/Campaign_Step__c.Campaign__c';
import NAME from '@salesforce/schema/Sales_Campaign__c.Name';
import STATUS from '@salesforce/schema/Sales_Campaign__c.Status__c';
import SKIP_WEEKENDS from '@salesforce/schema/Sales_Campaign__c.Skip_Weekends__c';
import SKIP_HOLIDAYS from '@salesforce/schema/Sales_Campaign__c.Skip_Holidays__c';
import TIME_ZONE_MODE from '@salesforce/schema/Sales_Campaign__c.Time_Zone_Mode__c';
import DEFAULT_SEND_TIME from '@salesforce/schema/Sales_Campaign__c.Default_Send_Time__c';
import TASK_EXPIRY_DAYS from '@salesforce/schema/Sales_Campaign__c.Task_Expiry_Days__c';
import ON_TASK_EXPIRY from '@salesforce/schema/Sales_Campaign__c.On_Task_Expiry__c';
import END_ON_REPLY from '@salesforce/schema/Sales_Campaign__c.End_On_Reply__c';
import { STEP_TYPE, sendOptionLabel, stepTypeLabel, validateSteps, warningsFor } from 'c/sendOptions';
import {
  blankStep,
  moveStep,
  settingsFromRecord,
  stepFields,
  stepsFromGraphQL,
  toEngineCampaign,
} from 'c/campaignModel';
import { validateCampaign } from 'c/planningEngine';
import USER_TIME_ZONE from '@salesforce/i18n/timeZone';

export const CAMPAIGN_FIELDS = [
  NAME,
  STATUS,
  SKIP_WEEKENDS,
  SKIP_HOLIDAYS,
  TIME_ZONE_MODE,
  DEFAULT_SEND_TIME,
  TASK_EXPIRY_DAYS,
  ON_TASK_EXPIRY,
  END_ON_REPLY,
];

const STEPS_QUERY = gql`
  query campaignSteps($campaignId: ID) {
    uiapi {
      query {
        Campaign_Step__c(
          where: { Campaign__c: { eq: $campaignId } }
          orderBy: { Day__c: { order: ASC }, Order__c: { order: ASC } }
          first: 200
        ) {
          edges {
            node {
              Id
              Day__c {
                value
              }
              Order__c {
                value
              }
              Type__c {
                value
              }
              Send_Option__c {
                value
              }
              Send_Time__c {
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
          }
        }
      }
    }
  }
`;

function stripHtml(html) {
  return String(html ?? '')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Container for the Sales_Campaign__c record page: reads the campaign (getRecord) and its steps
 * (GraphQL), writes steps through createRecord / updateRecord / deleteRecord, and hosts the step
 * editor, the campaign settings and the schedule preview.
 */
export default class CampaignBuilder extends LightningElement {
  @api recordId;

  campaignRecord;
  campaignError;
  stepsResult;
  steps = [];
  stepsLoaded = false;
  stepsErrors;
  editingStep;
  saving = false;
  saveError;

  @wire(getRecord, { recordId: '$recordId', fields: CAMPAIGN_FIELDS })
  wiredCampaign({ data, error }) {
    this.campaignRecord = data;
    this.campaignError = error;
  }

  get stepsVariables() {
    return { campaignId: this.recordId };
  }

  @wire(graphql, { query: STEPS_QUERY, variables: '$stepsVariables' })
  wiredSteps(result) {
    this.stepsResult = result;
    if (result.data) {
      this.steps = stepsFromGraphQL(result.data);
      this.stepsLoaded = true;
      this.stepsErrors = undefined;
    } else if (result.errors) {
      this.stepsErrors = result.errors;
      this.stepsLoaded = true;
    }
  }

  get settings() {
    return this.campaignRecord ? settingsFromRecord(this.campaignRecord) : null;
  }

  get isLoading() {
    return !this.stepsLoaded;
  }

  get hasSteps() {
    return this.steps.length > 0;
  }

  get isEmpty() {
    return this.stepsLoaded && !this.stepsErrors && this.steps.length === 0;
  }

  get isEditing() {
    return !!this.editingStep;
  }

  get statusText() {
    const status = this.settings?.status;
    return status ? `Status: ${status}` : '';
  }

  get isLive() {
    return this.settings?.status === 'Active' || this.settings?.status === 'Paused';
  }

  get canActivate() {
    const status = this.settings?.status;
    return status === 'Draft' || status === 'Paused';
  }

  /** Why the campaign cannot be activated yet: the builder's own checks, then the engine's. */
  get activationProblems() {
    if (!this.steps.length) {
      return ['Add at least one step.'];
    }
    if (this.problemCount) {
      return [this.problemSummary];
    }
    const byId = new Map(this.steps.map((s) => [s.id, `${s.day}.${s.order}`]));
    const campaign = toEngineCampaign(this.settings, this.steps, { timeZone: USER_TIME_ZONE });
    return validateCampaign(campaign).map((p) =>
      [...byId.keys()].reduce((message, id) => message.split(id).join(byId.get(id)), p.message),
    );
  }

  get activationProblemItems() {
    return this.activationProblems.map((text, i) => ({ key: `${i}`, text }));
  }

  get activateDisabled() {
    return this.activationProblems.length > 0 || this.isEditing;
  }

  get activateLabel() {
    return this.settings?.status === 'Paused' ? 'Resume campaign' : 'Activate campaign';
  }

  async handleActivate() {
    this.saveError = undefined;
    try {
      await updateRecord({ fields: { Id: this.recordId, Status__c: 'Active' } });
      this.toast('Campaign active: people can be added', 'success');
    } catch (error) {
      this.saveError = error;
    }
  }

  get problemCount() {
    return Object.keys(validateSteps(this.steps)).length;
  }

  get problemSummary() {
    const count = this.problemCount;
    return count === 1 ? '1 step needs attention.' : `${count} steps need attention.`;
  }

  /** Steps grouped by day for display, each with its summary, warnings and problems. */
  get days() {
    const problems = validateSteps(this.steps);
    const lastIndex = this.steps.length - 1;
    const groups = new Map();
    this.steps.forEach((step, index) => {
      const day = Number(step.day);
      if (!groups.has(day)) {
        groups.set(day, { key: `day-${day}`, label: `Day ${day}`, steps: [] });
      }
      const typeLabel = stepTypeLabel(step.type);
      const isEmail = step.type === STEP_TYPE.EMAIL;
      const title = isEmail
        ? `${typeLabel}: ${step.subject || stepTypeLabel(step.type)}`
        : `${typeLabel}${step.instructions ? `: ${stripHtml(step.instructions)}` : ''}`;
      const timing = isEmail
        ? `${sendOptionLabel(step.sendOption) || 'Send option not chosen'}${
            step.sendTime ? ` (${step.sendTime})` : ''
          }`
        : 'Task for the rep, due on this day';
      groups.get(day).steps.push({
        ...step,
        key: step.id,
        position: `${day}.${step.order}`,
        title,
        timing,
        warnings: warningsFor(this.steps, step).map((text, i) => ({ key: `${i}`, text })),
        problems: (problems[step.id] ?? []).map((p, i) => ({ key: `${i}`, text: p.message })),
        cannotMoveUp: index === 0 && day <= 1,
        cannotMoveDown: index === lastIndex,
        editLabel: `Edit step ${day}.${step.order}`,
        upLabel: `Move step ${day}.${step.order} up`,
        downLabel: `Move step ${day}.${step.order} down`,
        deleteLabel: `Delete step ${day}.${step.order}`,
      });
    });
    return [...groups.values()];
  }

  handleAddStep() {
    this.saveError = undefined;
    this.editingStep = blankStep(this.steps);
  }

  handleEditStep(event) {
    const step = this.steps.find((s) => s.id === event.currentTarget.dataset.id);
    this.saveError = undefined;
    this.editingStep = step ? { ...step } : undefined;
  }

  handleCancelEdit() {
    this.editingStep = undefined;
    this.saveError = undefined;
  }

  async handleSaveStep(event) {
    const { step } = event.detail;
    this.saving = true;
    this.saveError = undefined;
    try {
      if (step.id) {
        await updateRecord({ fields: { Id: step.id, ...stepFields(step) } });
      } else {
        await createRecord({
          apiName: STEP_OBJECT.objectApiName,
          fields: { [STEP_CAMPAIGN.fieldApiName]: this.recordId, ...stepFields(step) },
        });
      }
      this.editingStep = undefined;
      this.toast('Step saved', 'success');
      await this.refreshSteps();
    } catch (error) {
      this.saveError = error;
    } finally {
      this.saving = false;
    }
  }

  async handleMove(event) {
    const { id, direction } = event.currentTarget.dataset;
    const changes = moveStep(this.steps, id, Number(direction));
    if (!changes.length) {
      return;
    }
    this.saveError = undefined;
    try {
      await Promise.all(
        changes.map((change) =>
          updateRecord({ fields: { Id: change.id, Day__c: change.day, Order__c: change.order } }),
        ),
      );
      await this.refreshSteps();
    } catch (error) {
      this.saveError = error;
    }
  }

  async handleDeleteStep(event) {
    const { id } = event.currentTarget.dataset;
    const step = this.steps.find((s) => s.id === id);
    const confirmed = await LightningConfirm.open({
      message: `Delete step ${step.day}.${step.order} (${stepTypeLabel(step.type)})? People already in this campaign will not get it.`,
      label: 'Delete step',
      variant: 'header',
      theme: 'warning',
    });
    if (!confirmed) {
      return;
    }
    this.saveError = undefined;
    try {
      await deleteRecord(id);
      this.toast('Step deleted', 'success');
      await this.refreshSteps();
    } catch (error) {
      this.saveError = error;
    }
  }

  refreshSteps() {
    return this.stepsResult ? refreshGraphQL(this.stepsResult) : Promise.resolve();
  }

  toast(title, variant) {
    this.dispatchEvent(new ShowToastEvent({ title, variant }));
  }
}
