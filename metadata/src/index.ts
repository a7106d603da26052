// Public entry of @sales-campaigns/metadata: the package model and its reader. Kept light (no
// SDR, no Prettier) because the org emulator imports it at start-up; the offline checks are
// `@sales-campaigns/metadata/checks`.

export type * from './model.ts';
export { readPackage, readPackageSync, resolveMetadataRoot } from './readPackage.ts';
export { PackageReadError } from './read/packageReadError.ts';
export type { PackageReadErrorCode } from './read/packageReadError.ts';
export type { CheckProblem } from './checks/checkResult.ts';
export { formatProblems } from './checks/checkResult.ts';
