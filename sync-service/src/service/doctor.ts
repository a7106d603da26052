// `sync-service doctor`: checks each connection and what the service needs from the org, and
// says exactly what is missing and how to fix it. Never prints a secret.
import type { Logger } from 'pino';
import { StreamingExtension } from 'jsforce/api/streaming';
import { isValidTimeZone, parseTimeOfDay } from '../domain/index.ts';
import type { ServiceConfig } from '../config/index.ts';
import { openStore } from '../store/index.ts';
import { connectOrg, type OrgSession } from '../salesforce/orgConnection.ts';
import { REQUIRED_ACCESS } from '../salesforce/requiredAccess.ts';

export interface DoctorCheck {
  name: string;
  ok: boolean;
  detail: string;
}

interface DescribeField {
  name: string;
  createable: boolean;
  updateable: boolean;
}

const PERMISSION_SET = 'Sales_Campaigns_Integration';

async function checkObjects(session: OrgSession): Promise<DoctorCheck[]> {
  const checks: DoctorCheck[] = [];
  for (const access of REQUIRED_ACCESS) {
    let fields: DescribeField[];
    try {
      const described = await session.connection.sobject(access.object).describe();
      fields = described.fields as unknown as DescribeField[];
    } catch (error) {
      checks.push({
        name: `object ${access.object}`,
        ok: false,
        detail: `cannot describe ${access.object} (${(error as Error).message}): deploy the package and assign the ${PERMISSION_SET} permission set to the integration user`,
      });
      continue;
    }
    const byName = new Map(fields.map((f) => [f.name, f]));
    const missing: string[] = [];
    for (const f of access.read) if (!byName.has(f)) missing.push(`read ${f}`);
    for (const f of access.create ?? []) if (!byName.get(f)?.createable) missing.push(`create ${f}`);
    for (const f of access.update ?? []) if (!byName.get(f)?.updateable) missing.push(`edit ${f}`);
    checks.push({
      name: `object ${access.object}`,
      ok: missing.length === 0,
      detail:
        missing.length === 0
          ? 'all needed fields accessible'
          : `missing: ${missing.join(', ')} — grant them in the ${PERMISSION_SET} permission set`,
    });
  }
  return checks;
}

async function checkChannel(session: OrgSession, channel: string): Promise<DoctorCheck> {
  // Faye's client has no disconnect() in its typings; it has one at run time.
  const client = session.connection.streaming.createClient([
    new StreamingExtension.Replay(channel, -1),
  ]) as unknown as {
    subscribe(channel: string, listener: () => void): Promise<unknown>;
    disconnect(): void;
  };
  try {
    await Promise.race([
      client.subscribe(channel, () => undefined),
      new Promise((_, reject) => setTimeout(() => reject(new Error('no answer within 15 s')), 15_000)),
    ]);
    return { name: `CDC channel ${channel}`, ok: true, detail: 'subscribed' };
  } catch (error) {
    return {
      name: `CDC channel ${channel}`,
      ok: false,
      detail: `${(error as Error).message} — deploy the Sales_Campaigns__chn PlatformEventChannel and its members, and give the integration user Read on the member objects`,
    };
  } finally {
    client.disconnect();
  }
}

async function checkSettings(session: OrgSession): Promise<DoctorCheck> {
  const name = 'settings Campaign_Setting__mdt.Default';
  try {
    const result = await session.connection.query<Record<string, unknown>>(
      "SELECT Default_Send_Time__c, Task_Expiry_Days__c, Send_Window_Start__c, Send_Window_End__c, Recipient_Time_Zone_Field__c FROM Campaign_Setting__mdt WHERE DeveloperName = 'Default'",
    );
    const record = result.records[0];
    if (!record)
      return {
        name,
        ok: false,
        detail:
          'no Default record: create it on the Sales Campaigns Setup page (or deploy customMetadata/Campaign_Setting.Default)',
      };
    const problems: string[] = [];
    for (const field of ['Default_Send_Time__c', 'Send_Window_Start__c', 'Send_Window_End__c']) {
      const value = record[field];
      if (value != null && parseTimeOfDay(String(value)) === null)
        problems.push(`${field}=${JSON.stringify(value)} is not HH:mm`);
    }
    const expiry = record.Task_Expiry_Days__c;
    if (expiry != null && !(Number(expiry) >= 0))
      problems.push(`Task_Expiry_Days__c=${String(expiry)} must be 0 or more`);
    const zoneField = record.Recipient_Time_Zone_Field__c;
    if (zoneField) {
      for (const object of ['Contact', 'Lead']) {
        const described = await session.connection.sobject(object).describe();
        if (!described.fields.some((f) => f.name === zoneField))
          problems.push(
            `Recipient_Time_Zone_Field__c names ${String(zoneField)}, which ${object} does not have (or the integration user cannot read)`,
          );
      }
    }
    return { name, ok: problems.length === 0, detail: problems.length ? problems.join('; ') : 'valid' };
  } catch (error) {
    return {
      name,
      ok: false,
      detail: `${(error as Error).message} — give the integration user access to Campaign_Setting__mdt`,
    };
  }
}

async function checkUserZone(session: OrgSession): Promise<DoctorCheck> {
  const result = await session.connection.query<{ TimeZoneSidKey: string }>(
    `SELECT TimeZoneSidKey FROM User WHERE Id = '${session.userId}'`,
  );
  const zone = result.records[0]?.TimeZoneSidKey;
  return {
    name: 'users’ time zones',
    ok: Boolean(zone && isValidTimeZone(zone)),
    detail: zone
      ? `integration user in ${zone}`
      : 'cannot read User.TimeZoneSidKey — the planner needs each owner’s time zone',
  };
}

export async function runDoctor(config: ServiceConfig, logger: Logger): Promise<DoctorCheck[]> {
  const checks: DoctorCheck[] = [
    {
      name: 'configuration',
      ok: true,
      detail: `${config.org.auth.kind} login to ${config.org.loginUrl}, ${config.database.dialect} store`,
    },
  ];
  try {
    const store = await openStore(config.database, logger);
    await store.close();
    checks.push({ name: `store (${config.database.dialect})`, ok: true, detail: 'opened and migrated' });
  } catch (error) {
    checks.push({
      name: `store (${config.database.dialect})`,
      ok: false,
      detail: `${(error as Error).message} — check DATABASE_URL`,
    });
  }
  let session: OrgSession;
  try {
    session = await connectOrg(config.org, logger);
    checks.push({
      name: 'org login',
      ok: true,
      detail: `logged in as user ${session.userId} of org ${session.orgId}`,
    });
  } catch (error) {
    checks.push({
      name: 'org login',
      ok: false,
      detail: `${(error as Error).message} — check SF_LOGIN_URL and the credentials`,
    });
    return checks;
  }
  checks.push(...(await checkObjects(session)));
  checks.push(await checkSettings(session));
  checks.push(
    await checkUserZone(session).catch((error: Error) => ({
      name: 'users’ time zones',
      ok: false,
      detail: error.message,
    })),
  );
  checks.push(await checkChannel(session, config.streaming.channel));
  return checks;
}
