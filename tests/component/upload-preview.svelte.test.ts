import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import UploadPreview from '$ui/UploadPreview.svelte';

const obs = (i: number) => ({
  period: '2019',
  period_start: '2019-01-01',
  period_end: '2019-12-31',
  area_code: '001',
  area_level: 'district' as const,
  metric: 'tips',
  category: '',
  value: 1000 + i,
  qualifier: 'exact' as const,
  note: '',
  row: i + 2,
  name: 'Quận Ba Đình'
});

describe('UploadPreview', () => {
  it('shows the first observations 30 at a time: all 200 at once made a long task', async () => {
    render(UploadPreview, {
      preview: Array.from({ length: 200 }, (_, i) => obs(i)),
      total: 1_000_000,
      changes: [],
      lang: 'en'
    });
    const rows = () => screen.getByTestId('upload-observations').querySelectorAll('tbody tr');
    expect(rows()).toHaveLength(30);
    expect(rows()[29]).toHaveTextContent('1,029');
    expect(screen.getByRole('heading', { name: /200 .*1,000,000/ })).toBeInTheDocument();
    await fireEvent.click(screen.getByRole('button', { name: 'Show more (170)' }));
    expect(rows()).toHaveLength(60);
    for (let i = 0; i < 5; i++) await fireEvent.click(screen.getByRole('button', { name: /Show more/ }));
    expect(rows()).toHaveLength(200);
    expect(screen.queryByRole('button', { name: /Show more/ })).toBeNull();
  });
});
