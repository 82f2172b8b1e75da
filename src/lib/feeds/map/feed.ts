/** The data of the `map` chart: the 126 units of 2025, their figures and where each came from. */
import { oncePerDb } from '$db/connector';
import { derived } from '$db/derived';
import { crosswalkLinks, unitSources, unitsWithoutValues } from '$db/queries/crosswalk';
import { requireMetric } from '$model/metrics';
import type { ChartData, ChartParams, FeedDef } from '../types';
import { mapGeometry } from './source';
import { mapMetric } from '$model/map';
import { droppedOf, mapPeriodsOf, mapUnits, unitFigures, type MapShape } from './shape';

// Reference data, read once per database: the crosswalk's links and the 2025 units (for a period with no figures).
const referenceOf = oncePerDb((db) =>
  Promise.all([db.query(crosswalkLinks()), db.query(unitsWithoutValues())])
);

export const mapFeed: FeedDef<ChartParams, ChartData<MapShape>> = {
  id: 'map',
  async load(db, p) {
    const metric = mapMetric(p.metric);
    // Every figure comes from the derived tables in memory (db/derived.ts): a change asks nothing of DuckDB.
    const read = await derived(db);
    const periods = mapPeriodsOf(await read.mapPeriods(metric));
    // An unknown or stale period key (e.g. from another metric) falls back to the latest one with data.
    const period = periods.find((x) => x.key === p.period) ?? periods.at(-1);
    const [start, end] = period ? [period.start, period.end] : ['', ''];
    const none = { n: 0, value: null };
    const [geometry, [links, empty], found, old, drop] = await Promise.all([
      mapGeometry(),
      referenceOf(db),
      period ? read.mapValues(metric, start, end) : [],
      period ? read.mapOld(metric, start, end) : new Map<string, number>(),
      period ? read.mapDropped(metric, start, end) : none
    ]);
    const values = found.length ? found : empty;
    const sources = unitSources(links, old);
    const dropped = droppedOf([drop]);
    const units = mapUnits(values, sources);
    const reportOf = new Map(values.map((v) => [v.code, v.report_id ?? '']));
    return {
      figures: period ? unitFigures(units, metric, period, reportOf) : [],
      shaped: {
        geometry,
        units,
        periods,
        unit: requireMetric(metric).unit,
        converted: units.some((u) => u.converted),
        dropped
      },
      context: {
        areaName: 'Hà Nội',
        metric,
        periodKey: period?.key,
        periodLabel: period?.label,
        periodStart: period?.start,
        periodEnd: period?.end
      }
    };
  }
};
