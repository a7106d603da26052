// Screenshots of the unsubscribe page for sync-service/src/mail/README.md, taken in Debian's
// Chromium from the real route: the question a person sees when following the link, and the
// confirmation after pressing the button. Not a test; run it after changing the page:
//   cd sync-service && npx --no-install tsx test/browser/captureScreens.ts
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumMissingReason, launchChromium } from './chromium.ts';
import { startUnsubscribeServer } from './unsubscribeServer.ts';

const missing = chromiumMissingReason();
if (missing) {
  process.stderr.write(`captureScreens: ${missing}\n`);
  process.exit(1);
}

const imagesDir = join(dirname(fileURLToPath(import.meta.url)), '../../../docs/images');
await mkdir(imagesDir, { recursive: true });

const server = await startUnsubscribeServer();
const browser = await launchChromium();
try {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 800, height: 420 });
  await page.goto(server.link);
  await page.screenshot({ path: join(imagesDir, 'unsubscribe-confirm.png') });
  await page.keyboard.press('Tab');
  await Promise.all([page.waitForEvent('load'), page.keyboard.press('Enter')]);
  if (server.optOuts.length !== 1) throw new Error(`expected one opt-out, got ${server.optOuts.length}`);
  await page.screenshot({ path: join(imagesDir, 'unsubscribe-done.png') });
  process.stdout.write(
    `captureScreens: wrote unsubscribe-confirm.png and unsubscribe-done.png in ${imagesDir}\n`,
  );
} finally {
  await browser.close();
  await server.close();
}
