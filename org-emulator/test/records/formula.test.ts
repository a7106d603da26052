// Validation-rule formulas: a table of formulas and records → whether the rule fires.
import { describe, expect, it } from 'vitest';
import { FormulaError, evaluateFormula, parseFormula } from '../../src/records/formula.ts';

const evaluate = (formula: string, record: Record<string, unknown>, prior?: Record<string, unknown>) =>
  evaluateFormula(parseFormula(formula), {
    get: (f) => record[f] ?? null,
    prior: (f) => prior?.[f] ?? null,
    isNew: prior === undefined,
  });

describe('validation rule formulas', () => {
  it.each([
    [
      "AND(ISPICKVAL(Send_Option__c, 'At_Time'), ISBLANK(Send_Time__c))",
      { Send_Option__c: 'At_Time', Send_Time__c: null },
      true,
    ],
    [
      "AND(ISPICKVAL(Send_Option__c, 'At_Time'), ISBLANK(Send_Time__c))",
      { Send_Option__c: 'At_Time', Send_Time__c: '09:00:00.000Z' },
      false,
    ],
    ['Day__c < 1', { Day__c: 0 }, true],
    ['Day__c < 1', { Day__c: 3 }, false],
    ['Day__c < 1', { Day__c: null }, false],
    ['ISBLANK(Contact__c) = ISBLANK(Lead__c)', { Contact__c: null, Lead__c: null }, true],
    ['ISBLANK(Contact__c) = ISBLANK(Lead__c)', { Contact__c: '003', Lead__c: null }, false],
    ['ISBLANK(Contact__c) = ISBLANK(Lead__c)', { Contact__c: '003', Lead__c: '00Q' }, true],
    ["NOT(OR(ISPICKVAL(S, 'A'), ISPICKVAL(S, 'B')))", { S: 'C' }, true],
    ["S = 'A' && !(N >= 2) || LEN(T) > 3", { S: 'A', N: 1, T: '' }, true],
    ['IF(ISBLANK(T), 0, LEN(T)) + 1 == 5', { T: 'abcd' }, true],
    ['/* comment */ TRUE', {}, true],
  ])('%s with %j → %s', (formula, record, expected) => {
    expect(evaluate(formula, record)).toBe(expected);
  });

  it('knows new and changed records', () => {
    expect(evaluate('ISNEW()', {})).toBe(true);
    expect(evaluate('ISCHANGED(Status__c)', { Status__c: 'Active' }, { Status__c: 'Draft' })).toBe(true);
    expect(evaluate("PRIORVALUE(Status__c) = 'Draft'", { Status__c: 'Active' }, { Status__c: 'Draft' })).toBe(
      true,
    );
  });

  it('refuses functions it does not implement rather than guessing', () => {
    expect(() => evaluate('REGEX(Email, ".*")', { Email: 'a' })).toThrow(FormulaError);
  });
});
