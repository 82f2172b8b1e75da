/** The review's sentence builder: figures in, sentences out, in both languages. */
import { describe, expect, it } from 'vitest';
import type { Figure } from '$model/figure';
import { buildReview } from '$model/review-doc';
import type { ReviewInput } from '$model/review';
import type { Lang } from '$i18n/format';
import { sentenceText } from '$ui/review/text';
import { fig } from '../../fixtures/figures';

const P1 = ['2013–2018', '2013-01-01', '2018-12-31'] as const;
const P2 = ['2019–2024', '2019-01-01', '2024-12-31'] as const;
const Y = ['2025', '2025-01-01', '2025-12-31'] as const;

const input = (
  figures: Figure[],
  period = `${P2[1]}/${P2[2]}`,
  extra: Partial<ReviewInput> = {}
): ReviewInput => ({
  area: { code: '01', label: 'Hà Nội' },
  period,
  figures,
  children: [],
  childTotals: [],
  ...extra
});

/** Every sentence of the document as text, and the paragraphs' ids. */
function read(i: ReviewInput, lang: Lang = 'vi') {
  const doc = buildReview(i, lang);
  return {
    doc,
    ids: doc.paragraphs.map((p) => p.id),
    text: doc.paragraphs.flatMap((p) => p.sentences.map((s) => sentenceText(s, lang))).join('\n')
  };
}

describe('qualifiers are kept in words', () => {
  const q = (qualifier: Figure['qualifier'], note = '') =>
    input([fig(...P2, 'disputes_resolved', '', 15000, { qualifier, note })]);
  it.each([
    ['exact', '', 'đã giải quyết có hiệu quả 15.000 vụ', 'resolved'],
    ['more_than', '', 'hơn 15.000 vụ', 'more than 15,000 disputes'],
    ['more_than', 'trên 15.000 vụ mâu thuẫn', 'trên 15.000 vụ', 'more than 15,000 disputes'],
    ['nearly', '', 'gần 15.000 vụ', 'nearly 15,000 disputes'],
    ['about', '', 'khoảng 15.000 vụ', 'about 15,000 disputes']
  ] as const)('%s (%s)', (qualifier, note, vi, en) => {
    expect(read(q(qualifier, note)).text).toContain(vi);
    expect(read(q(qualifier, note), 'en').text).toContain(en);
  });
  it('says an exact figure without a qualifier word', () => {
    expect(read(q('exact')).text).not.toMatch(/hơn|trên|gần|khoảng/);
  });
});

describe('the change against the previous comparable period', () => {
  const two = (a: number, b: number, metric = 'models', extra: Partial<Figure> = {}) =>
    input([fig(...P1, metric, '', a), fig(...P2, metric, '', b, extra)]);
  it('says a rise with the percentage in vi-VN', () => {
    expect(read(two(200, 225)).text).toContain('Số mô hình tăng 12,5% so với giai đoạn 2013–2018.');
    expect(read(two(200, 225), 'en').text).toContain(
      'The number of models rose by 12.5% compared with the period 2013–2018.'
    );
  });
  it('says a fall', () => {
    expect(read(two(200, 150)).text).toContain('Số mô hình giảm 25% so với giai đoạn 2013–2018.');
  });
  it('says unchanged', () => {
    expect(read(two(200, 200)).text).toContain('Số mô hình không thay đổi so với giai đoạn 2013–2018.');
  });
  it('says per-year rates as such when a flow’s periods differ in length', () => {
    const i = input([fig(...P1, 'tips', '', 600), fig(...Y, 'tips', '', 120)], `${Y[1]}/${Y[2]}`);
    const text = read(i).text;
    expect(text).toContain('Tính bình quân mỗi năm (120 so với 100 tin/năm, vì hai kỳ dài khác nhau)');
    expect(text).toContain('số tin tăng 20% so với giai đoạn 2013–2018');
    expect(read(i, 'en').text).toContain('Per year (120 against 100 tips a year');
  });
  it('says a change from a zero base in units, with no percentage', () => {
    const text = read(two(0, 30)).text;
    expect(text).toContain('Số mô hình tăng 30 so với giai đoạn 2013–2018.');
    expect(text).not.toContain('%');
  });
  it('says an approximate change when a side has a qualifier', () => {
    expect(read(two(200, 250, 'models', { qualifier: 'nearly' })).text).toContain('tăng khoảng 25%');
  });
  it('states no change between demo and real figures', () => {
    const text = read(two(200, 250, 'models', { kind: 'demo', report_id: 'demo' })).text;
    expect(text).toContain('250');
    expect(text).not.toMatch(/tăng|giảm|so với/);
  });
  it('looks past a demo period to the previous real one', () => {
    const i = input([
      fig(...P1, 'models', '', 200),
      fig('2018', '2018-12-01', '2018-12-31', 'models', '', 10, { kind: 'demo', report_id: 'demo' }),
      fig(...P2, 'models', '', 250)
    ]);
    expect(read(i).text).toContain('tăng 25% so với giai đoạn 2013–2018');
  });
  it('says "không so sánh được" across a series break', () => {
    // r2 declares a break for models: its figures carry r2 as their series.
    const i = input([
      fig(...P1, 'models', '', 200),
      fig(...P2, 'models', '', 250, { report_id: 'r2', series: 'r2' })
    ]);
    const text = read(i, 'vi').text;
    expect(text).toContain('không so sánh được với giai đoạn 2013–2018');
    expect(text).not.toMatch(/tăng|giảm/);
    expect(read(i, 'en').text).toContain('cannot be compared');
  });
});

describe('what is left out, and what is marked', () => {
  it('omits the paragraph of a metric without figures in the period, never writing a zero', () => {
    const i = input([fig(...P2, 'tips', '', 5), fig(...P1, 'awards', '', 9)]);
    const { ids, text } = read(i);
    expect(ids).toEqual(['tips']);
    expect(text).not.toMatch(/khen thưởng|\b0\b/);
  });
  it('lists the categories of the total’s own source only', () => {
    const i = input([
      fig(...P2, 'tips', '', 100),
      fig(...P2, 'tips', 'criminal', 60),
      fig(...P2, 'tips', 'other', 7, { kind: 'demo', report_id: 'demo' })
    ]);
    const text = read(i).text;
    expect(text).toContain('100 tin liên quan đến an ninh trật tự, trong đó tội phạm hình sự: 60.');
    expect(text).not.toContain('tin khác');
  });
  it('marks the sentences of demo figures, and not the real figures beside them', () => {
    const i = input([
      fig(...P2, 'model_communes', 'cluster_linkage', 174),
      fig(...P2, 'model_communes', 'other', 96, { kind: 'demo', report_id: 'demo' }),
      fig(...P2, 'patrol_turns', '', 7, { kind: 'demo', report_id: 'demo' })
    ]);
    const { text, doc } = read(i);
    expect(text).toContain('Mô hình “Cụm liên kết về ANTT” được triển khai tại 174 xã, phường, thị trấn.\n');
    expect(text).toContain(
      'Mô hình “Mô hình khác” được triển khai tại 96 xã, phường, thị trấn. (số liệu minh họa)'
    );
    expect(text).toMatch(/tuần tra, canh gác\. \(số liệu minh họa\)/);
    expect(doc.demo).toBe(true);
    expect(doc.reports.sort()).toEqual(['demo', 'r1']);
  });
  it('marks only the demo figure of a sentence that mixes real and demo ones', () => {
    const kid = (code: string, value: number, kind: Figure['kind']) => ({
      area_code: code,
      metric: 'tips',
      value,
      qualifier: 'exact' as const,
      kind,
      report_id: kind === 'demo' ? 'demo' : 'r1'
    });
    const i = input([fig(...P2, 'tips', '', 100)], undefined, {
      children: [
        { code: 'a', label: 'Quận A' },
        { code: 'b', label: 'Quận B' }
      ],
      childTotals: [kid('a', 20, 'demo'), kid('b', 50, 'published')]
    });
    expect(read(i).text).toContain('cao nhất là Quận B (50), thấp nhất là Quận A (20 (số liệu minh họa)).');
  });
  it('names the highest and the lowest child', () => {
    const kid = (code: string, value: number) => ({
      area_code: code,
      metric: 'tips',
      value,
      qualifier: 'exact' as const,
      kind: 'published' as const,
      report_id: 'r1'
    });
    const i = input([fig(...P2, 'tips', '', 100)], undefined, {
      children: [
        { code: 'a', label: 'Quận A' },
        { code: 'b', label: 'Quận B' },
        { code: 'c', label: 'Quận C' }
      ],
      childTotals: [kid('a', 20), kid('b', 50), kid('c', 30)]
    });
    expect(read(i).text).toContain('cao nhất là Quận B (50), thấp nhất là Quận A (20)');
    expect(read(i).doc.tables.find((x) => x.id === 'children')?.rows).toHaveLength(3);
  });
});
