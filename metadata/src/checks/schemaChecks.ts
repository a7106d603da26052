// Our own schema check over the whole package model: what SDR and the XML parser do not catch.

import path from 'node:path';
import type { PackageModel } from '../model.ts';
import { resolveMetadataRoot } from '../readPackage.ts';
import { checkChannels } from './channelChecks.ts';
import type { CheckProblem } from './checkResult.ts';
import { checkCustomMetadataRecords } from './customMetadataChecks.ts';
import { checkAgainstDesign } from './expectedModelCheck.ts';
import { checkFields } from './fieldChecks.ts';
import { checkPermissionSets } from './permissionSetChecks.ts';

export interface SchemaCheckOptions {
  /** Compare with DESIGN §3 too (off for fixtures that hold only a fragment of a package). */
  design?: boolean;
}

export function checkSchema(
  model: PackageModel,
  forceAppDir: string,
  options: SchemaCheckOptions = {},
): CheckProblem[] {
  const objectsDir = path.join(resolveMetadataRoot(forceAppDir), 'objects');
  return [
    ...checkFields(model),
    ...checkPermissionSets(model),
    ...checkChannels(model),
    ...checkCustomMetadataRecords(model),
    ...(options.design === false ? [] : checkAgainstDesign(model, objectsDir)),
  ];
}
