// Produces the generated schema module for a force-app tree, formatted with the repository's
// Prettier settings so `format:check` and the freshness test agree on every byte.

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import type { CheckProblem } from '../checks/checkResult.ts';
import { readPackageSync } from '../readPackage.ts';
import { renderSchemaSource } from './renderSchema.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
/** metadata/src/generated/packageSchema.ts */
export const GENERATED_SCHEMA_FILE = path.resolve(here, '..', 'generated', 'packageSchema.ts');
/** The repository's force-app. */
export const DEFAULT_FORCE_APP_DIR = path.resolve(here, '..', '..', '..', 'force-app');

export async function generateSchemaSource(
  forceAppDir: string,
  outputFile = GENERATED_SCHEMA_FILE,
): Promise<string> {
  const source = renderSchemaSource(readPackageSync(forceAppDir));
  const options = (await prettier.resolveConfig(outputFile)) ?? {};
  return prettier.format(source, { ...options, filepath: outputFile, parser: 'typescript' });
}

/** Fails when the committed file differs from what force-app generates now. */
export async function checkGeneratedSchemaFresh(
  forceAppDir: string,
  generatedFile = GENERATED_SCHEMA_FILE,
): Promise<CheckProblem[]> {
  const expected = await generateSchemaSource(forceAppDir, generatedFile);
  const actual = existsSync(generatedFile) ? readFileSync(generatedFile, 'utf8') : undefined;
  if (actual === expected) return [];
  const fix = 'run `npm run generate -w @sales-campaigns/metadata` and commit the result';
  if (actual === undefined)
    return [{ check: 'schema.generated-fresh', file: generatedFile, message: `missing; ${fix}` }];
  const actualLines = actual.split('\n');
  const expectedLines = expected.split('\n');
  const firstDifference = expectedLines.findIndex((line, index) => line !== actualLines[index]);
  const line = firstDifference === -1 ? expectedLines.length : firstDifference + 1;
  return [
    {
      check: 'schema.generated-fresh',
      file: generatedFile,
      message: `stale: differs from ${forceAppDir} from line ${line} (expected ${JSON.stringify(expectedLines[line - 1] ?? '')}); ${fix}`,
    },
  ];
}
