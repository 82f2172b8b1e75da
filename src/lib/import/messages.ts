/**
 * Issue codes of the import, and their messages in Vietnamese and English. The texts live in the one message
 * catalogue (src/lib/i18n, keys `issue_<code>`); each says what to fix.
 */
import type { Lang } from '../i18n/format';
import { interpolate, MESSAGES, type MessageKey, type ParamsOf } from '../i18n/messages';

/** Codes that block the import. */
export const ERROR_CODES = [
  'empty_file',
  'not_csv',
  'bad_quotes',
  'missing_column',
  'duplicate_column',
  'bad_number',
  'bad_qualifier',
  'bad_period',
  'unknown_metric',
  'unknown_category',
  'unknown_area',
  'ambiguous_area',
  'negative_value',
  'duplicate',
  'formula_no_value',
  'unknown_sheet',
  'bad_workbook',
  'unread_row'
] as const;

/** Codes that let the import go ahead after the reader has seen them. */
export const WARNING_CODES = [
  'encoding_converted',
  'unknown_column',
  'extra_cells',
  'empty_row',
  'area_code_padded',
  'area_name_mismatch',
  'fractional_value',
  'sum_mismatch',
  'period_overlap'
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];
export type WarningCode = (typeof WARNING_CODES)[number];
export type IssueCode = ErrorCode | WarningCode;

export interface Message {
  vi: string;
  en: string;
}

/** One problem found in a file: `row` as a spreadsheet numbers it (header = 1; 0 for the file as a whole). */
export interface Issue {
  row: number;
  column: string;
  code: IssueCode;
  message: Message;
}

/** Parameters a message may quote. */
export type MessageParams = Record<string, string | number | undefined>;

/** A quoted parameter: empty quotes when it is missing. */
const quoted = (v: string | number | undefined) => String(v ?? '');

/** A catalogue text in both languages; `params` may differ by language (a column's name, a hint). */
function both<K extends MessageKey>(key: K, params: (lang: Lang) => ParamsOf<K>): Message {
  const text = (lang: Lang) => interpolate(MESSAGES[lang][key], params(lang));
  return { vi: text('vi'), en: text('en') };
}

/** A catalogue text without parameters in both languages. */
const plain = (key: MessageKey): Message => ({ vi: MESSAGES.vi[key], en: MESSAGES.en[key] });

/** `key`'s text in `lang` when `on`, else nothing: an optional clause inside another message. */
const clause = (on: boolean, key: MessageKey, lang: Lang) => (on ? MESSAGES[lang][key] : '');

const PERIOD_REASONS: Record<string, MessageKey> = {
  empty: 'issue_period_empty',
  unreadable: 'issue_period_unreadable',
  bad_start: 'issue_period_bad_start',
  bad_end: 'issue_period_bad_end',
  end_before_start: 'issue_period_end_before_start',
  label_mismatch: 'issue_period_label_mismatch'
};

const BUILDERS: Record<IssueCode, (p: MessageParams) => Message> = {
  empty_file: () => plain('issue_empty_file'),
  not_csv: (p) =>
    p.detail === 'xls' || p.detail === 'ods'
      ? both('issue_not_csv_old_excel', () => ({ format: p.detail === 'xls' ? '.xls' : '.ods' }))
      : both('issue_not_csv', (l) => ({
          excel: clause(p.detail === 'zip', 'issue_not_csv_excel', l)
        })),
  bad_quotes: () => plain('issue_bad_quotes'),
  missing_column: (p) =>
    both('issue_missing_column', (l) => ({
      what: String(l === 'vi' ? p.what_vi : p.what_en),
      example: String(p.example)
    })),
  duplicate_column: (p) =>
    both('issue_duplicate_column', () => ({ column: quoted(p.column), other: quoted(p.other) })),
  bad_number: (p) =>
    p.value === ''
      ? plain('issue_bad_number_empty')
      : p.reason === 'too_large'
        ? both('issue_bad_number_too_large', () => ({ value: quoted(p.value) }))
        : both('issue_bad_number', (l) => ({
            value: quoted(p.value),
            grouping: clause(p.reason === 'bad_grouping', 'issue_bad_number_grouping', l)
          })),
  bad_qualifier: (p) => both('issue_bad_qualifier', () => ({ value: quoted(p.value) })),
  bad_period: (p) => {
    const reason = PERIOD_REASONS[String(p.reason)] ?? PERIOD_REASONS.unreadable;
    return both('issue_bad_period', (l) => ({
      why: interpolate(MESSAGES[l][reason], { value: quoted(p.value) })
    }));
  },
  unknown_metric: (p) =>
    both('issue_unknown_metric', () => ({ value: quoted(p.value), choices: String(p.choices) })),
  unknown_category: (p) =>
    both('issue_unknown_category', () => ({
      metric: quoted(p.metric),
      value: quoted(p.value),
      choices: String(p.choices)
    })),
  unknown_area: (p) =>
    both('issue_unknown_area', (l) => {
      const hint = l === 'vi' ? p.hint_vi : p.hint_en;
      return {
        value: quoted(p.value),
        structure: String(l === 'vi' ? p.structure_vi : p.structure_en),
        hint: hint ? ' ' + hint : ''
      };
    }),
  ambiguous_area: (p) =>
    both('issue_ambiguous_area', () => ({ value: quoted(p.value), candidates: String(p.candidates) })),
  negative_value: (p) => both('issue_negative_value', () => ({ value: String(p.value) })),
  duplicate: (p) => both('issue_duplicate', () => ({ first: String(p.first) })),
  encoding_converted: (p) => both('issue_encoding_converted', () => ({ encoding: String(p.encoding) })),
  unknown_column: (p) => both('issue_unknown_column', () => ({ column: quoted(p.column) })),
  extra_cells: () => plain('issue_extra_cells'),
  empty_row: () => plain('issue_empty_row'),
  area_code_padded: (p) =>
    both('issue_area_code_padded', () => ({
      value: quoted(p.value),
      code: quoted(p.code),
      name: String(p.name)
    })),
  area_name_mismatch: (p) =>
    both('issue_area_name_mismatch', () => ({
      code: quoted(p.code),
      expected: quoted(p.expected),
      value: quoted(p.value)
    })),
  fractional_value: (p) =>
    both('issue_fractional_value', () => ({ value: quoted(p.value), number: String(p.number) })),
  sum_mismatch: (p) =>
    p.rows
      ? both('issue_sum_mismatch_rows', () => ({
          total: String(p.total),
          sum: String(p.sum),
          from: String(p.from),
          to: String(p.to)
        }))
      : both('issue_sum_mismatch', (l) => ({
          metric: quoted(p.metric),
          sum: String(p.sum),
          differs: MESSAGES[l][p.over ? 'issue_sum_over' : 'issue_sum_other'],
          total: String(p.total)
        })),
  period_overlap: (p) =>
    both('issue_period_overlap', () => ({
      period: String(p.period),
      other: String(p.other),
      report: quoted(p.report)
    })),
  formula_no_value: (p) => both('issue_formula_no_value', () => ({ cell: String(p.cell) })),
  unknown_sheet: (p) =>
    both('issue_unknown_sheet', () => ({ sheet: quoted(p.sheet), sheets: String(p.sheets) })),
  bad_workbook: (p) => both('issue_bad_workbook', () => ({ detail: String(p.detail ?? '') })),
  unread_row: (p) => both('issue_unread_row', () => ({ text: quoted(p.text) }))
};

/** The message of an issue code with its parameters, in both languages. */
export function message(code: IssueCode, params: MessageParams = {}): Message {
  return BUILDERS[code](params);
}

/** True for codes that block the import. */
export function isError(code: IssueCode): code is ErrorCode {
  return (ERROR_CODES as readonly string[]).includes(code);
}
