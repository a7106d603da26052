#!/usr/bin/env node
// Bundles the planning engine (sync-service/src/domain, pure TypeScript) into the Lightning
// service component c/planningEngine, so the campaign builder previews schedules with the very
// code the service plans with, not a second copy of its rules.
//
//   node scripts/build-lwc-engine.mjs          write force-app/main/default/lwc/planningEngine/planningEngine.js
//   node scripts/build-lwc-engine.mjs --check  exit 1 when the committed bundle differs from a fresh build
//
// The bundle holds the domain's public API (src/domain/index.ts) plus the merge-field resolver
// (src/domain/compose/mergeFields.ts, pure) used by the "Add to campaign" email preview.
import { build } from 'esbuild';
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const domainDir = path.join(root, 'sync-service', 'src', 'domain');
const bundleDir = path.join(root, 'force-app', 'main', 'default', 'lwc', 'planningEngine');
export const BUNDLE_FILE = path.join(bundleDir, 'planningEngine.js');
const META_FILE = path.join(bundleDir, 'planningEngine.js-meta.xml');

const ENTRY = `export * from './index.ts';
export { splitOnMergeFields, mergeFieldsIn, requiredFields, resolveMergeField } from './compose/mergeFields.ts';
export { ComposeError } from './compose/composeError.ts';
`;

const HEADER = `/*
 * GENERATED FILE - DO NOT EDIT.
 * Built by scripts/build-lwc-engine.mjs from sync-service/src/domain (index.ts and
 * compose/mergeFields.ts): the planning engine the sync service runs, as an LWC service module.
 * Rebuild with \`node scripts/build-lwc-engine.mjs\`; a jest test fails when this file is stale.
 */
`;

const META = `<?xml version="1.0" encoding="UTF-8"?>
<LightningComponentBundle xmlns="http://soap.sforce.com/2006/04/metadata">
    <apiVersion>62.0</apiVersion>
    <isExposed>false</isExposed>
    <description>Generated: the sync service's planning engine (sync-service/src/domain) bundled for the builder's schedule preview.</description>
</LightningComponentBundle>
`;

/** The bundle's text, built in memory. */
export async function buildEngineSource() {
  const result = await build({
    stdin: { contents: ENTRY, resolveDir: domainDir, sourcefile: 'planningEngineEntry.ts', loader: 'ts' },
    bundle: true,
    format: 'esm',
    // Browser code: any Node built-in the domain might import fails the build instead of shipping.
    platform: 'browser',
    target: 'es2021',
    write: false,
    legalComments: 'none',
    charset: 'utf8',
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].text;
  // Paths in esbuild's section comments would differ between checkouts; keep them relative.
  return HEADER + code.split(root + path.sep).join('');
}

async function main() {
  const check = process.argv.includes('--check');
  const fresh = await buildEngineSource();
  if (check) {
    const current = await readFile(BUNDLE_FILE, 'utf8').catch(() => '');
    if (current !== fresh) {
      process.stderr.write(
        'force-app/main/default/lwc/planningEngine/planningEngine.js is stale: sync-service/src/domain changed.\n' +
          'Rebuild it with: node scripts/build-lwc-engine.mjs\n',
      );
      process.exit(1);
    }
    return;
  }
  await mkdir(bundleDir, { recursive: true });
  await writeFile(BUNDLE_FILE, fresh);
  await writeFile(META_FILE, META);
  process.stdout.write(`wrote ${path.relative(root, BUNDLE_FILE)} (${fresh.length} characters)\n`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  });
}
