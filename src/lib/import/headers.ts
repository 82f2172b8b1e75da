/** Column headers → what each column holds; metric and category cells → catalogue ids. */
import { METRICS } from '../model/metrics';
import type { AreaLevel } from '../model/types';
import { looseKey, strictKey } from './text';

export type ColumnRole =
  | { kind: 'period' }
  | { kind: 'period_start' }
  | { kind: 'period_end' }
  | { kind: 'area_code' }
  /** An area name column; `level` when the header says which level (Xã/Phường, Quận/Huyện). */
  | { kind: 'area_name'; level: AreaLevel | null }
  | { kind: 'metric' }
  | { kind: 'category' }
  | { kind: 'value' }
  | { kind: 'qualifier' }
  | { kind: 'note' }
  | { kind: 'source_url' }
  /** A wide-layout column holding one metric (and category; '' for the total). */
  | { kind: 'figure'; metric: string; category: string }
  /** Known columns with nothing to import (row numbers). */
  | { kind: 'ignore' };

export interface Figure {
  metric: string;
  category: string;
}

// Structural columns, in the words real files use (Vietnamese and English, with and without diacritics).
const STRUCTURAL: [ColumnRole, string[]][] = [
  [
    { kind: 'period' },
    ['period', 'kỳ', 'kỳ báo cáo', 'năm', 'year', 'giai đoạn', 'thời gian', 'thời kỳ', 'reporting period']
  ],
  [
    { kind: 'period_start' },
    ['period_start', 'start', 'start date', 'from', 'từ ngày', 'ngày bắt đầu', 'bắt đầu']
  ],
  [{ kind: 'period_end' }, ['period_end', 'end', 'end date', 'to', 'đến ngày', 'ngày kết thúc', 'kết thúc']],
  [
    { kind: 'area_code' },
    [
      'area_code',
      'code',
      'area code',
      'unit code',
      'mã',
      'mã xã',
      'mã phường',
      'mã xã phường',
      'mã đơn vị',
      'mã ĐVHC',
      'mã địa bàn',
      'mã đơn vị hành chính',
      'mã số'
    ]
  ],
  [
    { kind: 'area_name', level: null },
    [
      'area_name',
      'area',
      'name',
      'unit',
      'đơn vị',
      'tên đơn vị',
      'địa bàn',
      'tên địa bàn',
      'đơn vị hành chính',
      'tên'
    ]
  ],
  [
    { kind: 'area_name', level: 'commune' },
    [
      'xã/phường',
      'phường/xã',
      'xã, phường',
      'phường, xã',
      'xã, phường, thị trấn',
      'phường, xã, thị trấn',
      'xã',
      'phường',
      'tên xã',
      'tên phường',
      'commune',
      'ward',
      'commune/ward'
    ]
  ],
  [
    { kind: 'area_name', level: 'district' },
    [
      'quận/huyện',
      'huyện/quận',
      'quận, huyện',
      'quận, huyện, thị xã',
      'quận',
      'huyện',
      'district',
      'tên quận huyện'
    ]
  ],
  [{ kind: 'metric' }, ['metric', 'chỉ tiêu', 'indicator', 'tên chỉ tiêu']],
  [{ kind: 'category' }, ['category', 'phân loại', 'loại', 'danh mục']],
  [{ kind: 'value' }, ['value', 'giá trị', 'số liệu', 'số lượng', 'count']],
  [{ kind: 'qualifier' }, ['qualifier', 'mức độ', 'độ chính xác']],
  [{ kind: 'note' }, ['note', 'notes', 'ghi chú', 'chú thích', 'comment', 'comments']],
  [{ kind: 'source_url' }, ['source_url', 'source', 'url', 'link', 'nguồn']],
  [{ kind: 'ignore' }, ['stt', 'tt', 'no', 'no.', '#', 'số thứ tự', 'số tt']]
];

/**
 * Figure headers as reports write them, from the catalogue: [metric id, category id ('' for the total), headers].
 * Registered before the catalogue names, so they win a conflict.
 */
export const FIGURE_HEADERS: [string, string, readonly string[]][] = METRICS.flatMap((m) =>
  Object.entries(m.headers).map(([category, words]): [string, string, readonly string[]] => [
    m.id,
    category,
    words
  ])
);

const MODEL_TYPE_KEYS: [string, string][] = [
  ['cumlienket', 'cluster_linkage'],
  ['clusterlinkage', 'cluster_linkage'],
  ['tuphongtuquan', 'self_defence'],
  ['selfdefence', 'self_defence'],
  ['selfdefense', 'self_defence'],
  ['donghotuquan', 'clan_self_management'],
  ['clanselfmanagement', 'clan_self_management'],
  ['mohinhkhac', 'other'],
  ['othermodels', 'other']
];
const COMMUNE_WORDS = ['xaphuong', 'soxa', 'diaban', 'communes', 'wards'];

type Target = ColumnRole;
const STRICT = new Map<string, Target>();
const LOOSE = new Map<string, Target | null>(); // null: two different targets share the loose key

function sameTarget(a: Target, b: Target): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function register(text: string, target: Target): void {
  const s = strictKey(text);
  if (s && !STRICT.has(s)) STRICT.set(s, target);
  const l = looseKey(text);
  if (!l) return;
  const prev = LOOSE.get(l);
  if (prev === undefined) LOOSE.set(l, target);
  else if (prev !== null && !sameTarget(prev, target)) LOOSE.set(l, null);
}

for (const [role, words] of STRUCTURAL) for (const w of words) register(w, role);
for (const [metric, category, words] of FIGURE_HEADERS)
  for (const w of words) register(w, { kind: 'figure', metric, category });
// Catalogue names and ids. `models` comes before `model_communes` in the catalogue, so shared category names
// ("Mô hình khác") go to models.
for (const m of METRICS) {
  for (const w of [m.id, m.vi, m.en]) register(w, { kind: 'figure', metric: m.id, category: '' });
  for (const c of m.categories) {
    for (const w of [
      `${m.id}.${c.id}`,
      `${m.id}:${c.id}`,
      `${m.id}/${c.id}`,
      `${m.vi} - ${c.vi}`,
      `${m.en} - ${c.en}`
    ]) {
      register(w, { kind: 'figure', metric: m.id, category: c.id });
    }
    for (const w of [c.vi, c.en]) register(w, { kind: 'figure', metric: m.id, category: c.id });
  }
}

function lookup(text: string): Target | null {
  const s = strictKey(text);
  if (!s) return null;
  const hit = STRICT.get(s);
  if (hit) return hit;
  return LOOSE.get(looseKey(text)) ?? null;
}

const LEADING_WORDS = ['tongso', 'soluong', 'so', 'tong', 'numberof', 'totalnumberof', 'total'];

/** What a header cell holds, or null when it matches nothing (the caller reports it as unknown_column). */
export function classifyHeader(header: string): ColumnRole | null {
  const h = header.replace(/^\ufeff/, '').trim();
  if (h === '') return null;
  let hit = lookup(h);
  if (hit) return hit;
  // "Tổng số tin (tin)", "Tin về an ninh chính trị (ANCT)": try without the brackets, then the bracketed words.
  const bare = h.replace(/[([{][^)\]}]*[)\]}]/g, ' ').trim();
  if (bare !== h && bare !== '' && (hit = lookup(bare))) return hit;
  const inner = /[([{]([^)\]}]*)[)\]}]/.exec(h);
  if (inner && (hit = lookup(inner[1]))) return hit;
  const l = looseKey(bare || h);
  // Model types, possibly inside a longer header: models unless the header says it counts communes.
  for (const [k, category] of MODEL_TYPE_KEYS) {
    if (l.includes(k)) {
      const communes = COMMUNE_WORDS.some((w) => l.includes(w));
      return { kind: 'figure', metric: communes ? 'model_communes' : 'models', category };
    }
  }
  for (const w of LEADING_WORDS) {
    if (l.startsWith(w) && l.length > w.length) {
      const rest = LOOSE.get(l.slice(w.length));
      if (rest && rest.kind === 'figure') return rest;
    }
  }
  return null;
}

const METRIC_CELL = new Map<string, Figure | null>();

/**
 * A metric cell of the long layout: a canonical id, the Vietnamese or English name, or a header-style name that
 * also fixes the category ("Tin về an ninh chính trị"). Cached: a file repeats a handful of values a million times.
 */
export function resolveMetricCell(cell: string): Figure | null {
  const cached = METRIC_CELL.get(cell);
  if (cached !== undefined) return cached;
  const t = classifyHeader(cell);
  const r = t && t.kind === 'figure' ? { metric: t.metric, category: t.category } : null;
  // Bounded: a worker imports many files, and garbage cells must not grow the cache without limit.
  if (METRIC_CELL.size > 10_000) METRIC_CELL.clear();
  METRIC_CELL.set(cell, r);
  return r;
}

const CATEGORY_CELL = new Map<string, Map<string, string | null>>();

/** A category cell of the long layout for a metric: id, vi/en name or header-style name; '' is the total. */
export function resolveCategoryCell(metricId: string, cell: string): string | null {
  let byMetric = CATEGORY_CELL.get(metricId);
  if (!byMetric) CATEGORY_CELL.set(metricId, (byMetric = new Map()));
  const cached = byMetric.get(cell);
  if (cached !== undefined) return cached;
  const m = METRICS.find((x) => x.id === metricId);
  let r: string | null = null;
  const t = cell.trim();
  const totalWords = ['', 'total', 'tổng', 'tổng số', 'tong so', 'tong'];
  if (totalWords.includes(t.toLowerCase())) r = '';
  else if (m) {
    const s = strictKey(t);
    const l = looseKey(t);
    const c =
      m.categories.find((c) => c.id === t || strictKey(c.vi) === s || strictKey(c.en) === s) ??
      m.categories.find((c) => looseKey(c.id) === l || looseKey(c.vi) === l || looseKey(c.en) === l);
    if (c) r = c.id;
    else {
      const h = classifyHeader(t);
      if (h && h.kind === 'figure' && h.category !== '') {
        // "Cụm liên kết" under model_communes means that metric's category of the same id.
        if (m.categories.some((c) => c.id === h.category)) r = h.category;
      }
      // A sub-header under its metric shortens the name: "Hình sự" (Tội phạm hình sự), "Khác" (Tin khác).
      if (r === null && l.length >= 4) {
        const ends = m.categories.filter((c) => looseKey(c.vi).endsWith(l) || looseKey(c.en).endsWith(l));
        if (ends.length === 1) r = ends[0].id;
      }
    }
  }
  if (byMetric.size > 10_000) byMetric.clear();
  byMetric.set(cell, r);
  return r;
}
