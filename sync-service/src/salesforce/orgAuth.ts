// Obtains an access token for each supported grant. jsforce signs nothing itself, so the JWT
// bearer assertion is signed here with jose. Used for the first login and by jsforce's refreshFn
// (none of these grants returns a refresh token).
import { readFile } from 'node:fs/promises';
import { SignJWT, importPKCS8 } from 'jose';
import { OAuth2 } from 'jsforce';
import type { TokenResponse } from 'jsforce/lib/oauth2.js';
import type { OrgAuthConfig } from '../config/index.ts';

export class OrgAuthError extends Error {
  readonly code = 'ORG.AUTH_FAILED';
}

export interface TokenSource {
  readonly grant: OrgAuthConfig['kind'];
  fetchToken(): Promise<TokenResponse>;
}

const JWT_LIFETIME_SECONDS = 3 * 60;

export function tokenSourceFor(auth: OrgAuthConfig, loginUrl: string): TokenSource {
  const oauth2 = new OAuth2({
    loginUrl,
    ...('clientId' in auth && auth.clientId ? { clientId: auth.clientId } : {}),
    ...('clientSecret' in auth && auth.clientSecret ? { clientSecret: auth.clientSecret } : {}),
  });
  const explain = (error: unknown): never => {
    const message = (error as Error)?.message ?? String(error);
    throw new OrgAuthError(`Login to ${loginUrl} with the ${auth.kind} grant failed: ${message}`, {
      cause: error,
    });
  };

  switch (auth.kind) {
    case 'password':
      return {
        grant: auth.kind,
        fetchToken: () => oauth2.authenticate(auth.username, auth.password).catch(explain),
      };
    case 'client_credentials':
      return {
        grant: auth.kind,
        fetchToken: () =>
          (oauth2.requestToken({ grant_type: 'client_credentials' }) as Promise<TokenResponse>).catch(
            explain,
          ),
      };
    case 'jwt': {
      let keyPromise: ReturnType<typeof importPKCS8> | undefined;
      const key = () => {
        keyPromise ??= readFile(auth.keyFile, 'utf8')
          .catch((error: Error) => {
            throw new OrgAuthError(`Cannot read SF_JWT_KEY_FILE ${auth.keyFile}: ${error.message}`);
          })
          .then((pem) => importPKCS8(pem, 'RS256'))
          .catch((error: Error) => {
            throw error instanceof OrgAuthError
              ? error
              : new OrgAuthError(
                  `SF_JWT_KEY_FILE ${auth.keyFile} is not a PKCS#8 PEM RSA private key: ${error.message}`,
                );
          });
        return keyPromise;
      };
      return {
        grant: auth.kind,
        async fetchToken() {
          const assertion = await new SignJWT({})
            .setProtectedHeader({ alg: 'RS256' })
            .setIssuer(auth.clientId)
            .setSubject(auth.username)
            .setAudience(auth.audience ?? loginUrl)
            .setExpirationTime(Math.floor(Date.now() / 1000) + JWT_LIFETIME_SECONDS)
            .sign(await key());
          return (
            oauth2.requestToken({
              grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
              assertion,
            }) as Promise<TokenResponse>
          ).catch(explain);
        },
      };
    }
  }
}
