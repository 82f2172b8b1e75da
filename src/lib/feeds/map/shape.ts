/** The map's data as its component draws it: one entry per 2025 unit, built from the crosswalk queries' rows. */
import type { DroppedRow, MapPeriodRow, UnitSourceRow, UnitValueRow } from '$db/queries/crosswalk';
import type { Figure } from '$model/figure';
import type { Qualifier, ReportKind } from '$model/types';
import type { MapGeometry } from './geometry';

/** An old commune a unit is made of: code, name, 1 when wholly inside (else the n it was split between), value. */
export type MapSource = [code: string, name: string, shares: number, value: number | null];

export interface MapUnit {
  code: string;
  name: string;
  value: number | null;
  qualifier: Qualifier | null;
  kind: ReportKind | null;
  converted: boolean;
  approximate: boolean;
  from: MapSource[];
}

export interface MapPeriod {
  key: string;
  label: string;
  start: string;
  end: string;
  structure: 'hn2019' | 'hn2025';
  demoOnly: boolean;
}

export interface MapShape {
  geometry: MapGeometry;
  units: MapUnit[];
  periods: MapPeriod[];
  unit: { vi: string; en: string };
  /** Some units show figures carried over from the 2019 units. */
  converted: boolean;
  /** Old communes with a figure that the crosswalk does not carry over, and their total. */
  dropped: { n: number; value: number };
}

export function mapPeriodsOf(rows: MapPeriodRow[]): MapPeriod[] {
  return rows.map((r) => ({
    key: `${r.period_start}/${r.period_end}`,
    label: r.period,
    start: r.period_start,
    end: r.period_end,
    structure: r.structure,
    demoOnly: r.kinds === 'demo'
  }));
}

/** Joins values and sources; approximate values are whole numbers (a share of a split commune is no count). */
export function mapUnits(values: UnitValueRow[], sources: UnitSourceRow[]): MapUnit[] {
  const from = new Map<string, MapSource[]>();
  for (const s of sources) {
    if (!from.has(s.new_code)) from.set(s.new_code, []);
    from.get(s.new_code)!.push([s.old_code, s.old_name, s.relation === 'full' ? 1 : s.shares, s.value]);
  }
  return values.map((v) => ({
    code: v.code,
    name: v.name,
    value: v.value === null ? null : v.approximate ? Math.round(v.value) : v.value,
    qualifier: v.qualifier,
    kind: v.kind,
    converted: v.converted,
    approximate: v.approximate,
    from: v.converted ? (from.get(v.code) ?? []) : []
  }));
}

export const droppedOf = (rows: DroppedRow[]) => ({ n: rows[0]?.n ?? 0, value: rows[0]?.value ?? 0 });

/** The units' figures in the dashboard's common shape (for the demo marker, source line and exports). */
export function unitFigures(
  units: MapUnit[],
  metric: string,
  p: MapPeriod,
  reportOf: Map<string, string>
): Figure[] {
  return units
    .filter((u) => u.value !== null)
    .map((u) => ({
      period: p.label,
      period_start: p.start,
      period_end: p.end,
      area_code: u.code,
      area_level: 'commune',
      area_structure: 'hn2025',
      metric,
      category: '',
      value: u.value!,
      qualifier: u.qualifier ?? 'exact',
      note: u.converted ? 'converted from 2019 communes' : '',
      report_id: reportOf.get(u.code) ?? '',
      kind: u.kind ?? 'demo',
      basis: u.converted ? 'sum_of_children' : 'reported',
      n_parts: u.converted ? u.from.filter((s) => s[3] !== null).length : 1,
      n_candidates: 1,
      // The map's rows (queries/crosswalk.ts) carry neither yet; no report gives commune figures of another series
      // or of an unstated period, and the map computes no change.
      series: '',
      period_stated: true
    }));
}
