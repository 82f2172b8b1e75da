/** Reference units and names that several feeds need, read once per database. */
import { oncePerDb, type Connector } from '$db/connector';
import { allAreas, type AreaRow } from '$db/queries/areas';
import { areaMetricSeries } from '$db/queries/series';
import { derived } from '$db/derived';
import type { Figure } from '$model/figure';

// Reference units never change once a database is loaded: one query per database, then lookups in memory.
export const units = oncePerDb((db) =>
  db.query(allAreas()).then((rows) => new Map(rows.map((a) => [a.code, a])))
);

/** The units directly under `parent` (2019 structure), by name as SQL's ORDER BY name sorts them (code points). */
export async function childUnits(db: Connector, parent: string): Promise<AreaRow[]> {
  const all = [...(await units(db)).values()].filter((a) => a.parent_code === parent);
  return all.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** "Quận Ba Đình": unit names are proper names in both languages, so the Vietnamese type word stays. */
export async function areaName(db: Connector, code: string): Promise<string> {
  const a = (await units(db)).get(code);
  if (!a) return code;
  return code === '01' ? a.name : `${a.type} ${a.name}`;
}

/** One metric's figures for a unit: from the derived tables for the city and districts (what pickers offer). */
export async function unitMetricSeries(
  db: Connector,
  area: string,
  metric: string,
  totalsOnly = false
): Promise<Figure[]> {
  const level = (await units(db)).get(area)?.level;
  if (level === 'city' || level === 'district')
    return (await derived(db)).upperSeries(area, metric, totalsOnly);
  return db.query(areaMetricSeries(area, metric, { totalsOnly }));
}

/** A period key `start/end` as its two dates; both null for the latest period, undefined when it is malformed. */
export function periodDates(key: string): [string | null, string | null] | undefined {
  if (!key) return [null, null];
  const m = /^(\d{4}-\d{2}-\d{2})\/(\d{4}-\d{2}-\d{2})$/.exec(key);
  return m ? [m[1], m[2]] : undefined;
}
