// Every XML file in the source tree must parse: a stray `&` or an unclosed tag in a field file
// would otherwise surface only at deploy time, in a real org.

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import type { CheckProblem } from './checkResult.ts';

const SKIPPED_DIRECTORIES = new Set(['node_modules', '.sfdx', '.sf', '__tests__']);

export function listXmlFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRECTORIES.has(entry.name)) files.push(...listXmlFiles(full));
    } else if (entry.name.endsWith('.xml')) {
      files.push(full);
    }
  }
  return files.sort();
}

export function checkWellFormedXml(sourceDir: string): { problems: CheckProblem[]; filesChecked: number } {
  const files = listXmlFiles(sourceDir);
  const problems: CheckProblem[] = [];
  for (const file of files) {
    const result = XMLValidator.validate(readFileSync(file, 'utf8'));
    if (result !== true) {
      problems.push({
        check: 'xml.well-formed',
        file,
        message: `not well-formed XML at line ${result.err.line}, column ${result.err.col}: ${result.err.msg}`,
      });
    }
  }
  return { problems, filesChecked: files.length };
}
