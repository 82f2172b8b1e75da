import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import UploadList from '$ui/UploadList.svelte';
import type { DamagedUpload, UploadSummary } from '$model/upload';

const good: UploadSummary = {
  meta: {
    id: 'upload-1',
    title: 'Sơ kết 2025',
    publisher: 'CA',
    published: '2025-07-15',
    url: '',
    kind: 'uploaded',
    notes: '',
    file: 'upload-1.csv'
  },
  fileName: 'good.csv',
  uploadedAt: '2026-12-01T08:00:00.000Z',
  rows: 8,
  observations: 8
};
const damaged: DamagedUpload[] = [
  {
    id: 'upload-2',
    title: 'Báo cáo hỏng',
    fileName: 'bad.csv',
    uploadedAt: '2026-12-02T08:00:00.000Z',
    reason: 'x'
  },
  { id: 'upload-3', reason: 'not an object' }
];

describe('UploadList with damaged records', () => {
  it('lists them apart, named and dated where readable, each with a Remove button; the others as usual', async () => {
    const onremove = vi.fn();
    const onremovedamaged = vi.fn();
    render(UploadList, {
      uploads: [good],
      damaged,
      onremove,
      onremovedamaged,
      ondownload: vi.fn(),
      lang: 'vi'
    });
    const box = screen.getByTestId('upload-damaged');
    const items = within(box).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[0].textContent).toContain('Báo cáo hỏng');
    expect(items[0].textContent).toContain('bad.csv');
    expect(items[0].textContent).toContain('02/12/2026');
    expect(items[0].textContent).toContain('Bị hỏng');
    expect(items[1].textContent).toContain('Bản tải lên không tên');
    await userEvent.click(within(items[0]).getByRole('button', { name: 'Xóa bản hỏng Báo cáo hỏng' }));
    expect(onremovedamaged).toHaveBeenCalledWith('upload-2');
    expect(screen.getByText('Sơ kết 2025')).toBeTruthy();
    expect(screen.queryByText('Chưa có báo cáo nào được tải lên.')).toBeNull();
  });

  it('does not say "none" when only damaged records are stored', () => {
    render(UploadList, { uploads: [], damaged, onremove: vi.fn(), ondownload: vi.fn(), lang: 'en' });
    expect(screen.queryByText('No report uploaded yet.')).toBeNull();
    expect(screen.getByText('Damaged uploads')).toBeTruthy();
  });
});
