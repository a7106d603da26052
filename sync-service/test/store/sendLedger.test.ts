// The at-most-once send ledger on the store, for both databases (STORE_DIALECT picks; default both).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SendLedger } from '../../src/mail/sendLedger.ts';
import { openTestStore, reopenTestStore, storeDialects, type TestStore } from '../support/testStores.ts';

const at = (minute: number) => new Date(Date.UTC(2026, 4, 4, 6, minute));

describe.each(storeDialects())('send ledger on %s', (dialect) => {
  let testStore: TestStore;
  let ledger: SendLedger;
  beforeEach(async () => {
    testStore = await openTestStore(dialect);
    ledger = testStore.store.sendLedger;
  });
  afterEach(async () => testStore.destroy());

  it('lets exactly one of many concurrent claimers send a step', async () => {
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        ledger.markSending({ stepKey: 'e:s', messageId: `<m${i}@x>`, at: at(0) }),
      ),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await ledger.get('e:s')).toMatchObject({ state: 'Sending', attempts: 1 });
  });

  it('allows a new attempt only after a deferral, counting attempts', async () => {
    expect(await ledger.markSending({ stepKey: 'e:s', messageId: '<a@x>', at: at(0) })).toBe(true);
    await ledger.markDeferred('e:s', at(1), '421 try later');
    expect(await ledger.markSending({ stepKey: 'e:s', messageId: '<b@x>', at: at(2) })).toBe(true);
    await ledger.markSent('e:s', at(3), '250 ok');
    expect(await ledger.markSending({ stepKey: 'e:s', messageId: '<c@x>', at: at(4) })).toBe(false);
    expect(await ledger.get('e:s')).toMatchObject({
      state: 'Sent',
      attempts: 2,
      messageId: '<b@x>',
      detail: '250 ok',
      updatedAt: at(3),
    });
  });

  it('never lets a late answer overwrite a decided state', async () => {
    await ledger.markSending({ stepKey: 'e:s', messageId: '<a@x>', at: at(0) });
    await ledger.markUncertain('e:s', at(1), 'connection lost after DATA');
    await expect(ledger.markSent('e:s', at(2), '250 ok')).rejects.toThrow(/not Sending, cannot become Sent/);
    expect(await ledger.markSending({ stepKey: 'e:s', messageId: '<b@x>', at: at(3) })).toBe(false);
    await ledger.reopen('e:s', at(4));
    expect(await ledger.markSending({ stepKey: 'e:s', messageId: '<b@x>', at: at(5) })).toBe(true);
  });

  it('lists steps left Sending by a crash, after a restart', async () => {
    await ledger.markSending({ stepKey: 'e:1', messageId: '<1@x>', at: at(0) });
    await ledger.markSending({ stepKey: 'e:2', messageId: '<2@x>', at: at(1) });
    await ledger.markFailed('e:2', at(2), 'Bounced', '550 5.1.1 no such user');
    await testStore.close();
    const reopened = await reopenTestStore(testStore.database);
    try {
      expect((await reopened.sendLedger.listInDoubt()).map((e) => e.stepKey)).toEqual(['e:1']);
      expect(await reopened.sendLedger.get('e:2')).toMatchObject({
        state: 'Bounced',
        detail: '550 5.1.1 no such user',
      });
    } finally {
      await reopened.close();
    }
  });
});
