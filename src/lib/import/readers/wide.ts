/** The wide layout: one row per period and area, one column per metric or category ("Tổng số tin", …). */
import type { Qualifier } from '../../model/types';
import { cleanNote, isEmptyFigure } from '../rules/values';
import { targetOf } from '../targets';
import { EXAMPLES, hasArea, hasPeriod, reportMissing, type LayoutReader } from './reader';

/** Reads files whose header has figure columns. */
export const wideReader: LayoutReader = {
  layout: 'wide',

  claims: (columns) => columns.figures.length > 0,

  checkHeader(columns, headerRow, sink, periodGiven) {
    let ok = true;
    if (!hasArea(columns)) {
      reportMissing(
        sink,
        headerRow,
        'địa bàn (Mã, Đơn vị, Xã/Phường…)',
        'area (code or name: "Mã", "Đơn vị", "Xã/Phường"…)',
        EXAMPLES.wide
      );
      ok = false;
    }
    if (!hasPeriod(columns, periodGiven)) {
      reportMissing(sink, headerRow, 'kỳ báo cáo (Kỳ, Năm…)', 'period ("Kỳ", "Năm"…)', EXAMPLES.wide);
      ok = false;
    }
    return ok;
  },

  rowReader(run) {
    const columns = run.columns;
    const sink = run.sink;
    const figures = columns.figures.map((figure) => ({
      col: figure.col,
      target: targetOf(figure.metric, figure.category)
    }));
    const qualifierColumn = columns.qualifier >= 0 ? columns.headers[columns.qualifier] : '';
    return (cells, row) => {
      run.beginRow(cells, row);
      if (!hasAnyFigure(cells, figures)) {
        sink.add('empty_row', row, '');
        return;
      }
      const place = run.place(cells, row);
      if (!place) return;
      let qualifier: Qualifier | null | undefined = null;
      if (columns.qualifier >= 0)
        qualifier = run.qualifiers.read(sink, cells[columns.qualifier] ?? '', row, qualifierColumn);
      if (qualifier === undefined) return;
      const note = columns.note >= 0 ? cleanNote(cells[columns.note]) : '';
      for (const figure of figures) {
        const cell = cells[figure.col] ?? '';
        if (isEmptyFigure(cell)) continue;
        run.addFigure(place, figure.target, cell, qualifier, note, row, figure.col);
      }
    };
  }
};

/** Whether any figure column of the row holds a figure (a row of dashes is reported as empty, not read). */
function hasAnyFigure(cells: string[], figures: { col: number }[]): boolean {
  for (const figure of figures) if (!isEmptyFigure(cells[figure.col])) return true;
  return false;
}
