// The service's heartbeat on the admin page: one Sync_Service_Status__c per running instance,
// upserted by Instance__c every minute with the stream lag and the last error seen.
import type { Logger } from 'pino';
import { formatInstant } from '../../domain/index.ts';
import type { CampaignOrg } from '../ports/campaignOrg.ts';
import type { Clock } from '../ports/clock.ts';
import type { SyncMetrics } from '../syncMetrics.ts';

export interface HeartbeatFacts {
  streamLagSeconds: number | null;
  emailsSentToday: number | null;
  lastError: { message: string; at: number } | null;
}

export class Heartbeat {
  private readonly log: Logger;
  constructor(
    private readonly deps: {
      org: CampaignOrg;
      clock: Clock;
      logger: Logger;
      metrics: SyncMetrics;
      instanceId: string;
      version: string;
      facts: () => HeartbeatFacts;
    },
  ) {
    this.log = deps.logger.child({ component: 'heartbeat', instance: deps.instanceId });
  }

  async beat(): Promise<boolean> {
    const facts = this.deps.facts();
    const record: Record<string, unknown> = {
      Name: this.deps.instanceId.slice(0, 80),
      Instance__c: this.deps.instanceId,
      Last_Heartbeat_At__c: formatInstant(this.deps.clock.now()),
      Version__c: this.deps.version,
      Stream_Lag_Seconds__c: facts.streamLagSeconds,
    };
    if (facts.emailsSentToday !== null) record.Emails_Sent_Today__c = facts.emailsSentToday;
    if (facts.lastError) {
      record.Last_Error__c = facts.lastError.message.slice(0, 255);
      record.Last_Error_At__c = formatInstant(facts.lastError.at);
    }
    const outcome = await this.deps.org.upsertServiceStatus(record);
    if (!outcome.ok) {
      this.log.error({ errors: outcome.errors }, 'heartbeat refused');
      return false;
    }
    this.deps.metrics.add('heartbeats_total');
    return true;
  }
}
