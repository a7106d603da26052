// One-click unsubscribe (RFC 8058): the List-Unsubscribe header with the signed https URL (and a
// mailto when the org configured a mailbox for it), List-Unsubscribe-Post, and the optional
// footer link in the body. Gmail and Yahoo require these headers of bulk senders, and RFC 8058
// requires the DKIM signature to cover both (the SMTP transport signs them).
import type { UnsubscribeClaims } from './unsubscribeToken.ts';
import { signUnsubscribeToken } from './unsubscribeToken.ts';
import { escapeHtmlText } from './htmlEscape.ts';

export interface UnsubscribeSettings {
  /** Where the service serves the endpoint, e.g. `https://sync.example.com/u/`. */
  readonly baseUrl: string;
  /** The first secret signs tokens (see unsubscribeToken.ts). */
  readonly secret: string;
  /** Optional mailbox; the token travels in the subject so the mailbox handler can act on it. */
  readonly mailto?: string | undefined;
  /** Append "Unsubscribe" under this step's own body. */
  readonly footer?: boolean | undefined;
  readonly footerLabel?: string | undefined;
}

export interface UnsubscribeParts {
  readonly url: string;
  readonly headers: { 'List-Unsubscribe': string; 'List-Unsubscribe-Post': string };
  readonly footerHtml: string;
  readonly footerText: string;
}

export function unsubscribeParts(settings: UnsubscribeSettings, claims: UnsubscribeClaims): UnsubscribeParts {
  const token = signUnsubscribeToken(claims, settings.secret);
  const base = settings.baseUrl.endsWith('/') ? settings.baseUrl : `${settings.baseUrl}/`;
  const url = `${base}${token}`;
  const targets = [`<${url}>`];
  if (settings.mailto) targets.push(`<mailto:${settings.mailto}?subject=unsubscribe%20${token}>`);
  const label = settings.footerLabel ?? 'Unsubscribe';
  return {
    url,
    headers: {
      'List-Unsubscribe': targets.join(', '),
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
    footerHtml: settings.footer
      ? `<p style="font-size:12px;color:#888888"><a href="${url}">${escapeHtmlText(label)}</a></p>`
      : '',
    footerText: settings.footer ? `\n\n${label} <${url}>` : '',
  };
}
