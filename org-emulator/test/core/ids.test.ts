// Record ids: the 18-character suffix encodes the case of the first 15 characters.
import { describe, expect, it } from 'vitest';
import { checksumSuffix, createIdGenerator, isValidId, to18 } from '../../src/core/ids.ts';

describe('record ids', () => {
  it.each([
    ['001A0000006Vm9r', 'IAC'], // a widely published real id and its 18-character form
    ['001000000000001', 'AAA'],
    ['0015000000VALDt', 'AAP'],
    ['003D000000QeN7Z', 'IAV'],
  ])('%s → suffix %s', (id15, suffix) => {
    expect(checksumSuffix(id15)).toBe(suffix);
    expect(to18(id15)).toBe(id15 + suffix);
  });

  it('validates 15- and 18-character ids', () => {
    expect(isValidId('003D000000QeN7ZIAV')).toBe(true);
    expect(isValidId('003D000000QeN7ZAAA')).toBe(false);
    expect(isValidId('003D000000QeN7Z')).toBe(true);
    expect(isValidId('003-not-an-id')).toBe(false);
  });

  it('issues increasing ids with the object key prefix and never reuses observed ones', () => {
    const ids = createIdGenerator();
    const first = ids.next('003');
    expect(first).toMatch(/^003[A-Za-z0-9]{15}$/);
    expect(isValidId(first)).toBe(true);
    const again = createIdGenerator();
    again.observe(first);
    expect(again.next('003')).not.toBe(first);
  });
});
