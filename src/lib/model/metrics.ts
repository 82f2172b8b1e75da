/** The metric catalogue: every figure the dashboard knows, with names, units and how it aggregates. */

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
  /** A flow counted over the period (tips, person-turns): per-year rates compare periods of different length.
   *  A stock or an event count (models, awards) is compared as it stands. */
  perYear: boolean;
}

const MODEL_TYPES: Category[] = [
  { id: 'cluster_linkage', vi: 'Cụm liên kết về ANTT', en: 'Cluster linkage on security and order' },
  { id: 'self_defence', vi: 'Tự phòng, tự quản về ANTT', en: 'Self-defence, self-management' },
  { id: 'clan_self_management', vi: 'Dòng họ tự quản', en: 'Clan self-management' },
  { id: 'other', vi: 'Mô hình khác', en: 'Other models' }
];

export const METRICS: Metric[] = [
  {
    id: 'tips',
    vi: 'Tin báo của quần chúng',
    en: 'Tips from citizens',
    unit: { vi: 'tin', en: 'tips' },
    categories: [
      { id: 'political_security', vi: 'An ninh chính trị', en: 'Political security' },
      { id: 'criminal', vi: 'Tội phạm hình sự', en: 'Criminal' },
      { id: 'social_evils', vi: 'Tệ nạn xã hội', en: 'Social evils' },
      { id: 'other', vi: 'Tin khác', en: 'Other' }
    ],
    aggregate: { kind: 'sum' },
    categoriesSumToTotal: true,
    perYear: true
  },
  {
    id: 'disputes_resolved',
    vi: 'Vụ mâu thuẫn, tranh chấp được hòa giải',
    en: 'Disputes resolved in the community',
    unit: { vi: 'vụ', en: 'cases' },
    categories: [],
    aggregate: { kind: 'sum' },
    categoriesSumToTotal: false,
    perYear: true
  },
  {
    id: 'patrol_turns',
    vi: 'Lượt người tham gia tuần tra, canh gác',
    en: 'Patrol participation',
    unit: { vi: 'lượt người', en: 'person-turns' },
    categories: [],
    aggregate: { kind: 'sum' },
    categoriesSumToTotal: false,
    perYear: true
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
    perYear: false
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
    perYear: false
  },
  {
    id: 'model_sites',
    vi: 'Điểm mô hình',
    en: 'Model sites',
    unit: { vi: 'điểm', en: 'sites' },
    categories: [],
    aggregate: { kind: 'sum' },
    categoriesSumToTotal: false,
    perYear: false
  },
  {
    id: 'training_classes',
    vi: 'Lớp tập huấn',
    en: 'Training classes',
    unit: { vi: 'lớp', en: 'classes' },
    categories: [],
    aggregate: { kind: 'sum' },
    categoriesSumToTotal: false,
    perYear: true
  },
  {
    id: 'trainees',
    vi: 'Lượt người được tập huấn',
    en: 'Trainees',
    unit: { vi: 'lượt người', en: 'person-turns' },
    categories: [],
    aggregate: { kind: 'sum' },
    categoriesSumToTotal: false,
    perYear: true
  },
  {
    id: 'awards',
    vi: 'Khen thưởng',
    en: 'Awards',
    unit: { vi: 'tập thể, cá nhân', en: 'collectives and individuals' },
    categories: [
      { id: 'city_committee', vi: 'Bằng khen UBND TP', en: "City People's Committee" },
      { id: 'police_director', vi: 'Giám đốc CATP khen thưởng', en: 'City Police Director' },
      { id: 'fatherland_front', vi: 'UBMTTQ TP khen thưởng', en: 'City Fatherland Front Committee' }
    ],
    aggregate: { kind: 'sum' },
    // Each award is given once, by one issuer: the issuers' counts add up to the awards given.
    categoriesSumToTotal: true,
    perYear: true // a flow: awards are granted over a period (128 in 2013–2018 is six years' worth, not one's)
  }
];

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
  if (categoryId === '') return lang === 'vi' ? 'Tổng số' : 'Total';
  return m.categories.find((c) => c.id === categoryId)?.[lang] ?? categoryId;
}

/** True when `category` is '' or one of the metric's categories. */
export function isCategoryOf(m: Metric, category: string): boolean {
  return category === '' || m.categories.some((c) => c.id === category);
}
