import { render, screen } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import { describe, expect, it } from 'vitest';
import SourceLine from '$ui/SourceLine.svelte';
import type { Report } from '$model/types';

const report = (id: string, kind: Report['kind'], publisher: string): Report => ({
  id,
  title: id,
  publisher,
  published: '2025-07-15',
  url: '',
  kind,
  notes: '',
  file: `${id}.csv`
});
const bundled = [
  report('hn-2019-tk', 'published', 'Công an TP Hà Nội'),
  report('demo-hanoi-communes', 'demo', 'Dữ liệu minh họa')
];

describe('SourceLine', () => {
  it('names an uploaded report of the catalogue as uploaded, linking to the upload page', () => {
    const reports = [...bundled, report('upload-1', 'uploaded', 'Phòng PV05')];
    render(SourceLine, { reportIds: ['hn-2019-tk', 'upload-1'], reports, lang: 'vi' });
    flushSync();
    const line = screen.getByText(/Nguồn/).closest('p')!;
    expect(line).toHaveTextContent('Công an TP Hà Nội');
    expect(line).toHaveTextContent('Phòng PV05');
    expect(line).toHaveTextContent('15/07/2025 (Tải lên)');
    expect(screen.getByRole('link', { name: /Phòng PV05/ })).toHaveAttribute('href', '/upload');
    expect(line).not.toHaveTextContent('minh họa');
  });

  it('lists only the reports whose figures are shown', () => {
    render(SourceLine, { reportIds: ['demo-hanoi-communes'], reports: bundled, lang: 'vi' });
    const line = screen.getByText(/Nguồn/).closest('p')!;
    expect(line).not.toHaveTextContent('Công an');
    expect(line).toHaveTextContent('Dữ liệu minh họa');
  });
});
