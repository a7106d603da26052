// A streaming-only org for tests: a fastify app with the Streaming API registered, a change feed
// the test writes to as the REST side would after each commit, a hand-driven clock and a token
// table. It lets the streaming half be proven without the REST half.
import Fastify, { type FastifyInstance } from 'fastify';
import type { ChannelDef } from '@sales-campaigns/metadata';
import {
  createChangeFeed,
  type ChangeFeed,
  type CommittedChange,
  type PublishedEvent,
} from '../../src/core/changeFeed.ts';
import { registerStreamingRoutes } from '../../src/streaming/index.ts';
import type { StreamingHandle } from '../../src/streaming/deps.ts';

export const HOUR = 60 * 60 * 1000;
export const API_VERSION = '62.0';
export const USER_ID = '005000000000001AAA';
export const ORG_ID = '00D000000000001EAA';

export const SALES_CAMPAIGNS_CHANNEL: ChannelDef = {
  fullName: 'Sales_Campaigns__chn',
  channelType: 'data',
  label: 'Sales Campaigns',
  members: [
    'Sales_Campaign__ChangeEvent',
    'Campaign_Step__ChangeEvent',
    'Campaign_Enrollment__ChangeEvent',
    'Enrollment_Step__ChangeEvent',
  ],
  source: 'force-app/main/default/platformEventChannels/Sales_Campaigns__chn.platformEventChannel-meta.xml',
};

export interface StreamingOrg {
  url: string;
  token: string;
  feed: ChangeFeed;
  streaming: StreamingHandle;
  clock: { now(): number; advance(ms: number): void };
  /** Issues another valid access token. */
  issueToken(): string;
  revokeToken(token: string): void;
  /** Announces a committed change as the REST side does; fills the transaction fields. */
  commit(
    change: Partial<CommittedChange> & Pick<CommittedChange, 'entityName' | 'changeType' | 'records'>,
  ): CommittedChange;
  publish(eventName: string, payload: Record<string, unknown>): PublishedEvent;
  close(): Promise<void>;
}

export async function startStreamingOrg(
  options: { longPollTimeoutMs?: number; clientTimeoutMs?: number } = {},
): Promise<StreamingOrg> {
  let now = Date.parse('2026-11-30T09:00:00.000Z');
  const clock = { now: () => now, advance: (ms: number) => void (now += ms) };
  const tokens = new Set<string>();
  let tokenCount = 0;
  const issueToken = () => {
    tokenCount += 1;
    const token = `${ORG_ID}!test-token-${tokenCount}`;
    tokens.add(token);
    return token;
  };
  const token = issueToken();
  const feed = createChangeFeed();
  const app: FastifyInstance = Fastify({ logger: false });
  const streaming = registerStreamingRoutes(app, {
    apiVersion: API_VERSION,
    feed,
    clock,
    verifyAccessToken: (candidate) => (tokens.has(candidate) ? { userId: USER_ID, orgId: ORG_ID } : null),
    channels: [SALES_CAMPAIGNS_CHANNEL],
    cdcEntities: ['Sales_Campaign__c', 'Campaign_Step__c', 'Campaign_Enrollment__c', 'Enrollment_Step__c'],
    platformEvents: ['Campaign_Activity__e'],
    retentionMs: 72 * HOUR,
    longPollTimeoutMs: options.longPollTimeoutMs ?? 400,
    clientTimeoutMs: options.clientTimeoutMs ?? 5_000,
  });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });

  let commitNumber = 1_000;
  let eventCount = 0;
  return {
    url,
    token,
    feed,
    streaming,
    clock,
    issueToken,
    revokeToken: (revoked) => void tokens.delete(revoked),
    commit(partial) {
      commitNumber += 1;
      const change: CommittedChange = {
        recordIds: Object.keys(partial.records),
        changedFields: [],
        changeOrigin: 'sales-campaigns-sync',
        transactionKey: `0002343d-9d90-e395-ed20-${String(commitNumber).padStart(12, '0')}`,
        sequenceNumber: 0,
        commitTimestamp: now,
        commitNumber,
        commitUser: USER_ID,
        ...partial,
      };
      feed.emitChange(change);
      return change;
    },
    publish(eventName, payload) {
      eventCount += 1;
      const event: PublishedEvent = {
        eventName,
        id: `e${String(eventCount).padStart(7, '0')}-8f2a-4c1e-9d3b-2a1f0c9e7b6d`,
        payload,
        createdDate: new Date(now).toISOString(),
        createdById: USER_ID,
      };
      feed.emitEvent(event);
      return event;
    },
    async close() {
      await streaming.close();
      await app.close();
    },
  };
}

/** A step record as the REST side would announce it after an insert. */
export function stepRecord(id: string, fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    Id: id,
    Name: 'Intro email',
    Campaign__c: 'a00000000000001AAA',
    Day__c: 1,
    Order__c: 1,
    Type__c: 'Email',
    Subject__c: 'Hello',
    Instructions__c: null,
    OwnerId: USER_ID,
    CreatedDate: '2026-11-30T09:00:00.000+0000',
    CreatedById: USER_ID,
    LastModifiedDate: '2026-11-30T09:00:00.000+0000',
    LastModifiedById: USER_ID,
    SystemModstamp: '2026-11-30T09:00:00.000+0000',
    IsDeleted: false,
    ...fields,
  };
}
