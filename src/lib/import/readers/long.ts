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
  claims: (columns) => columns.metric >= 0 || (columns.value >= 0 && columns.figures.length === 0),

  checkHeader(columns, headerRow, sink, periodGiven) {
    let ok = true;
    const missing = (what_vi: string, what_en: string) => {
      reportMissing(sink, headerRow, what_vi, what_en, EXAMPLES.long);
      ok = false;
    };
    if (columns.metric < 0) missing('chỉ tiêu (metric)', 'metric');
    if (columns.value < 0) missing('giá trị (value)', 'value');
    if (!hasArea(columns)) missing('địa bàn (area_code hoặc area_name)', 'area (area_code or area_name)');
    if (!hasPeriod(columns, periodGiven)) {
      missing(
        'kỳ báo cáo (period, hoặc period_start và period_end)',
        'period (or period_start and period_end)'
      );
    }
    // Figure columns of a wide sheet mean nothing beside a metric column: say so rather than drop them.
    for (const figure of columns.figures)
      sink.add('unknown_column', headerRow, columns.headers[figure.col], {
        column: columns.headers[figure.col]
      });
    return ok;
  },

  rowReader(run) {
    const columns = run.columns;
    const sink = run.sink;
    const valueColumn = columns.headers[columns.value];
    const metricColumn = columns.headers[columns.metric];
    const categoryColumn = columns.category >= 0 ? columns.headers[columns.category] : metricColumn;
    const qualifierColumn = columns.qualifier >= 0 ? columns.headers[columns.qualifier] : '';
    return (cells, row) => {
      run.beginRow(cells, row);
      const place = run.place(cells, row);
      const metricCell = cells[columns.metric] ?? '';
      const metric = run.metrics.metric(metricCell);
      let target: Target | null = null;
      if (!metric) {
        sink.add('unknown_metric', row, metricColumn, { value: metricCell.trim(), choices: METRIC_CHOICES });
      } else {
        const categoryCell = columns.category >= 0 ? (cells[columns.category] ?? '') : '';
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
      if (columns.qualifier >= 0)
        qualifier = run.qualifiers.read(sink, cells[columns.qualifier] ?? '', row, qualifierColumn);
      const valueCell = cells[columns.value] ?? '';
      if (!place || target === null || qualifier === undefined) {
        checkRejectedValue(sink, valueCell, row, valueColumn);
        return;
      }
      const note = columns.note >= 0 ? cleanNote(cells[columns.note]) : '';
      run.addFigure(place, target, valueCell, qualifier, note, row, columns.value);
    };
  }
};
