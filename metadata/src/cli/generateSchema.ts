// `npm run generate -w @sales-campaigns/metadata [-- <force-app dir> [<output file>]]`: writes the
// typed description of the package that the service and the emulator import.

import { writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  DEFAULT_FORCE_APP_DIR,
  GENERATED_SCHEMA_FILE,
  generateSchemaSource,
} from '../schema/generateSchema.ts';

const [forceAppArg, outputArg] = process.argv.slice(2);
const forceAppDir = forceAppArg === undefined ? DEFAULT_FORCE_APP_DIR : path.resolve(forceAppArg);
const outputFile = outputArg === undefined ? GENERATED_SCHEMA_FILE : path.resolve(outputArg);

try {
  writeFileSync(outputFile, await generateSchemaSource(forceAppDir, outputFile));
  process.stdout.write(`wrote ${outputFile} from ${forceAppDir}\n`);
} catch (error) {
  process.stderr.write(`generateSchema: ${(error as Error).message}\n`);
  process.exitCode = 1;
}
