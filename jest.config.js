// LWC unit tests (sfdx-lwc-jest). Platform modules the stubs lack live in the shared mocks.
const { jestConfig } = require('@salesforce/sfdx-lwc-jest/config');

module.exports = {
  ...jestConfig,
  roots: ['<rootDir>/force-app'],
  modulePathIgnorePatterns: ['<rootDir>/.localdevserver'],
  // Add a line per platform module whose stub lacks an export we use, pointing at
  // force-app/test/jest-mocks/lightning/<module>.js.
  moduleNameMapper: {
    '^lightning/graphql$': '<rootDir>/force-app/test/jest-mocks/lightning/graphql',
    '^lightning/actions$': '<rootDir>/force-app/test/jest-mocks/lightning/actions',
    '^lightning/formattedDateTime$':
      '<rootDir>/force-app/test/jest-mocks/lightning/formattedDateTime/formattedDateTime',
  },
  testTimeout: 20000,
};
