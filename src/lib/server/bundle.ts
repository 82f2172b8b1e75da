/** The bundled dataset read from data/ on disk: used at build time (prerender) and by tests. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BundleSource } from '$db/bundle';
import type { Report } from '$model/types';

const DATA = join(process.cwd(), 'data');

export function diskBundle(dataDir = DATA): BundleSource {
  return {
    reports: JSON.parse(readFileSync(join(dataDir, 'reports.json'), 'utf8')) as Report[],
    readReport: async (file) => readFileSync(join(dataDir, 'reports', file), 'utf8'),
    readArea: async (file) => readFileSync(join(dataDir, 'areas', file), 'utf8')
  };
}
