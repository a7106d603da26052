// The small pages of the unsubscribe endpoint. No scripts, no external resources: the
// confirmation page's button is a plain form that POSTs back to the same URL.

const STYLE =
  'body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;color:#1f2933}' +
  'button{font:inherit;padding:.6rem 1.2rem;border-radius:.3rem;border:1px solid #0b5cab;background:#0b5cab;color:#fff;cursor:pointer}';

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${title}</title><style>${STYLE}</style></head><body>${body}</body></html>`;
}

export function confirmationPage(): string {
  // With no action the form posts to the page's own URL, token included, with the RFC 8058 body
  // (an empty action="" is not valid HTML); confirm=1
  // tells the route the person pressed this button, so it redirects to a GET (no resubmission).
  return page(
    'Unsubscribe',
    '<h1>Unsubscribe</h1><p>Stop receiving these emails?</p>' +
      '<form method="post"><input type="hidden" name="List-Unsubscribe" value="One-Click">' +
      '<input type="hidden" name="confirm" value="1">' +
      '<button type="submit">Unsubscribe</button></form>',
  );
}

export function unsubscribedPage(): string {
  return page(
    'Unsubscribed',
    '<h1>You are unsubscribed</h1><p>You will not receive further emails from this sender’s campaigns.</p>',
  );
}

export function invalidLinkPage(): string {
  return page(
    'Link not valid',
    '<h1>This link is not valid</h1><p>Please use the unsubscribe link from the email itself, or reply to the sender.</p>',
  );
}

export function tryAgainPage(): string {
  return page(
    'Please try again',
    '<h1>Something went wrong</h1><p>We could not record your request just now. Please try again in a few minutes.</p>',
  );
}
