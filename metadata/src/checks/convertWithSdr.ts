// Resolves every component of a source tree with @salesforce/source-deploy-retrieve and converts
// the tree to metadata (mdapi) format, offline, at an explicit API version. A file SDR cannot
// map to a metadata type, or a component it cannot convert, is reported with its path.

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ComponentSet, MetadataConverter } from '@salesforce/source-deploy-retrieve';
import type { CheckProblem } from './checkResult.ts';

export const PACKAGE_API_VERSION = '62.0';

export interface SdrConversion {
  problems: CheckProblem[];
  /** `Type:FullName` of every component SDR resolved, child components (fields, rules) included, sorted. */
  components: string[];
  /** The converted package.xml, when conversion succeeded. */
  packageXml?: string;
}

export async function convertWithSdr(
  sourceDir: string,
  apiVersion = PACKAGE_API_VERSION,
): Promise<SdrConversion> {
  let componentSet: ComponentSet;
  try {
    componentSet = ComponentSet.fromSource(sourceDir);
  } catch (error) {
    // SDR names the unresolvable file in its message; keep it as-is.
    return {
      problems: [{ check: 'sdr.resolve', file: sourceDir, message: (error as Error).message }],
      components: [],
    };
  }
  componentSet.apiVersion = apiVersion;
  componentSet.sourceApiVersion = apiVersion;
  const components = componentSet
    .getSourceComponents()
    .toArray()
    .flatMap((component) => [component, ...component.getChildren()])
    .map((component) => `${component.type.name}:${component.fullName}`)
    .sort();

  const outputDirectory = mkdtempSync(path.join(os.tmpdir(), 'sales-campaigns-mdapi-'));
  try {
    await new MetadataConverter().convert(componentSet, 'metadata', {
      type: 'directory',
      outputDirectory,
      genUniqueDir: false,
    });
    const packageXml = readFileSync(path.join(outputDirectory, 'package.xml'), 'utf8');
    return { problems: [], components, packageXml };
  } catch (error) {
    return {
      problems: [{ check: 'sdr.convert', file: sourceDir, message: (error as Error).message }],
      components,
    };
  } finally {
    rmSync(outputDirectory, { recursive: true, force: true });
  }
}
