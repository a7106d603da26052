/**
 * Plain values for campaigns and steps: reading them from GraphQL nodes and UI API records,
 * writing them back as record fields, moving a step in campaign order, and the campaign shape the
 * planning engine takes (DESIGN §5's campaign file). Service module: pure functions, no template.
 */
import { compareSteps, sortSteps, STEP_TYPE, SEND_OPTION } from 'c/sendOptions';
import { fieldValue } from 'c/graphqlFields';

/** 'HH:mm' from a Time field value ('09:00:00.000Z', where the Z does not mean UTC) or an input value. */
export function fromTimeField(value) {
  if (!value) {
    return null;
  }
  const match = /^(\d{2}):(\d{2})/.exec(String(value));
  return match ? `${match[1]}:${match[2]}` : null;
}

/** A Time field value from 'HH:mm' (or any value fromTimeField reads); null when empty. */
export function toTimeField(value) {
  const hhmm = fromTimeField(value);
  return hhmm ? `${hhmm}:00.000Z` : null;
}

/** A step from a GraphQL Campaign_Step__c node. */
export function stepFromNode(node) {
  return {
    id: node.Id,
    day: fieldValue(node.Day__c),
    order: fieldValue(node.Order__c),
    type: fieldValue(node.Type__c),
    sendOption: fieldValue(node.Send_Option__c) ?? null,
    sendTime: fromTimeField(fieldValue(node.Send_Time__c)),
    subject: fieldValue(node.Subject__c) ?? '',
    body: fieldValue(node.Body__c) ?? '',
    instructions: fieldValue(node.Instructions__c) ?? '',
  };
}

/** Steps in campaign order from a GraphQL answer holding uiapi.query.Campaign_Step__c. */
export function stepsFromGraphQL(data) {
  const edges = data?.uiapi?.query?.Campaign_Step__c?.edges ?? [];
  return sortSteps(edges.map((edge) => stepFromNode(edge.node)));
}

/** The fields a step writes; fields that do not apply to its type are cleared. */
export function stepFields(step) {
  const email = step.type === STEP_TYPE.EMAIL;
  return {
    Day__c: Number(step.day),
    Order__c: Number(step.order),
    Type__c: step.type,
    Send_Option__c: email ? step.sendOption : null,
    Send_Time__c: email && step.sendOption === SEND_OPTION.AT_TIME ? toTimeField(step.sendTime) : null,
    Subject__c: email ? step.subject || null : null,
    Body__c: email ? step.body || null : null,
    Instructions__c: email ? null : step.instructions || null,
  };
}

function recordValue(record, field) {
  return record?.fields?.[field]?.value ?? null;
}

/** Campaign settings from a UI API record (getRecord). */
export function settingsFromRecord(record) {
  const expiry = recordValue(record, 'Task_Expiry_Days__c');
  return {
    id: record?.id,
    name: recordValue(record, 'Name'),
    status: recordValue(record, 'Status__c'),
    skipWeekends: recordValue(record, 'Skip_Weekends__c') === true,
    skipHolidays: recordValue(record, 'Skip_Holidays__c') === true,
    timeZoneMode: recordValue(record, 'Time_Zone_Mode__c') ?? 'Sender',
    defaultSendTime: fromTimeField(recordValue(record, 'Default_Send_Time__c')),
    taskExpiryDays: expiry === null ? null : Number(expiry),
    onTaskExpiry: recordValue(record, 'On_Task_Expiry__c') ?? 'Skip_Step',
    endOnReply: recordValue(record, 'End_On_Reply__c') === true,
  };
}

/** Org defaults the planning engine needs when the campaign leaves a setting empty (DESIGN §2.3). */
export const ORG_DEFAULTS = Object.freeze({ defaultSendTime: '09:00', taskExpiryDays: 2 });

/**
 * The campaign in the planning engine's shape (DESIGN §5). `timeZone` is the sample person's
 * send time zone; `holidays` are 'YYYY-MM-DD' dates, used only when the campaign skips holidays.
 */
export function toEngineCampaign(settings, steps, { timeZone, holidays = [] } = {}) {
  return {
    timeZone,
    skipWeekends: !!settings?.skipWeekends,
    holidays: settings?.skipHolidays ? [...holidays] : [],
    defaultSendTime: settings?.defaultSendTime ?? ORG_DEFAULTS.defaultSendTime,
    taskExpiryDays: settings?.taskExpiryDays ?? ORG_DEFAULTS.taskExpiryDays,
    onTaskExpiry: settings?.onTaskExpiry ?? 'Skip_Step',
    steps: sortSteps(steps).map((step) => {
      const out = { id: step.id, day: Number(step.day), order: Number(step.order), type: step.type };
      if (step.type === STEP_TYPE.EMAIL) {
        out.sendOption = step.sendOption;
        if (step.sendTime) {
          out.sendTime = step.sendTime;
        }
        out.subject = step.subject ?? '';
        out.body = step.body ?? '';
      }
      return out;
    }),
  };
}

/** A new email step at the end of `day` (default: the campaign's last day, or Day 1). */
export function blankStep(steps = [], day) {
  const sorted = sortSteps(steps);
  const onDay = day ?? (sorted.length ? Number(sorted[sorted.length - 1].day) : 1);
  return {
    id: null,
    day: onDay,
    order: nextOrderInDay(steps, onDay),
    type: STEP_TYPE.EMAIL,
    sendOption: null,
    sendTime: null,
    subject: '',
    body: '',
    instructions: '',
  };
}

/** The next free Order in `day`. */
export function nextOrderInDay(steps, day) {
  const orders = (steps ?? []).filter((s) => Number(s.day) === Number(day)).map((s) => Number(s.order));
  return orders.length ? Math.max(...orders) + 1 : 1;
}

/**
 * Moves step `id` one place up (-1) or down (+1) in campaign order: within its day it swaps with
 * its neighbour; the first step of a day moves to the end of the previous day and the last step
 * to the start of the next day. Orders of the affected days are renumbered 1, 2, …
 * Returns only the steps whose Day or Order changes, as { id, day, order }.
 */
export function moveStep(steps, id, direction) {
  const sorted = sortSteps(steps).map((s) => ({ ...s }));
  const step = sorted.find((s) => s.id === id);
  if (!step) {
    return [];
  }
  const sameDay = sorted.filter((s) => Number(s.day) === Number(step.day));
  const index = sameDay.indexOf(step);
  const neighbour = sameDay[index + direction];
  if (neighbour) {
    sameDay[index] = neighbour;
    sameDay[index + direction] = step;
  } else if (direction < 0) {
    if (Number(step.day) <= 1) {
      return [];
    }
    step.day = Number(step.day) - 1;
    step.order = nextOrderInDay(
      sorted.filter((s) => s !== step),
      step.day,
    );
  } else {
    step.day = Number(step.day) + 1;
    step.order = 0;
  }
  const days = new Set([Number(step.day), ...sameDay.map((s) => Number(s.day))]);
  const original = new Map(sortSteps(steps).map((s) => [s.id, s]));
  const changes = [];
  days.forEach((day) => {
    const inDay = neighbour ? sameDay : sorted.filter((s) => Number(s.day) === day).sort(compareSteps);
    inDay.forEach((s, i) => {
      const before = original.get(s.id);
      const order = i + 1;
      if (Number(before.day) !== Number(s.day) || Number(before.order) !== order) {
        changes.push({ id: s.id, day: Number(s.day), order });
      }
    });
  });
  return changes;
}
