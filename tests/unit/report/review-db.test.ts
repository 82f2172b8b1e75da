/** The review of Hà Nội 2013–2018 written from the bundled data on a real DuckDB, and its Word document. */
import { beforeAll, describe, expect, it } from 'vitest';
import { Packer } from 'docx';
import { unzipSync, strFromU8 } from 'fflate';
import { loadBundle } from '$db/bundle';
import type { Connector } from '$db/connector';
import { openNodeDb } from '$db/node';
import { reviewFeed, type ReviewData } from '$feeds/review';
import { buildReview } from '$model/review-doc';
import type { Report } from '$model/types';
import { reviewDocument } from '$ui/review/docx';
import { reviewMarkdown, sentenceText } from '$ui/review/text';
import { diskBundle } from '../../../src/lib/server/bundle';

const SEED = ['208.229', '24.962', '115.301', '55.226', '12.740', '290', '174', '128', '124'];

let db: Connector;
let data: ReviewData;
let reports: Report[];
beforeAll(async () => {
  db = await openNodeDb();
  const bundle = diskBundle();
  await loadBundle(db, bundle);
  data = await reviewFeed.load(db, { area: '01', period: '2013-01-01/2018-12-31' });
  reports = data.reports;
});

const sentences = (lang: 'vi' | 'en', d = data) =>
  buildReview(d, lang)
    .paragraphs.flatMap((p) => p.sentences)
    .map((s) => sentenceText(s, lang));

describe('the review of Hà Nội 2013–2018', () => {
  it('holds the seed article’s figures in its sentences', () => {
    const text = sentences('vi').join('\n');
    for (const n of SEED)
      expect(text).toMatch(new RegExp(`(?<![\\d.])${n.replace('.', '\\.')}(?![\\d]|\\.\\d)`));
    expect(text).toContain('đã cung cấp cho lực lượng Công an 208.229 tin');
    expect(text).toContain('trong đó an ninh chính trị: 24.962; tội phạm hình sự: 115.301');
    expect(text).toContain('trên 15.000 vụ');
    expect(text).toContain('hơn 250.000 lượt');
    expect(text).toContain('“Cụm liên kết về ANTT” được triển khai tại 174 xã, phường, thị trấn');
  });

  it('writes the same figures in English with the qualifiers translated', () => {
    const text = sentences('en').join('\n');
    for (const n of SEED) expect(text).toContain(n.replace('.', ','));
    expect(text).toContain('more than 15,000 disputes');
    expect(text).toContain('more than 250,000 times');
  });

  it('marks the demo figures of the districts and states no change for the first period', () => {
    const all = sentences('vi');
    expect(all.filter((s) => s.includes('cao nhất')).every((s) => s.endsWith('(số liệu minh họa)'))).toBe(
      true
    );
    expect(all.find((s) => s.includes('208.229'))).not.toContain('minh họa');
    expect(all.join(' ')).not.toMatch(/tăng|giảm|so sánh/);
  });

  it('does not compare 2023’s awards across the break the festival report declares', async () => {
    const y2023 = await reviewFeed.load(db, { area: '01', period: '2023-01-01/2023-12-31' });
    const awards = sentences('vi', y2023).find((s) => s.startsWith('Số tập thể'));
    expect(awards).toContain('không so sánh được với giai đoạn 2013–2018');
  });

  it('defaults to the latest real period that spans time', async () => {
    const d = await reviewFeed.load(db, { area: '01', period: '' });
    expect(d.period).toBe('2023-01-01/2023-12-31');
  });

  it('gives the Markdown the same sentences, tables and sources', () => {
    const md = reviewMarkdown(buildReview(data, 'vi'), reports, 'vi');
    for (const s of sentences('vi')) expect(md).toContain(s);
    expect(md).toContain('| Tin báo của quần chúng | An ninh chính trị | 24.962 | tin |');
    expect(md).toContain('Cổng thông tin Ủy ban MTTQ Việt Nam TP Hà Nội');
  });

  it('builds a .docx whose document.xml holds the figures and real Word tables', async () => {
    const doc = buildReview(data, 'vi');
    const buf = await Packer.toBuffer(await reviewDocument(doc, reports, 'vi'));
    const xml = strFromU8(unzipSync(new Uint8Array(buf))['word/document.xml']);
    for (const n of [...SEED, 'trên 15.000', 'hơn 250.000']) expect(xml).toContain(n);
    expect(xml).toContain('<w:tbl>');
    expect(xml).toContain('Times New Roman');
    expect(xml).toContain('Báo cáo sơ kết'.toUpperCase());
    expect(xml).toMatch(/w:w="11906"[^>]*w:h="16838"/);
  });
});
