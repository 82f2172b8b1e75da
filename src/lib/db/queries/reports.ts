import { q, type Query } from '../connector';
import type { Report } from '$model/types';
import type { ExistingRange } from '$import/pipeline';

/** All reports, newest first, with their metadata (breaks, unstated periods) and how many observations each holds. */
export function reportList(): Query<Report & { observations: number }> {
  return q(
    `SELECT r.id, r.title, r.publisher, r.published::VARCHAR AS published, r.url, r.kind, r.notes, r.file,
            r.breaks, r.period_unstated, r.period_note,
            (SELECT count(*) FROM observations o WHERE o.report_id = r.id) AS observations
     FROM reports r ORDER BY r.published DESC, r.id`
  );
}

/** The periods real (non-demo) reports already hold, per area and metric: for an upload's overlap warnings. */
export function existingRanges(): Query<ExistingRange> {
  return q(
    `SELECT DISTINCT o.area_code, o.metric, o.period_start::VARCHAR AS period_start,
            o.period_end::VARCHAR AS period_end, o.report_id AS report
     FROM observations o JOIN reports r ON r.id = o.report_id WHERE r.kind <> 'demo'`
  );
}
