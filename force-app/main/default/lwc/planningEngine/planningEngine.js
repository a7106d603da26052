/*
 * GENERATED FILE - DO NOT EDIT.
 * Built by scripts/build-lwc-engine.mjs from sync-service/src/domain (index.ts and
 * compose/mergeFields.ts): the planning engine the sync service runs, as an LWC service module.
 * Rebuild with `node scripts/build-lwc-engine.mjs`; a jest test fails when this file is stale.
 */
var __defProp = Object.defineProperty;
var __defNormalProp = (obj, key, value) => key in obj ? __defProp(obj, key, { enumerable: true, configurable: true, writable: true, value }) : obj[key] = value;
var __publicField = (obj, key, value) => __defNormalProp(obj, typeof key !== "symbol" ? key + "" : key, value);

// sync-service/src/domain/calendarDate.ts
var MS_PER_MINUTE = 6e4;
var MS_PER_DAY = 864e5;
function dayNumberFromCivil(year, month, day) {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const monthFromMarch = month > 2 ? month - 3 : month + 9;
  const dayOfYear = Math.floor((153 * monthFromMarch + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}
function civilFromDayNumber(dayNumber) {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}
function weekdayOf(dayNumber) {
  return ((dayNumber + 4) % 7 + 7) % 7;
}
function isWeekend(dayNumber) {
  const weekday = weekdayOf(dayNumber);
  return weekday === 0 || weekday === 6;
}
function daysInMonth(year, month) {
  return dayNumberFromCivil(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) - dayNumberFromCivil(year, month, 1);
}
var ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
function parseIsoDate(text) {
  const match = ISO_DATE.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return dayNumberFromCivil(year, month, day);
}
var formatted = /* @__PURE__ */ new Map();
function formatIsoDate(dayNumber) {
  const known = formatted.get(dayNumber);
  if (known !== void 0) return known;
  const { year, month, day } = civilFromDayNumber(dayNumber);
  const text = `${year}-${month < 10 ? "0" : ""}${month}-${day < 10 ? "0" : ""}${day}`;
  if (formatted.size >= 1e5) formatted.clear();
  formatted.set(dayNumber, text);
  return text;
}

// sync-service/src/domain/timeOfDay.ts
var TIME_OF_DAY = /^([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.\d{1,3})?)?Z?$/;
function parseTimeOfDay(text) {
  const match = TIME_OF_DAY.exec(text);
  if (!match) return null;
  return Number(match[1]) * 60 + Number(match[2]);
}
function formatTimeOfDay(minutes) {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return `${hours < 10 ? "0" : ""}${hours}:${rest < 10 ? "0" : ""}${rest}`;
}

// sync-service/src/domain/zonedTime.ts
var MS_PER_SECOND = 1e3;
var ZoneRules = class {
  constructor(name) {
    __publicField(this, "name", name);
    /** Instants at which the offset changes, ascending, and the offset from each one on. */
    __publicField(this, "transitionAt", []);
    __publicField(this, "offsetAfter", []);
    __publicField(this, "offsetBeforeFirst", 0);
    __publicField(this, "coveredFromYear", 0);
    __publicField(this, "coveredToYear", -1);
    __publicField(this, "coveredFrom", 0);
    __publicField(this, "coveredTo", 0);
    __publicField(this, "format");
    this.format = new Intl.DateTimeFormat("en-US", {
      timeZone: name,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric"
    });
  }
  /** The local calendar date of an instant. */
  dayOf(instant) {
    return Math.floor((instant + this.offsetAt(instant)) / MS_PER_DAY);
  }
  /** The local time of day of an instant, in whole minutes (seconds dropped). */
  minuteOf(instant) {
    const wall = instant + this.offsetAt(instant);
    return Math.floor((wall - Math.floor(wall / MS_PER_DAY) * MS_PER_DAY) / MS_PER_MINUTE);
  }
  /** See zonedInstant. */
  instantOf(day, minute) {
    const wall = day * MS_PER_DAY + minute * MS_PER_MINUTE;
    const offsetBefore = this.offsetAt(wall - MS_PER_DAY);
    const offsetAfter = this.offsetAt(wall + MS_PER_DAY);
    if (offsetBefore === offsetAfter) return wall - offsetBefore;
    const earlier = wall - Math.max(offsetBefore, offsetAfter);
    const later = wall - Math.min(offsetBefore, offsetAfter);
    if (this.offsetAt(earlier) + earlier === wall) return earlier;
    if (this.offsetAt(later) + later === wall) return later;
    return wall - offsetBefore;
  }
  /** UTC offset (ms) in force at an instant: local wall time = instant + offset. */
  offsetAt(instant) {
    if (instant < this.coveredFrom || instant >= this.coveredTo) this.cover(instant);
    const at = this.transitionAt;
    let low = 0;
    let high = at.length;
    while (low < high) {
      const mid = low + high >>> 1;
      if (at[mid] <= instant) low = mid + 1;
      else high = mid;
    }
    return low === 0 ? this.offsetBeforeFirst : this.offsetAfter[low - 1];
  }
  cover(instant) {
    const year = new Date(instant).getUTCFullYear();
    if (this.coveredToYear < this.coveredFromYear) {
      this.coveredFromYear = year;
      this.coveredToYear = year - 1;
    }
    const from = Math.min(year, this.coveredFromYear);
    const to = Math.max(year, this.coveredToYear);
    const transitions = [];
    for (let y = from; y <= to; y++) {
      if (y >= this.coveredFromYear && y <= this.coveredToYear) continue;
      transitions.push(...this.transitionsOfYear(y));
    }
    for (let i = 0; i < this.transitionAt.length; i++)
      transitions.push([this.transitionAt[i], this.offsetAfter[i]]);
    transitions.sort((a, b) => a[0] - b[0]);
    this.transitionAt = transitions.map(([at]) => at);
    this.offsetAfter = transitions.map(([, offset]) => offset);
    this.coveredFromYear = from;
    this.coveredToYear = to;
    this.coveredFrom = Date.UTC(from, 0, 1);
    this.coveredTo = Date.UTC(to + 1, 0, 1);
    this.offsetBeforeFirst = this.intlOffset(this.coveredFrom);
  }
  transitionsOfYear(year) {
    const found = [];
    const end = Date.UTC(year + 1, 0, 1);
    let previousAt = Date.UTC(year, 0, 1);
    let previousOffset = this.intlOffset(previousAt);
    for (let at = previousAt + MS_PER_DAY; at <= end; at += MS_PER_DAY) {
      const offset = this.intlOffset(at);
      if (offset !== previousOffset) {
        let low = previousAt;
        let high = at;
        while (high - low > MS_PER_SECOND) {
          const mid = low + Math.floor((high - low) / 2 / MS_PER_SECOND) * MS_PER_SECOND;
          if (this.intlOffset(mid) === previousOffset) low = mid;
          else high = mid;
        }
        if (high < end) found.push([high, offset]);
        previousOffset = offset;
      }
      previousAt = at;
    }
    return found;
  }
  intlOffset(instant) {
    const seconds = Math.floor(instant / MS_PER_SECOND) * MS_PER_SECOND;
    const parts = this.format.formatToParts(new Date(seconds));
    let year = 0;
    let month = 1;
    let day = 1;
    let hour = 0;
    let minute = 0;
    let second = 0;
    for (const part of parts) {
      switch (part.type) {
        case "year":
          year = Number(part.value);
          break;
        case "month":
          month = Number(part.value);
          break;
        case "day":
          day = Number(part.value);
          break;
        case "hour":
          hour = Number(part.value);
          break;
        case "minute":
          minute = Number(part.value);
          break;
        case "second":
          second = Number(part.value);
          break;
        default:
          break;
      }
    }
    const wall = Date.UTC(year, month - 1, day, hour, minute, second);
    return wall - seconds;
  }
};
var zones = /* @__PURE__ */ new Map();
function timeZoneRules(timeZone) {
  const rules = zones.get(timeZone);
  if (rules) return rules;
  if (rules === null || !isValidTimeZone(timeZone)) throw new RangeError(`Unknown time zone: ${timeZone}`);
  return zones.get(timeZone);
}
function isValidTimeZone(timeZone) {
  const known = zones.get(timeZone);
  if (known !== void 0) return known !== null;
  try {
    zones.set(timeZone, new ZoneRules(timeZone));
    return true;
  } catch {
    zones.set(timeZone, null);
    return false;
  }
}
function utcOffsetAt(timeZone, instant) {
  return timeZoneRules(timeZone).offsetAt(instant);
}
function localDayOf(timeZone, instant) {
  return timeZoneRules(timeZone).dayOf(instant);
}
function localMinuteOf(timeZone, instant) {
  return timeZoneRules(timeZone).minuteOf(instant);
}
function zonedInstant(timeZone, day, minute) {
  return timeZoneRules(timeZone).instantOf(day, minute);
}
function startOfLocalDay(timeZone, day) {
  return timeZoneRules(timeZone).instantOf(day, 0);
}

// sync-service/src/domain/formatInstant.ts
function formatInstant(instant) {
  return new Date(Math.floor(instant / 1e3) * 1e3).toISOString().replace(".000Z", "Z");
}
var INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/i;
function parseInstant(text) {
  const match = INSTANT.exec(text.trim());
  if (!match) return null;
  const [, year, month, day, hour, minute, second = "0", fraction = "", zone = "Z"] = match;
  const wall = Date.UTC(
    Number(year),
    Number(month) - 1,
    Number(day),
    Number(hour),
    Number(minute),
    Number(second)
  );
  const check = new Date(wall);
  if (check.getUTCMonth() !== Number(month) - 1 || check.getUTCDate() !== Number(day) || Number(hour) > 23)
    return null;
  const millis = fraction === "" ? 0 : Math.floor(Number(`0${fraction}`) * 1e3);
  if (zone.toUpperCase() === "Z") return wall + millis;
  const sign = zone.startsWith("-") ? -1 : 1;
  const offset = sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6))) * 6e4;
  return wall + millis - offset;
}

// sync-service/src/domain/campaignCalendar.ts
var CampaignCalendar = class {
  constructor(skipWeekends, holidays) {
    __publicField(this, "skipWeekends", skipWeekends);
    __publicField(this, "holidays", holidays);
  }
  isCampaignDay(day) {
    return !(this.skipWeekends && isWeekend(day)) && !this.holidays.has(day);
  }
  /** The n-th campaign day after `day` (n = 0 gives `day` itself, campaign day or not). */
  addCampaignDays(day, n) {
    let current = day;
    for (let left = n; left > 0; left--) current = this.nextCampaignDayAfter(current);
    return current;
  }
  nextCampaignDayAfter(day) {
    let current = day + 1;
    while (!this.isCampaignDay(current)) current++;
    return current;
  }
  firstCampaignDayFrom(day) {
    return this.isCampaignDay(day) ? day : this.nextCampaignDayAfter(day);
  }
  /** How many campaign days d there are with after < d ≤ upTo (0 when upTo ≤ after). */
  campaignDaysBetween(after, upTo) {
    let count = 0;
    for (let day = after + 1; day <= upTo; day++) if (this.isCampaignDay(day)) count++;
    return count;
  }
};
var cache = /* @__PURE__ */ new WeakMap();
var noHolidays = [];
function campaignCalendar(skipWeekends, holidays = noHolidays) {
  const key = holidays;
  let entry = cache.get(key);
  if (!entry) {
    entry = [void 0, void 0];
    cache.set(key, entry);
  }
  const slot = skipWeekends ? 1 : 0;
  let calendar = entry[slot];
  if (!calendar) {
    const days = /* @__PURE__ */ new Set();
    for (const date of holidays) {
      const day = parseIsoDate(date);
      if (day !== null) days.add(day);
    }
    calendar = new CampaignCalendar(skipWeekends, days);
    entry[slot] = calendar;
  }
  return calendar;
}

// metadata/src/generated/packageSchema.ts
var CAMPAIGN_STEP_SEND_OPTION_VALUES = [
  "Choose_At_Launch",
  "At_Time",
  "Manual_Task",
  "Same_Time_As_Previous",
  "Thread_Previous"
];
var CAMPAIGN_STEP_TYPE_VALUES = ["Email", "Call", "InMail", "Custom_Task"];
var SALES_CAMPAIGN_ON_TASK_EXPIRY_VALUES = ["Skip_Step", "End_Campaign"];

// sync-service/src/domain/campaign.ts
var STEP_TYPES = CAMPAIGN_STEP_TYPE_VALUES;
var SEND_OPTIONS = CAMPAIGN_STEP_SEND_OPTION_VALUES;
var ON_TASK_EXPIRY = SALES_CAMPAIGN_ON_TASK_EXPIRY_VALUES;
var DEFAULT_TASK_EXPIRY_DAYS = 2;
var DEFAULT_ON_TASK_EXPIRY = "Skip_Step";
var DEFAULT_SEND_TIME = "09:00";
function isTaskStep(step) {
  return step.type !== "Email" || step.sendOption === "Manual_Task";
}
function inCampaignOrder(steps) {
  return steps.map((step, index) => ({ step, index })).sort((a, b) => a.step.day - b.step.day || a.step.order - b.step.order || a.index - b.index).map(({ step }) => step);
}
function firstEmailStep(steps) {
  const first = inCampaignOrder(steps)[0];
  return first && first.day === 1 && first.type === "Email" ? first : null;
}

// sync-service/src/domain/sendOptions.ts
var LABELS = {
  Choose_At_Launch: "I will choose when to send this email",
  At_Time: "Send this email at the following time",
  Manual_Task: "Create a task; I will send this email myself",
  Same_Time_As_Previous: "Send this email at the same time as the previous email in this campaign",
  Thread_Previous: "Thread this email to the previous email"
};
var FIRST_EMAIL_SEND_OPTIONS = ["Choose_At_Launch", "At_Time", "Manual_Task"].map((value) => ({ value, label: LABELS[value] }));
var LATER_EMAIL_SEND_OPTIONS = ["Same_Time_As_Previous", "At_Time", "Manual_Task", "Thread_Previous"].map((value) => ({ value, label: LABELS[value] }));
function sendOptionLabel(option) {
  return LABELS[option];
}
function sendOptionsFor(step, steps) {
  return firstEmailStep(steps)?.id === step.id ? FIRST_EMAIL_SEND_OPTIONS : LATER_EMAIL_SEND_OPTIONS;
}
function needsSendTime(option) {
  return option === "At_Time";
}

// sync-service/src/domain/planErrors.ts
var PlanError = class extends Error {
  constructor(problems) {
    super(problems.map((problem2) => problem2.message).join("\n"));
    __publicField(this, "problems", problems);
    __publicField(this, "name", "PlanError");
    /** The first problem's code, for callers that record a single one. */
    __publicField(this, "code");
    this.code = problems[0]?.code ?? "PLAN.INVALID_INSTANT";
  }
};
function problem(code, message, stepId) {
  return stepId === void 0 ? { code, message } : { code, message, stepId };
}

// sync-service/src/domain/validateCampaign.ts
var FIRST_ONLY = /* @__PURE__ */ new Set(["Choose_At_Launch"]);
var LATER_ONLY = /* @__PURE__ */ new Set(["Same_Time_As_Previous", "Thread_Previous"]);
function validateCampaign(campaign) {
  const problems = [...validateSettings(campaign)];
  const steps = Array.isArray(campaign.steps) ? campaign.steps : [];
  if (steps.length === 0) problems.push(problem("CAMPAIGN.NO_STEPS", "The campaign has no steps"));
  const seenIds = /* @__PURE__ */ new Set();
  const seenPositions = /* @__PURE__ */ new Map();
  steps.forEach((step, index) => {
    const name = typeof step.id === "string" && step.id !== "" ? step.id : `#${index + 1}`;
    if (typeof step.id !== "string" || step.id === "") {
      problems.push(problem("CAMPAIGN.MISSING_STEP_ID", `Step ${name}: the step has no id`));
    } else if (seenIds.has(step.id)) {
      problems.push(
        problem("CAMPAIGN.DUPLICATE_STEP_ID", `Step ${name}: the id is used by another step`, step.id)
      );
    } else {
      seenIds.add(step.id);
    }
    const at = (code, text) => problems.push(problem(code, `Step ${name}: ${text}`, step.id));
    const dayOk = Number.isInteger(step.day) && step.day >= 1;
    const orderOk = Number.isInteger(step.order) && step.order >= 0;
    if (!dayOk)
      at("CAMPAIGN.INVALID_DAY", `Day__c must be a whole number from 1, got ${JSON.stringify(step.day)}`);
    if (!orderOk)
      at(
        "CAMPAIGN.INVALID_ORDER",
        `Order__c must be a whole number from 0, got ${JSON.stringify(step.order)}`
      );
    if (dayOk && orderOk) {
      const position = `${step.day}/${step.order}`;
      const other = seenPositions.get(position);
      if (other !== void 0)
        at(
          "CAMPAIGN.DUPLICATE_POSITION",
          `Day ${step.day}, Order ${step.order} is also step ${other}'s position`
        );
      else seenPositions.set(position, name);
    }
    if (!STEP_TYPES.includes(step.type)) {
      at(
        "CAMPAIGN.UNKNOWN_STEP_TYPE",
        `unknown Type__c ${JSON.stringify(step.type)} (expected ${STEP_TYPES.join(", ")})`
      );
    } else if (step.type === "Email") {
      problems.push(...validateEmailOption(step, name, steps));
    }
  });
  return problems;
}
function validateEmailOption(step, name, steps) {
  const problems = [];
  const at = (code, text) => problems.push(problem(code, `Step ${name}: ${text}`, step.id));
  const option = step.sendOption;
  if (option === void 0 || option === null || option === "") {
    at("CAMPAIGN.MISSING_SEND_OPTION", "Send_Option__c is required for an email");
    return problems;
  }
  if (!SEND_OPTIONS.includes(option)) {
    at(
      "CAMPAIGN.UNKNOWN_SEND_OPTION",
      `unknown Send_Option__c ${JSON.stringify(option)} (expected ${SEND_OPTIONS.join(", ")})`
    );
    return problems;
  }
  const isFirst = firstEmailStep(validPositions(steps)) === step;
  if (isFirst && LATER_ONLY.has(option)) {
    at(
      "CAMPAIGN.OPTION_NOT_FOR_FIRST_EMAIL",
      `${option} is not available for the first email step (it has no previous email)`
    );
  }
  if (!isFirst && FIRST_ONLY.has(option)) {
    at(
      "CAMPAIGN.OPTION_ONLY_FOR_FIRST_EMAIL",
      `${option} is only available for the first email step (the first step of Day 1)`
    );
  }
  if (option === "At_Time") {
    if (step.sendTime === void 0 || step.sendTime === null || step.sendTime === "") {
      at("CAMPAIGN.MISSING_SEND_TIME", "Send_Time__c is required for At_Time");
    } else if (typeof step.sendTime !== "string" || parseTimeOfDay(step.sendTime) === null) {
      at(
        "CAMPAIGN.INVALID_SEND_TIME",
        `Send_Time__c ${JSON.stringify(step.sendTime)} is not a time of day (HH:mm)`
      );
    }
  }
  return problems;
}
function validPositions(steps) {
  return steps.filter((step) => Number.isInteger(step.day) && step.day >= 1 && Number.isInteger(step.order));
}
function validateSettings(campaign) {
  const problems = [];
  const { defaultSendTime, taskExpiryDays, onTaskExpiry } = campaign;
  if (defaultSendTime !== void 0 && defaultSendTime !== null && (typeof defaultSendTime !== "string" || parseTimeOfDay(defaultSendTime) === null)) {
    problems.push(
      problem(
        "CAMPAIGN.INVALID_DEFAULT_SEND_TIME",
        `Default_Send_Time__c ${JSON.stringify(defaultSendTime)} is not a time of day (HH:mm)`
      )
    );
  }
  if (taskExpiryDays !== void 0 && taskExpiryDays !== null && !(Number.isInteger(taskExpiryDays) && taskExpiryDays >= 0)) {
    problems.push(
      problem(
        "CAMPAIGN.INVALID_TASK_EXPIRY",
        `Task_Expiry_Days__c must be a whole number from 0, got ${JSON.stringify(taskExpiryDays)}`
      )
    );
  }
  if (onTaskExpiry !== void 0 && onTaskExpiry !== null && !ON_TASK_EXPIRY.includes(onTaskExpiry)) {
    problems.push(
      problem(
        "CAMPAIGN.UNKNOWN_ON_TASK_EXPIRY",
        `unknown On_Task_Expiry__c ${JSON.stringify(onTaskExpiry)} (expected ${ON_TASK_EXPIRY.join(", ")})`
      )
    );
  }
  return problems;
}

// sync-service/src/domain/compiledCampaign.ts
var cache2 = /* @__PURE__ */ new WeakMap();
function compileCampaign(campaign) {
  const cached = cache2.get(campaign);
  if (cached) return cached;
  const problems = validateCampaign(campaign);
  const first = problems.length === 0 ? firstEmailStep(campaign.steps) : null;
  const steps = problems.length === 0 ? inCampaignOrder(campaign.steps).map((step) => compileStep(step, step === first)) : [];
  const compiled = {
    steps,
    byId: new Map(steps.map((step) => [step.id, step])),
    firstEmail: steps.find((step) => step.isFirstEmail) ?? null,
    skipWeekends: campaign.skipWeekends === true,
    defaultSendMinute: parseTimeOfDay(campaign.defaultSendTime ?? DEFAULT_SEND_TIME) ?? 9 * 60,
    taskExpiryDays: campaign.taskExpiryDays ?? DEFAULT_TASK_EXPIRY_DAYS,
    onTaskExpiry: campaign.onTaskExpiry ?? DEFAULT_ON_TASK_EXPIRY,
    problems
  };
  cache2.set(campaign, compiled);
  return compiled;
}
function compileStep(step, isFirstEmail) {
  const isEmail = step.type === "Email";
  const option = isEmail ? step.sendOption ?? null : null;
  return {
    id: step.id,
    day: step.day,
    order: step.order,
    isEmail,
    isTask: isTaskStep(step),
    option,
    sendMinute: option === "At_Time" && step.sendTime ? parseTimeOfDay(step.sendTime) : null,
    isFirstEmail,
    definition: step
  };
}

// sync-service/src/domain/checkPlanInput.ts
function checkPlanInput(input) {
  const compiled = compileCampaign(input.campaign);
  const problems = compiled.problems.length > 0 ? [...compiled.problems] : [];
  if (typeof input.timeZone !== "string" || !isValidTimeZone(input.timeZone)) {
    problems.push(
      problem(
        "PLAN.UNKNOWN_TIME_ZONE",
        `Unknown time zone ${JSON.stringify(input.timeZone)} (expected an IANA name such as Europe/Paris)`
      )
    );
  }
  if (!isInstant(input.launchedAt)) {
    problems.push(
      problem("PLAN.INVALID_INSTANT", `Launch moment ${String(input.launchedAt)} is not an instant`)
    );
  }
  const sendAt = input.sendAt ?? null;
  if (sendAt !== null && !isInstant(sendAt)) {
    problems.push(problem("PLAN.INVALID_INSTANT", `Send At ${String(sendAt)} is not an instant`));
  }
  if (sendAt === null && compiled.firstEmail?.option === "Choose_At_Launch") {
    problems.push(
      problem(
        "PLAN.MISSING_SEND_AT",
        `Step ${compiled.firstEmail.id}: Send At is required at launch for Choose_At_Launch`,
        compiled.firstEmail.id
      )
    );
  }
  if (input.holidays) problems.push(...checkHolidays(input.holidays));
  if (input.progress) problems.push(...checkProgress(input, compiled));
  if (input.pauses && input.pauses.length > 0) problems.push(...checkPauses(input));
  return problems;
}
var checkedHolidays = /* @__PURE__ */ new WeakMap();
function checkHolidays(holidays) {
  const known = checkedHolidays.get(holidays);
  if (known) return known;
  const problems = [];
  for (const date of holidays) {
    if (typeof date !== "string" || parseIsoDate(date) === null) {
      problems.push(
        problem("PLAN.INVALID_HOLIDAY", `Holiday ${JSON.stringify(date)} is not a date (YYYY-MM-DD)`)
      );
    }
  }
  checkedHolidays.set(holidays, problems);
  return problems;
}
function checkProgress(input, compiled) {
  const problems = [];
  if (compiled.problems.length > 0) return problems;
  for (const [stepId, facts] of Object.entries(input.progress ?? {})) {
    const step = compiled.byId.get(stepId);
    if (!step) {
      problems.push(problem("PLAN.UNKNOWN_STEP", `Step ${stepId}: no such step in the campaign`, stepId));
      continue;
    }
    for (const [name, value] of Object.entries(facts)) {
      if (value !== void 0 && value !== null && !isInstant(value)) {
        problems.push(
          problem(
            "PLAN.INVALID_INSTANT",
            `Step ${stepId}: ${name} ${String(value)} is not an instant`,
            stepId
          )
        );
      }
    }
    const taskFacts = ["completedAt", "expiredAt", "taskOpenedAt"];
    for (const name of taskFacts) {
      if (facts[name] != null && !step.isTask) {
        problems.push(
          problem(
            "PLAN.NOT_A_TASK",
            `Step ${stepId}: ${name} given, but the step is not a task (it is an automatic email)`,
            stepId
          )
        );
      }
    }
    if (facts.sentAt != null && !step.isEmail) {
      problems.push(
        problem(
          "PLAN.NOT_AN_EMAIL",
          `Step ${stepId}: sentAt given, but the step is a ${step.definition.type}, not an email`,
          stepId
        )
      );
    }
  }
  return problems;
}
function checkPauses(input) {
  const pauses = [...input.pauses ?? []].sort((a, b) => a.pausedAt - b.pausedAt);
  const problems = [];
  pauses.forEach((pause, index) => {
    const resumedAt = pause.resumedAt ?? null;
    if (!isInstant(pause.pausedAt) || resumedAt !== null && !isInstant(resumedAt)) {
      problems.push(
        problem("PLAN.INVALID_PAUSE", `Pause ${index + 1}: pausedAt and resumedAt must be instants`)
      );
    } else if (resumedAt !== null && resumedAt < pause.pausedAt) {
      problems.push(problem("PLAN.INVALID_PAUSE", `Pause ${index + 1}: resumed before it was paused`));
    } else if (resumedAt === null && index < pauses.length - 1) {
      problems.push(
        problem("PLAN.INVALID_PAUSE", `Pause ${index + 1}: never resumed, yet another pause follows`)
      );
    } else if (resumedAt !== null && index < pauses.length - 1 && pauses[index + 1].pausedAt < resumedAt) {
      problems.push(problem("PLAN.INVALID_PAUSE", `Pause ${index + 1}: overlaps the next pause`));
    }
  });
  return problems;
}
function isInstant(value) {
  return typeof value === "number" && Number.isFinite(value);
}

// sync-service/src/domain/planEnrollment.ts
var NO_PROGRESS = {};
var NO_PAUSES = [];
function planEnrollment(input) {
  const problems = checkPlanInput(input);
  if (problems.length > 0) throw new PlanError(problems);
  return new EnrollmentWalk(input, compileCampaign(input.campaign)).run();
}
function dayOneOf(campaign, calendar, zone, launchedAt, sendAt) {
  if (sendAt !== null) return zone.dayOf(sendAt);
  const launchDay = zone.dayOf(launchedAt);
  let launchDayWorks = calendar.isCampaignDay(launchDay);
  const first = campaign.firstEmail;
  if (launchDayWorks && first?.option === "At_Time" && first.sendMinute !== null) {
    launchDayWorks = zone.instantOf(launchDay, first.sendMinute) >= launchedAt;
  }
  return launchDayWorks ? launchDay : calendar.nextCampaignDayAfter(launchDay);
}
var EnrollmentWalk = class {
  constructor(input, campaign) {
    __publicField(this, "input", input);
    __publicField(this, "campaign", campaign);
    __publicField(this, "zone");
    __publicField(this, "calendar");
    __publicField(this, "progress");
    __publicField(this, "pauses");
    __publicField(this, "day1");
    __publicField(this, "campaignStart");
    __publicField(this, "shift", 0);
    __publicField(this, "floor", -Infinity);
    __publicField(this, "gate", null);
    __publicField(this, "nextPause", 0);
    __publicField(this, "held", false);
    __publicField(this, "release", null);
    __publicField(this, "ended", null);
    __publicField(this, "currentDay", 0);
    __publicField(this, "currentDayEmailMinute", null);
    __publicField(this, "earlierDayEmailMinute", null);
    __publicField(this, "lastSentEmail", null);
    // Memo of the last position → date lookup; positions only grow along the walk.
    __publicField(this, "memoPosition", 0);
    __publicField(this, "memoDate");
    this.zone = timeZoneRules(input.timeZone);
    this.calendar = campaignCalendar(campaign.skipWeekends, input.holidays);
    this.progress = input.progress ?? {};
    this.pauses = input.pauses && input.pauses.length > 1 ? [...input.pauses].sort((a, b) => a.pausedAt - b.pausedAt) : input.pauses ?? NO_PAUSES;
    const sendAt = input.sendAt ?? null;
    this.campaignStart = sendAt ?? input.launchedAt;
    this.day1 = dayOneOf(campaign, this.calendar, this.zone, input.launchedAt, sendAt);
    this.memoDate = this.day1;
  }
  run() {
    const items = [];
    for (const step of this.campaign.steps) {
      if (step.day !== this.currentDay) {
        if (this.currentDayEmailMinute !== null) this.earlierDayEmailMinute = this.currentDayEmailMinute;
        this.currentDayEmailMinute = null;
        this.currentDay = step.day;
      }
      items.push(step.isTask ? this.planTask(step) : this.planSend(step));
    }
    return {
      timeZone: this.input.timeZone,
      day1: formatIsoDate(this.day1),
      campaignStart: this.campaignStart,
      shiftDays: this.shift,
      ended: this.ended,
      paused: this.held,
      items
    };
  }
  planSend(step) {
    const facts = this.progress[step.id] ?? NO_PROGRESS;
    const threadOf = step.option === "Thread_Previous" ? this.lastSentEmail : null;
    const dependsOn = this.gate;
    const sentAt = facts.sentAt ?? null;
    let at = this.sendMoment(step);
    while (this.applyPauses(sentAt ?? at)) at = this.sendMoment(step);
    if (this.release && at < this.release.at)
      at = this.zone.instantOf(this.release.day, this.zone.minuteOf(at));
    if (at < this.floor) at = this.floor;
    let state;
    if (sentAt !== null) {
      at = sentAt;
      state = "sent";
    } else if (facts.skippedAt != null) {
      state = "skipped";
    } else {
      state = this.ended ? "ended" : this.held ? "held" : dependsOn !== null ? "waiting" : "scheduled";
    }
    if (state !== "skipped" && state !== "ended") {
      this.floor = Math.max(this.floor, at);
      this.currentDayEmailMinute = this.zone.minuteOf(at);
      this.lastSentEmail = step.id;
    }
    const item = {
      stepId: step.id,
      day: step.day,
      order: step.order,
      kind: "send",
      date: formatIsoDate(this.zone.dayOf(at)),
      at,
      threadOf,
      dependsOn,
      state
    };
    if (state === "ended") item.endedReason = this.ended.reason;
    return item;
  }
  /** The moment a send step would have from its option alone, on its (shifted) day. */
  sendMoment(step) {
    const date = this.dateOfPosition(step.day - 1 + this.shift);
    if (step.isFirstEmail) {
      const chosen = this.input.sendAt ?? this.zone.instantOf(this.day1, step.sendMinute);
      return this.zone.dayOf(chosen) === date ? chosen : this.zone.instantOf(date, this.zone.minuteOf(chosen));
    }
    if (step.option === "At_Time") return this.zone.instantOf(date, step.sendMinute);
    if (this.earlierDayEmailMinute !== null) return this.zone.instantOf(date, this.earlierDayEmailMinute);
    if (step.day === 1) {
      return this.zone.dayOf(this.campaignStart) === date ? this.campaignStart : this.zone.instantOf(date, this.zone.minuteOf(this.campaignStart));
    }
    return this.zone.instantOf(date, this.campaign.defaultSendMinute);
  }
  planTask(step) {
    const facts = this.progress[step.id] ?? NO_PROGRESS;
    const dependsOn = this.gate;
    const completedAt = facts.completedAt ?? (step.isEmail ? facts.sentAt ?? null : null);
    const skippedAt = completedAt === null ? facts.skippedAt ?? null : null;
    const expiredAt = completedAt === null && skippedAt === null ? facts.expiredAt ?? null : null;
    const doneAt = completedAt ?? skippedAt ?? expiredAt;
    let due = this.dateOfPosition(step.day - 1 + this.shift);
    while (this.applyPauses(doneAt ?? Infinity)) due = this.dateOfPosition(step.day - 1 + this.shift);
    if (this.release && due < this.release.expiryDay) due = this.release.day;
    if (this.floor > -Infinity) due = Math.max(due, this.zone.dayOf(this.floor));
    const expiresAt = this.zone.instantOf(
      this.calendar.addCampaignDays(due, this.campaign.taskExpiryDays) + 1,
      0
    );
    const opensFrom = step.day === 1 && due === this.day1 ? this.input.launchedAt : this.zone.instantOf(due, 0);
    const item = {
      stepId: step.id,
      day: step.day,
      order: step.order,
      kind: "task",
      date: formatIsoDate(due),
      due: formatIsoDate(due),
      expiresAt,
      opensAt: Math.max(opensFrom, this.floor),
      threadOf: null,
      dependsOn,
      state: "scheduled"
    };
    if (completedAt !== null || skippedAt !== null) {
      const at = completedAt ?? skippedAt;
      item.state = completedAt !== null ? "completed" : "skipped";
      if (completedAt !== null) item.completedAt = completedAt;
      this.shift += this.calendar.campaignDaysBetween(due, this.zone.dayOf(at));
      this.floor = Math.max(this.floor, at);
      if (completedAt !== null && step.isEmail) {
        this.currentDayEmailMinute = this.zone.minuteOf(completedAt);
        this.lastSentEmail = step.id;
      }
    } else if (expiredAt !== null) {
      item.state = "expired";
      if (this.campaign.onTaskExpiry === "End_Campaign") {
        this.ended ??= { reason: "TASK_EXPIRED", stepId: step.id, at: expiredAt };
      } else {
        this.shift += this.campaign.taskExpiryDays;
        const expiryDay = this.zone.dayOf(expiredAt);
        this.release = { at: expiredAt, expiryDay, day: this.calendar.firstCampaignDayFrom(expiryDay) };
      }
    } else if (this.ended) {
      item.state = "ended";
      item.endedReason = this.ended.reason;
    } else {
      item.state = this.held ? "held" : facts.taskOpenedAt != null ? "open" : dependsOn !== null ? "waiting" : "scheduled";
      if (step.isEmail) this.currentDayEmailMinute = this.campaign.defaultSendMinute;
      this.gate = step.id;
    }
    return item;
  }
  /**
   * Applies the pauses that began before a step happens (or, for a pending task, any pause: it
   * holds the task too). Returns true when the shift changed, so the caller recomputes.
   */
  applyPauses(happensAt) {
    let changed = false;
    while (!this.held && this.nextPause < this.pauses.length) {
      const pause = this.pauses[this.nextPause];
      if (pause.pausedAt > happensAt) break;
      const resumedAt = pause.resumedAt ?? null;
      if (resumedAt === null) {
        this.held = true;
        break;
      }
      const begun = this.calendar.campaignDaysBetween(
        this.zone.dayOf(pause.pausedAt),
        this.zone.dayOf(resumedAt)
      );
      this.shift += begun;
      this.floor = Math.max(this.floor, resumedAt);
      this.nextPause++;
      changed = changed || begun > 0;
    }
    return changed;
  }
  /** Date of a campaign position: position 0 is Day 1, position n is n campaign days later. */
  dateOfPosition(position) {
    if (position < this.memoPosition) {
      this.memoPosition = 0;
      this.memoDate = this.day1;
    }
    this.memoDate = this.calendar.addCampaignDays(this.memoDate, position - this.memoPosition);
    this.memoPosition = position;
    return this.memoDate;
  }
};

// sync-service/src/domain/replan.ts
function taskCompleted(input, stepId, at) {
  requireStep(input, stepId, "task");
  return withFacts(input, stepId, { completedAt: at });
}
function emailSent(input, stepId, at) {
  requireStep(input, stepId, "email");
  return withFacts(input, stepId, { sentAt: at });
}
function taskOpened(input, stepId, at) {
  requireStep(input, stepId, "task");
  return withFacts(input, stepId, { taskOpenedAt: at });
}
function taskExpired(input, stepId, at) {
  requireStep(input, stepId, "task");
  let expiredAt = at;
  if (expiredAt === void 0) {
    const item = planEnrollment(input).items.find((candidate) => candidate.stepId === stepId);
    expiredAt = item?.kind === "task" ? item.expiresAt : 0;
  }
  return withFacts(input, stepId, { expiredAt });
}
function stepSkipped(input, stepId, at) {
  requireStep(input, stepId, "any");
  return withFacts(input, stepId, { skippedAt: at });
}
function paused(input, at) {
  const pauses = input.pauses ?? [];
  if (pauses.some((pause) => pause.resumedAt == null)) {
    throw new PlanError([problem("PLAN.INVALID_PAUSE", "Pause: the campaign is already paused")]);
  }
  return replan({ ...input, pauses: [...pauses, { pausedAt: at, resumedAt: null }] });
}
function resumed(input, at) {
  const pauses = input.pauses ?? [];
  const open = pauses.findIndex((pause) => pause.resumedAt == null);
  if (open < 0) throw new PlanError([problem("PLAN.INVALID_PAUSE", "Resume: the campaign is not paused")]);
  return replan({
    ...input,
    pauses: pauses.map((pause, index) => index === open ? { ...pause, resumedAt: at } : pause)
  });
}
function stepsEdited(input, steps) {
  const progress = input.progress ?? {};
  const oldSteps = new Map(input.campaign.steps.map((step) => [step.id, step]));
  const touched = (id) => hasAnyFact(progress[id]) && oldSteps.has(id);
  const kept = steps.map((step) => touched(step.id) ? oldSteps.get(step.id) : step);
  const keptIds = new Set(kept.map((step) => step.id));
  for (const [id, step] of oldSteps) if (touched(id) && !keptIds.has(id)) kept.push(step);
  const campaign = { ...input.campaign, steps: kept };
  return replan({ ...input, campaign });
}
function hasAnyFact(facts) {
  if (!facts) return false;
  return [facts.sentAt, facts.completedAt, facts.expiredAt, facts.skippedAt, facts.taskOpenedAt].some(
    (value) => value != null
  );
}
function withFacts(input, stepId, facts) {
  const progress = { ...input.progress, [stepId]: { ...input.progress?.[stepId], ...facts } };
  return replan({ ...input, progress });
}
function replan(input) {
  return { input, plan: planEnrollment(input) };
}
function requireStep(input, stepId, kind) {
  const compiled = compileCampaign(input.campaign);
  if (compiled.problems.length > 0) throw new PlanError(compiled.problems);
  const step = compiled.byId.get(stepId);
  if (!step)
    throw new PlanError([
      problem("PLAN.UNKNOWN_STEP", `Step ${stepId}: no such step in the campaign`, stepId)
    ]);
  if (kind === "task" && !isTaskStep(step.definition)) {
    throw new PlanError([
      problem("PLAN.NOT_A_TASK", `Step ${stepId}: not a task (it is an automatic email)`, stepId)
    ]);
  }
  if (kind === "email" && !step.isEmail) {
    throw new PlanError([
      problem("PLAN.NOT_AN_EMAIL", `Step ${stepId}: not an email (it is a ${step.definition.type})`, stepId)
    ]);
  }
}

// sync-service/src/domain/holidays.ts
var MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December"
];
var INSTANCES = { First: 1, Second: 2, Third: 3, Fourth: 4, Last: -1 };
var WEEKDAYS_MASK = 2 + 4 + 8 + 16 + 32;
function expandHolidays(records, range, options = {}) {
  const from = parseIsoDate(range.from);
  const to = parseIsoDate(range.to);
  if (from === null || to === null)
    throw new RangeError(`Holiday range ${range.from}…${range.to}: expected YYYY-MM-DD dates`);
  const days = /* @__PURE__ */ new Set();
  for (const record of records) {
    if (record.IsAllDay === false && !options.includePartialDays) continue;
    for (const day of occurrences(record, from, to)) days.add(day);
  }
  return [...days].sort((a, b) => a - b).map(formatIsoDate);
}
function occurrences(record, from, to) {
  if (!record.IsRecurrence) {
    const day = parseIsoDate(record.ActivityDate ?? "");
    return day !== null && day >= from && day <= to ? [day] : [];
  }
  const start = parseIsoDate(record.RecurrenceStartDate ?? record.ActivityDate ?? "");
  if (start === null) return [];
  const end = record.RecurrenceEndDateOnly ? parseIsoDate(record.RecurrenceEndDateOnly) : null;
  const first = Math.max(start, from);
  const last = end === null ? to : Math.min(end, to);
  const interval = Math.max(1, Math.floor(record.RecurrenceInterval ?? 1));
  const found = [];
  for (let day = first; day <= last; day++) if (occursOn(record, day, start, interval)) found.push(day);
  return found;
}
function occursOn(record, day, start, interval) {
  const mask = record.RecurrenceDayOfWeekMask ?? 0;
  const onWeekdayOf = (m) => (m & 1 << weekdayOf(day)) !== 0;
  const date = civilFromDayNumber(day);
  const startDate = civilFromDayNumber(start);
  const monthsSinceStart = (date.year - startDate.year) * 12 + (date.month - startDate.month);
  switch (record.RecurrenceType) {
    case "RecursDaily":
      return (day - start) % interval === 0;
    case "RecursEveryWeekday":
      return onWeekdayOf(WEEKDAYS_MASK);
    case "RecursWeekly": {
      const weeks = Math.floor((day - weekdayOf(day) - (start - weekdayOf(start))) / 7);
      return weeks % interval === 0 && onWeekdayOf(mask);
    }
    case "RecursMonthly":
      return monthsSinceStart % interval === 0 && date.day === clampedDayOfMonth(record.RecurrenceDayOfMonth, date.year, date.month);
    case "RecursMonthlyNth":
      return monthsSinceStart % interval === 0 && isNthWeekday(record, day, mask);
    case "RecursYearly":
      return MONTHS[date.month - 1] === record.RecurrenceMonthOfYear && date.day === clampedDayOfMonth(record.RecurrenceDayOfMonth, date.year, date.month);
    case "RecursYearlyNth":
      return MONTHS[date.month - 1] === record.RecurrenceMonthOfYear && isNthWeekday(record, day, mask);
    default:
      return false;
  }
}
function clampedDayOfMonth(dayOfMonth, year, month) {
  if (!dayOfMonth) return -1;
  return Math.min(dayOfMonth, daysInMonth(year, month));
}
function isNthWeekday(record, day, mask) {
  const instance = record.RecurrenceInstance ? INSTANCES[record.RecurrenceInstance] : void 0;
  if (instance === void 0 || (mask & 1 << weekdayOf(day)) === 0) return false;
  const { year, month } = civilFromDayNumber(day);
  const monthStart = dayNumberFromCivil(year, month, 1);
  const monthEnd = monthStart + daysInMonth(year, month) - 1;
  const matching = [];
  for (let candidate = monthStart; candidate <= monthEnd; candidate++) {
    if ((mask & 1 << weekdayOf(candidate)) !== 0) matching.push(candidate);
  }
  return instance === -1 ? matching[matching.length - 1] === day : matching[instance - 1] === day;
}

// sync-service/src/domain/compose/composeError.ts
var ComposeError = class extends Error {
  constructor(code, message, stage, subject) {
    super(message);
    __publicField(this, "code", code);
    __publicField(this, "stage", stage);
    __publicField(this, "subject", subject);
    __publicField(this, "name", "ComposeError");
  }
};

// sync-service/src/domain/compose/mergeFields.ts
var IDENT = "[A-Za-z][A-Za-z0-9_]*";
var PATH = `${IDENT}(?:\\.${IDENT})+`;
var TOKEN = new RegExp(`\\{\\{\\{\\s*(${PATH})\\s*\\}\\}\\}|\\{!\\s*(${PATH})\\s*\\}`, "g");
var LIGHTNING_ROOTS = {
  recipient: "recipient",
  sender: "sender",
  organization: "organization"
};
var CLASSIC_ROOTS = {
  contact: "contact",
  lead: "lead",
  user: "sender",
  organization: "organization"
};
function toField(token, lightningPath, classicPath) {
  const parts = (lightningPath ?? classicPath ?? "").split(".");
  const root = (parts[0] ?? "").toLowerCase();
  const rest = parts.slice(1);
  if (lightningPath !== void 0) return { token, source: LIGHTNING_ROOTS[root] ?? null, path: rest };
  if (root === "account") return { token, source: "contact", path: ["Account", ...rest] };
  return { token, source: CLASSIC_ROOTS[root] ?? null, path: rest };
}
function splitOnMergeFields(text) {
  const parts = [];
  let last = 0;
  for (const match of text.matchAll(TOKEN)) {
    const at = match.index;
    if (at > last) parts.push(text.slice(last, at));
    parts.push(toField(match[0], match[1], match[2]));
    last = at + match[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}
function mergeFieldsIn(text) {
  return splitOnMergeFields(text).filter((part) => typeof part !== "string");
}
function requiredFields(texts) {
  const required = {
    recipient: [],
    Contact: [],
    Lead: [],
    User: [],
    Organization: [],
    unknown: []
  };
  const listFor = {
    recipient: required.recipient,
    contact: required.Contact,
    lead: required.Lead,
    sender: required.User,
    organization: required.Organization
  };
  for (const text of typeof texts === "string" ? [texts] : texts) {
    for (const field of mergeFieldsIn(text)) {
      const list = field.source === null ? required.unknown : listFor[field.source];
      const name = field.source === null ? field.token : field.path.join(".");
      if (!list.includes(name)) list.push(name);
    }
  }
  return required;
}
function lookup(record, key) {
  if (Object.hasOwn(record, key)) return record[key];
  const lower = key.toLowerCase();
  for (const candidate of Object.keys(record)) {
    if (candidate.toLowerCase() === lower && candidate !== "attributes") return record[candidate];
  }
  return void 0;
}
function unresolved(field, stage, why) {
  throw new ComposeError(
    "MAIL.UNRESOLVED_MERGE_FIELD",
    `${stage}: merge field ${field.token} ${why}`,
    stage,
    field.token
  );
}
function resolveMergeField(field, context, stage) {
  let record;
  switch (field.source) {
    case null:
      return unresolved(
        field,
        stage,
        "names an object the composer does not know (use Recipient, Sender, Organization, Contact, Lead, Account or User)"
      );
    case "recipient":
      record = context.recipient;
      break;
    case "contact":
    case "lead": {
      const wanted = field.source === "contact" ? "Contact" : "Lead";
      if (context.recipientObject !== wanted)
        return unresolved(
          field,
          stage,
          `needs a ${wanted} but the recipient is a ${context.recipientObject}`
        );
      record = context.recipient;
      break;
    }
    case "sender":
      record = context.sender;
      break;
    case "organization":
      record = context.organization;
      if (record === void 0)
        return unresolved(field, stage, "cannot be resolved: no organization record was provided");
      break;
  }
  let value = record;
  for (let i = 0; i < field.path.length; i++) {
    if (value === null) return "";
    if (typeof value !== "object")
      return unresolved(
        field,
        stage,
        `cannot be resolved: ${field.path.slice(0, i).join(".")} is not a relationship`
      );
    value = lookup(value, field.path[i]);
    if (value === void 0)
      return unresolved(
        field,
        stage,
        `cannot be resolved: the record has no field ${field.path.slice(0, i + 1).join(".")}`
      );
  }
  if (value === null) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return unresolved(field, stage, "is a relationship or compound value, not a field");
}
export {
  CampaignCalendar,
  ComposeError,
  DEFAULT_ON_TASK_EXPIRY,
  DEFAULT_SEND_TIME,
  DEFAULT_TASK_EXPIRY_DAYS,
  FIRST_EMAIL_SEND_OPTIONS,
  LATER_EMAIL_SEND_OPTIONS,
  MS_PER_DAY,
  MS_PER_MINUTE,
  ON_TASK_EXPIRY,
  PlanError,
  SEND_OPTIONS,
  STEP_TYPES,
  ZoneRules,
  campaignCalendar,
  checkPlanInput,
  civilFromDayNumber,
  compileCampaign,
  dayNumberFromCivil,
  daysInMonth,
  emailSent,
  expandHolidays,
  firstEmailStep,
  formatInstant,
  formatIsoDate,
  formatTimeOfDay,
  inCampaignOrder,
  isTaskStep,
  isValidTimeZone,
  isWeekend,
  localDayOf,
  localMinuteOf,
  mergeFieldsIn,
  needsSendTime,
  parseInstant,
  parseIsoDate,
  parseTimeOfDay,
  paused,
  planEnrollment,
  problem,
  requiredFields,
  resolveMergeField,
  resumed,
  sendOptionLabel,
  sendOptionsFor,
  splitOnMergeFields,
  startOfLocalDay,
  stepSkipped,
  stepsEdited,
  taskCompleted,
  taskExpired,
  taskOpened,
  timeZoneRules,
  utcOffsetAt,
  validateCampaign,
  weekdayOf,
  zonedInstant
};
