import { fieldValue, fieldValueOrNull } from 'c/graphqlFields';

describe('c-graphql-fields', () => {
  const relationship = { Name: { value: 'Acme' } };
  it.each([
    ['a value node', { value: 'Ada' }, 'Ada', 'Ada'],
    ['a value node holding null', { value: null }, null, null],
    ['a value node holding false', { value: false }, false, false],
    ['a value node holding 0', { value: 0 }, 0, 0],
    ['a relationship node (no value)', relationship, relationship, relationship],
    ['a plain value', 'a01', 'a01', 'a01'],
    ['null', null, null, null],
    ['a field the answer does not hold', undefined, undefined, null],
  ])('reads %s', (_, field, value, valueOrNull) => {
    expect(fieldValue(field)).toBe(value);
    expect(fieldValueOrNull(field)).toBe(valueOrNull);
  });
});
