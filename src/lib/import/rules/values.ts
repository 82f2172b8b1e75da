/** bad_number, negative_value, fractional_value, bad_qualifier: the figure cells and the qualifier column. */
import type { Qualifier } from '../../model/types';
import type { IssueSink } from '../issues';
import { parseNumber, parseQualifier } from '../numbers';
import { restoreFormula } from '../../model/formula';

/** Cells that mean "no figure" in a wide sheet: skipped, not read as numbers. */
const EMPTY_FIGURE = new Set(['', '-', '–', '—', '_', 'x', 'X', '…', '...']);
const DECOMPOSED = /[\u0300-\u036f]/;

/** Whether a wide sheet's figure cell holds no figure (blank, a dash, an x). */
export function isEmptyFigure(cell: string | undefined): boolean {
  return EMPTY_FIGURE.has((cell ?? '').trim());
}

/** The value of a cell of 1–15 ASCII digits, or -1 for anything else: most cells of a big file, read cheaply. */
export function digitsValue(cell: string): number {
  const length = cell.length;
  if (length === 0 || length > 15) return -1;
  let value = 0;
  for (let i = 0; i < length; i++) {
    const digit = cell.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/** A figure's value and qualifier (from the cell's own marks, "~120"), or null after reporting why it is rejected. */
export function checkValue(
  sink: IssueSink,
  cell: string,
  row: number,
  column: string
): { value: number; qualifier: Qualifier } | null {
  const parsed = parseNumber(cell);
  if (!parsed.ok) {
    sink.add('bad_number', row, column, { value: cell.trim(), reason: parsed.reason });
    return null;
  }
  if (parsed.value < 0) {
    sink.add('negative_value', row, column, { value: cell.trim() });
    return null;
  }
  if (!Number.isInteger(parsed.value)) {
    sink.add('fractional_value', row, column, { value: cell.trim(), number: parsed.value });
  }
  return parsed;
}

/** Reports a value that could not be used anyway, so that one pass gives every problem of a rejected row. */
export function checkRejectedValue(sink: IssueSink, cell: string, row: number, column: string): void {
  const parsed = parseNumber(cell);
  if (!parsed.ok) sink.add('bad_number', row, column, { value: cell.trim(), reason: parsed.reason });
  else if (parsed.value < 0) sink.add('negative_value', row, column, { value: cell.trim() });
}

/** A note as stored: trimmed, tone marks composed (the text itself is not normalised as a whole, to save time). */
export function cleanNote(cell: string | undefined): string {
  if (cell === undefined || cell === '') return '';
  // The apostrophe an export put before a formula-like note (model/formula.ts) is not part of it.
  const trimmed = restoreFormula(cell.trim());
  return DECOMPOSED.test(trimmed) ? trimmed.normalize('NFC') : trimmed;
}

/** The qualifier column's cells, parsed once per distinct cell. */
export class QualifierCells {
  private parsed = new Map<string, Qualifier | null>();

  /** The row's qualifier: null for an empty cell, undefined after reporting bad_qualifier (the row is rejected). */
  read(sink: IssueSink, cell: string, row: number, column: string): Qualifier | null | undefined {
    if (cell === '') return null;
    let qualifier = this.parsed.get(cell);
    if (qualifier === undefined) this.parsed.set(cell, (qualifier = parseQualifier(cell)));
    if (qualifier !== null) return qualifier;
    if (cell.trim() === '') return null;
    sink.add('bad_qualifier', row, column, { value: cell.trim() });
    return undefined;
  }
}
