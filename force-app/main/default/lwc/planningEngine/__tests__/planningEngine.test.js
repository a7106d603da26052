// The bundled engine is generated from sync-service/src/domain: this suite fails when the bundle
// is stale, and checks that the bundle plans DESIGN §5's documented example like the service.
const { execFileSync } = require('child_process');
const path = require('path');
import {
    planEnrollment,
    parseInstant,
    formatInstant,
    FIRST_EMAIL_SEND_OPTIONS,
    LATER_EMAIL_SEND_OPTIONS
} from 'c/planningEngine';
import { FIRST_EMAIL_OPTIONS, LATER_EMAIL_OPTIONS, SEND_OPTION_LABELS } from 'c/sendOptions';

const ROOT = path.resolve(__dirname, '../../../../../..');

describe('c-planning-engine', () => {
    it('is up to date with sync-service/src/domain', () => {
        let output = '';
        let status = 0;
        try {
            execFileSync(process.execPath, ['scripts/build-lwc-engine.mjs', '--check'], {
                cwd: ROOT,
                encoding: 'utf8',
                stdio: 'pipe'
            });
        } catch (error) {
            status = error.status;
            output = `${error.stderr}`;
        }
        expect(output).toBe('');
        expect(status).toBe(0);
    });

    it('plans the documented example (DESIGN §5)', () => {
        const campaign = {
            skipWeekends: true,
            defaultSendTime: '09:00',
            taskExpiryDays: 2,
            onTaskExpiry: 'Skip_Step',
            steps: [
                { id: 'intro', day: 1, order: 1, type: 'Email', sendOption: 'At_Time', sendTime: '08:30', subject: 'Quick question, {{{Recipient.FirstName}}}', body: '<p>…</p>' },
                { id: 'call', day: 2, order: 1, type: 'Call' },
                { id: 'bump', day: 3, order: 1, type: 'Email', sendOption: 'Thread_Previous', body: '<p>…</p>' }
            ]
        };
        const plan = planEnrollment({
            campaign,
            timeZone: 'Europe/Paris',
            holidays: ['2026-05-01'],
            launchedAt: parseInstant('2026-04-30T10:00:00Z')
        });
        expect(plan.day1).toBe('2026-05-04');
        expect(
            plan.items.map((item) => ({
                stepId: item.stepId,
                kind: item.kind,
                date: item.date,
                at: item.kind === 'send' ? formatInstant(item.at) : undefined,
                expiresAt: item.kind === 'task' ? formatInstant(item.expiresAt) : undefined,
                threadOf: item.threadOf,
                dependsOn: item.dependsOn
            }))
        ).toEqual([
            { stepId: 'intro', kind: 'send', date: '2026-05-04', at: '2026-05-04T06:30:00Z', expiresAt: undefined, threadOf: null, dependsOn: null },
            { stepId: 'call', kind: 'task', date: '2026-05-05', at: undefined, expiresAt: '2026-05-07T22:00:00Z', threadOf: null, dependsOn: null },
            { stepId: 'bump', kind: 'send', date: '2026-05-06', at: '2026-05-06T06:30:00Z', expiresAt: undefined, threadOf: 'intro', dependsOn: 'call' }
        ]);
    });

    it('shares its send options and labels with c/sendOptions', () => {
        expect(FIRST_EMAIL_SEND_OPTIONS.map((o) => o.value)).toEqual(FIRST_EMAIL_OPTIONS);
        expect(LATER_EMAIL_SEND_OPTIONS.map((o) => o.value)).toEqual(LATER_EMAIL_OPTIONS);
        [...FIRST_EMAIL_SEND_OPTIONS, ...LATER_EMAIL_SEND_OPTIONS].forEach((o) =>
            expect(SEND_OPTION_LABELS[o.value]).toBe(o.label)
        );
    });
});
