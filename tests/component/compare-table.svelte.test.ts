import { render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import CompareTable from '$ui/CompareTable.svelte';
import HeadlineTiles from '$ui/HeadlineTiles.svelte';
import { compareRows, headlines, periodsOf } from '$model/compare';
import { fig } from '../fixtures/figures';

const figures = [
  fig('2013–2018', '2013-01-01', '2018-12-31', 'tips', '', 208229),
  fig('2013–2018', '2013-01-01', '2018-12-31', 'disputes_resolved', '', 15000, { qualifier: 'more_than' }),
  fig('2023', '2023-01-01', '2023-12-31', 'tips', '', 98826, { report_id: 'r2' }),
  fig('2023', '2023-01-01', '2023-12-31', 'disputes_resolved', '', 3000, { report_id: 'demo', kind: 'demo' })
];
const [a, b] = periodsOf(figures);

describe('CompareTable', () => {
  it('shows per-year rates with the raw total and divisor when the periods differ in length', () => {
    render(CompareTable, { rows: compareRows(figures, a, b), a, b, lang: 'vi' });
    const tips = screen.getByRole('row', { name: /Tin báo của quần chúng/ });
    expect(within(tips).getByText(/34\.705/)).toBeInTheDocument();
    expect(tips).toHaveTextContent('tổng số 208.229 ÷ 6 năm');
    expect(tips).toHaveTextContent('+64.121');
    expect(screen.getByRole('note')).toHaveTextContent('bình quân mỗi năm');
  });

  it('keeps the "more than" qualifier and marks the demo side, computing no change across kinds', () => {
    render(CompareTable, { rows: compareRows(figures, a, b), a, b, lang: 'vi' });
    const disputes = screen.getByRole('row', { name: /mâu thuẫn/ });
    expect(disputes).toHaveTextContent('> 2.500');
    expect(disputes).toHaveTextContent('Dữ liệu minh họa');
    expect(disputes).toHaveTextContent('không so sánh (minh họa)');
  });

  it('speaks English with English number formats', () => {
    render(CompareTable, { rows: compareRows(figures, a, b), a, b, lang: 'en' });
    expect(screen.getByRole('row', { name: /Tips from citizens/ })).toHaveTextContent(
      'total 208,229 ÷ 6 years'
    );
  });
});

describe('HeadlineTiles', () => {
  it('shows the latest figure with its period and the per-year change from the previous one', () => {
    render(HeadlineTiles, { headlines: headlines(figures, ['tips']), lang: 'vi' });
    const tile = screen.getByRole('listitem');
    expect(tile).toHaveTextContent('98.826');
    expect(tile).toHaveTextContent('+64.121/năm');
    expect(tile).toHaveTextContent('so với 2013–2018');
  });
});
