/*
 * Jest stand-in for lightning/graphql. The platform stub has the `graphql` wire adapter and `gql`
 * but lacks `executeMutation` and `refreshGraphQL`; this module keeps the stub's adapter shape
 * (emit / emitErrors) and adds both. `gql` returns the query text so tests can inspect it.
 */
import { createTestWireAdapter } from '@salesforce/wire-service-jest-util';

export class graphql extends createTestWireAdapter() {
  static emit(value, filterFn, refreshFn) {
    super.emit(
      {
        data: value,
        errors: undefined,
        ...(refreshFn !== undefined && { refresh: refreshFn }),
      },
      filterFn,
    );
  }

  static emitErrors(errors, filterFn, refreshFn) {
    super.emit(
      {
        data: undefined,
        errors,
        ...(refreshFn !== undefined && { refresh: refreshFn }),
      },
      filterFn,
    );
  }
}

export const gql = jest.fn((strings, ...values) =>
  strings.reduce((text, part, i) => text + part + (i < values.length ? values[i] : ''), ''),
);
export const executeMutation = jest.fn().mockResolvedValue({ data: {}, errors: undefined });
export const refreshGraphQL = jest.fn().mockResolvedValue();
