// The SOAP `login()` call (partner API), because jsforce uses it when a Connection has no OAuth
// client: it answers the loginResponse envelope jsforce reads (serverUrl, sessionId, userId,
// organizationId), or Salesforce's INVALID_LOGIN fault.
import { XMLParser } from 'fast-xml-parser';
import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context.ts';

const parser = new XMLParser({ removeNSPrefix: true, parseTagValue: false });

const escapeXml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function fault(code: string, message: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:sf="urn:fault.partner.soap.sforce.com" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><soapenv:Body><soapenv:Fault><faultcode>sf:${code}</faultcode><faultstring>${escapeXml(`${code}: ${message}`)}</faultstring><detail><sf:LoginFault xsi:type="sf:LoginFault"><sf:exceptionCode>${code}</sf:exceptionCode><sf:exceptionMessage>${escapeXml(message)}</sf:exceptionMessage></sf:LoginFault></detail></soapenv:Fault></soapenv:Body></soapenv:Envelope>`;
}

export function registerSoapLogin(app: FastifyInstance, ctx: ServerContext): void {
  app.addContentTypeParser('text/xml', { parseAs: 'string' }, (_request, body, done) => done(null, body));

  app.post('/services/Soap/u/:version', async (request, reply) => {
    const { version } = request.params as { version: string };
    let username: string | undefined;
    let password: string | undefined;
    try {
      const envelope = parser.parse(String(request.body ?? '')) as {
        Envelope?: { Body?: { login?: { username?: string; password?: string } } };
      };
      username = envelope.Envelope?.Body?.login?.username;
      password = envelope.Envelope?.Body?.login?.password;
    } catch {
      return reply
        .status(500)
        .type('text/xml')
        .send(fault('INVALID_REQUEST', 'could not parse the request envelope'));
    }
    const user = ctx.org.store
      .all('User')
      .find(
        (u) =>
          typeof u.Username === 'string' &&
          u.Username.toLowerCase() === username?.toLowerCase() &&
          u.IsDeleted !== true &&
          u.IsActive !== false,
      );
    if (!user || !password?.startsWith(ctx.credentials.password)) {
      return reply
        .status(500)
        .type('text/xml')
        .send(fault('INVALID_LOGIN', 'Invalid username, password, security token; or user locked out.'));
    }
    const session = ctx.sessions.issue(user.Id, 'soap');
    const base = ctx.baseUrl();
    const seconds = Math.floor(ctx.sessions.lifetimeMs / 1000);
    const body = `<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns="urn:partner.soap.sforce.com" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><soapenv:Body><loginResponse><result><metadataServerUrl>${base}/services/Soap/m/${version}/${ctx.org.orgId}</metadataServerUrl><passwordExpired>false</passwordExpired><sandbox>false</sandbox><serverUrl>${base}/services/Soap/u/${version}/${ctx.org.orgId}</serverUrl><sessionId>${escapeXml(session.accessToken)}</sessionId><userId>${user.Id}</userId><userInfo><organizationId>${ctx.org.orgId}</organizationId><organizationName>Sales Campaigns Emulated Org</organizationName><sessionSecondsValid>${seconds}</sessionSecondsValid><userEmail>${escapeXml(String(user.Email ?? ''))}</userEmail><userFullName>${escapeXml(String(user.Name ?? ''))}</userFullName><userId>${user.Id}</userId><userName>${escapeXml(String(user.Username))}</userName><userTimeZone>${escapeXml(String(user.TimeZoneSidKey ?? ''))}</userTimeZone></userInfo></result></loginResponse></soapenv:Body></soapenv:Envelope>`;
    return reply.status(200).type('text/xml').send(body);
  });
}
