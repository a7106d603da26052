// `actions/standard/emailSimple`: the invocable "Send Email" action. Nothing is sent; every call
// is captured for inspection (the demo and tests read what the org would have mailed).
import type { FastifyInstance } from 'fastify';
import { SalesforceError } from '../../core/errors.ts';
import { formatDateTime } from '../../core/datetime.ts';
import type { CapturedEmail, ServerContext } from '../context.ts';

type Inputs = Record<string, unknown>;

function addresses(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === 'string')
    return value
      .split(/[,;]/)
      .map((s) => s.trim())
      .filter(Boolean);
  return [];
}

export function registerEmailSimpleRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get('/services/data/v:version/actions/standard', async () => ({
    actions: [
      {
        label: 'Send Email',
        name: 'emailSimple',
        type: 'EMAILSIMPLE',
        url: `/services/data/v${ctx.apiVersion}/actions/standard/emailSimple`,
      },
    ],
  }));

  app.post('/services/data/v:version/actions/standard/emailSimple', async (request, reply) => {
    const body = (request.body ?? {}) as { inputs?: Inputs[] };
    if (!Array.isArray(body.inputs) || body.inputs.length === 0) {
      throw new SalesforceError('JSON_PARSER_ERROR', 'Invocable action requests need an inputs array');
    }
    let failed = false;
    const results = body.inputs.map((inputs) => {
      const missing = ['emailAddresses', 'emailSubject', 'emailBody'].filter(
        (k) => inputs[k] === undefined || inputs[k] === null || inputs[k] === '',
      );
      if (missing.length > 0) {
        failed = true;
        return {
          actionName: 'emailSimple',
          errors: missing.map((k) => ({
            statusCode: 'REQUIRED_FIELD_MISSING',
            message: `Missing required input parameter: ${k}`,
            fields: [],
          })),
          isSuccess: false,
          outputValues: null,
          version: 1,
        };
      }
      const email: CapturedEmail = {
        id: ctx.org.ids.next('02s'),
        capturedAt: formatDateTime(ctx.org.clock.now()),
        emailAddresses: addresses(inputs.emailAddresses),
        emailSubject: String(inputs.emailSubject),
        emailBody: String(inputs.emailBody),
        senderType: inputs.senderType === undefined ? undefined : String(inputs.senderType),
        senderAddress: inputs.senderAddress === undefined ? undefined : String(inputs.senderAddress),
        inputs,
        userId: request.session?.userId ?? '',
        clientName: request.clientName,
      };
      ctx.emails.push(email);
      return { actionName: 'emailSimple', errors: null, isSuccess: true, outputValues: null, version: 1 };
    });
    return reply.status(failed ? 400 : 200).send(results);
  });
}
