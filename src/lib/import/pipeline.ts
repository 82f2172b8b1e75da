/**
 * The whole import, run identically in a Web Worker and in Node (CLI, tests):
 * decode → sniff → parse → map headers → validate → observations, with every problem reported by row and column.
 */
import { METRICS, type Metric } from '../model/metrics';
import type { AreaLevel, Qualifier } from '../model/types';
import { structureName as structureNameOf, type AreaLookup, type AreaResolver, type RefArea } from './areas';
import { CsvReader, sniffDelimiter } from './csv';
import { decodeBytes, type EncodingName } from './decode';
import { classifyHeader, resolveCategoryCell, resolveMetricCell, type ColumnRole } from './headers';
import { isError, message, type Issue, type IssueCode, type MessageParams } from './messages';
import { parseNumber, parseQualifier } from './numbers';
import { restoreFormula } from '../model/formula';
import { resolvePeriod } from './periods';
import { MC_INDEX, METRIC_CATEGORIES, ObservationTable, type ImportedObservation } from './table';
import { looseKey } from './text';

export type { ImportedObservation };

/** A period already stored for an area and metric (to warn about overlapping uploads). */
export interface ExistingRange {
  area_code: string;
  metric: string;
  period_start: string;
  period_end: string;
  report: string;
}

export interface ImportOptions {
  /** Reference units (build once with createAreaResolver and reuse). */
  areas: AreaResolver;
  /** File name, echoed in the result. */
  fileName?: string;
  /** Periods already stored, for period_overlap warnings. */
  existing?: ExistingRange[];
  /** Period of every row when the file has no period column (a wide sheet for one year). */
  period?: string;
  /** Issues of one code kept in full; all are counted. Default 1000. */
  maxIssuesPerCode?: number;
  /** Called after each chunk; `bytes` is estimated from the characters parsed. */
  onProgress?: (p: { bytes: number; rows: number }) => void;
  /** Cancels the import: the promise rejects with the signal's reason (an AbortError). */
  signal?: AbortSignal;
  /** Characters parsed between progress reports (default 1 MiB). */
  chunkSize?: number;
}

export type Layout = 'long' | 'wide' | 'unknown';

export interface ImportResult {
  file: string;
  encoding: EncodingName | 'text';
  delimiter: string;
  layout: Layout;
  /** Data rows read (blank lines and rows above the header not counted). */
  rows: number;
  /** The figures as objects, made on first access from `table` (a million objects cost time and memory). */
  readonly observations: ImportedObservation[];
  /** The figures by column: what a fast consumer (DuckDB insert, canonical export) should read. Not serialised. */
  readonly table: ObservationTable;
  errors: Issue[];
  warnings: Issue[];
  /** Every issue counted by code, including those beyond maxIssuesPerCode. */
  counts: Partial<Record<IssueCode, number>>;
  error_count: number;
  warning_count: number;
  /** Distinct source_url values of the file (first 100), for the report's metadata. */
  sources: string[];
}

const HEADER_SCAN = 30;
const YIELD_MS = 50;
const AREA_SLOTS = 1 << 16;
const EMPTY_FIGURE = new Set(['', '-', '–', '—', '_', 'x', 'X', '…', '...']);

/** Collects issues: counts all, keeps the first `cap` of each code with their messages. */
class IssueSink {
  errors: Issue[] = [];
  warnings: Issue[] = [];
  counts: Partial<Record<IssueCode, number>> = {};
  errorCount = 0;
  warningCount = 0;
  constructor(private cap: number) {}
  add(code: IssueCode, row: number, column: string, params: MessageParams = {}): void {
    const n = (this.counts[code] ?? 0) + 1;
    this.counts[code] = n;
    const err = isError(code);
    if (err) this.errorCount++;
    else this.warningCount++;
    if (n > this.cap) return;
    (err ? this.errors : this.warnings).push({ row, column, code, message: message(code, params) });
  }
}

const METRIC_BY_ID = new Map(METRICS.map((m, i) => [m.id, { m, i }]));

const METRIC_CHOICES = METRICS.map((m) => `${m.id} (${m.vi})`).join(', ');

interface MetricCell {
  metric: Metric;
  /** The category the metric cell itself names ('' when it names only the metric). */
  category: string;
  /** The target when the category cell is empty. */
  implied: Target;
  categories: Map<string, Target | null>;
}

interface PeriodOk {
  ok: true;
  idx: number;
  label: string;
  start: string;
  end: string;
  areas: Map<string, AreaOk | AreaBad>;
}
type PeriodEntry = PeriodOk | { ok: false; reason: string; value: string; column: string };

interface AreaOk {
  ok: true;
  idx: number;
  code: string;
  level: AreaLevel;
  /** Warnings to give once (padded code, name that does not match the code). */
  notes: [IssueCode, string, MessageParams][] | null;
}
interface AreaBad {
  ok: false;
  code: IssueCode;
  column: string;
  params: MessageParams;
}

/** Where the columns of the chosen header are. -1 when absent. */
interface Columns {
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

function emptyRow(cells: string[]): boolean {
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    if (c !== '' && c.trim() !== '') return false;
  }
  return true;
}

function headerScore(roles: (ColumnRole | null)[]): { long: boolean; wide: boolean; known: number } {
  let metric = false;
  let value = false;
  let figures = 0;
  let where = false;
  let known = 0;
  for (const r of roles) {
    if (!r) continue;
    known++;
    if (r.kind === 'metric') metric = true;
    else if (r.kind === 'value') value = true;
    else if (r.kind === 'figure') figures++;
    else if (r.kind === 'area_code' || r.kind === 'area_name' || r.kind === 'period') where = true;
  }
  return { long: metric && value, wide: figures > 0 && where, known };
}

/** Imports a CSV file (bytes, or text already decoded) into observations, reporting every problem by row/column. */
export async function importCsv(
  input: Uint8Array | ArrayBuffer | string,
  options: ImportOptions
): Promise<ImportResult> {
  const signal = options.signal;
  signal?.throwIfAborted();
  const sink = new IssueSink(options.maxIssuesPerCode ?? 1000);
  const table = new ObservationTable();
  let materialised: ImportedObservation[] | null = null;
  const result = {
    file: options.fileName ?? '',
    encoding: 'text',
    delimiter: ',',
    layout: 'unknown',
    rows: 0,
    get observations(): ImportedObservation[] {
      return (materialised ??= table.toArray());
    },
    errors: sink.errors,
    warnings: sink.warnings,
    counts: sink.counts,
    error_count: 0,
    warning_count: 0,
    sources: [] as string[]
  } as ImportResult;
  // The table is for code, not for JSON output.
  Object.defineProperty(result, 'table', { value: table, enumerable: false });
  const finish = () => {
    result.error_count = sink.errorCount;
    result.warning_count = sink.warningCount;
    return result;
  };

  // 1. Decode.
  let text: string;
  let totalBytes: number;
  if (typeof input === 'string') {
    text = input;
    totalBytes = text.length;
  } else {
    const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
    totalBytes = bytes.length;
    const d = decodeBytes(bytes);
    if (!d.ok) {
      sink.add(d.code, 0, '', { detail: d.detail });
      return finish();
    }
    text = d.text;
    result.encoding = d.encoding;
    if (d.converted) sink.add('encoding_converted', 0, '', { encoding: d.encoding });
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') {
    sink.add('empty_file', 0, '');
    return finish();
  }

  // 2. Sniff.
  const delimiter = sniffDelimiter(text);
  result.delimiter = delimiter;

  // 3–5. Parse in slices; find the header among the first rows; validate each row into the table.
  const state = new RunState(options, sink, result, table, indexExisting(options.existing));
  let process: ((cells: string[], row: number) => void) | null = null;
  let pending: { cells: string[]; row: number }[] = [];
  let headerSeen = false;

  const decideHeader = () => {
    headerSeen = true;
    let pick = -1;
    let bestKnown = 0;
    let fallback = -1;
    for (let i = 0; i < pending.length; i++) {
      const s = headerScore(pending[i].cells.map(classifyHeader));
      if (s.long || s.wide) {
        pick = i;
        break;
      }
      if (s.known > bestKnown) {
        bestKnown = s.known;
        fallback = i;
      }
    }
    if (pick === -1) pick = fallback === -1 ? 0 : fallback;
    const header = pending[pick];
    const rest = pending.slice(pick + 1);
    pending = [];
    if (!header) return;
    const cols = mapColumns(header.cells, header.row, sink);
    process = state.rowProcessor(cols, header.row);
    for (const r of rest) process(r.cells, r.row);
  };

  const badQuoteRows = new Set<number>();
  const onBadQuote = (record: number) => badQuoteRows.add(record + 1);
  const onRow = (cells: string[], record: number) => {
    const rowNo = record + 1;
    if (badQuoteRows.size > 0 && badQuoteRows.has(rowNo)) {
      // The cells of a row with a broken quote are unreliable: report the row, do not guess its figures.
      badQuoteRows.delete(rowNo);
      sink.add('bad_quotes', rowNo, '');
      if (process) result.rows++;
      return;
    }
    if (cells.length === 1 ? cells[0].trim() === '' : emptyRow(cells)) return;
    if (process) process(cells, rowNo);
    else {
      pending.push({ cells: cells.slice(), row: rowNo });
      if (pending.length >= HEADER_SCAN) decideHeader();
    }
  };
  const reader = new CsvReader(text, delimiter);
  const budget = options.chunkSize ?? 1 << 20;
  let lastYield = Date.now();
  while (!reader.done) {
    reader.read(budget, onRow, onBadQuote);
    options.onProgress?.({ bytes: Math.round((reader.pos / text.length) * totalBytes), rows: result.rows });
    if (Date.now() - lastYield >= YIELD_MS) {
      // Let the worker receive a cancel message (and the page repaint progress) between slices.
      await new Promise((r) => setTimeout(r, 0));
      lastYield = Date.now();
    }
    signal?.throwIfAborted();
  }
  if (!headerSeen) decideHeader();
  for (const r of badQuoteRows) sink.add('bad_quotes', r, '');
  if (!process) {
    sink.add('empty_file', 0, '');
    return finish();
  }
  state.finish();
  if (result.rows === 0 && sink.errorCount === 0) sink.add('empty_file', 0, '');
  return finish();
}

function indexExisting(list: ExistingRange[] | undefined): Map<string, ExistingRange[]> | null {
  if (!list || list.length === 0) return null;
  const m = new Map<string, ExistingRange[]>();
  for (const r of list) {
    const k = `${r.area_code}\u0000${r.metric}`;
    const l = m.get(k);
    if (l) l.push(r);
    else m.set(k, [r]);
  }
  return m;
}

const EXAMPLES = {
  long: 'period,area_code,metric,category,value',
  wide: 'Kỳ báo cáo,Xã/Phường,Tổng số tin,Tin về an ninh chính trị'
};

/** Maps header cells to columns; reports unknown and duplicate columns and the columns a layout needs. */
function mapColumns(cells: string[], headerRow: number, sink: IssueSink): Columns {
  const c: Columns = {
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
    headers: cells.map((h) =>
      h
        .replace(/^\ufeff/, '')
        .trim()
        .normalize('NFC')
    )
  };
  const seen = new Map<string, number>();
  const names: { col: number; level: AreaLevel | null }[] = [];
  cells.forEach((raw, col) => {
    const header = c.headers[col];
    if (header === '') {
      c.unnamed.push(col);
      return;
    }
    const role = classifyHeader(header);
    if (!role) {
      sink.add('unknown_column', headerRow, header, { column: header });
      return;
    }
    if (role.kind === 'ignore') return;
    const key =
      role.kind === 'figure'
        ? `f:${role.metric}:${role.category}`
        : role.kind === 'area_name'
          ? `n:${role.level}`
          : role.kind;
    const prev = seen.get(key);
    if (prev !== undefined) {
      sink.add('duplicate_column', headerRow, header, { column: header, other: c.headers[prev] });
      return;
    }
    seen.set(key, col);
    switch (role.kind) {
      case 'period':
        c.period = col;
        break;
      case 'period_start':
        c.start = col;
        break;
      case 'period_end':
        c.end = col;
        break;
      case 'area_code':
        c.code = col;
        break;
      case 'area_name':
        names.push({ col, level: role.level });
        break;
      case 'metric':
        c.metric = col;
        break;
      case 'category':
        c.category = col;
        break;
      case 'value':
        c.value = col;
        break;
      case 'qualifier':
        c.qualifier = col;
        break;
      case 'note':
        c.note = col;
        break;
      case 'source_url':
        c.source = col;
        break;
      case 'figure':
        c.figures.push({ col, metric: role.metric, category: role.category });
        break;
    }
  });
  // The most specific name column is the area; a district column beside it narrows commune names to that district.
  const commune = names.find((n) => n.level === 'commune');
  const generic = names.find((n) => n.level === null);
  const district = names.find((n) => n.level === 'district');
  const primary = commune ?? generic ?? district;
  if (primary) {
    c.name = primary.col;
    c.nameLevel = primary.level;
    if (district && district !== primary) c.parent = district.col;
  }
  return c;
}

/** Per-(period, area) accumulators: duplicate bits, category sums, overlap checks. Grown as slots appear. */
class Slots {
  count = 0;
  dup = new Uint32Array(2 * 256);
  total = new Float64Array(SUM_METRICS.length * 256).fill(NaN);
  sum = new Float64Array(SUM_METRICS.length * 256);
  seen = new Uint32Array(SUM_METRICS.length * 256);
  inexact = new Uint8Array(SUM_METRICS.length * 256);
  totalRow = new Uint32Array(SUM_METRICS.length * 256);
  totalCol = new Int32Array(SUM_METRICS.length * 256);
  overlap = new Uint32Array(256);
  private cap = 256;

  add(): number {
    if (this.count === this.cap) {
      const cap = this.cap * 2;
      const g = <T extends Uint32Array | Float64Array | Uint8Array | Int32Array>(
        a: T,
        per: number,
        fill?: number
      ): T => {
        const b = new (a.constructor as new (n: number) => T)(cap * per);
        if (fill !== undefined) b.fill(fill);
        b.set(a);
        return b;
      };
      const k = SUM_METRICS.length;
      this.dup = g(this.dup, 2);
      this.total = g(this.total, k, NaN);
      this.sum = g(this.sum, k);
      this.seen = g(this.seen, k);
      this.inexact = g(this.inexact, k);
      this.totalRow = g(this.totalRow, k);
      this.totalCol = g(this.totalCol, k);
      this.overlap = g(this.overlap, 1);
      this.cap = cap;
    }
    return this.count++;
  }
}

/** Metrics whose categories add up to the total: only these are checked for sum_mismatch. */
const SUM_METRICS = METRICS.filter((m) => m.categoriesSumToTotal);
const SUM_INDEX = new Map(SUM_METRICS.map((m, i) => [m.id, i]));
const CATEGORY_BIT = new Map(METRICS.map((m) => [m.id, new Map(m.categories.map((c, i) => [c.id, 1 << i]))]));

/** A (metric, category) with everything the hot path needs precomputed. */
interface Target {
  metric: Metric;
  category: string;
  /** Index in METRIC_CATEGORIES. */
  mc: number;
  /** Index of the metric in METRICS. */
  mi: number;
  /** Index in SUM_METRICS, or -1 when the metric's categories are not checked against its total. */
  si: number;
  /** The category's bit among its metric's categories (0 for the total). */
  bit: number;
}
const TARGETS: Target[] = METRIC_CATEGORIES.map((x, mc) => {
  const metric = METRICS[x.mi];
  return {
    metric,
    category: x.category,
    mc,
    mi: x.mi,
    si: SUM_INDEX.get(metric.id) ?? -1,
    bit: x.category === '' ? 0 : CATEGORY_BIT.get(metric.id)!.get(x.category)!
  };
});
const target = (metric: string, category: string): Target => TARGETS[MC_INDEX.get(metric)!.get(category)!];

/** Per-run caches and accumulators shared by the long and wide row processors. */
class RunState {
  private periods = new Map<string, PeriodEntry>();
  private lastLabel: string | null = null;
  private lastStart = '';
  private lastEnd = '';
  private lastPeriod: PeriodEntry | null = null;
  private areaIdx = new Map<string, number>();
  private areaCaches = new Map<string, Map<string, AreaOk | AreaBad>>();
  private lastArea: {
    map: Map<string, AreaOk | AreaBad>;
    code: string;
    name: string;
    parent: string;
    a: AreaOk | AreaBad;
  } | null = null;
  private slotOf = new Map<number, number>();
  private lastSlotKey = -1;
  private lastSlot = -1;
  private slots = new Slots();
  private slotPeriod: number[] = [];
  private slotArea: number[] = [];
  private firstRowOf: Map<number, number> | null = null;
  private noted = new Set<string>();
  private qualifiers = new Map<string, Qualifier | null>();
  private metricCells = new Map<string, MetricCell | null>();
  private columns: string[] = [];

  constructor(
    private options: ImportOptions,
    private sink: IssueSink,
    private result: ImportResult,
    private table: ObservationTable,
    private existing: Map<string, ExistingRange[]> | null
  ) {}

  /** The period of a row, cached by its cells (consecutive rows usually repeat them, so compare with the last). */
  period(label: string, start: string, end: string, column: string): PeriodEntry {
    if (label === this.lastLabel && start === this.lastStart && end === this.lastEnd) return this.lastPeriod!;
    const key = start === '' && end === '' ? label : `${label}\u0000${start}\u0000${end}`;
    let p = this.periods.get(key);
    if (!p) {
      const r = resolvePeriod(label, start, end);
      if (r.ok) {
        const idx = this.table.periods.length;
        const ref = { label: r.period.label.normalize('NFC'), start: r.period.start, end: r.period.end };
        this.table.periods.push(ref);
        // Areas resolve the same way in every period of one structure: share the cache per structure.
        const st = this.options.areas.structureAt(ref.end);
        let areas = this.areaCaches.get(st);
        if (!areas) this.areaCaches.set(st, (areas = new Map()));
        p = { ok: true, idx, ...ref, areas };
      } else {
        const value = r.reason === 'bad_start' ? start : r.reason === 'bad_end' ? end : label;
        p = { ok: false, reason: r.reason, value: value.trim().normalize('NFC'), column };
      }
      this.periods.set(key, p);
    }
    this.lastLabel = label;
    this.lastStart = start;
    this.lastEnd = end;
    this.lastPeriod = p;
    return p;
  }

  private intern(area: RefArea): number {
    // Codes repeat across the 2025 reform: a unit is its structure and its code.
    const key = `${area.structure}:${area.code}`;
    let i = this.areaIdx.get(key);
    if (i === undefined) {
      i = this.table.areas.length;
      this.table.areas.push({ code: area.code, level: area.level, structure: area.structure });
      this.areaIdx.set(key, i);
    }
    return i;
  }

  /** The area of a row from its code and/or name cells, cached per period. */
  area(p: PeriodOk, c: Columns, code: string, name: string, parent: string): AreaOk | AreaBad {
    const last = this.lastArea;
    if (last && last.map === p.areas && last.code === code && last.name === name && last.parent === parent)
      return last.a;
    const key =
      parent === '' ? (name === '' ? code : `${code}\u0000${name}`) : `${code}\u0000${name}\u0000${parent}`;
    let a = p.areas.get(key);
    if (!a) {
      a = this.resolveArea(p, c, code, name, parent);
      p.areas.set(key, a);
    }
    this.lastArea = { map: p.areas, code, name, parent, a };
    return a;
  }

  private resolveArea(p: PeriodOk, c: Columns, code: string, name: string, parent: string): AreaOk | AreaBad {
    const R = this.options.areas;
    const st = R.structureAt(p.end);
    const codeCol = c.code >= 0 ? c.headers[c.code] : '';
    const nameCol = c.name >= 0 ? c.headers[c.name] : '';
    const parentCol = c.parent >= 0 ? c.headers[c.parent] : '';
    const bad = (look: AreaLookup, value: string, column: string): AreaBad => {
      if (look.ok) throw new Error('unreachable');
      if (look.kind === 'ambiguous') {
        return {
          ok: false,
          code: 'ambiguous_area',
          column,
          params: { value, candidates: look.candidates.map(R.describe).join('; ') }
        };
      }
      const s = structureNameOf(st);
      return {
        ok: false,
        code: 'unknown_area',
        column,
        params: {
          value,
          structure_vi: s.vi,
          structure_en: s.en,
          hint_vi: look.hint?.vi,
          hint_en: look.hint?.en
        }
      };
    };
    const ok = (area: RefArea, notes: AreaOk['notes']): AreaOk => ({
      ok: true,
      idx: this.intern(area),
      code: area.code,
      level: area.level,
      notes
    });
    if (code !== '') {
      const look = R.byCode(code, p.end);
      if (!look.ok) return bad(look, code, codeCol);
      const notes: NonNullable<AreaOk['notes']> = [];
      if (look.padded) {
        notes.push([
          'area_code_padded',
          codeCol,
          { value: code, code: look.area.code, name: `${look.area.type} ${look.area.name}` }
        ]);
      }
      if (name !== '') {
        const byName = R.byName(name, p.end, { level: c.nameLevel });
        const same =
          (byName.ok && byName.area.code === look.area.code) ||
          (!byName.ok &&
            byName.kind === 'ambiguous' &&
            byName.candidates.some((x) => x.code === look.area.code)) ||
          looseKey(name).endsWith(looseKey(look.area.name));
        if (!same) {
          notes.push([
            'area_name_mismatch',
            nameCol,
            { code: look.area.code, expected: `${look.area.type} ${look.area.name}`, value: name }
          ]);
        }
      }
      return ok(look.area, notes.length ? notes : null);
    }
    let parentCode: string | null = null;
    if (parent !== '') {
      const look = R.byName(parent, p.end, { level: 'district' });
      if (look.ok) parentCode = look.area.level === 'district' ? look.area.code : null;
      else if (st === 'hn2019') return bad(look, parent, parentCol);
      // From 1 July 2025 Hà Nội has no districts: an old district name beside a commune name narrows nothing.
      if (name === '') return look.ok ? ok(look.area, null) : bad(look, parent, parentCol);
    }
    const look = R.byName(name, p.end, { level: c.nameLevel, parentCode });
    return look.ok ? ok(look.area, null) : bad(look, name, nameCol);
  }

  /** A metric cell (long layout) → catalogue metric and the category the name may imply. */
  metricCell(cell: string): MetricCell | null {
    let r = this.metricCells.get(cell);
    if (r === undefined) {
      const f = resolveMetricCell(cell.trim());
      const hit = f ? METRIC_BY_ID.get(f.metric) : undefined;
      r =
        f && hit
          ? {
              metric: hit.m,
              category: f.category,
              implied: target(hit.m.id, f.category),
              categories: new Map()
            }
          : null;
      this.metricCells.set(cell, r);
    }
    return r;
  }

  /** A category cell for a metric cell, cached on it. */
  categoryCell(m: MetricCell, cell: string): Target | null {
    let r = m.categories.get(cell);
    if (r === undefined) {
      let c = resolveCategoryCell(m.metric.id, cell);
      // A metric cell that implies a category ("Tin về ANCT") accepts only that category or none.
      if (c === '' && m.category !== '') c = m.category;
      else if (c !== null && m.category !== '' && c !== m.category) c = null;
      r = c === null ? null : target(m.metric.id, c);
      m.categories.set(cell, r);
    }
    return r;
  }

  qualifier(cell: string): Qualifier | null {
    let q = this.qualifiers.get(cell);
    if (q === undefined) this.qualifiers.set(cell, (q = parseQualifier(cell)));
    return q;
  }

  /** Warns once per distinct note (padded code, name mismatch) instead of on each of a million rows. */
  noteOnce(a: AreaOk, row: number): void {
    for (const [code, column, params] of a.notes!) {
      const k = `${code}\u0000${params.value}\u0000${params.code}`;
      if (this.noted.has(k)) continue;
      this.noted.add(k);
      this.sink.add(code, row, column, params);
    }
  }

  private slot(p: PeriodOk, a: AreaOk): number {
    const key = p.idx * AREA_SLOTS + a.idx;
    if (key === this.lastSlotKey) return this.lastSlot;
    let s = this.slotOf.get(key);
    if (s === undefined) {
      s = this.slots.add();
      this.slotOf.set(key, s);
      this.slotPeriod.push(p.idx);
      this.slotArea.push(a.idx);
    }
    this.lastSlotKey = key;
    this.lastSlot = s;
    return s;
  }

  /**
   * Validates a value and adds the observation: duplicates, category sums and overlaps are tracked per
   * (period, area) slot in typed arrays. Returns false when the figure was rejected (an error was reported).
   */
  addFigure(
    p: PeriodOk,
    a: AreaOk,
    t: Target,
    cell: string,
    qualifierCell: Qualifier | null,
    note: string,
    row: number,
    col: number
  ): boolean {
    // Plain digits are most cells of a big file: read them without building a result object.
    let value = digitsValue(cell);
    let cellQualifier: Qualifier = 'exact';
    if (value < 0) {
      const n = parseNumber(cell);
      if (!n.ok) {
        this.sink.add('bad_number', row, this.columns[col], { value: cell.trim(), reason: n.reason });
        return false;
      }
      value = n.value;
      cellQualifier = n.qualifier;
      if (value < 0) {
        this.sink.add('negative_value', row, this.columns[col], { value: cell.trim() });
        return false;
      }
      if (!Number.isInteger(value)) {
        this.sink.add('fractional_value', row, this.columns[col], { value: cell.trim(), number: value });
      }
    }
    const mc = t.mc;
    const s = this.slot(p, a);
    const slots = this.slots;
    const w = 2 * s + (mc >>> 5);
    const bit = 1 << (mc & 31);
    if (slots.dup[w] & bit) {
      this.sink.add('duplicate', row, this.columns[col], { first: this.firstRow(p.idx, a.idx, mc) });
      return false;
    }
    slots.dup[w] |= bit;
    const qualifier = qualifierCell !== null && qualifierCell !== 'exact' ? qualifierCell : cellQualifier;
    this.table.push(p.idx, a.idx, mc, value, qualifier, row, note);
    if (t.si >= 0) {
      const g = s * SUM_METRICS.length + t.si;
      if (qualifier !== 'exact') slots.inexact[g] = 1;
      if (t.bit === 0) {
        slots.total[g] = value;
        slots.totalRow[g] = row;
        slots.totalCol[g] = col;
      } else {
        slots.sum[g] += value;
        slots.seen[g] |= t.bit;
      }
    }
    if (this.existing) this.checkOverlap(p, a, t, s, row, this.columns[col]);
    return true;
  }

  private firstRow(p: number, a: number, mc: number): number {
    const t = this.table;
    if (!this.firstRowOf) {
      // Built on the first duplicate only: most files have none, and a map of a million rows costs memory.
      this.firstRowOf = new Map();
      for (let i = 0; i < t.length; i++) {
        const k = (t.period[i] * AREA_SLOTS + t.area[i]) * 256 + t.mc[i];
        if (!this.firstRowOf.has(k)) this.firstRowOf.set(k, t.row[i]);
      }
    }
    const k = (p * AREA_SLOTS + a) * 256 + mc;
    const r = this.firstRowOf.get(k);
    if (r !== undefined) return r;
    // Added after the map was built: find it in the newer part of the table.
    for (let i = t.length - 1; i >= 0; i--)
      if (t.period[i] === p && t.area[i] === a && t.mc[i] === mc) return t.row[i];
    return 0;
  }

  private checkOverlap(p: PeriodOk, a: AreaOk, t: Target, s: number, row: number, column: string): void {
    const mi = t.mi;
    const metric = t.metric;
    if (this.slots.overlap[s] & (1 << mi)) return;
    this.slots.overlap[s] |= 1 << mi;
    const list = this.existing!.get(`${a.code}\u0000${metric.id}`);
    if (!list) return;
    for (const r of list) {
      if (r.period_start <= p.end && p.start <= r.period_end) {
        this.sink.add('period_overlap', row, column, {
          period: `${p.start}…${p.end}`,
          other: `${r.period_start}…${r.period_end}`,
          report: r.report
        });
        return;
      }
    }
  }

  /** After the last row: category sums against totals, only when every figure involved is exact. */
  finish(): void {
    const S = this.slots;
    const k = SUM_METRICS.length;
    for (let s = 0; s < S.count; s++) {
      for (let si = 0; si < k; si++) {
        const g = s * k + si;
        const total = S.total[g];
        if (Number.isNaN(total) || S.seen[g] === 0 || S.inexact[g]) continue;
        const m = SUM_METRICS[si];
        const all = S.seen[g] === (1 << m.categories.length) - 1;
        const sum = S.sum[g];
        const over = sum > total + 1e-9;
        if ((all && Math.abs(sum - total) > 1e-9) || over) {
          this.sink.add('sum_mismatch', S.totalRow[g], this.columns[S.totalCol[g]] ?? '', {
            metric: m.id,
            sum,
            total,
            over: over ? 1 : 0
          });
        }
      }
    }
  }

  /** Builds the row function for the layout the header shows, after reporting missing columns. */
  rowProcessor(c: Columns, headerRow: number): (cells: string[], row: number) => void {
    const sink = this.sink;
    this.columns = c.headers;
    const hasArea = c.code >= 0 || c.name >= 0;
    const hasPeriod = c.period >= 0 || c.start >= 0 || c.end >= 0 || !!this.options.period;
    // A "value" column alone makes a long file only when there are no figure columns ("Số lượng" beside them is noise).
    const long = c.metric >= 0 || (c.value >= 0 && c.figures.length === 0);
    const missing = (what_vi: string, what_en: string, example: string) =>
      sink.add('missing_column', headerRow, '', { what_vi, what_en, example });
    if (long) {
      this.result.layout = 'long';
      let ok = true;
      if (c.metric < 0) {
        missing('chỉ tiêu (metric)', 'metric', EXAMPLES.long);
        ok = false;
      }
      if (c.value < 0) {
        missing('giá trị (value)', 'value', EXAMPLES.long);
        ok = false;
      }
      if (!hasArea) {
        missing('địa bàn (area_code hoặc area_name)', 'area (area_code or area_name)', EXAMPLES.long);
        ok = false;
      }
      if (!hasPeriod) {
        missing(
          'kỳ báo cáo (period, hoặc period_start và period_end)',
          'period (or period_start and period_end)',
          EXAMPLES.long
        );
        ok = false;
      }
      if (c.figures.length > 0) {
        for (const f of c.figures)
          sink.add('unknown_column', headerRow, c.headers[f.col], { column: c.headers[f.col] });
      }
      return ok ? this.longRow(c) : this.countOnly();
    }
    if (c.figures.length > 0) {
      this.result.layout = 'wide';
      let ok = true;
      if (!hasArea) {
        missing(
          'địa bàn (Mã, Đơn vị, Xã/Phường…)',
          'area (code or name: "Mã", "Đơn vị", "Xã/Phường"…)',
          EXAMPLES.wide
        );
        ok = false;
      }
      if (!hasPeriod) {
        missing('kỳ báo cáo (Kỳ, Năm…)', 'period ("Kỳ", "Năm"…)', EXAMPLES.wide);
        ok = false;
      }
      return ok ? this.wideRow(c) : this.countOnly();
    }
    missing(
      'chỉ tiêu và giá trị (metric, value), hoặc các cột số liệu như "Tổng số tin"',
      'metric and value, or figure columns such as "Tổng số tin"',
      `${EXAMPLES.long} | ${EXAMPLES.wide}`
    );
    return this.countOnly();
  }

  private countOnly(): (cells: string[], row: number) => void {
    return () => {
      this.result.rows++;
    };
  }

  private unnamedReported = new Set<number>();
  private sourceSeen = new Set<string>();

  /** Cells outside the named columns (reported, never dropped silently) and source URLs (collected). */
  private stray(c: Columns, cells: string[], row: number): void {
    if (c.source >= 0) {
      const u = (cells[c.source] ?? '').trim();
      if (u !== '' && this.sourceSeen.size < 100 && !this.sourceSeen.has(u)) {
        this.sourceSeen.add(u);
        this.result.sources.push(u);
      }
    }
    for (const col of c.unnamed) {
      if (this.unnamedReported.has(col) || (cells[col] ?? '').trim() === '') continue;
      // Once per column: the header row is where the fix goes (give the column a header or delete it).
      this.unnamedReported.add(col);
      const name = columnLetter(col);
      this.sink.add('unknown_column', row, name, { column: name });
    }
    if (cells.length <= c.headers.length) return;
    for (let i = c.headers.length; i < cells.length; i++) {
      if (cells[i].trim() !== '') {
        this.sink.add('extra_cells', row, columnLetter(i));
        return;
      }
    }
  }

  /** Resolves a row's period and area, reporting problems; null when the row cannot be placed. */
  private place(c: Columns, cells: string[], row: number): { p: PeriodOk; a: AreaOk } | null {
    const label =
      c.period >= 0 ? (cells[c.period] ?? '') : c.start < 0 && c.end < 0 ? (this.options.period ?? '') : '';
    const start = c.start >= 0 ? (cells[c.start] ?? '') : '';
    const end = c.end >= 0 ? (cells[c.end] ?? '') : '';
    const pcol = c.headers[c.period >= 0 ? c.period : c.start >= 0 ? c.start : c.end] ?? '';
    const p = this.period(label, start, end, pcol);
    if (!p.ok) {
      const column =
        p.reason === 'bad_start' ? c.headers[c.start] : p.reason === 'bad_end' ? c.headers[c.end] : p.column;
      this.sink.add('bad_period', row, column ?? '', { value: p.value, reason: p.reason });
      return null;
    }
    const code = c.code >= 0 ? (cells[c.code] ?? '').trim() : '';
    const name = c.name >= 0 ? (cells[c.name] ?? '').trim() : '';
    const parent = c.parent >= 0 ? (cells[c.parent] ?? '').trim() : '';
    if (code === '' && name === '' && parent === '') {
      const column = c.headers[c.code >= 0 ? c.code : c.name];
      const s = structureNameOf(this.options.areas.structureAt(p.end));
      this.sink.add('unknown_area', row, column, { value: '', structure_vi: s.vi, structure_en: s.en });
      return null;
    }
    const a = this.area(p, c, code, name, parent);
    if (!a.ok) {
      this.sink.add(a.code, row, a.column, a.params);
      return null;
    }
    if (a.notes) this.noteOnce(a, row);
    return { p, a };
  }

  private longRow(c: Columns): (cells: string[], row: number) => void {
    const valueColumn = c.headers[c.value];
    const metricColumn = c.headers[c.metric];
    const categoryColumn = c.category >= 0 ? c.headers[c.category] : metricColumn;
    const qualifierColumn = c.qualifier >= 0 ? c.headers[c.qualifier] : '';
    return (cells, row) => {
      this.result.rows++;
      if (cells.length > c.headers.length || c.unnamed.length > 0 || c.source >= 0) this.stray(c, cells, row);
      const place = this.place(c, cells, row);
      const mcell = cells[c.metric] ?? '';
      const m = this.metricCell(mcell);
      let category: Target | null = null;
      if (!m) {
        this.sink.add('unknown_metric', row, metricColumn, { value: mcell.trim(), choices: METRIC_CHOICES });
      } else {
        const ccell = c.category >= 0 ? (cells[c.category] ?? '') : '';
        category = ccell === '' ? m.implied : this.categoryCell(m, ccell);
        if (category === null) {
          this.sink.add('unknown_category', row, categoryColumn, {
            value: ccell.trim(),
            metric: m.metric.id,
            choices: m.metric.categories.map((x) => `${x.id} (${x.vi})`).join(', ') || '—'
          });
        }
      }
      let q: Qualifier | null = null;
      let qok = true;
      if (c.qualifier >= 0) {
        const qcell = cells[c.qualifier] ?? '';
        q = qcell === '' ? null : this.qualifier(qcell);
        if (q === null && qcell.trim() !== '') {
          this.sink.add('bad_qualifier', row, qualifierColumn, { value: qcell.trim() });
          qok = false;
        }
      }
      const vcell = cells[c.value] ?? '';
      if (!place || !m || category === null || !qok) {
        // Still check the value so that one pass reports every problem of the row.
        const n = parseNumber(vcell);
        if (!n.ok) this.sink.add('bad_number', row, valueColumn, { value: vcell.trim(), reason: n.reason });
        else if (n.value < 0) this.sink.add('negative_value', row, valueColumn, { value: vcell.trim() });
        return;
      }
      const note = c.note >= 0 ? cleanNote(cells[c.note]) : '';
      this.addFigure(place.p, place.a, category, vcell, q, note, row, c.value);
    };
  }

  private wideRow(c: Columns): (cells: string[], row: number) => void {
    const figs = c.figures.map((f) => ({ col: f.col, target: target(f.metric, f.category) }));
    return (cells, row) => {
      this.result.rows++;
      if (cells.length > c.headers.length || c.unnamed.length > 0 || c.source >= 0) this.stray(c, cells, row);
      let any = false;
      for (const f of figs) {
        if (!EMPTY_FIGURE.has((cells[f.col] ?? '').trim())) {
          any = true;
          break;
        }
      }
      if (!any) {
        this.sink.add('empty_row', row, '');
        return;
      }
      const place = this.place(c, cells, row);
      if (!place) return;
      let q: Qualifier | null = null;
      if (c.qualifier >= 0) {
        const qcell = cells[c.qualifier] ?? '';
        q = qcell === '' ? null : this.qualifier(qcell);
        if (q === null && qcell.trim() !== '') {
          this.sink.add('bad_qualifier', row, c.headers[c.qualifier], { value: qcell.trim() });
          return;
        }
      }
      const note = c.note >= 0 ? cleanNote(cells[c.note]) : '';
      for (const f of figs) {
        const cell = cells[f.col] ?? '';
        if (EMPTY_FIGURE.has(cell.trim())) continue;
        this.addFigure(place.p, place.a, f.target, cell, q, note, row, f.col);
      }
    };
  }
}

const DECOMPOSED = /[\u0300-\u036f]/;

/** A column as a spreadsheet names it (A, B, …, Z, AA…), for columns without a header. */
function columnLetter(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** The value of a cell of 1–15 ASCII digits, or -1 for anything else. */
function digitsValue(s: string): number {
  const n = s.length;
  if (n === 0 || n > 15) return -1;
  let v = 0;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/** A note as stored: trimmed, tone marks composed (the text itself is not normalised as a whole, to save time). */
function cleanNote(cell: string | undefined): string {
  if (cell === undefined || cell === '') return '';
  // The apostrophe an export put before a formula-like note (model/formula.ts) is not part of it.
  const t = restoreFormula(cell.trim());
  return DECOMPOSED.test(t) ? t.normalize('NFC') : t;
}
