import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import ReviewDocument from '$ui/review/ReviewDocument.svelte';
import { buildReview } from '$model/review-doc';
import { fig } from '../fixtures/figures';

const P = ['2013–2018', '2013-01-01', '2018-12-31'] as const;
const doc = (lang: 'vi' | 'en') =>
  buildReview(
    {
      area: { code: '01', label: 'Hà Nội' },
      period: `${P[1]}/${P[2]}`,
      figures: [
        fig(...P, 'disputes_resolved', '', 15000, { qualifier: 'more_than', note: 'trên 15.000 vụ' }),
        fig(...P, 'patrol_turns', '', 900, { kind: 'uploaded', report_id: 'up' })
      ],
      children: [],
      childTotals: []
    },
    lang
  );

describe('ReviewDocument', () => {
  it('shows the heading, the figures in bold with their qualifier, and the uploaded mark', () => {
    render(ReviewDocument, { doc: doc('vi'), lang: 'vi' });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toContain('Báo cáo sơ kết');
    expect(screen.getByText('Hà Nội, giai đoạn 2013–2018')).toBeTruthy();
    expect(screen.getAllByText('trên 15.000').map((e) => e.tagName)).toEqual(['STRONG', 'TD']);
    expect(screen.getByText('(số liệu tải lên)')).toBeTruthy();
    expect(screen.getByRole('note').textContent).toContain('tải lên');
    expect(screen.getByRole('table').textContent).toContain('trên 15.000');
  });

  it('writes English when asked', () => {
    render(ReviewDocument, { doc: doc('en'), lang: 'en' });
    expect(screen.getAllByText('more than 15,000').map((e) => e.tagName)).toEqual(['STRONG', 'TD']);
    expect(screen.getByText('(uploaded figures)')).toBeTruthy();
  });
});
