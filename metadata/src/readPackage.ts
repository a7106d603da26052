// Reads a force-app source tree into the PackageModel: the one reader behind the offline checks,
// the generated schema and the org emulator's start-up.

import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { PackageModel } from './model.ts';
import { PackageReadError } from './read/packageReadError.ts';
import { readChannels } from './read/readChannels.ts';
import { readCustomMetadataRecords } from './read/readCustomMetadata.ts';
import { readObjects } from './read/readObjects.ts';
import { readPermissionSets } from './read/readPermissionSets.ts';

/**
 * Accepts the package directory (`force-app`), its `main/default` folder, or any folder that
 * directly holds `objects/`.
 */
export function resolveMetadataRoot(forceAppDir: string): string {
  const candidates = [path.join(forceAppDir, 'main', 'default'), forceAppDir];
  for (const candidate of candidates) {
    if (
      existsSync(path.join(candidate, 'objects')) &&
      statSync(path.join(candidate, 'objects')).isDirectory()
    )
      return candidate;
  }
  throw new PackageReadError(
    'PACKAGE.NOT_FOUND',
    forceAppDir,
    'no objects/ folder here or under main/default',
  );
}

/** Synchronous: the emulator calls it once at start-up before it listens. */
export function readPackageSync(forceAppDir: string): PackageModel {
  const root = resolveMetadataRoot(forceAppDir);
  return {
    objects: readObjects(path.join(root, 'objects')),
    customMetadataRecords: readCustomMetadataRecords(path.join(root, 'customMetadata')),
    channels: readChannels(
      path.join(root, 'platformEventChannels'),
      path.join(root, 'platformEventChannelMembers'),
    ),
    permissionSets: readPermissionSets(path.join(root, 'permissionsets')),
  };
}

/**
 * The same model as a promise, for async callers. It reads synchronously underneath: a package
 * is about a hundred small files, read once at start-up.
 */
export async function readPackage(forceAppDir: string): Promise<PackageModel> {
  return readPackageSync(forceAppDir);
}
