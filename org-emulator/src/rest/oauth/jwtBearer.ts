// The JWT bearer grant: the assertion must be RS256-signed by the key whose certificate the
// connected app holds, issued by its client id, for a known username, to a login audience,
// and not expired (on the emulator clock).
import { importSPKI, importX509, jwtVerify } from 'jose';

export class JwtGrantError extends Error {}

const LOGIN_AUDIENCES = ['https://login.salesforce.com', 'https://test.salesforce.com'];

export async function verifyJwtAssertion(
  assertion: string,
  pem: string | undefined,
  clientId: string,
  baseUrl: string,
  now: number,
): Promise<string> {
  if (!pem) throw new JwtGrantError('invalid assertion');
  const key = pem.includes('BEGIN CERTIFICATE')
    ? await importX509(pem, 'RS256')
    : await importSPKI(pem, 'RS256');
  try {
    const { payload } = await jwtVerify(assertion, key, {
      algorithms: ['RS256'],
      issuer: clientId,
      audience: [...LOGIN_AUDIENCES, baseUrl, `${baseUrl}/`],
      currentDate: new Date(now),
      // Salesforce allows three minutes of clock skew on exp.
      clockTolerance: 180,
    });
    if (typeof payload.sub !== 'string') throw new JwtGrantError('invalid assertion');
    if (payload.exp === undefined) throw new JwtGrantError('invalid assertion');
    return payload.sub;
  } catch (error) {
    if (error instanceof JwtGrantError) throw error;
    const code = (error as { code?: string }).code;
    throw new JwtGrantError(
      code === 'ERR_JWT_EXPIRED'
        ? 'expired authorization code'
        : code === 'ERR_JWT_CLAIM_VALIDATION_FAILED'
          ? 'invalid assertion'
          : 'invalid assertion',
    );
  }
}
