// Where the tests find the real package and the deliberately broken fixtures.

import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '..', '..');
export const forceAppDir = path.join(repoRoot, 'force-app');
export const fixture = (name: string): string => path.join(here, 'fixtures', name);
