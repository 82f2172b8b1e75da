import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import UploadReport from '$ui/UploadReport.svelte';
import type { ImportSummary } from '$import/worker';
import { message } from '$import/messages';

const summary = (over: Partial<ImportSummary> = {}): ImportSummary => ({
  file: 'x.csv',
  encoding: 'windows-1258',
  delimiter: ';',
  layout: 'long',
  rows: 3,
  errors: [
    { row: 2, column: 'value', code: 'negative_value', message: message('negative_value', { value: '-5' }) },
    {
      row: 3,
      column: 'metric',
      code: 'unknown_metric',
      message: { vi: '<b>Chỉ tiêu lạ</b>', en: '<b>Unknown metric</b>' }
    }
  ],
  warnings: [
    { row: 4, column: 'period', code: 'period_overlap', message: { vi: 'Trùng kỳ', en: 'Overlap' } }
  ],
  counts: { negative_value: 1, unknown_metric: 1, period_overlap: 1 },
  error_count: 2,
  warning_count: 1,
  sources: [],
  skipped: { rows: [], columns: [], row_count: 0 },
  title_period: null,
  sheets: [],
  sheet: '',
  ...over
});

describe('UploadReport', () => {
  it('lists each issue with its spreadsheet row, column, code and message, errors first, with counts', () => {
    render(UploadReport, { summary: summary(), observations: 1, onshowrow: () => {}, lang: 'vi' });
    const rows = screen.getAllByRole('row').slice(1);
    expect(
      rows.map((r) =>
        within(r)
          .getAllByRole('cell')
          .map((c) => c.textContent?.trim())
      )
    ).toEqual([
      ['2', 'value', 'negative_value', expect.stringContaining('-5')],
      ['3', 'metric', 'unknown_metric', '<b>Chỉ tiêu lạ</b>'],
      ['4', 'period', 'period_overlap', 'Trùng kỳ']
    ]);
    // Messages quote cells: shown as text, never parsed as HTML.
    expect(document.querySelector('td b')).toBeNull();
    expect(screen.getByRole('list', { name: 'Số lượng theo mã' }).textContent).toMatch(/negative_value × 1/);
    expect(screen.getByRole('status').textContent).toMatch(/2\s+lỗi, 1\s+cảnh báo\.\s+Tệp có lỗi/);
    const facts = document.querySelector('dl.facts')!.textContent!;
    for (const v of ['windows-1258', '";"', 'dạng dài', '3']) expect(facts).toContain(v);
  });

  it('speaks English when asked and says when there is nothing to report', () => {
    render(UploadReport, {
      summary: summary({ errors: [], warnings: [], counts: {}, error_count: 0, warning_count: 0 }),
      observations: 3,
      onshowrow: () => {},
      lang: 'en'
    });
    expect(screen.getByText('No errors or warnings.')).toBeInTheDocument();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('jumps to a row of the source, which shows that line marked', async () => {
    const onshowrow = vi.fn();
    const { rerender } = render(UploadReport, {
      summary: summary(),
      observations: 1,
      onshowrow,
      lang: 'vi'
    });
    await userEvent.click(screen.getByRole('button', { name: '3' }));
    expect(onshowrow).toHaveBeenCalledWith(3);
    await rerender({
      summary: summary(),
      observations: 1,
      onshowrow,
      lang: 'vi',
      lines: {
        from: 1,
        lines: ['period,area_code,metric,value', '2018,001,tips,-5', '2018,001,x,5'],
        focus: 3
      }
    });
    const source = screen.getByRole('region', { name: 'Tệp gốc quanh dòng 3' });
    expect(source.querySelector('.focus')?.textContent).toMatch(/^3\s*2018,001,x,5$/);
  });

  it('shows the first 100 issues and more on request', async () => {
    const many = Array.from({ length: 250 }, (_, i) => ({
      row: i + 2,
      column: 'value',
      code: 'negative_value' as const,
      message: { vi: 'âm', en: 'negative' }
    }));
    render(UploadReport, {
      summary: summary({ errors: many, warnings: [], counts: { negative_value: 250 }, error_count: 250 }),
      observations: 0,
      onshowrow: () => {},
      lang: 'en'
    });
    expect(document.querySelectorAll('tbody tr')).toHaveLength(100);
    await userEvent.click(screen.getByRole('button', { name: /Show more \(150\)/ }));
    expect(document.querySelectorAll('tbody tr')).toHaveLength(200);
  });
});
