/**
 * Excel export of what a chart or table shows: the same rows as its CSV, one sheet, headers in the reader's
 * language, numbers as numbers shown with thousands separators (Excel shows `#,##0` in the reader's locale: 1.234
 * in vi-VN), the qualifier in its own column, the source and the demo notice in rows under the table. The table
 * builders are pure (tested in Node); exceljs is loaded only when a file is written.
 */
import type { Figure } from '$model/figure';
import type { CompareRow } from '$model/compare';
import { categoryName, metric as metricOf } from '$model/metrics';
import type { Lang } from '$i18n/format';
import { MESSAGES, translator } from '$i18n/messages';
import { notComparedWhy } from './verdict';

type Cell = string | number | null;

/** A table to export: its columns (label, and the number format of a numeric one), rows and notes under it. */
export interface ExportTable {
  columns: { key: string; label: string; format?: string }[];
  rows: Record<string, Cell>[];
  notes: string[];
}

const INTEGER = '#,##0';
/** Rates per year and changes may have decimals; percentages are fractions. */
const DECIMAL = '#,##0.##';
const PERCENT = '0.0%';

/** Text a spreadsheet would run as a formula: neutralised with a leading apostrophe, as in the CSV export. */
const FORMULA = /^[=+\-@\t\r\n]/;
const safe = (cell: Cell): Cell => (typeof cell === 'string' && FORMULA.test(cell) ? `'${cell}` : cell);

const names = (metric: string, category: string, lang: Lang) => {
  const m = metricOf(metric);
  return {
    metric_name: m ? m[lang] : metric,
    category_name: !m || category === '' ? '' : categoryName(m, category, lang)
  };
};

const kindName = (kind: string, lang: Lang) => {
  const t = MESSAGES[lang];
  return kind === 'demo' ? t.demo_badge : kind === 'uploaded' ? t.uploaded_badge : t.published_badge;
};

const qualifierName = (q: string | null | undefined, lang: Lang) => {
  const t = MESSAGES[lang];
  return q === 'more_than'
    ? t.xlsx_q_more_than
    : q === 'nearly'
      ? t.xlsx_q_nearly
      : q === 'about'
        ? t.xlsx_q_about
        : q
          ? t.xlsx_q_exact
          : '';
};

const demoNotes = (demo: boolean, lang: Lang) => (demo ? [MESSAGES[lang].export_xlsx_demo] : []);

/** The figures a chart shows, one per row, as `figuresToCsv` gives them, with names for people. */
export function figuresToTable(figures: Figure[], lang: Lang): ExportTable {
  const t = MESSAGES[lang];
  return {
    columns: [
      { key: 'period', label: t.period },
      { key: 'period_start', label: t.xlsx_period_start },
      { key: 'period_end', label: t.xlsx_period_end },
      { key: 'area_code', label: t.xlsx_area_code },
      { key: 'metric_name', label: t.col_metric },
      { key: 'category_name', label: t.xlsx_category },
      { key: 'value', label: t.value, format: INTEGER },
      { key: 'qualifier', label: t.xlsx_qualifier },
      { key: 'note', label: t.notes },
      { key: 'kind', label: t.kind },
      { key: 'report_id', label: t.xlsx_report },
      { key: 'period_stated', label: t.xlsx_period_counted }
    ],
    rows: figures.map((f) => ({
      period: f.period,
      period_start: f.period_start,
      period_end: f.period_end,
      area_code: f.area_code,
      ...names(f.metric, f.category, lang),
      value: Number(f.value),
      qualifier: qualifierName(f.qualifier, lang),
      note: f.note ?? '',
      // Said where the source does not state the period, so the figure is never read as a year's.
      period_stated: f.period_stated ? '' : t.period_unstated,
      kind: kindName(f.kind, lang),
      report_id: f.report_id
    })),
    notes: demoNotes(
      figures.some((f) => f.kind === 'demo'),
      lang
    )
  };
}

/** The period comparison table: both sides' figures, the compared values and the change. */
export function compareRowsToTable(rows: CompareRow[], lang: Lang): ExportTable {
  const t = MESSAGES[lang];
  const tr = translator(lang);
  const sides = [
    ['a', t.compare_from],
    ['b', t.compare_to]
  ] as const;
  const columns: ExportTable['columns'] = [
    { key: 'metric_name', label: t.col_metric },
    { key: 'category_name', label: t.xlsx_category },
    { key: 'per_year', label: t.xlsx_per_year }
  ];
  for (const [p, side] of sides)
    for (const [key, label, format] of [
      ['period', t.period],
      ['value', t.value, INTEGER],
      ['qualifier', t.xlsx_qualifier],
      ['shown', t.xlsx_shown, DECIMAL],
      ['kind', t.kind],
      ['report_id', t.xlsx_report]
    ] as const)
      columns.push({ key: `${p}_${key}`, label: tr('xlsx_side', { label, side }), format });
  columns.push({ key: 'change', label: t.col_change, format: DECIMAL });
  columns.push({ key: 'pct', label: t.col_pct, format: PERCENT });
  // Why a change is empty, in the words the tables use (the comparison rule's verdict).
  columns.push({ key: 'verdict', label: t.xlsx_not_compared });
  const side = (p: 'a' | 'b', s: CompareRow['a']) => ({
    [`${p}_period`]: s?.figure.period ?? null,
    [`${p}_value`]: s ? Number(s.figure.value) : null,
    [`${p}_qualifier`]: s ? qualifierName(s.figure.qualifier, lang) : null,
    [`${p}_shown`]: s?.shown ?? null,
    [`${p}_kind`]: s ? kindName(s.figure.kind, lang) : null,
    [`${p}_report_id`]: s?.figure.report_id ?? null
  });
  return {
    columns,
    rows: rows.map((r) => ({
      ...names(r.metric, r.category, lang),
      per_year: r.perYear ? t.xlsx_yes : '',
      ...side('a', r.a),
      ...side('b', r.b),
      change: r.change,
      pct: r.pct,
      verdict: (() => {
        const why = notComparedWhy(r.verdict);
        return why ? t[why.short] : '';
      })()
    })),
    notes: demoNotes(
      rows.some((r) => r.a?.figure.kind === 'demo' || r.b?.figure.kind === 'demo'),
      lang
    )
  };
}

/** A worksheet name Excel accepts: at most 31 characters, none of : \ / ? * [ ]. */
export function sheetName(title: string, fallback: string): string {
  const name = title
    .replace(/[:\\/?*[\]]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 31)
    .trim();
  return name || fallback;
}

/** The table as an .xlsx file: one sheet, a bold header row, then a blank row and `notes` (source, demo) under it. */
export async function tableToXlsx(table: ExportTable, title: string, notes: string[]): Promise<Uint8Array> {
  const module = await import('exceljs');
  const ExcelJS = (module.default ?? module) as typeof import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet(sheetName(title, 'Sheet1'));
  ws.columns = table.columns.map((c) => ({
    header: c.label,
    key: c.key,
    width: Math.max(10, Math.min(40, c.label.length + 2)),
    style: c.format ? { numFmt: c.format } : {}
  }));
  ws.getRow(1).font = { bold: true };
  for (const row of table.rows) {
    const values: Record<string, Cell> = {};
    for (const c of table.columns) values[c.key] = safe(row[c.key] ?? null);
    ws.addRow(values);
  }
  const under = [...notes, ...table.notes].filter((note) => note.trim() !== '');
  if (under.length) ws.addRow([]);
  for (const note of under) ws.addRow([safe(note)]);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** The MIME type of an .xlsx file. */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
