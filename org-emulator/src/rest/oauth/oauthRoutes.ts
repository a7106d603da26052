// The OAuth 2.0 endpoints: token (password, refresh_token, client_credentials, JWT bearer),
// revoke, userinfo and the identity URL every token response points at.
import { createHmac } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { SRecord } from '../../core/recordStore.ts';
import type { ServerContext } from '../context.ts';
import { JwtGrantError, verifyJwtAssertion } from './jwtBearer.ts';

type Form = Record<string, string | undefined>;

function oauthError(reply: FastifyReply, error: string, description: string, status = 400): FastifyReply {
  return reply.status(status).send({ error, error_description: description });
}

export function registerOAuthRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const findUser = (username: string | undefined): SRecord | undefined =>
    ctx.org.store
      .all('User')
      .find(
        (u) =>
          typeof u.Username === 'string' &&
          u.Username.toLowerCase() === username?.toLowerCase() &&
          u.IsDeleted !== true,
      );

  const grant = (
    reply: FastifyReply,
    user: SRecord,
    clientId: string,
    withRefresh: boolean,
    refreshToken?: string,
  ): FastifyReply => {
    if (user.IsActive === false) return oauthError(reply, 'invalid_grant', 'inactive user');
    const session = ctx.sessions.issue(user.Id, clientId);
    const base = ctx.baseUrl();
    const id = `${base}/id/${ctx.org.orgId}/${user.Id}`;
    const issuedAt = String(session.issuedAt);
    const body: Record<string, string> = {
      access_token: session.accessToken,
      instance_url: base,
      id,
      token_type: 'Bearer',
      issued_at: issuedAt,
      signature: createHmac('sha256', ctx.credentials.clientSecret)
        .update(id + issuedAt)
        .digest('base64'),
      scope: 'api refresh_token',
    };
    if (withRefresh) body.refresh_token = refreshToken ?? ctx.sessions.issueRefreshToken(user.Id, clientId);
    return reply.status(200).send(body);
  };

  const clientFrom = (form: Form, authorization: string | undefined): { id?: string; secret?: string } => {
    const basic = /^Basic\s+(.+)$/i.exec(authorization ?? '')?.[1];
    if (basic) {
      const [id, secret] = Buffer.from(basic, 'base64').toString().split(':');
      return { id, secret };
    }
    return { id: form.client_id, secret: form.client_secret };
  };

  app.post('/services/oauth2/token', async (request, reply) => {
    const form = { ...(request.query as Form), ...((request.body ?? {}) as Form) };
    const client = clientFrom(form, request.headers.authorization);
    // The JWT grant names its connected app inside the assertion (iss), not in the form.
    const isJwt = form.grant_type === 'urn:ietf:params:oauth:grant-type:jwt-bearer';
    if (!isJwt && client.id !== ctx.credentials.clientId)
      return oauthError(reply, 'invalid_client_id', 'client identifier invalid');
    const secretOk = client.secret === ctx.credentials.clientSecret;
    switch (form.grant_type) {
      case 'password': {
        if (!secretOk) return oauthError(reply, 'invalid_client', 'invalid client credentials');
        const user = findUser(form.username);
        // The password may carry the user's security token appended, as on Salesforce.
        if (!user || !form.password?.startsWith(ctx.credentials.password))
          return oauthError(reply, 'invalid_grant', 'authentication failure');
        return grant(reply, user, ctx.credentials.clientId, false);
      }
      case 'client_credentials': {
        if (!secretOk) return oauthError(reply, 'invalid_client', 'invalid client credentials');
        const user = ctx.org.store.get('User', ctx.integrationUserId);
        if (!user) return oauthError(reply, 'invalid_grant', 'no client credentials user enabled');
        return grant(reply, user, ctx.credentials.clientId, false);
      }
      case 'refresh_token': {
        if (client.secret !== undefined && !secretOk)
          return oauthError(reply, 'invalid_client', 'invalid client credentials');
        const redeemed = form.refresh_token ? ctx.sessions.redeemRefreshToken(form.refresh_token) : undefined;
        const user = redeemed && ctx.org.store.get('User', redeemed.userId);
        if (!user) return oauthError(reply, 'invalid_grant', 'expired access/refresh token');
        return grant(reply, user, ctx.credentials.clientId, false);
      }
      case 'urn:ietf:params:oauth:grant-type:jwt-bearer': {
        try {
          const username = await verifyJwtAssertion(
            form.assertion ?? '',
            ctx.jwtVerificationKey,
            ctx.credentials.clientId,
            ctx.baseUrl(),
            ctx.org.clock.now(),
          );
          const user = findUser(username);
          if (!user) return oauthError(reply, 'invalid_grant', "user hasn't approved this consumer");
          return grant(reply, user, ctx.credentials.clientId, false);
        } catch (error) {
          if (error instanceof JwtGrantError) return oauthError(reply, 'invalid_grant', error.message);
          throw error;
        }
      }
      default:
        return oauthError(reply, 'unsupported_grant_type', 'grant type not supported');
    }
  });

  app.post('/services/oauth2/revoke', async (request, reply) => {
    const form = { ...(request.query as Form), ...((request.body ?? {}) as Form) };
    if (!form.token || ctx.sessions.revoke(form.token) === 0)
      return oauthError(reply, 'unsupported_token_type', 'this token type is not supported');
    return reply.status(200).send();
  });

  const identity = (userId: string): Record<string, unknown> | undefined => {
    const user = ctx.org.store.get('User', userId);
    if (!user) return undefined;
    const base = ctx.baseUrl();
    return {
      id: `${base}/id/${ctx.org.orgId}/${user.Id}`,
      asserted_user: true,
      user_id: user.Id,
      organization_id: ctx.org.orgId,
      username: user.Username,
      nick_name: user.Alias,
      display_name: user.Name,
      email: user.Email,
      first_name: user.FirstName,
      last_name: user.LastName,
      timezone: user.TimeZoneSidKey,
      active: user.IsActive,
      user_type: 'STANDARD',
      language: 'en_US',
      locale: 'en_US',
      utcOffset: 0,
      urls: {
        enterprise: `${base}/services/Soap/c/{version}/${ctx.org.orgId}`,
        partner: `${base}/services/Soap/u/{version}/${ctx.org.orgId}`,
        rest: `${base}/services/data/v{version}/`,
        sobjects: `${base}/services/data/v{version}/sobjects/`,
        query: `${base}/services/data/v{version}/query/`,
        limits: `${base}/services/data/v{version}/limits/`,
        profile: `${base}/${user.Id}`,
      },
    };
  };

  const bearer = (authorization: string | undefined) => {
    const token = /^(?:Bearer|OAuth)\s+(.+)$/i.exec(authorization ?? '')?.[1];
    return token ? ctx.sessions.verify(token.trim()) : null;
  };

  app.get('/id/:orgId/:userId', async (request, reply) => {
    const session =
      bearer(request.headers.authorization) ?? bearer(`Bearer ${(request.query as Form).oauth_token ?? ''}`);
    if (!session) return reply.status(403).send('Bad_OAuth_Token');
    const { userId } = request.params as { userId: string };
    const body = identity(userId);
    return body ? reply.send(body) : reply.status(404).send('Bad_Id');
  });

  app.get('/services/oauth2/userinfo', async (request, reply) => {
    const session = bearer(request.headers.authorization);
    if (!session) return reply.status(403).send('Bad_OAuth_Token');
    const body = identity(session.userId)!;
    return reply.send({
      sub: body.id,
      user_id: body.user_id,
      organization_id: body.organization_id,
      preferred_username: body.username,
      name: body.display_name,
      email: body.email,
      zoneinfo: body.timezone,
    });
  });
}
