#!/usr/bin/env node
// Bundles the planning engine (sync-service/src/domain, pure TypeScript) into the Lightning
// service component c/planningEngine, so the campaign builder previews schedules with the very
// code the service plans with, not a second copy of its rules.
//
//   node scripts/build-lwc-engine.mjs          write force-app/main/default/lwc/planningEngine/planningEngine.js
//   node scripts/build-lwc-engine.mjs --check  exit 1 when the committed bundle differs from a fresh build
//   node scripts/build-lwc-engine.mjs --rev HEAD  build from a committed revision of the domain instead of
//                                                the working tree (while someone's domain edits are half done)
//
// The bundle holds the domain's public API (src/domain/index.ts) plus the merge-field resolver
// (src/domain/compose/mergeFields.ts, pure) used by the "Add to campaign" email preview.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { readFile, writeFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
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

/** The bundle's text, built in memory from the domain under `sourceRoot` (the repository by default). */
export async function buildEngineSource(sourceRoot = root) {
  const result = await build({
    stdin: {
      contents: ENTRY,
      resolveDir: path.join(sourceRoot, 'sync-service', 'src', 'domain'),
      sourcefile: 'planningEngineEntry.ts',
      loader: 'ts',
    },
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
  return HEADER + code.split(sourceRoot + path.sep).join('');
}

/** The bundle built from the domain as committed at `rev`. */
async function buildFromRevision(rev) {
  const dir = await mkdtemp(path.join(tmpdir(), 'lwc-engine-'));
  try {
    const archive = execFileSync('git', ['archive', '--format=tar', rev, 'sync-service/src/domain'], {
      cwd: root,
      maxBuffer: 64 * 1024 * 1024,
    });
    execFileSync('tar', ['-x', '-C', dir], { input: archive });
    return await buildEngineSource(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function main() {
  const check = process.argv.includes('--check');
  const revIndex = process.argv.indexOf('--rev');
  const fresh =
    revIndex > 0 ? await buildFromRevision(process.argv[revIndex + 1]) : await buildEngineSource();
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
