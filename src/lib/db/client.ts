/**
 * The browser's shared database, loaded with the bundled data on first use. Pages call `getDb()` only when a person
 * asks for something the prerendered page does not already hold, so a reader who only looks never downloads DuckDB.
 */
import type { Report } from '$model/types';
import reports from '$data/reports.json';
import type { Connector } from './connector';
import { loadBundle } from './bundle';

// Every bundled CSV becomes a hashed asset of the build, fetched only when DuckDB loads.
const reportUrls = import.meta.glob('/data/reports/*.csv', {
  query: '?url',
  import: 'default',
  eager: true
}) as Record<string, string>;
const areaUrls = import.meta.glob('/data/areas/*.csv', {
  query: '?url',
  import: 'default',
  eager: true
}) as Record<string, string>;

async function fetchText(url: string | undefined, what: string): Promise<string> {
  if (!url) throw new Error(`Missing bundled file ${what}`);
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${what}: HTTP ${res.status}`);
  return res.text();
}

let ready: Promise<Connector> | undefined;

/** The shared database, loaded once with every bundled report. */
export function getDb(): Promise<Connector> {
  ready ??= (async () => {
    const { openBrowserDb } = await import('./browser');
    const db = await openBrowserDb();
    await loadBundle(db, {
      reports: reports as Report[],
      readReport: (file) => fetchText(reportUrls[`/data/reports/${file}`], file),
      readArea: (file) => fetchText(areaUrls[`/data/areas/${file}`], file),
      // Uploads kept in this browser (IndexedDB) join the bundled reports: every page then shows them.
      extraReports: async (db) => (await import('./uploads')).loadStoredUploads(db)
    });
    return db;
  })();
  ready.catch(() => (ready = undefined));
  return ready;
}
