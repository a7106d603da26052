// The demo's sales rep, doing over REST exactly what the screens do (DESIGN §3 "who writes
// what"): adds people to campaigns (new Campaign_Enrollment__c records), then works the task
// queue as simulated days go by — completing calls from Command Center, InMails in Salesforce's
// own task UI, sending the personal email with an edited subject and body — one task late, one
// left to expire, so every gate and rule of DESIGN §2.3 shows.
import type { Connection } from 'jsforce';
import { localDayOf, parseIsoDate, zonedInstant } from '../domain/index.ts';
import type { Rec } from './timeline.ts';

export type TaskHandling = 'on_time' | 'late' | 'leave';

export interface Enrolment {
  /** FirstName of a sample Contact or Lead. */
  person: string;
  campaign: string;
  /** For a Choose_At_Launch first email: `now`, or days after today at a local time. */
  sendAt?: 'now' | { daysLater: number; time: string };
  /** Task handling by step Day; anything not listed is done on time. */
  tasks?: Record<number, TaskHandling>;
  /** Manual_Task emails: the subject and body the rep writes before sending. */
  personalEmail?: { subject: string; body: string };
}

export interface RepDeps {
  connection: Connection;
  ownerId: string;
  /** The rep's zone: "on time" is 11:00 on the due day there, "late" 11:00 the day after. */
  timeZone: string;
  now: () => number;
}

const WORK_MINUTE = 11 * 60;
const SEND_MINUTE = 10 * 60;

export class ScriptedRep {
  private readonly handled = new Set<string>();
  readonly counts = { enrolled: 0, completedOnTime: 0, completedLate: 0, emailsSent: 0 };
  private people = new Map<string, Rec>();
  private campaigns = new Map<string, Rec>();
  private steps = new Map<string, Rec>();
  private enrolmentByEnrollmentId = new Map<string, Enrolment>();
  private nextAction: number | null = null;
  /** Enrollment step id → when the rep closed its Task in Salesforce's task UI. */
  private closedInTaskUi = new Map<string, number>();

  constructor(
    private readonly deps: RepDeps,
    private readonly script: readonly Enrolment[],
  ) {}

  private async query(soql: string): Promise<Rec[]> {
    const result = await this.deps.connection.query<Rec>(soql, { autoFetch: true });
    return result.records;
  }

  /** Adds every scripted person to their campaign, as the "Add people" screen does. */
  async addPeople(): Promise<Map<string, string>> {
    const names = [...new Set(this.script.map((s) => s.person))]
      .map((n) => `'${n.replace(/'/g, "\\'")}'`)
      .join(',');
    for (const object of ['Contact', 'Lead']) {
      for (const r of await this.query(
        `SELECT Id, FirstName, Name FROM ${object} WHERE FirstName IN (${names})`,
      ))
        this.people.set(String(r.FirstName), r);
    }
    for (const c of await this.query('SELECT Id, Name FROM Sales_Campaign__c'))
      this.campaigns.set(String(c.Name), c);
    const stepRows = await this.query(
      'SELECT Id, Campaign__c, Day__c, Type__c, Send_Option__c, Subject__c FROM Campaign_Step__c',
    );
    for (const s of stepRows) this.steps.set(String(s.Id), s);

    const launchedAt = new Date(this.deps.now()).toISOString();
    const records = this.script.map((entry) => {
      const person = this.people.get(entry.person);
      const campaign = this.campaigns.get(entry.campaign);
      if (!person)
        throw new Error(`demo script: no Contact or Lead named ${entry.person} in the sample data`);
      if (!campaign) throw new Error(`demo script: no campaign named "${entry.campaign}" in the sample data`);
      const isLead = String(person.Id).startsWith('00Q');
      return {
        Campaign__c: campaign.Id,
        [isLead ? 'Lead__c' : 'Contact__c']: person.Id,
        Status__c: 'Scheduled',
        OwnerId: this.deps.ownerId,
        Launched_At__c: launchedAt,
        Send_At__c: this.sendAtOf(entry),
        Unique_Key__c: `${String(campaign.Id)}:${String(person.Id)}`,
      };
    });
    const results = await this.deps.connection
      .sobject('Campaign_Enrollment__c')
      .create(records, { allOrNone: false });
    const names2 = new Map<string, string>();
    results.forEach((result, i) => {
      const entry = this.script[i]!;
      if (!result.success)
        throw new Error(`demo script: adding ${entry.person} failed: ${JSON.stringify(result.errors)}`);
      this.enrolmentByEnrollmentId.set(result.id, entry);
      this.counts.enrolled += 1;
    });
    for (const [first, r] of this.people) names2.set(String(r.Id), String(r.Name ?? first));
    return names2;
  }

  private sendAtOf(entry: Enrolment): string | null {
    if (!entry.sendAt) return null;
    // "Start now" is written as the launch moment: the planner asks for an explicit Send At.
    if (entry.sendAt === 'now') return new Date(this.deps.now()).toISOString();
    const today = localDayOf(this.deps.timeZone, this.deps.now());
    const [h, m] = entry.sendAt.time.split(':').map(Number);
    return new Date(
      zonedInstant(this.deps.timeZone, today + entry.sendAt.daysLater, h! * 60 + m!),
    ).toISOString();
  }

  /** One look at the task queue: acts on every open task whose moment has come; returns how many. */
  async workTasks(): Promise<number> {
    let acted = 0;
    const open = await this.query(
      "SELECT Id, Enrollment__c, Step__c, Step_Key__c, Status__c, Due_Date__c, Task_Id__c FROM Enrollment_Step__c WHERE Status__c = 'Task_Open'",
    );
    const now = this.deps.now();
    this.nextAction = null;
    for (const record of open) {
      const key = String(record.Id);
      if (this.handled.has(key)) continue;
      const entry = this.enrolmentByEnrollmentId.get(String(record.Enrollment__c));
      const step = this.steps.get(String(record.Step__c));
      const due = typeof record.Due_Date__c === 'string' ? parseIsoDate(record.Due_Date__c) : null;
      if (!entry || !step || due === null) continue;
      const handling = entry.tasks?.[Number(step.Day__c)] ?? 'on_time';
      if (handling === 'leave') continue;
      const isEmail = step.Type__c === 'Email';
      const actAt = zonedInstant(
        this.deps.timeZone,
        due + (handling === 'late' ? 1 : 0),
        isEmail ? SEND_MINUTE : WORK_MINUTE,
      );
      if (now < actAt) {
        if (this.nextAction === null || actAt < this.nextAction) this.nextAction = actAt;
        continue;
      }
      this.handled.add(key);
      if (isEmail) await this.sendPersonalEmail(record, entry, step);
      else if (step.Type__c === 'InMail' && record.Task_Id__c) {
        // Done in Salesforce's own task UI: the service notices by polling Task.
        await this.deps.connection
          .sobject('Task')
          .update({ Id: String(record.Task_Id__c), Status: 'Completed' });
        this.closedInTaskUi.set(key, now);
      } else {
        await this.deps.connection.sobject('Enrollment_Step__c').update({
          Id: key,
          Status__c: 'Completed',
          Completed_At__c: new Date(now).toISOString(),
          Notes__c: handling === 'late' ? 'Reached them a day late.' : 'Good conversation.',
        });
      }
      if (handling === 'late') this.counts.completedLate += 1;
      else this.counts.completedOnTime += 1;
      acted += 1;
    }
    return acted;
  }

  /** When the rep closed the Tasks whose steps the service has not completed yet (it notices
   * by polling Task; the step will show Completed at the moment the rep closed it). */
  closedButNotYetOnStep(steps: readonly Rec[]): number[] {
    const open = new Set(steps.filter((s) => s.Status__c === 'Task_Open').map((s) => String(s.Id)));
    for (const id of this.closedInTaskUi.keys()) if (!open.has(id)) this.closedInTaskUi.delete(id);
    return [...this.closedInTaskUi.values()];
  }

  /** When the rep will next act on a task seen open at the last look, if any. */
  nextActionAt(): number | null {
    return this.nextAction;
  }

  private async sendPersonalEmail(record: Rec, entry: Enrolment, step: Rec): Promise<void> {
    const content = entry.personalEmail ?? {
      subject: String(step.Subject__c ?? 'A quick note'),
      body: '<p>Hi {{{Recipient.FirstName}}},</p><p>A personal note.</p>',
    };
    await this.deps.connection.sobject('Enrollment_Step__c').update({
      Id: String(record.Id),
      Status__c: 'Send_Requested',
      Subject__c: content.subject,
      Body__c: content.body,
      Scheduled_At__c: null,
    });
    this.counts.emailsSent += 1;
  }
}
