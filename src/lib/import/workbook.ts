/**
 * Excel workbooks (.xlsx) in front of the import: one sheet's cells as texts, rows numbered as Excel numbers them,
 * then the same rows, readers and rules as a CSV (`importGrid`). exceljs is loaded only when a workbook comes, so a
 * CSV upload never downloads it. .xls and .ods are not read (exceljs reads only .xlsx): the message says to save
 * the file as .xlsx.
 */
import type { Cell, CellValue, Worksheet } from 'exceljs';
import { hasHeaderRow } from './columns';
import { importCsv, importGrid, type Grid } from './pipeline';
import { columnLetter } from './rules/stray-cells';
import type { ImportOptions, ImportResult, SheetInfo } from './types';

/** Rows of a sheet looked at to tell whether it holds a table. */
const TABLE_SCAN = 40;

/** What a file's first bytes say it is: an .xlsx (a zip), an OpenDocument sheet, an old .xls, or neither. */
export function workbookKind(bytes: Uint8Array): 'xlsx' | 'ods' | 'xls' | null {
  const at = (offset: number, text: string) =>
    [...text].every((ch, i) => bytes[offset + i] === ch.charCodeAt(0));
  if (at(0, 'PK\x03\x04')) return at(30, 'mimetype') && at(38, 'application/vnd.oasis') ? 'ods' : 'xlsx';
  if (at(0, '\xd0\xcf\x11\xe0')) return 'xls';
  return null;
}

/** Imports any file the dashboard takes: an .xlsx workbook through its sheet, anything else as CSV. */
export async function importFile(input: Uint8Array, options: ImportOptions): Promise<ImportResult> {
  const kind = workbookKind(input);
  if (kind === 'xlsx') return importWorkbook(input, options);
  if (kind === 'ods') return importGrid(failed('not_csv', { detail: 'ods' }), options);
  return importCsv(input, options);
}

/** Imports one sheet of an .xlsx workbook (`options.sheet`, or the first with a table). */
export async function importWorkbook(input: Uint8Array, options: ImportOptions): Promise<ImportResult> {
  return importGrid(await readWorkbook(input, options.sheet), options);
}

const failed = (
  code: Grid['issues'][number]['code'],
  params: Record<string, string>,
  sheets: SheetInfo[] = []
) => ({ sheets, sheet: '', rows: [], issues: [{ code, row: 0, column: '', params }] }) satisfies Grid;

/** The cells of a workbook's sheet as texts: `sheet` by name, or the first sheet with a table. */
export async function readWorkbook(input: Uint8Array, sheet?: string): Promise<Grid> {
  const module = await import('exceljs');
  const ExcelJS = (module.default ?? module) as typeof import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    const buffer = input.buffer.slice(input.byteOffset, input.byteOffset + input.byteLength) as ArrayBuffer;
    await workbook.xlsx.load(buffer);
  } catch (e) {
    return failed('bad_workbook', { detail: e instanceof Error ? e.message : String(e) });
  }
  const sheets = workbook.worksheets;
  if (sheets.length === 0) return failed('bad_workbook', { detail: 'no sheet' });
  const issues: Grid['issues'] = [];
  const infos: SheetInfo[] = sheets.map((ws) => {
    const rows = sheetRows(ws, TABLE_SCAN, []);
    return { name: ws.name, table: hasHeaderRow(rows.filter((r) => r.cells.some((c) => c.trim() !== ''))) };
  });
  let chosen: Worksheet | undefined;
  if (sheet !== undefined && sheet !== '') {
    chosen = sheets.find((ws) => ws.name === sheet) ?? sheets.find((ws) => ws.name.trim() === sheet.trim());
    if (!chosen) {
      const list = infos.map((info) => `"${info.name}"`).join(', ');
      return failed('unknown_sheet', { sheet, sheets: list }, infos);
    }
  } else chosen = sheets[infos.findIndex((info) => info.table)] ?? sheets[0];
  return { sheets: infos, sheet: chosen.name, rows: sheetRows(chosen, Infinity, issues), issues };
}

/** The first `limit` rows of a sheet, every cell as text; formulas without a saved value go to `issues`. */
function sheetRows(ws: Worksheet, limit: number, issues: Grid['issues']): Grid['rows'] {
  const last = Math.min(ws.rowCount, limit);
  const width = ws.columnCount;
  const rows: Grid['rows'] = [];
  for (let r = 1; r <= last; r++) {
    const row = ws.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) {
      const cell = row.getCell(c);
      // A merged range keeps its text in its first cell, as a CSV saved from it does; a range one column wide
      // (a unit's name over several rows) gives its text to every row of it.
      if (cell.isMerged && cell.master.address !== cell.address) {
        cells.push(cell.master.col === cell.col ? cellText(cell.master, issues, false) : '');
      } else cells.push(cellText(cell, issues, true));
    }
    while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
    rows.push({ cells, row: r });
  }
  return rows;
}

/** A cell as text: numbers as the CSV reader takes them, dates as YYYY-MM-DD, a formula's saved result. */
function cellText(cell: Cell, issues: Grid['issues'], report: boolean): string {
  const value = cell.value;
  if (value !== null && typeof value === 'object' && ('formula' in value || 'sharedFormula' in value)) {
    const result = (value as { result?: CellValue }).result;
    if (result === undefined || result === null) {
      if (report) {
        const column = columnLetter(Number(cell.col) - 1);
        issues.push({
          code: 'formula_no_value',
          row: Number(cell.row),
          column,
          params: { cell: cell.address }
        });
      }
      return '';
    }
    return valueText(result);
  }
  return valueText(value);
}

function valueText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('error' in value) return String(value.error);
  if ('text' in value)
    return typeof value.text === 'string' ? value.text : valueText(value.text as CellValue);
  return '';
}

/** A number stored as a number: integers as digits, fractions with a decimal comma (a dot groups thousands). */
function numberText(value: number): string {
  if (Number.isInteger(value)) return String(value);
  return String(value).replace('.', ',');
}

/** The grid's rows as lines (tab between cells), numbered from 1: the upload page shows them around an issue. */
export function gridLines(grid: Grid): string[] {
  const lines: string[] = [];
  for (const { cells, row } of grid.rows) lines[row - 1] = cells.join('\t');
  return Array.from(lines, (line) => line ?? '');
}
