// The one-click unsubscribe page as a prospect meets it: Debian's Chromium opens the link from an
// email, the person presses the button with the keyboard, reloads, comes back. The route runs on
// a real node:http server; the port records what the service would write to the org.
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { signUnsubscribeToken } from '../../src/domain/compose/index.ts';
import { chromiumMissingReason, launchChromium, type BrowserSession } from './chromium.ts';
import { claims, startUnsubscribeServer, type UnsubscribeServer } from './unsubscribeServer.ts';

const missing = chromiumMissingReason();
if (missing) console.warn(`unsubscribe page browser test SKIPPED: ${missing}`);

const ids = [claims.personId, claims.campaignId, claims.enrollmentId];

/** What the person can read, whitespace collapsed. */
async function visibleText(page: Page): Promise<string> {
  return (await page.locator('body').innerText()).replace(/\s+/g, ' ').trim();
}

/** Tab to the page's button and press Enter, as someone without a mouse does. */
async function pressButtonWithKeyboard(page: Page): Promise<number> {
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => {
    const el = document.activeElement;
    return el ? `${el.tagName.toLowerCase()}:${el.textContent ?? ''}` : 'nothing';
  });
  expect(focused).toBe('button:Unsubscribe');
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST'),
    page.waitForEvent('load'),
    page.keyboard.press('Enter'),
  ]);
  return response.status();
}

describe.skipIf(missing !== null)(
  `unsubscribe page in Chromium${missing ? ` (SKIPPED: ${missing})` : ''}`,
  () => {
    let browser: BrowserSession;
    let server: UnsubscribeServer;
    let page: Page;

    beforeAll(async () => {
      browser = await launchChromium();
    });
    afterAll(async () => {
      await browser?.close();
    });
    beforeEach(async () => {
      server = await startUnsubscribeServer();
      page = await browser.context.newPage();
    });
    afterEach(async () => {
      await page.close();
      await server.close();
    });

    it('opening the link only asks; the keyboard press opts the person out once and says so', async () => {
      const opened = await page.goto(server.link);
      expect(opened?.status()).toBe(200);
      expect(await page.title()).toBe('Unsubscribe');
      expect(await visibleText(page)).toBe('Unsubscribe Stop receiving these emails? Unsubscribe');
      // A mail scanner or link previewer fetching the URL must not unsubscribe anyone.
      expect(server.optOuts).toEqual([]);

      // POST/Redirect/GET: the press answers 303, and the page shown is a GET of the same link.
      expect(await pressButtonWithKeyboard(page)).toBe(303);

      expect(server.optOuts).toEqual([ids]);
      expect(page.url()).toBe(`${server.link}?done=1`);
      expect(server.requests).toEqual(['GET 200', 'POST 303', 'GET 200']);
      expect(await page.title()).toBe('Unsubscribed');
      expect(await visibleText(page)).toBe(
        'You are unsubscribed You will not receive further emails from this sender’s campaigns.',
      );
      expect(await page.getByRole('button').count()).toBe(0);
    });

    it('a reload shows the same confirmation without sending the form again', async () => {
      await page.goto(server.link);
      await pressButtonWithKeyboard(page);
      expect(server.optOuts).toEqual([ids]);

      // The page after the press is a GET, so reloading it asks nothing ("resubmit the form?")
      // and calls nothing: still one opt-out.
      const reloaded = await page.reload();
      expect(reloaded?.request().method()).toBe('GET');
      expect(reloaded?.status()).toBe(200);
      expect(await visibleText(page)).toContain('You are unsubscribed');
      expect(server.optOuts).toEqual([ids]);

      // Back leads to the link's own page (no-store: fetched again, a GET, nothing called). A
      // second press is harmless: UnsubscribePort is idempotent by contract (the service's
      // unsubscribePerson changes nothing the second time): same ids, same confirmation.
      await page.goBack();
      expect(page.url()).toBe(server.link);
      expect(await visibleText(page)).toContain('Stop receiving these emails?');
      expect(server.optOuts).toEqual([ids]);
      expect(await pressButtonWithKeyboard(page)).toBe(303);
      expect(await visibleText(page)).toContain('You are unsubscribed');

      // Every opt-out is this person's and came from a POST — none from opening a page.
      expect(server.requests).toEqual([
        'GET 200',
        'POST 303',
        'GET 200',
        'GET 200',
        'GET 200',
        'POST 303',
        'GET 200',
      ]);
      expect(server.optOuts).toEqual([ids, ids]);
    });

    it('the "done" page opened on its own (a prefetch, a shared link) opts nobody out', async () => {
      const opened = await page.goto(`${server.link}?done=1`);
      expect(opened?.status()).toBe(200);
      expect(await visibleText(page)).toContain('You are unsubscribed');
      expect(server.optOuts).toEqual([]);
    });

    it.each([
      ['another person’s id in the link', () => server.link.replace(claims.personId, '003000000000002')],
      [
        'a link signed with another secret',
        () => `${server.base}/u/${signUnsubscribeToken(claims, 'someone-elses-secret-0123')}`,
      ],
      ['a cut-off link', () => server.link.slice(0, -5)],
      [
        'a forged link marked done',
        () => `${server.link.replace(claims.personId, '003000000000002')}?done=1`,
      ],
    ])('%s gets a plain not-valid page and opts nobody out', async (_name, link) => {
      const opened = await page.goto(link());
      expect(opened?.status()).toBe(404);
      expect(await page.title()).toBe('Link not valid');
      expect(await visibleText(page)).toBe(
        'This link is not valid Please use the unsubscribe link from the email itself, or reply to the sender.',
      );
      // Nothing to press: no form a forged link could submit.
      expect(await page.getByRole('button').count()).toBe(0);
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      expect(server.requests).toEqual(['GET 404']);
      expect(server.optOuts).toEqual([]);
    });

    it('when the org cannot record it, the page asks to try again and a later press works', async () => {
      await page.goto(server.link);
      server.failing = true;
      expect(await pressButtonWithKeyboard(page)).toBe(503);
      expect(await visibleText(page)).toBe(
        'Something went wrong We could not record your request just now. Please try again in a few minutes.',
      );
      expect(server.optOuts).toEqual([]);

      // The error page is a POST result: reloading it sends the press again, which now works.
      server.failing = false;
      await page.reload();
      expect(await visibleText(page)).toContain('You are unsubscribed');
      expect(page.url()).toBe(`${server.link}?done=1`);
      expect(server.optOuts).toEqual([ids]);
    });
  },
);
