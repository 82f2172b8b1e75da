/**
 * The metric catalogue: every figure the dashboard knows, with names, units, how it aggregates, the headers reports
 * write for it, its colours, where it is shown and how the demo data makes it up. A new metric is one entry here
 * (plus any interface text in src/lib/i18n); the importer, charts, pages and demo generator read it from here.
 */
import { MESSAGES } from '../i18n/messages';

export type Aggregate =
  /** Children add up to the parent. */
  | { kind: 'sum' }
  /** The parent counts the children where `of` (same category) is above zero. */
  | { kind: 'count_positive'; of: string }
  /** Not additive across areas (e.g. distinct models replicated in many communes): only reported figures. */
  | { kind: 'none' };

export interface Category {
  id: string;
  vi: string;
  en: string;
  /** Okabe–Ito colours, distinguishable with the common colour-vision deficiencies; one colour per category id. */
  colour: string;
}

export interface Metric {
  id: string;
  vi: string;
  en: string;
  unit: { vi: string; en: string };
  categories: Category[];
  aggregate: Aggregate;
  /** Categories are exhaustive and disjoint, so a missing total is their sum. */
  categoriesSumToTotal: boolean;
  /** A flow counted over the period (tips, person-turns, awards): per-year rates compare periods of different
   *  length. A stock counted at a date (models, communes with a model) is compared as it stands. */
  perYear: boolean;
  /**
   * Column headers as reports write them, by category id ('' for the total). They win over the catalogue names
   * when both match. Model types ("Cụm liên kết"…) are headers of `models`: a report's table of model types counts
   * models; `model_communes` needs the header to say communes ("Số xã, phường có mô hình cụm liên kết").
   */
  headers: Record<string, readonly string[]>;
  /** A tile of the overview's (and each area page's) latest figures. */
  headline: boolean;
  /** A choice in the area page's table of units below. */
  childTable: boolean;
  /**
   * How scripts/generate-demo.ts makes up this metric: `base` (by category id, '' for the total) is the city figure
   * of 2013–2018 apportioned to communes with weights of log-spread `spread`. Metrics derived from others in the
   * demo (models, sites, classes, trainees) are written by the generator itself; the rest have no demo figures.
   */
  demo?: { base: Record<string, number>; spread: number };
}

const MODEL_TYPES: Category[] = [
  {
    id: 'cluster_linkage',
    vi: 'Cụm liên kết về ANTT',
    en: 'Cluster linkage on security and order',
    colour: '#0072B2'
  },
  {
    id: 'self_defence',
    vi: 'Tự phòng, tự quản về ANTT',
    en: 'Self-defence, self-management',
    colour: '#E69F00'
  },
  { id: 'clan_self_management', vi: 'Dòng họ tự quản', en: 'Clan self-management', colour: '#56B4E9' },
  { id: 'other', vi: 'Mô hình khác', en: 'Other models', colour: '#009E73' }
];

export const METRICS: Metric[] = [
  {
    id: 'tips',
    vi: 'Tin báo của quần chúng',
    en: 'Tips from citizens',
    unit: { vi: 'tin', en: 'tips' },
    categories: [
      { id: 'political_security', vi: 'An ninh chính trị', en: 'Political security', colour: '#0072B2' },
      { id: 'criminal', vi: 'Tội phạm hình sự', en: 'Criminal', colour: '#D55E00' },
      { id: 'social_evils', vi: 'Tệ nạn xã hội', en: 'Social evils', colour: '#CC79A7' },
      { id: 'other', vi: 'Tin khác', en: 'Other', colour: '#009E73' }
    ],
    aggregate: { kind: 'sum' },
    categoriesSumToTotal: true,
    perYear: true,
    headers: {
      '': [
        'Tổng số tin',
        'Tổng số tin báo',
        'Tổng tin',
        'Số tin',
        'Tin báo',
        'Tổng số tin báo của quần chúng',
        'Total tips',
        'Tips'
      ],
      political_security: [
        'Tin về an ninh chính trị',
        'Tin về ANCT',
        'ANCT',
        'Tin ANCT',
        'Political security tips'
      ],
      criminal: [
        'Tin về tội phạm hình sự',
        'Tin về TPHS',
        'TPHS',
        'Tin TPHS',
        'Tin về tội phạm',
        'Criminal tips',
        'Crime'
      ],
      social_evils: ['Tin về tệ nạn xã hội', 'Tin về TNXH', 'TNXH', 'Tin TNXH', 'Social evils tips'],
      other: ['Tin khác', 'Tin về vấn đề khác', 'Other tips']
    },
    headline: true,
    childTable: true,
    demo: {
      base: { political_security: 24962, criminal: 115301, social_evils: 55226, other: 12740 },
      spread: 0.4
    }
  },
  {
    id: 'disputes_resolved',
    vi: 'Vụ mâu thuẫn, tranh chấp được hòa giải',
    en: 'Disputes resolved in the community',
    unit: { vi: 'vụ', en: 'cases' },
    categories: [],
    aggregate: { kind: 'sum' },
    categoriesSumToTotal: false,
    perYear: true,
    headers: {
      '': [
        'Số vụ mâu thuẫn, tranh chấp được hòa giải',
        'Số vụ mâu thuẫn tranh chấp được hòa giải thành',
        'Số vụ hòa giải',
        'Hòa giải',
        'Hòa giải thành',
        'Vụ hòa giải',
        'Disputes resolved'
      ]
    },
    headline: true,
    childTable: true,
    demo: { base: { '': 15000 }, spread: 0.5 }
  },
  {
    id: 'patrol_turns',
    vi: 'Lượt người tham gia tuần tra, canh gác',
    en: 'Patrol participation',
    unit: { vi: 'lượt người', en: 'person-turns' },
    categories: [],
    aggregate: { kind: 'sum' },
    categoriesSumToTotal: false,
    perYear: true,
    headers: {
      '': [
        'Số lượt người tham gia tuần tra, canh gác',
        'Lượt tuần tra',
        'Tuần tra, canh gác',
        'Lượt người tuần tra',
        'Patrol turns',
        'Patrols'
      ]
    },
    headline: true,
    childTable: true,
    demo: { base: { '': 250000 }, spread: 0.5 }
  },
  {
    id: 'models',
    vi: 'Mô hình, chuyên đề',
    en: 'Models and topics',
    unit: { vi: 'mô hình', en: 'models' },
    categories: MODEL_TYPES,
    // One model is replicated in many communes: a city count of models is not the sum of its communes'.
    aggregate: { kind: 'none' },
    categoriesSumToTotal: true,
    perYear: false,
    headers: {
      '': ['Số mô hình, chuyên đề', 'Số mô hình', 'Mô hình', 'Tổng số mô hình', 'Models'],
      cluster_linkage: ['Cụm liên kết', 'Mô hình cụm liên kết', 'Cụm liên kết ANTT', 'Cluster linkage'],
      self_defence: [
        'Tự phòng, tự quản',
        'Mô hình tự phòng, tự quản',
        'Tự quản',
        'Self-defence',
        'Self defense',
        'Self-management'
      ],
      clan_self_management: ['Dòng họ tự quản', 'Mô hình dòng họ tự quản', 'Clan self-management']
    },
    headline: true,
    childTable: false
  },
  {
    id: 'model_communes',
    vi: 'Số xã, phường có mô hình',
    en: 'Communes with the model',
    unit: { vi: 'xã, phường', en: 'communes' },
    categories: MODEL_TYPES,
    aggregate: { kind: 'count_positive', of: 'models' },
    // A commune can run several model types: communes with any model is not the sum over types.
    categoriesSumToTotal: false,
    perYear: false,
    headers: {
      '': [
        'Số xã có mô hình',
        'Số xã, phường có mô hình',
        'Số xã, phường, thị trấn có mô hình',
        'Communes with models'
      ]
    },
    headline: false,
    childTable: false
  },
  {
    id: 'model_sites',
    vi: 'Điểm mô hình',
    en: 'Model sites',
    unit: { vi: 'điểm', en: 'sites' },
    categories: [],
    aggregate: { kind: 'sum' },
    categoriesSumToTotal: false,
    perYear: false,
    headers: { '': ['Số điểm mô hình', 'Điểm mô hình', 'Sites'] },
    headline: false,
    childTable: true
  },
  {
    id: 'training_classes',
    vi: 'Lớp tập huấn',
    en: 'Training classes',
    unit: { vi: 'lớp', en: 'classes' },
    categories: [],
    aggregate: { kind: 'sum' },
    categoriesSumToTotal: false,
    perYear: true,
    headers: { '': ['Số lớp tập huấn', 'Lớp tập huấn', 'Số lớp'] },
    headline: false,
    childTable: true
  },
  {
    id: 'trainees',
    vi: 'Lượt người được tập huấn',
    en: 'Trainees',
    unit: { vi: 'lượt người', en: 'person-turns' },
    categories: [],
    aggregate: { kind: 'sum' },
    categoriesSumToTotal: false,
    perYear: true,
    headers: { '': ['Số lượt người được tập huấn', 'Lượt người tập huấn', 'Người được tập huấn'] },
    headline: false,
    childTable: true
  },
  {
    id: 'awards',
    vi: 'Khen thưởng',
    en: 'Awards',
    unit: { vi: 'tập thể, cá nhân', en: 'collectives and individuals' },
    categories: [
      { id: 'city_committee', vi: 'Bằng khen UBND TP', en: "City People's Committee", colour: '#0072B2' },
      {
        id: 'police_director',
        vi: 'Giám đốc CATP khen thưởng',
        en: 'City Police Director',
        colour: '#D55E00'
      },
      {
        id: 'fatherland_front',
        vi: 'UBMTTQ TP khen thưởng',
        en: 'City Fatherland Front Committee',
        colour: '#009E73'
      }
    ],
    aggregate: { kind: 'sum' },
    // Each award is given once, by one issuer: the issuers' counts add up to the awards given.
    categoriesSumToTotal: true,
    // A flow: awards are granted over a period (128 in 2013–2018 is six years' worth, not one's).
    perYear: true,
    headers: {
      '': ['Tổng số khen thưởng', 'Khen thưởng', 'Tổng khen thưởng'],
      city_committee: [
        'Bằng khen UBND TP',
        'Bằng khen UBND Thành phố',
        'Bằng khen của UBND TP',
        'Bằng khen Chủ tịch UBND TP',
        'UBND TP khen thưởng',
        'UBND TP'
      ],
      police_director: [
        'Bằng khen Giám đốc CATP',
        'Giấy khen Giám đốc CATP',
        'Giám đốc CATP',
        'Giám đốc Công an Thành phố khen thưởng',
        'Khen thưởng của Giám đốc CATP'
      ],
      fatherland_front: [
        'Bằng khen UBMTTQ',
        'Bằng khen UBMTTQ TP',
        'Bằng khen Ủy ban MTTQ TP',
        'UBMTTQ TP',
        'UBMTTQ',
        'Khen thưởng của UBMTTQ TP'
      ]
    },
    headline: false,
    childTable: false
  }
];

/** Metrics with a tile of latest figures on the overview and area pages, in catalogue order. */
export const HEADLINE_METRICS: string[] = METRICS.filter((m) => m.headline).map((m) => m.id);

/** Metrics an area page offers in its table of units below, in catalogue order. */
export const CHILD_METRICS: string[] = METRICS.filter((m) => m.childTable).map((m) => m.id);

const BY_ID = new Map(METRICS.map((m) => [m.id, m]));

/** The metric with this canonical id, or undefined. */
export function metric(id: string): Metric | undefined {
  return BY_ID.get(id);
}

/** The metric with this id; throws for an id outside the catalogue (a programming error, not user input). */
export function requireMetric(id: string): Metric {
  const m = BY_ID.get(id);
  if (!m) throw new Error(`Unknown metric id "${id}"`);
  return m;
}

/** The display name of a category ('' is the metric's total). */
export function categoryName(m: Metric, categoryId: string, lang: 'vi' | 'en'): string {
  if (categoryId === '') return MESSAGES[lang].total;
  return m.categories.find((c) => c.id === categoryId)?.[lang] ?? categoryId;
}

/** True when `category` is '' or one of the metric's categories. */
export function isCategoryOf(m: Metric, category: string): boolean {
  return category === '' || m.categories.some((c) => c.id === category);
}
