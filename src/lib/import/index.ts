/** The CSV import pipeline: one implementation for the browser (Web Worker) and Node (CLI, tests). */
export {
  importCsv,
  type ImportOptions,
  type ImportResult,
  type ImportedObservation,
  type ExistingRange,
  type Layout
} from './pipeline';
export {
  createAreaResolver,
  splitTypePrefix,
  type AreaResolver,
  type ReferenceAreaTexts,
  type RefArea,
  type AreaLookup,
  type NameQuery
} from './areas';
export { decodeBytes, decodeTcvn3, TCVN3_TABLE, type Decoded, type EncodingName } from './decode';
export { parseNumber, parseQualifier, type NumberResult } from './numbers';
export { resolvePeriod, parseDate, normalisePeriodLabel, type PeriodResult } from './periods';
export {
  classifyHeader,
  resolveMetricCell,
  resolveCategoryCell,
  type ColumnRole,
  type Figure
} from './headers';
export { parseCsv, CsvReader, sniffDelimiter, type Delimiter } from './csv';
export { ObservationTable, METRIC_CATEGORIES, type PeriodRef, type AreaRef } from './table';
export {
  message,
  isError,
  ERROR_CODES,
  WARNING_CODES,
  type Issue,
  type IssueCode,
  type ErrorCode,
  type WarningCode,
  type Message
} from './messages';
export { toCanonicalCsv, CANONICAL_HEADER, type CanonicalRow } from './canonical';
export { strictKey, looseKey, tidy } from './text';
