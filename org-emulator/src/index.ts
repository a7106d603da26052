// The org emulator's public entry: start a local org and the types its handles use.
export { startOrgEmulator, DEFAULT_CREDENTIALS } from './startOrgEmulator.ts';
export type { OrgEmulator, OrgEmulatorOptions } from './startOrgEmulator.ts';
export type { ControllableClock, ClockOptions } from './core/clock.ts';
export type { ChangeFeed, CommittedChange, PublishedEvent, ChangeType } from './core/changeFeed.ts';
export type { InspectHandle, FaultsHandle } from './control/emulatorHandles.ts';
export type { FaultSpec, FaultKind, ActiveFault } from './control/faults.ts';
export type { CapturedEmail, EmulatorCredentials } from './rest/context.ts';
export type { ApiCallCounts, ApiCallRecord } from './rest/limits/apiUsage.ts';
export type { SRecord } from './core/recordStore.ts';
