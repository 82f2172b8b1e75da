/** The wide layout: one row per period and area, one column per metric or category ("Tổng số tin", …). */
import type { Qualifier } from '../../model/types';
import { cleanNote, isEmptyFigure } from '../rules/values';
import { targetOf } from '../targets';
import { EXAMPLES, hasArea, hasPeriod, reportMissing, type LayoutReader } from './reader';

/** Reads files whose header has figure columns. */
export const wideReader: LayoutReader = {
  layout: 'wide',

  claims: (c) => c.figures.length > 0,

  checkHeader(c, headerRow, sink, periodGiven) {
    let ok = true;
    if (!hasArea(c)) {
      reportMissing(
        sink,
        headerRow,
        'địa bàn (Mã, Đơn vị, Xã/Phường…)',
        'area (code or name: "Mã", "Đơn vị", "Xã/Phường"…)',
        EXAMPLES.wide
      );
      ok = false;
    }
    if (!hasPeriod(c, periodGiven)) {
      reportMissing(sink, headerRow, 'kỳ báo cáo (Kỳ, Năm…)', 'period ("Kỳ", "Năm"…)', EXAMPLES.wide);
      ok = false;
    }
    return ok;
  },

  rowReader(run) {
    const c = run.columns;
    const sink = run.sink;
    const figures = c.figures.map((f) => ({ col: f.col, target: targetOf(f.metric, f.category) }));
    const qualifierColumn = c.qualifier >= 0 ? c.headers[c.qualifier] : '';
    return (cells, row) => {
      run.beginRow(cells, row);
      if (figures.every((f) => isEmptyFigure(cells[f.col]))) {
        sink.add('empty_row', row, '');
        return;
      }
      const place = run.place(cells, row);
      if (!place) return;
      let qualifier: Qualifier | null | undefined = null;
      if (c.qualifier >= 0)
        qualifier = run.qualifiers.read(sink, cells[c.qualifier] ?? '', row, qualifierColumn);
      if (qualifier === undefined) return;
      const note = c.note >= 0 ? cleanNote(cells[c.note]) : '';
      for (const f of figures) {
        const cell = cells[f.col] ?? '';
        if (isEmptyFigure(cell)) continue;
        run.addFigure(place, f.target, cell, qualifier, note, row, f.col);
      }
    };
  }
};
