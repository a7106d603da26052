// The composition root: wires the store, the org adapter and the use cases into the running
// service (`sync-service run`) — the change stream (held by one instance at a time), the sweep,
// opening due tasks, expiring tasks, polling task completions, the heartbeat, the HTTP door, and
// the dispatcher's slot. Tests start it programmatically with `autoLoop: false` and call tick().
import pino, { type Logger } from 'pino';
import type { ServiceConfig } from '../config/index.ts';
import { redactConfig } from '../config/index.ts';
import { systemClock, type Clock } from '../app/ports/clock.ts';
import type { SyncStore } from '../app/ports/syncStore.ts';
import { SyncMetrics } from '../app/syncMetrics.ts';
import { OrgReferenceData } from '../app/planning/orgReferenceData.ts';
import { EnrollmentReconciler } from '../app/planning/reconcileEnrollments.ts';
import { DueTaskOpener } from '../app/tasks/openDueTasks.ts';
import { TaskExpirer } from '../app/tasks/expireTasks.ts';
import { TaskCompletions } from '../app/tasks/applyTaskCompletions.ts';
import { ChangeEventApplier } from '../app/stream/applyChangeEvents.ts';
import { ReconciliationSweep } from '../app/sweep/reconciliationSweep.ts';
import { Heartbeat } from '../app/status/writeHeartbeat.ts';
import { openStore } from '../store/index.ts';
import { connectOrg, type OrgSession } from '../salesforce/orgConnection.ts';
import { JsforceCampaignOrg } from '../salesforce/jsforceCampaignOrg.ts';
import { ChangeStreamSubscriber } from '../salesforce/changeStreamSubscriber.ts';
import { startHttpServer, type RunningHttpServer } from '../http/httpServer.ts';
import type { DispatcherSlot, ServiceContext, ServiceExtensions } from './serviceContext.ts';

export const SERVICE_VERSION = '0.1.0';

export interface StartOptions extends ServiceExtensions {
  config: ServiceConfig;
  logger?: Logger;
  clock?: Clock;
  /** false: no background loop; the caller drives tick() (tests). Default true. */
  autoLoop?: boolean;
  /** false: no HTTP server (tests that do not need it). Default true. */
  http?: boolean;
  /** An already open store (tests reuse one across restarts). */
  store?: SyncStore;
}

export interface RunningSyncService {
  context: ServiceContext;
  stream: ChangeStreamSubscriber | null;
  sweep: ReconciliationSweep;
  http: RunningHttpServer | null;
  dispatcher: DispatcherSlot | null;
  /** One pass of the loop's periodic work (tasks to open, expiries, task polling, heartbeat). */
  tick(): Promise<void>;
  stop(): Promise<void>;
}

export async function startSyncService(options: StartOptions): Promise<RunningSyncService> {
  const { config } = options;
  const clock = options.clock ?? systemClock;
  const logger = (options.logger ?? pino({ level: config.logLevel })).child({ instance: config.instanceId });
  logger.info({ config: redactConfig(config) }, 'starting sync service');
  const metrics = new SyncMetrics();
  const store = options.store ?? (await openStore(config.database, logger));
  let session: OrgSession;
  try {
    session = await connectOrg(config.org, logger);
  } catch (error) {
    if (!options.store) await store.close();
    throw error;
  }
  const org = new JsforceCampaignOrg(session, { clock, logger, bulkThreshold: config.writes.bulkThreshold });
  const reference = new OrgReferenceData({
    org,
    store,
    clock,
    logger,
    refreshMs: config.intervals.settingsRefreshMs,
  });
  const reconciler = new EnrollmentReconciler({ org, store, reference, clock, logger, metrics });
  const context: ServiceContext = {
    config,
    logger,
    clock,
    store,
    session,
    org,
    metrics,
    reconciler,
    replanning: {
      afterSends: async (ids) => void (await reconciler.reconcile(ids)),
    },
  };
  const taskDeps = {
    org,
    store,
    clock,
    logger,
    metrics,
    owner: config.instanceId,
    leaseMs: config.intervals.leaseMs,
  };
  const opener = new DueTaskOpener(taskDeps);
  const expirer = new TaskExpirer({ ...taskDeps, reconciler });
  const completions = new TaskCompletions({ org, store, clock, logger, metrics, reconciler });
  const sweep = new ReconciliationSweep({ org, clock, logger, metrics, reconciler, reference, completions });
  const dispatcher = options.createDispatcher ? await options.createDispatcher(context) : null;
  const applier = new ChangeEventApplier({
    org,
    store,
    logger,
    metrics,
    reconciler,
    completions,
    ...(dispatcher?.onStepChanges ? { onStepRecords: (records) => dispatcher.onStepChanges!(records) } : {}),
  });

  let lastError: { message: string; at: number } | null = null;
  const remember = (what: string) => (error: unknown) => {
    const message = `${what}: ${(error as Error)?.message ?? String(error)}`;
    lastError = { message, at: clock.now() };
    logger.error({ what, error: (error as Error)?.message }, 'loop step failed; will retry');
  };

  let stream: ChangeStreamSubscriber | null = null;
  const heartbeat = new Heartbeat({
    org,
    clock,
    logger,
    metrics,
    instanceId: config.instanceId,
    version: SERVICE_VERSION,
    facts: () => ({
      streamLagSeconds: stream ? Math.round(stream.status().lagMs / 1000) : null,
      emailsSentToday: dispatcher?.emailsSentToday?.() ?? null,
      lastError,
    }),
  });
  metrics.gauge('api_calls_total', () => session.apiCalls());
  metrics.gauge('stream_lag_seconds', () => (stream ? stream.status().lagMs / 1000 : 0));
  metrics.gauge('stream_connected', () => (stream?.status().connected ? 1 : 0));

  // PostgreSQL: an advisory lock freed when its holder dies; SQLite: a lease row (see the store).
  const streamOwnership = store.streamOwnership({
    owner: config.instanceId,
    now: () => clock.now(),
    ttlMs: Math.max(3 * config.intervals.tickMs, 30_000),
  });
  /** Takes the stream when no other instance holds it, and stops it when this one lost it. */
  const holdStream = async (): Promise<void> => {
    const holding = await streamOwnership.tryAcquire();
    if (holding && !stream) {
      stream = new ChangeStreamSubscriber({
        session,
        channel: config.streaming.channel,
        store,
        clock,
        logger,
        retentionMs: config.streaming.retentionMs,
        batchWindowMs: config.intervals.planBatchWindowMs,
        onEvents: (events) => applier.apply(events),
        onGap: async (reason) => void (await sweep.run(reason)),
      });
      const sweepsBefore = metrics.get('sweeps_total');
      await stream.start();
      // The sweep on start (DESIGN §4), unless a gap already ran one during start().
      if (metrics.get('sweeps_total') === sweepsBefore) await sweep.run('start');
    } else if (!holding && stream) {
      logger.warn('lost the change-stream ownership; stopping the subscription');
      await stream.stop();
      stream = null;
    }
  };

  let lastPoll = -Infinity;
  let lastBeat = -Infinity;
  const tick = async (): Promise<void> => {
    await holdStream().catch(remember('change stream'));
    await reconciler.retryPending().catch(remember('retry plans'));
    await opener.openDue().catch(remember('open due tasks'));
    await expirer.expireDue().catch(remember('expire tasks'));
    const now = clock.now();
    if (now - lastPoll >= config.intervals.taskPollMs) {
      lastPoll = now;
      await completions.poll().catch(remember('poll task completions'));
    }
    if (now - lastBeat >= config.intervals.heartbeatMs) {
      lastBeat = now;
      await heartbeat.beat().catch(remember('heartbeat'));
    }
  };

  const http =
    options.http === false
      ? null
      : await startHttpServer({
          host: config.http.host,
          port: config.http.port,
          logger,
          metrics,
          extraMetrics: () => dispatcher?.metricsText?.() ?? '',
          routes: options.createRoutes?.(context, dispatcher) ?? [],
          readiness: async () => {
            const checks: Record<string, boolean | string> = {};
            try {
              await store.cursor('readyz');
              checks.store = true;
            } catch (error) {
              checks.store = (error as Error).message;
            }
            checks.org = session.apiCalls() > 0;
            checks.stream = stream ? stream.status().connected : 'not the stream holder';
            const ready = checks.store === true && checks.org === true && checks.stream !== false;
            return { ready, checks };
          },
        });

  let running = options.autoLoop !== false;
  const loop = running
    ? (async () => {
        while (running) {
          await tick();
          if (running) await clock.sleep(config.intervals.tickMs);
        }
      })()
    : Promise.resolve();
  dispatcher?.start();

  return {
    context,
    get stream() {
      return stream;
    },
    sweep,
    http,
    dispatcher,
    tick,
    async stop() {
      running = false;
      await loop;
      await dispatcher?.stop();
      if (stream) await stream.stop();
      await streamOwnership.release().catch(() => undefined);
      await http?.close();
      if (!options.store) await store.close();
      logger.info('sync service stopped');
    },
  };
}
