// What the composition root hands to pluggable parts (the dispatcher, the unsubscribe endpoint):
// the adapters and the planning use case, already wired.
import type { Logger } from 'pino';
import type { ServiceConfig } from '../config/index.ts';
import type { CampaignOrg, EnrollmentRecord, EnrollmentStepRecord } from '../app/ports/campaignOrg.ts';
import type { Clock } from '../app/ports/clock.ts';
import type { SyncStore } from '../app/ports/syncStore.ts';
import type { SyncMetrics } from '../app/syncMetrics.ts';
import type { EnrollmentReconciler } from '../app/planning/reconcileEnrollments.ts';
import type { HttpRoute } from '../http/httpServer.ts';
import type { OrgSession } from '../salesforce/orgConnection.ts';

export interface ServiceContext {
  config: ServiceConfig;
  logger: Logger;
  clock: Clock;
  store: SyncStore;
  session: OrgSession;
  org: CampaignOrg;
  metrics: SyncMetrics;
  reconciler: EnrollmentReconciler;
  /** For the dispatcher's FollowerReplanning port: re-plan after sends. */
  replanning: { afterSends(enrollmentIds: string[], preloaded?: EnrollmentRecord[]): Promise<void> };
}

/** The dispatcher's slot in the service loop (issue 8 fills it). */
export interface DispatcherSlot {
  start(): void;
  stop(): Promise<void>;
  /** Enrollment_Step__c records whose status a screen changed, from the change stream. */
  onStepChanges?(records: EnrollmentStepRecord[]): Promise<void>;
  /** Emails sent today, for the heartbeat. */
  emailsSentToday?(): number;
  /** Extra Prometheus lines for /metrics (emails by status, send lateness, throughput). */
  metricsText?(): string;
}

export interface ServiceExtensions {
  createDispatcher?: (context: ServiceContext) => DispatcherSlot | Promise<DispatcherSlot>;
  /** Extra HTTP routes (one-click unsubscribe), built once the context exists. */
  createRoutes?: (context: ServiceContext, dispatcher: DispatcherSlot | null) => HttpRoute[];
}
