// At start-up: a step the ledger still shows Sending was being sent when the process died. Its
// email may or may not have reached the server, so it becomes Uncertain — for an admin to
// review and retry or dismiss — and is never sent again on its own (DESIGN §2.5).
import { silentLogger, type MailLogger } from './mailLogger.ts';
import type { LedgerEntry, SendLedger } from './sendLedger.ts';

export async function recoverInDoubt(
  ledger: SendLedger,
  now: Date,
  logger: MailLogger = silentLogger,
): Promise<LedgerEntry[]> {
  const inDoubt = await ledger.listInDoubt();
  for (const entry of inDoubt) {
    await ledger.markUncertain(entry.stepKey, now, 'the service stopped while this email was being sent');
    logger.warn(
      { stepKey: entry.stepKey, messageId: entry.messageId },
      'in doubt after a restart: marked Uncertain',
    );
  }
  return inDoubt;
}
