// Reads everything a batch of enrollments needs for planning with one query per kind of record
// (enrollments, campaigns, steps, enrollment steps, users, people), never one per enrollment.
// Reads that do not depend on each other start together: the org adapter sends the queries
// started in the same turn in one Composite call, so a batch costs at most three rounds of reads
// (the enrollments unless handed in; what they name; what their campaigns ask for), not one call
// per kind of record.
import { isValidTimeZone, type IsoDate, type PlanInput } from '../../domain/index.ts';
import type {
  CampaignOrg,
  CampaignRecord,
  CampaignStepRecord,
  EnrollmentRecord,
  EnrollmentStepRecord,
} from '../ports/campaignOrg.ts';
import type { EnrollmentState, SyncStore } from '../ports/syncStore.ts';
import { groupBy } from '../groupBy.ts';
import type { OrgDefaults, OrgReferenceData } from './orgReferenceData.ts';

export const LIVE_STATUSES: ReadonlySet<string> = new Set(['Scheduled', 'Active', 'Paused']);

export interface EnrollmentBatch {
  live: EnrollmentRecord[];
  ended: EnrollmentRecord[];
  campaigns: Map<string, CampaignRecord>;
  stepsByCampaign: Map<string, CampaignStepRecord[]>;
  stepsByEnrollment: Map<string, EnrollmentStepRecord[]>;
  timeZones: Map<string, string | null>;
  holidays: ReadonlySet<IsoDate> | undefined;
  defaults: OrgDefaults;
  remembered: Map<string, { state: EnrollmentState; input: PlanInput | null }>;
  /** Enrollments in the org holding the unique keys of the live ones that have none yet. */
  keyHolders: Array<Pick<EnrollmentRecord, 'Id' | 'Unique_Key__c' | 'Status__c'>>;
}

/** The Unique_Key__c an enrollment holds while live: campaign and person. */
export const uniqueKeyOf = (e: EnrollmentRecord) => `${e.Campaign__c}:${e.Contact__c ?? e.Lead__c ?? ''}`;

export async function loadEnrollmentBatch(
  ids: string[],
  deps: { org: CampaignOrg; store: SyncStore; reference: OrgReferenceData },
  preloaded?: EnrollmentRecord[],
): Promise<EnrollmentBatch> {
  const { org, store, reference } = deps;
  const enrollments = preloaded ?? (await org.enrollments(ids));
  const live = enrollments.filter((e) => LIVE_STATUSES.has(e.Status__c));
  const ended = enrollments.filter((e) => !LIVE_STATUSES.has(e.Status__c));
  const campaignIds = [...new Set(live.map((e) => e.Campaign__c))];
  // The service writes an enrollment's steps only after setting it Active, so one still
  // Scheduled has none yet: a launch of many people costs no step query.
  const withSteps = enrollments.filter((e) => e.Status__c !== 'Scheduled').map((e) => e.Id);
  // Time zones: the enrollment's own once planned; else the owner's, or the recipient's field
  // for campaigns in Recipient mode (falling back to the owner's).
  const needZone = live.filter((e) => !e.Time_Zone__c || !isValidTimeZone(e.Time_Zone__c));
  const keyless = [...new Set(live.filter((e) => !e.Unique_Key__c).map(uniqueKeyOf))];
  const [campaignRecords, steps, enrollmentSteps, defaults, ownerZones, keyHolders, states] =
    await Promise.all([
      campaignIds.length ? org.campaigns(campaignIds) : Promise.resolve([]),
      campaignIds.length ? org.stepsOfCampaigns(campaignIds) : Promise.resolve([]),
      withSteps.length ? org.enrollmentSteps(withSteps) : Promise.resolve([]),
      reference.orgDefaults(),
      reference.userTimeZones(needZone.map((e) => e.OwnerId)),
      keyless.length ? org.enrollmentsWithUniqueKeys(keyless) : Promise.resolve([]),
      store.enrollmentsByIds(live.map((e) => e.Id)),
    ]);
  const campaigns = new Map(campaignRecords.map((c) => [c.Id, c]));

  // What the campaigns ask for: their holidays, their recipients' time zones.
  const recipientMode = defaults.recipientTimeZoneField
    ? needZone.filter((e) => campaigns.get(e.Campaign__c)?.Time_Zone_Mode__c === 'Recipient')
    : [];
  const [holidays, people] = await Promise.all([
    campaignRecords.some((c) => c.Skip_Holidays__c) ? reference.holidayDates() : Promise.resolve(undefined),
    recipientMode.length
      ? org.people(
          recipientMode.map((e) => (e.Contact__c ?? e.Lead__c)!).filter(Boolean),
          defaults.recipientTimeZoneField,
        )
      : Promise.resolve([]),
  ]);
  const personZones = new Map(people.map((person) => [person.Id, person.timeZone]));
  const timeZones = new Map<string, string | null>();
  for (const e of live) {
    if (e.Time_Zone__c && isValidTimeZone(e.Time_Zone__c)) {
      timeZones.set(e.Id, e.Time_Zone__c);
      continue;
    }
    const personZone = personZones.get(e.Contact__c ?? e.Lead__c ?? '');
    const chosen = [personZone, ownerZones.get(e.OwnerId)].find((z) => z && isValidTimeZone(z)) ?? null;
    timeZones.set(e.Id, chosen);
  }

  const remembered = new Map<string, { state: EnrollmentState; input: PlanInput | null }>();
  for (const state of states) {
    remembered.set(state.enrollmentId, {
      state,
      input: state.planInputJson ? (JSON.parse(state.planInputJson) as PlanInput) : null,
    });
  }

  return {
    live,
    ended,
    campaigns,
    stepsByCampaign: groupBy(steps, (s) => s.Campaign__c),
    stepsByEnrollment: groupBy(enrollmentSteps, (s) => s.Enrollment__c),
    timeZones,
    holidays,
    defaults,
    remembered,
    keyHolders,
  };
}
