import { buildDb } from '$lib/server/db';
import { reportList } from '$db/queries/reports';
import { sumMismatches } from '$db/queries/checks';
import type { Report } from '$model/types';

export async function load() {
  const db = await buildDb();
  const [reports, mismatches] = await Promise.all([db.query(reportList()), db.query(sumMismatches())]);
  return { reports: reports as unknown as (Report & { observations: number })[], mismatches };
}
