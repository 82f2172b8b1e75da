/** The header row: found among the first rows of a file, then mapped to the columns a layout reads. */
import type { AreaLevel } from '../model/types';
import { classifyHeader, type ColumnRole } from './headers';
import type { IssueSink } from './issues';

/** Where the columns of the chosen header are. -1 when absent. */
export interface Columns {
  period: number;
  start: number;
  end: number;
  code: number;
  name: number;
  nameLevel: AreaLevel | null;
  parent: number;
  metric: number;
  category: number;
  value: number;
  qualifier: number;
  note: number;
  source: number;
  /** Columns with an empty header: reported if a row puts anything in them. */
  unnamed: number[];
  figures: { col: number; metric: string; category: string }[];
  headers: string[];
}

/** A row as read, kept until the header is known. */
export interface PendingRow {
  cells: string[];
  row: number;
}

/** Whether the roles of a row make it the header of a long or a wide file, and how many headers it knows. */
function headerScore(roles: (ColumnRole | null)[]): { long: boolean; wide: boolean; known: number } {
  let metric = false;
  let value = false;
  let figures = 0;
  let where = false;
  let known = 0;
  for (const role of roles) {
    if (!role) continue;
    known++;
    if (role.kind === 'metric') metric = true;
    else if (role.kind === 'value') value = true;
    else if (role.kind === 'figure') figures++;
    else if (role.kind === 'area_code' || role.kind === 'area_name' || role.kind === 'period') where = true;
  }
  return { long: metric && value, wide: figures > 0 && where, known };
}

/** The index of the header among the first rows: the first that makes a layout, else the one knowing most headers. */
export function pickHeaderRow(rows: PendingRow[]): number {
  let bestKnown = 0;
  let fallback = -1;
  for (let i = 0; i < rows.length; i++) {
    const score = headerScore(rows[i].cells.map(classifyHeader));
    if (score.long || score.wide) return i;
    if (score.known > bestKnown) {
      bestKnown = score.known;
      fallback = i;
    }
  }
  return fallback === -1 ? 0 : fallback;
}

/** Whether any of the first rows of a sheet is the header of a table the readers know. */
export function hasHeaderRow(rows: PendingRow[]): boolean {
  return rows.some((row) => {
    const score = headerScore(row.cells.map(classifyHeader));
    return score.long || score.wide;
  });
}

/** Whether every cell of a row is blank. */
export function isEmptyRow(cells: string[]): boolean {
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i];
    if (cell !== '' && cell.trim() !== '') return false;
  }
  return true;
}

type SingleColumn = Exclude<
  keyof Columns,
  'nameLevel' | 'unnamed' | 'figures' | 'headers' | 'name' | 'parent'
>;
const SINGLE: Partial<Record<ColumnRole['kind'], SingleColumn>> = {
  period: 'period',
  period_start: 'start',
  period_end: 'end',
  area_code: 'code',
  metric: 'metric',
  category: 'category',
  value: 'value',
  qualifier: 'qualifier',
  note: 'note',
  source_url: 'source'
};

/**
 * Maps header cells to columns; reports unknown and duplicate columns. `given` carries roles already read (a header
 * over two rows) and the names issues give columns (a workbook's letters) instead of the header texts.
 */
export function mapColumns(
  cells: string[],
  headerRow: number,
  sink: IssueSink,
  given: { roles?: (ColumnRole | null)[]; names?: string[] } = {}
): Columns {
  const columns: Columns = {
    period: -1,
    start: -1,
    end: -1,
    code: -1,
    name: -1,
    nameLevel: null,
    parent: -1,
    metric: -1,
    category: -1,
    value: -1,
    qualifier: -1,
    note: -1,
    source: -1,
    unnamed: [],
    figures: [],
    headers: cells.map((header) =>
      header
        .replace(/^\ufeff/, '')
        .trim()
        .normalize('NFC')
    )
  };
  const texts = columns.headers;
  if (given.names) columns.headers = texts.map((_, col) => given.names![col] ?? '');
  const seen = new Map<string, number>();
  const names: { col: number; level: AreaLevel | null }[] = [];
  texts.forEach((header, col) => {
    if (header === '') {
      columns.unnamed.push(col);
      return;
    }
    const role = given.roles ? given.roles[col] : classifyHeader(header);
    if (!role) {
      sink.add('unknown_column', headerRow, columns.headers[col], { column: header });
      return;
    }
    if (role.kind === 'ignore') return;
    const key =
      role.kind === 'figure'
        ? `f:${role.metric}:${role.category}`
        : role.kind === 'area_name'
          ? `n:${role.level}`
          : role.kind;
    const previous = seen.get(key);
    if (previous !== undefined) {
      sink.add('duplicate_column', headerRow, columns.headers[col], {
        column: header,
        other: texts[previous]
      });
      return;
    }
    seen.set(key, col);
    if (role.kind === 'area_name') names.push({ col, level: role.level });
    else if (role.kind === 'figure')
      columns.figures.push({ col, metric: role.metric, category: role.category });
    else {
      const single = SINGLE[role.kind];
      if (single) columns[single] = col;
    }
  });
  // The most specific name column is the area; a district column beside it narrows commune names to that district.
  const commune = names.find((named) => named.level === 'commune');
  const generic = names.find((named) => named.level === null);
  const district = names.find((named) => named.level === 'district');
  const primary = commune ?? generic ?? district;
  if (primary) {
    columns.name = primary.col;
    columns.nameLevel = primary.level;
    if (district && district !== primary) columns.parent = district.col;
  }
  return columns;
}
