/** The issues of one import, counted by code and kept in full up to a cap per code. */
import { isError, message, type Issue, type IssueCode, type MessageParams } from './messages';

/** Collects issues: counts all, keeps the first `cap` of each code with their messages. */
export class IssueSink {
  errors: Issue[] = [];
  warnings: Issue[] = [];
  counts: Partial<Record<IssueCode, number>> = {};
  errorCount = 0;
  warningCount = 0;
  constructor(private cap: number) {}

  /** Counts an issue and keeps it with its message while its code is under the cap. */
  add(code: IssueCode, row: number, column: string, params: MessageParams = {}): void {
    const seen = (this.counts[code] ?? 0) + 1;
    this.counts[code] = seen;
    const error = isError(code);
    if (error) this.errorCount++;
    else this.warningCount++;
    if (seen > this.cap) return;
    (error ? this.errors : this.warnings).push({ row, column, code, message: message(code, params) });
  }
}
