// Reads the `plan` command's campaign file (DESIGN §5): the campaign's settings and steps plus
// the person's time zone and the dates to treat as holidays. Only the JSON shape is checked
// here; the campaign rules are the domain's (validateCampaign), so both report every problem.

import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Campaign } from '../domain/index.ts';

const stepSchema = z.looseObject({
  id: z.string(),
  day: z.number(),
  order: z.number(),
  type: z.string(),
  sendOption: z.string().nullish(),
  sendTime: z.string().nullish(),
  subject: z.string().nullish(),
  body: z.string().nullish(),
});

const campaignFileSchema = z.looseObject({
  timeZone: z.string().optional(),
  skipWeekends: z.boolean().optional(),
  skipHolidays: z.boolean().optional(),
  holidays: z.array(z.string()).optional(),
  defaultSendTime: z.string().nullish(),
  taskExpiryDays: z.number().nullish(),
  onTaskExpiry: z.string().nullish(),
  steps: z.array(stepSchema),
});

export interface CampaignFile {
  campaign: Campaign;
  timeZone: string | undefined;
  holidays: string[];
}

export type CampaignFileResult = { ok: true; file: CampaignFile } | { ok: false; problems: string[] };

export function readCampaignFile(path: string): CampaignFileResult {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    return { ok: false, problems: [`${path}: cannot read the campaign file (${reason})`] };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [`${path}: not valid JSON (${(error as Error).message})`] };
  }
  const parsed = campaignFileSchema.safeParse(json);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => {
        const where =
          issue.path.length > 0
            ? issue.path
                .map((key) => (typeof key === 'number' ? `[${key}]` : `.${String(key)}`))
                .join('')
                .replace(/^\./, '')
            : 'the file';
        return `${path}: ${where}: ${issue.message}`;
      }),
    };
  }
  const { timeZone, holidays = [], ...campaign } = parsed.data;
  return { ok: true, file: { campaign: campaign as Campaign, timeZone, holidays } };
}
