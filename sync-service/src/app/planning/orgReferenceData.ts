// Org data that changes rarely and has no change events: Campaign_Setting__mdt (custom metadata
// has no CDC), Holiday records and users' time zones. Read once, kept in memory and in the store's
// settings cache, and re-read when older than the refresh interval.
import type { Logger } from 'pino';
import {
  expandHolidays,
  formatIsoDate,
  DEFAULT_SEND_TIME,
  DEFAULT_TASK_EXPIRY_DAYS,
  type IsoDate,
} from '../../domain/index.ts';
import type { CampaignOrg, HolidayRecord, OrgSettingsRecord } from '../ports/campaignOrg.ts';
import type { Clock } from '../ports/clock.ts';
import type { SyncStore } from '../ports/syncStore.ts';

const DAY_MS = 86_400_000;
/** Holidays are expanded from a year back (launches in the past) to three years ahead. */
const HOLIDAY_WINDOW = { backDays: 366, aheadDays: 3 * 366 };

export interface OrgDefaults {
  defaultSendTime: string;
  taskExpiryDays: number;
  recipientTimeZoneField: string | null;
  raw: OrgSettingsRecord | null;
}

interface Cached<T> {
  value: T;
  fetchedAt: number;
}

export class OrgReferenceData {
  private settings: Cached<OrgDefaults> | null = null;
  private holidays: Cached<ReadonlySet<IsoDate>> | null = null;
  private readonly userZones = new Map<string, Cached<string | null>>();
  private readonly log: Logger;

  constructor(
    private readonly deps: {
      org: CampaignOrg;
      store: SyncStore;
      clock: Clock;
      logger: Logger;
      refreshMs: number;
    },
  ) {
    this.log = deps.logger.child({ component: 'org-reference-data' });
  }

  private stale(cached: { fetchedAt: number } | null | undefined): boolean {
    return !cached || this.deps.clock.now() - cached.fetchedAt >= this.deps.refreshMs;
  }

  /** Forgets everything, so the next reads go to the org (after a sweep, or on demand). */
  invalidate(): void {
    this.settings = null;
    this.holidays = null;
    this.userZones.clear();
  }

  async orgDefaults(): Promise<OrgDefaults> {
    if (!this.stale(this.settings)) return this.settings!.value;
    const now = this.deps.clock.now();
    let raw: OrgSettingsRecord | null;
    try {
      raw = await this.deps.org.orgSettings();
      await this.deps.store.cacheSetting('Campaign_Setting__mdt.Default', raw, now);
    } catch (error) {
      // Keep planning with what we knew: the org's settings change rarely.
      const cached = await this.deps.store.cachedSetting<OrgSettingsRecord | null>(
        'Campaign_Setting__mdt.Default',
      );
      if (!cached && !this.settings) throw error;
      this.log.warn(
        { error: (error as Error).message },
        'could not re-read Campaign_Setting__mdt; using the cached copy',
      );
      raw = this.settings?.value.raw ?? cached!.value;
    }
    if (!raw)
      this.log.warn('Campaign_Setting__mdt.Default is missing: using built-in defaults (09:00, 2 days)');
    const value: OrgDefaults = {
      defaultSendTime: raw?.Default_Send_Time__c?.trim() || DEFAULT_SEND_TIME,
      taskExpiryDays: raw?.Task_Expiry_Days__c ?? DEFAULT_TASK_EXPIRY_DAYS,
      recipientTimeZoneField: raw?.Recipient_Time_Zone_Field__c?.trim() || null,
      raw,
    };
    this.settings = { value, fetchedAt: now };
    return value;
  }

  /** The org's holiday dates, recurring ones expanded. The same Set object is returned until the
   * next refresh, so the planner's per-collection calendar cache stays warm. */
  async holidayDates(): Promise<ReadonlySet<IsoDate>> {
    if (!this.stale(this.holidays)) return this.holidays!.value;
    const now = this.deps.clock.now();
    const records: HolidayRecord[] = await this.deps.org.holidays();
    const dates = expandHolidays(records as never, {
      from: formatIsoDate(Math.floor(now / DAY_MS) - HOLIDAY_WINDOW.backDays),
      to: formatIsoDate(Math.floor(now / DAY_MS) + HOLIDAY_WINDOW.aheadDays),
    });
    this.holidays = { value: new Set(dates), fetchedAt: now };
    this.log.info({ holidays: records.length, dates: dates.length }, 'holidays read');
    return this.holidays.value;
  }

  /** TimeZoneSidKey of each user, read in one query for the ones not cached or stale. */
  async userTimeZones(userIds: string[]): Promise<Map<string, string | null>> {
    const missing = [...new Set(userIds)].filter((id) => this.stale(this.userZones.get(id)));
    if (missing.length > 0) {
      const now = this.deps.clock.now();
      const users = await this.deps.org.users(missing);
      for (const id of missing) this.userZones.set(id, { value: null, fetchedAt: now });
      for (const user of users)
        this.userZones.set(user.Id, { value: user.TimeZoneSidKey || null, fetchedAt: now });
    }
    return new Map(userIds.map((id) => [id, this.userZones.get(id)?.value ?? null]));
  }
}
