// `npm run check -w @sales-campaigns/metadata [-- <repository root>]`: every offline check of the
// Salesforce package, one line per problem on stderr; exit status 1 when there is any.

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatProblems } from '../checks/checkResult.ts';
import { runAllChecks } from '../checks/runAllChecks.ts';

const defaultRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const repoRoot = path.resolve(process.argv[2] ?? defaultRoot);

process.env['SF_DISABLE_AUTOUPDATE'] = 'true';
process.env['SF_SKIP_NEW_VERSION_CHECK'] = 'true';

try {
  const problems = await runAllChecks(repoRoot);
  if (problems.length > 0) {
    process.stderr.write(`${formatProblems(problems)}\n${problems.length} problem(s) in ${repoRoot}\n`);
    process.exitCode = 1;
  } else {
    process.stdout.write(`package checks passed for ${repoRoot}\n`);
  }
} catch (error) {
  process.stderr.write(`checkPackage: ${(error as Error).message}\n`);
  process.exitCode = 1;
}
