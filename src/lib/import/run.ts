/** One file's import once its header is known: the checks every layout applies to a row and to each figure. */
import type { Qualifier } from '../model/types';
import type { Columns } from './columns';
import type { IssueSink } from './issues';
import { structureName } from './areas';
import { AreaCells, type PlacedArea } from './rules/areas';
import { DuplicateCheck } from './rules/duplicates';
import { MetricCells } from './rules/metrics';
import { OverlapCheck } from './rules/overlaps';
import { PeriodCells, type PlacedPeriod } from './rules/periods';
import { StrayCellCheck } from './rules/stray-cells';
import { SumCheck } from './rules/sums';
import { TotalRowCheck } from './rules/totals';
import { checkValue, digitsValue, QualifierCells } from './rules/values';
import { SlotIndex } from './slots';
import type { ObservationTable } from './table';
import type { Target } from './targets';
import type { ImportOptions, ImportResult } from './types';

/** Distinct source_url values kept for the report's metadata. */
const MAX_SOURCES = 100;

/** Where a row's figures go: its period and area. */
export interface Place {
  period: PlacedPeriod;
  area: PlacedArea;
}

/** The state of one file's import shared by the layout readers: caches, checks and the table they fill. */
export class ImportRun {
  readonly headers: string[];
  readonly metrics = new MetricCells();
  readonly qualifiers = new QualifierCells();
  private periods: PeriodCells;
  private areas: AreaCells;
  private slots = new SlotIndex();
  private duplicates: DuplicateCheck;
  private sums = new SumCheck();
  private overlaps: OverlapCheck | null;
  private stray: StrayCellCheck;
  private sourceSeen = new Set<string>();
  /** Sums for total rows of a printed sheet (wide layout only: set by the orchestrator). */
  totals: TotalRowCheck | null = null;
  /** The period of every row when no column gives one and a title row did (set by the orchestrator). */
  defaultPeriod: { label: string; start: string; end: string } | null = null;

  constructor(
    readonly columns: Columns,
    readonly sink: IssueSink,
    private result: ImportResult,
    private table: ObservationTable,
    private options: ImportOptions
  ) {
    const headers = columns.headers;
    this.headers = headers;
    this.periods = new PeriodCells(table, options.areas);
    this.areas = new AreaCells(table, options.areas, {
      code: columns.code >= 0 ? headers[columns.code] : '',
      name: columns.name >= 0 ? headers[columns.name] : '',
      parent: columns.parent >= 0 ? headers[columns.parent] : '',
      nameLevel: columns.nameLevel
    });
    this.duplicates = new DuplicateCheck(table);
    this.overlaps = options.existing?.length ? new OverlapCheck(options.existing) : null;
    this.stray = new StrayCellCheck(columns);
  }

  /** Data rows counted so far. */
  rowsRead(): number {
    return this.result.rows;
  }

  /** Counts a data row the layout cannot read (the header lacks what it needs). */
  countRow(): void {
    this.result.rows++;
  }

  /** Counts a data row, collects its source URL and reports cells outside the named columns. */
  beginRow(cells: string[], row: number): void {
    this.result.rows++;
    const source = this.columns.source;
    if (source >= 0) {
      const url = (cells[source] ?? '').trim();
      if (url !== '' && this.sourceSeen.size < MAX_SOURCES && !this.sourceSeen.has(url)) {
        this.sourceSeen.add(url);
        this.result.sources.push(url);
      }
    }
    if (this.stray.applies(cells)) this.stray.check(this.sink, cells, row);
  }

  /** Resolves a row's period and area, reporting problems; null when the row cannot be placed. */
  place(cells: string[], row: number): Place | null {
    const columns = this.columns;
    const headers = this.headers;
    const fallback = this.defaultPeriod;
    const label =
      columns.period >= 0
        ? (cells[columns.period] ?? '')
        : columns.start < 0 && columns.end < 0
          ? (this.options.period ?? fallback?.label ?? '')
          : '';
    const start = columns.start >= 0 ? (cells[columns.start] ?? '') : (fallback?.start ?? '');
    const end = columns.end >= 0 ? (cells[columns.end] ?? '') : (fallback?.end ?? '');
    const periodColumn =
      headers[columns.period >= 0 ? columns.period : columns.start >= 0 ? columns.start : columns.end] ?? '';
    const period = this.periods.read(label, start, end, periodColumn);
    if (!period.ok) {
      const column =
        period.reason === 'bad_start'
          ? headers[columns.start]
          : period.reason === 'bad_end'
            ? headers[columns.end]
            : period.column;
      this.sink.add('bad_period', row, column ?? '', { value: period.value, reason: period.reason });
      return null;
    }
    const code = columns.code >= 0 ? (cells[columns.code] ?? '').trim() : '';
    const name = columns.name >= 0 ? (cells[columns.name] ?? '').trim() : '';
    const parent = columns.parent >= 0 ? (cells[columns.parent] ?? '').trim() : '';
    if (code === '' && name === '' && parent === '') {
      const structure = structureName(period.structure);
      this.sink.add('unknown_area', row, headers[columns.code >= 0 ? columns.code : columns.name], {
        value: '',
        structure_vi: structure.vi,
        structure_en: structure.en
      });
      return null;
    }
    const area = this.areas.read(period.structure, period.end, code, name, parent);
    if (!area.ok) {
      this.sink.add(area.code, row, area.column, area.params);
      return null;
    }
    if (area.notes) this.areas.reportNotes(this.sink, area, row);
    return { period, area };
  }

  /**
   * Checks a figure cell and adds the observation: value, duplicate, then the sums and overlaps it takes part in.
   * A row's qualifier overrides the marks of the cell unless it says 'exact'. False when the figure was rejected.
   */
  addFigure(
    place: Place,
    target: Target,
    cell: string,
    rowQualifier: Qualifier | null,
    note: string,
    row: number,
    col: number
  ): boolean {
    let value = digitsValue(cell);
    let cellQualifier: Qualifier = 'exact';
    if (value < 0) {
      const checked = checkValue(this.sink, cell, row, this.headers[col]);
      if (!checked) return false;
      value = checked.value;
      cellQualifier = checked.qualifier;
    }
    const { period, area } = place;
    const slot = this.slots.slot(period.index, area.index);
    if (this.duplicates.isDuplicate(slot, target.metricCategory)) {
      const first = this.duplicates.firstRow(period.index, area.index, target.metricCategory);
      this.sink.add('duplicate', row, this.headers[col], { first });
      return false;
    }
    const qualifier = rowQualifier !== null && rowQualifier !== 'exact' ? rowQualifier : cellQualifier;
    this.table.push(period.index, area.index, target.metricCategory, value, qualifier, row, note);
    this.totals?.add(col, value, qualifier, row);
    if (target.sumIndex >= 0) this.sums.add(slot, target, value, qualifier, row, col);
    if (this.overlaps)
      this.overlaps.checkPeriodOverlap(this.sink, slot, period, area.code, target, row, this.headers[col]);
    return true;
  }

  /** A total row: its figures checked against the rows above, never imported as an area. */
  checkTotal(cells: string[], row: number): void {
    this.totals ??= new TotalRowCheck(this.headers.length);
    const figureColumns = this.columns.figures.map((figure) => figure.col);
    this.totals.check(this.sink, cells, row, figureColumns, this.headers);
  }

  /** After the last row: the checks that need the whole file (category sums against totals). */
  finish(): void {
    this.sums.report(this.sink, this.headers);
  }
}
