import { describe, expect, it } from 'vitest';
import { CHILD_METRICS, HEADLINE_METRICS, METRICS } from '$model/metrics';
import { FIGURE_HEADERS } from '$import/headers';
import { CATEGORY_COLOURS, colourOf } from '$charts/palette';

// The tables each part held for itself before the catalogue carried them: the derivations must give them back.
const TABLE_BEFORE: [string, string, string[]][] = [
  [
    'tips',
    '',
    [
      'Tổng số tin',
      'Tổng số tin báo',
      'Tổng tin',
      'Số tin',
      'Tin báo',
      'Tổng số tin báo của quần chúng',
      'Total tips',
      'Tips'
    ]
  ],
  [
    'tips',
    'political_security',
    ['Tin về an ninh chính trị', 'Tin về ANCT', 'ANCT', 'Tin ANCT', 'Political security tips']
  ],
  [
    'tips',
    'criminal',
    [
      'Tin về tội phạm hình sự',
      'Tin về TPHS',
      'TPHS',
      'Tin TPHS',
      'Tin về tội phạm',
      'Criminal tips',
      'Crime'
    ]
  ],
  ['tips', 'social_evils', ['Tin về tệ nạn xã hội', 'Tin về TNXH', 'TNXH', 'Tin TNXH', 'Social evils tips']],
  ['tips', 'other', ['Tin khác', 'Tin về vấn đề khác', 'Other tips']],
  [
    'disputes_resolved',
    '',
    [
      'Số vụ mâu thuẫn, tranh chấp được hòa giải',
      'Số vụ mâu thuẫn tranh chấp được hòa giải thành',
      'Số vụ hòa giải',
      'Hòa giải',
      'Hòa giải thành',
      'Vụ hòa giải',
      'Disputes resolved'
    ]
  ],
  [
    'patrol_turns',
    '',
    [
      'Số lượt người tham gia tuần tra, canh gác',
      'Lượt tuần tra',
      'Tuần tra, canh gác',
      'Lượt người tuần tra',
      'Patrol turns',
      'Patrols'
    ]
  ],
  ['models', '', ['Số mô hình, chuyên đề', 'Số mô hình', 'Mô hình', 'Tổng số mô hình', 'Models']],
  ['model_sites', '', ['Số điểm mô hình', 'Điểm mô hình', 'Sites']],
  [
    'models',
    'cluster_linkage',
    ['Cụm liên kết', 'Mô hình cụm liên kết', 'Cụm liên kết ANTT', 'Cluster linkage']
  ],
  [
    'models',
    'self_defence',
    [
      'Tự phòng, tự quản',
      'Mô hình tự phòng, tự quản',
      'Tự quản',
      'Self-defence',
      'Self defense',
      'Self-management'
    ]
  ],
  ['models', 'clan_self_management', ['Dòng họ tự quản', 'Mô hình dòng họ tự quản', 'Clan self-management']],
  [
    'model_communes',
    '',
    [
      'Số xã có mô hình',
      'Số xã, phường có mô hình',
      'Số xã, phường, thị trấn có mô hình',
      'Communes with models'
    ]
  ],
  ['training_classes', '', ['Số lớp tập huấn', 'Lớp tập huấn', 'Số lớp']],
  ['trainees', '', ['Số lượt người được tập huấn', 'Lượt người tập huấn', 'Người được tập huấn']],
  ['awards', '', ['Tổng số khen thưởng', 'Khen thưởng', 'Tổng khen thưởng']],
  [
    'awards',
    'city_committee',
    [
      'Bằng khen UBND TP',
      'Bằng khen UBND Thành phố',
      'Bằng khen của UBND TP',
      'Bằng khen Chủ tịch UBND TP',
      'UBND TP khen thưởng',
      'UBND TP'
    ]
  ],
  [
    'awards',
    'police_director',
    [
      'Bằng khen Giám đốc CATP',
      'Giấy khen Giám đốc CATP',
      'Giám đốc CATP',
      'Giám đốc Công an Thành phố khen thưởng',
      'Khen thưởng của Giám đốc CATP'
    ]
  ],
  [
    'awards',
    'fatherland_front',
    [
      'Bằng khen UBMTTQ',
      'Bằng khen UBMTTQ TP',
      'Bằng khen Ủy ban MTTQ TP',
      'UBMTTQ TP',
      'UBMTTQ',
      'Khen thưởng của UBMTTQ TP'
    ]
  ]
];

const COLOURS_BEFORE: Record<string, string> = {
  political_security: '#0072B2',
  criminal: '#D55E00',
  social_evils: '#CC79A7',
  other: '#009E73',
  cluster_linkage: '#0072B2',
  self_defence: '#E69F00',
  clan_self_management: '#56B4E9',
  city_committee: '#0072B2',
  police_director: '#D55E00',
  fatherland_front: '#009E73',
  '': '#8a8a8a'
};

const byTarget = (rows: [string, string, readonly string[]][]) =>
  Object.fromEntries(rows.map(([metric, category, words]) => [`${metric}/${category}`, [...words]]));

describe('what the metric catalogue gives each part', () => {
  it('gives the importer the header table it held before, alias for alias', () => {
    expect(byTarget(FIGURE_HEADERS)).toEqual(byTarget(TABLE_BEFORE));
    expect(FIGURE_HEADERS).toHaveLength(TABLE_BEFORE.length);
  });

  it("names headers only for the total and the metric's own categories", () => {
    for (const m of METRICS)
      for (const category of Object.keys(m.headers))
        expect(['', ...m.categories.map((c) => c.id)], `${m.id}/${category}`).toContain(category);
  });

  it('shows the same headline metrics on the overview, in the same order', () => {
    expect(HEADLINE_METRICS).toEqual(['tips', 'disputes_resolved', 'patrol_turns', 'models']);
  });

  it("offers the same metrics in an area page's table of units below, in the same order", () => {
    expect(CHILD_METRICS).toEqual([
      'tips',
      'disputes_resolved',
      'patrol_turns',
      'model_sites',
      'training_classes',
      'trainees'
    ]);
  });

  it('colours each category as before, and a category id shared by metrics with one colour', () => {
    expect(CATEGORY_COLOURS).toEqual(COLOURS_BEFORE);
    for (const m of METRICS)
      for (const c of m.categories) expect(colourOf(c.id), `${m.id}/${c.id}`).toBe(c.colour);
    expect(colourOf('no_such_category')).toBe('#8a8a8a');
  });

  it("apportions demo figures only over the metric's own categories", () => {
    for (const m of METRICS.filter((x) => x.demo)) {
      const ids = m.categories.length ? m.categories.map((c) => c.id) : [''];
      expect(Object.keys(m.demo!.base).sort(), m.id).toEqual([...ids].sort());
    }
  });
});
