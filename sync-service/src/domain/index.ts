// The planning domain's public API (DESIGN §2.1–2.3): pure functions over plain values, no I/O,
// no clock, no Node APIs — the service uses it and the builder bundles it for its preview.

export * from './calendarDate.ts';
export * from './timeOfDay.ts';
export * from './zonedTime.ts';
export * from './formatInstant.ts';
export * from './campaignCalendar.ts';
export * from './campaign.ts';
export * from './sendOptions.ts';
export * from './planErrors.ts';
export * from './validateCampaign.ts';
export * from './checkPlanInput.ts';
export { compileCampaign, type CompiledCampaign, type CompiledStep } from './compiledCampaign.ts';
export * from './planTypes.ts';
export { planEnrollment } from './planEnrollment.ts';
export * from './replan.ts';
export * from './holidays.ts';
