// Public entry of @sales-campaigns/metadata: the package model and its reader.

export type * from './model.ts';
export { readPackage, readPackageSync, resolveMetadataRoot } from './readPackage.ts';
export { PackageReadError } from './read/packageReadError.ts';
export type { PackageReadErrorCode } from './read/packageReadError.ts';
