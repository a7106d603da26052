// Reads the package (force-app) the org's schema comes from. A missing package is not fatal:
// the org then serves the standard objects only, and says so on the log.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readPackageSync, type PackageModel } from '@sales-campaigns/metadata';

export const EMPTY_PACKAGE: PackageModel = {
  objects: [],
  customMetadataRecords: [],
  channels: [],
  permissionSets: [],
};

/** The repository's force-app, next to this package. */
export function defaultForceAppDir(): string {
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../force-app');
}

export function loadPackageModel(forceAppDir: string, log: (line: string) => void): PackageModel {
  if (!existsSync(forceAppDir)) {
    log(`org-emulator: no package at ${forceAppDir}; serving standard objects only`);
    return EMPTY_PACKAGE;
  }
  return readPackageSync(forceAppDir);
}
