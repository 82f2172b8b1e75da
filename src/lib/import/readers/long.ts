/** The long layout: one figure per row, with metric, category and value columns (the canonical CSV). */
import type { Qualifier } from '../../model/types';
import { categoryChoices, METRIC_CHOICES } from '../rules/metrics';
import { checkRejectedValue, cleanNote } from '../rules/values';
import type { Target } from '../targets';
import { EXAMPLES, hasArea, hasPeriod, reportMissing, type LayoutReader } from './reader';

/** Reads files with a metric column, or a value column and no figure columns. */
export const longReader: LayoutReader = {
  layout: 'long',

  // A "value" column alone makes a long file only when there are no figure columns ("Số lượng" beside them is noise).
  claims: (c) => c.metric >= 0 || (c.value >= 0 && c.figures.length === 0),

  checkHeader(c, headerRow, sink, periodGiven) {
    let ok = true;
    const missing = (what_vi: string, what_en: string) => {
      reportMissing(sink, headerRow, what_vi, what_en, EXAMPLES.long);
      ok = false;
    };
    if (c.metric < 0) missing('chỉ tiêu (metric)', 'metric');
    if (c.value < 0) missing('giá trị (value)', 'value');
    if (!hasArea(c)) missing('địa bàn (area_code hoặc area_name)', 'area (area_code or area_name)');
    if (!hasPeriod(c, periodGiven)) {
      missing(
        'kỳ báo cáo (period, hoặc period_start và period_end)',
        'period (or period_start and period_end)'
      );
    }
    // Figure columns of a wide sheet mean nothing beside a metric column: say so rather than drop them.
    for (const f of c.figures)
      sink.add('unknown_column', headerRow, c.headers[f.col], { column: c.headers[f.col] });
    return ok;
  },

  rowReader(run) {
    const c = run.columns;
    const sink = run.sink;
    const valueColumn = c.headers[c.value];
    const metricColumn = c.headers[c.metric];
    const categoryColumn = c.category >= 0 ? c.headers[c.category] : metricColumn;
    const qualifierColumn = c.qualifier >= 0 ? c.headers[c.qualifier] : '';
    return (cells, row) => {
      run.beginRow(cells, row);
      const place = run.place(cells, row);
      const metricCell = cells[c.metric] ?? '';
      const metric = run.metrics.metric(metricCell);
      let target: Target | null = null;
      if (!metric) {
        sink.add('unknown_metric', row, metricColumn, { value: metricCell.trim(), choices: METRIC_CHOICES });
      } else {
        const categoryCell = c.category >= 0 ? (cells[c.category] ?? '') : '';
        target = run.metrics.category(metric, categoryCell);
        if (target === null) {
          sink.add('unknown_category', row, categoryColumn, {
            value: categoryCell.trim(),
            metric: metric.metric.id,
            choices: categoryChoices(metric.metric)
          });
        }
      }
      let qualifier: Qualifier | null | undefined = null;
      if (c.qualifier >= 0)
        qualifier = run.qualifiers.read(sink, cells[c.qualifier] ?? '', row, qualifierColumn);
      const valueCell = cells[c.value] ?? '';
      if (!place || target === null || qualifier === undefined) {
        checkRejectedValue(sink, valueCell, row, valueColumn);
        return;
      }
      const note = c.note >= 0 ? cleanNote(cells[c.note]) : '';
      run.addFigure(place, target, valueCell, qualifier, note, row, c.value);
    };
  }
};
