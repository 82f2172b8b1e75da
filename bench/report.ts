/** What each bench module returns: named figures with their values, goal and verdict, and the table lines. */

export interface FigureResult {
  /** Stable name (cold_load_overview, ingest_1m, …). */
  name: string;
  /** Measured values: medians unless the key says otherwise (p95_ms, max_…); units in the key. */
  values: Record<string, number | string | boolean | null>;
  /** The goal in words, e.g. "first chart ≤ 1.5× blank page". */
  goal: string;
  /** Whether the goal is met; null when it could not be measured. */
  meets: boolean | null;
  /** How it was measured and anything a reader should know. */
  method: string;
  /** Table lines: [measure, value]. */
  rows: [string, string][];
}

export function ok(meets: boolean | null): string {
  return meets === null ? 'n/a' : meets ? 'met' : 'MISSED';
}
