/** The import's issue messages in English, with exactly the keys of the Vietnamese ones. */
import type { viIssues } from './vi-issues';

export const enIssues: Record<keyof typeof viIssues, string> = {
  issue_empty_file:
    'The file is empty or has no data rows. Choose a CSV file with a header row and at least one data row.',
  issue_not_csv:
    'This is not a text CSV file{excel}. In Excel use Save As → "CSV UTF-8 (Comma delimited)" and upload that .csv file.',
  issue_not_csv_excel: ' (it looks like an Excel workbook)',
  issue_bad_quotes:
    'A quotation mark is unclosed or misplaced, so the cells after it may run together. Close the quote, or write "" for a quote inside a cell.',
  issue_missing_column: 'Missing column: {what}. Add it to the header row (for example: {example}).',
  issue_duplicate_column:
    'Column "{column}" holds the same figure as column "{other}". Delete one of them or correct its header.',
  issue_bad_number_empty: 'The value is empty. Enter a number, or delete the row if there is no figure.',
  issue_bad_number:
    '"{value}" is not a number. Write numbers like 208.229, 1.234,5 or "hơn 15.000"{grouping}.',
  issue_bad_number_grouping: ' (thousands separators must split the digits into groups of three)',
  issue_bad_qualifier:
    'Unknown qualifier "{value}". Use one of: exact (or leave empty), more_than, nearly, about.',
  issue_bad_period:
    '{why} Write the period like 2023, 2013-2018, 2023-Q3, 2023-H1, 2023-08, or give dates as YYYY-MM-DD or DD/MM/YYYY.',
  issue_period_empty: 'The period is empty.',
  issue_period_unreadable: 'Cannot read the period "{value}".',
  issue_period_bad_start: 'The start date "{value}" is not a valid date.',
  issue_period_bad_end: 'The end date "{value}" is not a valid date.',
  issue_period_end_before_start: 'The end date is before the start date.',
  issue_period_label_mismatch: 'The period "{value}" does not match its start and end dates.',
  issue_unknown_metric: 'Unknown metric "{value}". Use one of: {choices}.',
  issue_unknown_category:
    'Metric "{metric}" has no category "{value}". Use one of: {choices}, or leave it empty for the total.',
  issue_unknown_area:
    'No area "{value}" among the units of {structure}.{hint} Check the administrative unit\'s code or name.',
  issue_ambiguous_area:
    'The area name "{value}" matches several units: {candidates}. Give the unit\'s code, add its type ("Phường", "Xã"…), or add a district column.',
  issue_negative_value: 'Negative value ({value}). Counts cannot be negative: correct the number.',
  issue_duplicate: 'Same period, area, metric and category as row {first}. Delete one of the two rows.',
  issue_encoding_converted:
    'The file was encoded as {encoding} and has been converted to Unicode. Check that names show correctly; next time save as "CSV UTF-8".',
  issue_unknown_column:
    'Column "{column}" is not recognised and is ignored. If it holds a metric, rename its header to the metric\'s name (e.g. "Tips from citizens", "Political security").',
  issue_extra_cells:
    'The row has more cells than the header; the extra cells are ignored. Check the delimiters or give those columns a header.',
  issue_empty_row:
    'The row has no figures, so nothing is imported from it. Fill in the figures or delete the row.',
  issue_area_code_padded:
    'Code "{value}" was read as "{code}" ({name}): its leading zeros were lost (Excel). Format the code column as Text to keep them.',
  issue_area_name_mismatch:
    'Code "{code}" is "{expected}", not "{value}". The figure is assigned by the code; correct the code or the name.',
  issue_fractional_value:
    '"{value}" was read as {number}, not a whole number. If it is in thousands, use \'.\' to group digits (208.229) or no separator.',
  issue_sum_mismatch:
    'The categories of "{metric}" add up to {sum}, {differs} the reported total {total}. Check the figures.',
  issue_sum_over: 'more than',
  issue_sum_other: 'not',
  issue_unknown_area_elsewhere: '"{unit}" ({code}) is a unit of {structure}, not valid in this period.',
  issue_period_overlap:
    'Period {period} overlaps {other}, already stored for the same area and metric (report "{report}"). Check that this is not a duplicate upload.',
  issue_bad_number_too_large:
    '"{value}" is too large to store exactly (over 9,007,199,254,740,991). Check the figure: the cell may have been pasted wrongly or have extra digits.',
  issue_not_csv_old_excel:
    '{format} workbooks cannot be read. In Excel choose Save As → "Excel Workbook (.xlsx)" and upload that .xlsx file (or save as "CSV UTF-8").',
  issue_sum_mismatch_rows:
    'The total row gives {total}, but rows {from}–{to} above add up to {sum}. Check the figures of this column.',
  issue_formula_no_value:
    'Cell {cell} has a formula but no calculated value saved. Open the file in Excel, let it recalculate (F9), save and upload it again.',
  issue_unknown_sheet: 'There is no sheet {sheet}. The workbook has: {sheets}.',
  issue_bad_workbook:
    'The Excel workbook cannot be read ({detail}). Open it in Excel, save it again as .xlsx and upload it again.',
  issue_unread_row:
    'Row "{text}" is not a title, total or signature row and holds no figure. Add its figures or its area, or delete the row.'
};
