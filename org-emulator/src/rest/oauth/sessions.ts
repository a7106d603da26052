// Access and refresh tokens. Access tokens look like Salesforce's (`<org id>!<random>`) and
// expire on the emulator clock after a configurable lifetime; expired or revoked tokens get
// 401 INVALID_SESSION_ID on the next call, which is what makes clients refresh.
import { randomBytes } from 'node:crypto';

export interface Session {
  accessToken: string;
  userId: string;
  orgId: string;
  issuedAt: number;
  expiresAt: number;
  /** The connected app (client id) the token was issued to. */
  clientId: string;
}

export class SessionStore {
  private readonly sessions = new Map<string, Session>();
  private readonly refreshTokens = new Map<string, { userId: string; clientId: string }>();

  constructor(
    private readonly orgId: string,
    private readonly now: () => number,
    public lifetimeMs: number,
  ) {}

  issue(userId: string, clientId: string): Session {
    const issuedAt = this.now();
    const session: Session = {
      accessToken: `${this.orgId.slice(0, 15)}!${randomBytes(48).toString('base64url')}`,
      userId,
      orgId: this.orgId,
      issuedAt,
      expiresAt: issuedAt + this.lifetimeMs,
      clientId,
    };
    this.sessions.set(session.accessToken, session);
    return session;
  }

  issueRefreshToken(userId: string, clientId: string): string {
    const token = `5Aep861${randomBytes(40).toString('base64url')}`;
    this.refreshTokens.set(token, { userId, clientId });
    return token;
  }

  redeemRefreshToken(token: string): { userId: string; clientId: string } | undefined {
    return this.refreshTokens.get(token);
  }

  /** The live session for a token, or null when unknown, revoked or expired. */
  verify(accessToken: string): Session | null {
    const session = this.sessions.get(accessToken);
    if (!session) return null;
    if (this.now() >= session.expiresAt) {
      this.sessions.delete(accessToken);
      return null;
    }
    return session;
  }

  /** Revokes one access or refresh token, or every token when none is given. */
  revoke(token?: string): number {
    if (token === undefined) {
      const count = this.sessions.size + this.refreshTokens.size;
      this.sessions.clear();
      this.refreshTokens.clear();
      return count;
    }
    return Number(this.sessions.delete(token)) + Number(this.refreshTokens.delete(token));
  }

  /** Expires every current access token (refresh tokens stay valid). */
  expireAll(): number {
    const count = this.sessions.size;
    this.sessions.clear();
    return count;
  }
}
