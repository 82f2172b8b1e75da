/**
 * Spreadsheet formula injection: a CSV cell that starts with `=`, `+`, `-`, `@`, a tab or a line break runs as a
 * formula (or DDE) when the file is opened in Excel or LibreOffice. Every export that writes a text cell passes it
 * through `neutraliseFormula`, which puts an apostrophe in front, the mark spreadsheets read as "this is text" and do
 * not show. The import takes that one apostrophe off again (`restoreFormula`), so a stored note survives
 * download → validate unchanged. Apostrophes already in front of a formula character get one more, so a note that
 * itself begins with `'=` also comes back as written.
 */
const FORMULA_LEAD = /^'*[=+\-@\t\r\n]/;

/** The cell as a spreadsheet will show it but never run it: `'` + cell when it would start a formula. */
export function neutraliseFormula(cell: string): string {
  return FORMULA_LEAD.test(cell) ? `'${cell}` : cell;
}

/** The inverse of `neutraliseFormula`: one leading apostrophe off a cell it would have marked. */
export function restoreFormula(cell: string): string {
  return cell.startsWith("'") && FORMULA_LEAD.test(cell.slice(1)) ? cell.slice(1) : cell;
}
