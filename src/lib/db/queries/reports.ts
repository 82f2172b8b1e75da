import { q, type Query } from '../connector';
import type { Report } from '$model/types';

/** All reports, newest first, with their metadata (breaks, unstated periods) and how many observations each holds. */
export function reportList(): Query<Report & { observations: number } & Record<string, unknown>> {
  return q(
    `SELECT r.id, r.title, r.publisher, r.published::VARCHAR AS published, r.url, r.kind, r.notes, r.file,
            r.breaks, r.period_unstated, r.period_note,
            (SELECT count(*) FROM observations o WHERE o.report_id = r.id) AS observations
     FROM reports r ORDER BY r.published DESC, r.id`
  );
}
