// `/services/data` (versions), the version's resource directory and `/limits`.
import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context.ts';

const VERSIONS = ['58.0', '59.0', '60.0', '61.0', '62.0'];
const RELEASE: Record<string, string> = {
  '58.0': 'Summer ’23',
  '59.0': 'Winter ’24',
  '60.0': 'Spring ’24',
  '61.0': 'Summer ’24',
  '62.0': 'Winter ’25',
};

export function registerLimitsRoutes(app: FastifyInstance, ctx: ServerContext): void {
  // Listing versions needs no session on Salesforce either.
  app.get('/services/data', async () =>
    VERSIONS.map((version) => ({ label: RELEASE[version], url: `/services/data/v${version}`, version })),
  );

  app.get('/services/data/v:version', async (request) => {
    const { version } = request.params as { version: string };
    const base = `/services/data/v${version}`;
    return Object.fromEntries(
      ['sobjects', 'query', 'queryAll', 'composite', 'limits', 'jobs', 'actions'].map((name) => [
        name,
        `${base}/${name}`,
      ]),
    );
  });

  app.get('/services/data/v:version/limits', async () => {
    const usage = ctx.usage;
    const entry = (max: number, remaining: number) => ({ Max: max, Remaining: remaining });
    return {
      DailyApiRequests: entry(usage.dailyLimit, usage.remaining()),
      DailyBulkV2QueryJobs: entry(10000, 10000),
      DailyBulkV2QueryFileStorageMB: entry(976562, 976562),
      DailyAsyncApexExecutions: entry(250000, 250000),
      DailyStreamingApiEvents: entry(1000000, 1000000),
      DailyDurableStreamingApiEvents: entry(1000000, 1000000),
      HourlyPublishedPlatformEvents: entry(250000, 250000),
      HourlyPublishedStandardVolumePlatformEvents: entry(100000, 100000),
      SingleEmail: entry(5000, 5000 - ctx.emails.length),
      MassEmail: entry(5000, 5000),
      DataStorageMB: entry(1024, 1024),
      FileStorageMB: entry(1024, 1024),
    };
  });
}
