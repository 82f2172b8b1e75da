import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import UploadSkipped from '$ui/UploadSkipped.svelte';
import UploadSheets from '$ui/UploadSheets.svelte';

const skipped = {
  rows: [
    { from: 1, to: 3, reason: 'title' as const, text: 'CÔNG AN THÀNH PHỐ HÀ NỘI' },
    { from: 15, to: 15, reason: 'total' as const, text: 'Tổng cộng · 1504' },
    { from: 19, to: 20, reason: 'signature' as const, text: 'Người lập biểu' }
  ],
  columns: [{ column: 'A', header: 'STT', reason: 'serial' as const }],
  row_count: 6
};

describe('UploadSkipped', () => {
  it('lists the skipped rows and columns with their reason, and where the period was read', () => {
    const period = {
      row: 6,
      text: 'Kỳ báo cáo: 6 tháng đầu năm 2024',
      period: '2024-H1',
      period_start: '2024-01-01',
      period_end: '2024-06-30'
    };
    render(UploadSkipped, { skipped, period, lang: 'vi' });
    expect(screen.getByTestId('upload-title-period').textContent).toContain(
      'Kỳ báo cáo lấy từ dòng 6 ("Kỳ báo cáo: 6 tháng đầu năm 2024"): 2024-H1'
    );
    const items = [...screen.getByTestId('upload-skipped').querySelectorAll('li')].map((li) =>
      li.textContent!.replace(/\s+/g, ' ').trim()
    );
    expect(items).toEqual([
      'Cột A: số thứ tự — STT',
      'Dòng 1–3: tiêu đề, quốc hiệu — CÔNG AN THÀNH PHỐ HÀ NỘI',
      'Dòng 15: dòng tổng (đối chiếu với các dòng trên) — Tổng cộng · 1504',
      'Dòng 19–20: phần ký tên — Người lập biểu'
    ]);
  });
});

describe('UploadSheets', () => {
  it('offers every sheet, marks one without a table, and says which is read', () => {
    const sheets = [
      { name: 'Hướng dẫn', table: false },
      { name: 'Quý III', table: true }
    ];
    render(UploadSheets, { sheets, sheet: 'Quý III', onpick: () => {}, lang: 'vi' });
    const select = screen.getByRole('combobox') as HTMLSelectElement;
    expect(select.value).toBe('Quý III');
    expect([...select.options].map((o) => o.textContent)).toEqual(['Hướng dẫn (không có bảng)', 'Quý III']);
  });
});
