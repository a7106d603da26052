// Runs every offline check over a repository checkout and returns all problems at once: the
// same checks the test suite runs, for the command line and for other tools.

import path from 'node:path';
import { readPackageSync } from '../readPackage.ts';
import { checkGeneratedSchemaFresh } from '../schema/generateSchema.ts';
import type { CheckProblem } from './checkResult.ts';
import { convertWithSdr } from './convertWithSdr.ts';
import { checkSampleData } from './sampleDataChecks.ts';
import { checkSchema } from './schemaChecks.ts';
import { checkWellFormedXml } from './wellFormedXml.ts';

export type { CheckProblem } from './checkResult.ts';
export { formatProblems } from './checkResult.ts';

export async function runAllChecks(repoRoot: string): Promise<CheckProblem[]> {
  const forceAppDir = path.join(repoRoot, 'force-app');
  const xml = checkWellFormedXml(forceAppDir).problems;
  // A malformed file would make every later check fail on the same cause; report it alone.
  if (xml.length > 0) return xml;
  const model = readPackageSync(forceAppDir);
  return [
    ...(await convertWithSdr(forceAppDir)).problems,
    ...checkSchema(model, forceAppDir),
    ...checkSampleData(model, path.join(repoRoot, 'data', 'sample-plan.json')),
    ...(await checkGeneratedSchemaFresh(forceAppDir)),
  ];
}
