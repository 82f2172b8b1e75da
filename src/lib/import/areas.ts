/** Area cells (official codes or names) → reference units valid in the row's period, ambiguity-aware. */
import Papa from 'papaparse';
import { hanoiStructureAt } from '../model/periods';
import type { Area, AreaLevel, AreaStructure } from '../model/types';
import { interpolate, MESSAGES } from '../i18n/messages';
import { looseKey, strictKey, tidy } from './text';

/** The reference CSV texts of data/areas/ (columns code,name,name_en,level,type,parent_code). */
export interface ReferenceAreaTexts {
  hn2019: string;
  hn2025: string;
  vn2019: string;
  vn2025: string;
}

/** A reference unit as the import matches cells against it: the model's Area without its validity dates. */
export type RefArea = Pick<
  Area,
  'code' | 'name' | 'name_en' | 'level' | 'type' | 'parent_code' | 'structure'
>;

export type AreaLookup =
  | {
      ok: true;
      area: RefArea;
      /** the code as written, when leading zeros had to be restored */ padded?: string;
    }
  | { ok: false; kind: 'unknown'; hint?: { vi: string; en: string } }
  | { ok: false; kind: 'ambiguous'; candidates: RefArea[] };

export interface NameQuery {
  /** Only units of this level (the column said Xã/Phường or Quận/Huyện). */
  level?: AreaLevel | null;
  /** Only units under this parent (a district column beside a commune column). */
  parentCode?: string | null;
}

interface Structure {
  id: AreaStructure;
  byCode: Map<string, RefArea>;
  byStrict: Map<string, RefArea[]>;
  byLoose: Map<string, RefArea[]>;
}

// Type words written before a name, without diacritics (matched on the cell's words with diacritics stripped);
// the type they imply filters the candidates ("Xã Yên Viên" vs "Thị trấn Yên Viên").
const PREFIXES: [string[], string][] = [
  [['thanh', 'pho'], 'Thành phố'],
  [['thi', 'xa'], 'Thị xã'],
  [['thi', 'tran'], 'Thị trấn'],
  [['quan'], 'Quận'],
  [['huyen'], 'Huyện'],
  [['phuong'], 'Phường'],
  [['xa'], 'Xã'],
  [['tinh'], 'Tỉnh'],
  [['tp'], 'Thành phố'],
  [['tx'], 'Thị xã'],
  [['tt'], 'Thị trấn']
];
// Abbreviations written with a dot, possibly without a space: "P.Phúc Xá", "Q. Ba Đình".
const DOTTED: Record<string, string> = {
  tp: 'Thành phố',
  tx: 'Thị xã',
  tt: 'Thị trấn',
  q: 'Quận',
  h: 'Huyện',
  p: 'Phường',
  x: 'Xã'
};

const bare = (w: string) =>
  w
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();

/** Splits "Phường Phúc Xá" into the type word and the name; names are stored without the type word. */
export function splitTypePrefix(name: string): { type: string | null; name: string } {
  const t = tidy(name);
  const dotted = /^([^\s.]{1,2})\.\s*(.+)$/.exec(t);
  if (dotted && DOTTED[bare(dotted[1])]) return { type: DOTTED[bare(dotted[1])], name: dotted[2] };
  const words = t.split(' ');
  for (const [p, type] of PREFIXES) {
    if (words.length <= p.length) continue;
    if (p.every((w, i) => bare(words[i]) === w)) return { type, name: words.slice(p.length).join(' ') };
  }
  return { type: null, name: t };
}

const TYPE_LEVELS: Record<string, AreaLevel[]> = {
  'Thành phố': ['city', 'province'],
  Tỉnh: ['province'],
  'Thị xã': ['district'],
  Quận: ['district'],
  Huyện: ['district'],
  'Thị trấn': ['commune'],
  Phường: ['commune'],
  Xã: ['commune']
};

function push<K>(map: Map<K, RefArea[]>, key: K, a: RefArea): void {
  const list = map.get(key);
  if (list) list.push(a);
  else map.set(key, [a]);
}

function readStructure(id: AreaStructure, csv: string): Structure {
  const rows = Papa.parse<Record<string, string>>(csv.replace(/^\ufeff/, ''), {
    header: true,
    skipEmptyLines: true
  }).data;
  const s: Structure = { id, byCode: new Map(), byStrict: new Map(), byLoose: new Map() };
  for (const r of rows) {
    if (!r.code) continue;
    const a: RefArea = {
      code: r.code.trim(),
      name: tidy(r.name ?? ''),
      name_en: tidy(r.name_en ?? ''),
      level: (r.level ?? '').trim() as AreaLevel,
      type: tidy(r.type ?? ''),
      parent_code: (r.parent_code ?? '').trim(),
      structure: id
    };
    s.byCode.set(a.code, a);
    push(s.byStrict, strictKey(a.name), a);
    const l = looseKey(a.name);
    push(s.byLoose, l, a);
    if (a.name_en && looseKey(a.name_en) !== l) push(s.byLoose, looseKey(a.name_en), a);
  }
  return s;
}

/** Describes a structure for messages. */
export function structureName(id: AreaStructure): { vi: string; en: string } {
  return { vi: MESSAGES.vi[`structure_${id}`], en: MESSAGES.en[`structure_${id}`] };
}

/** "Phường Quang Trung (09550, thuộc 268)" — how a candidate is listed in an ambiguity message. */
export function describeArea(a: RefArea, parents?: (code: string) => RefArea | undefined): string {
  const parent = a.parent_code ? parents?.(a.parent_code) : undefined;
  const where = parent ? `, ${parent.type} ${parent.name}` : '';
  return `${a.type} ${a.name} (${a.code}${where})`;
}

export interface AreaResolver {
  /** The Hà Nội structure in force for a period ending on `periodEnd`. */
  structureAt(periodEnd: string): AreaStructure;
  /** A unit by its official code, restoring leading zeros Excel dropped when exactly one unit fits. */
  byCode(code: string, periodEnd: string): AreaLookup;
  /** A unit by name (type word optional), among the units valid at `periodEnd`, narrowed by level and parent. */
  byName(name: string, periodEnd: string, query?: NameQuery): AreaLookup;
  /** Lists a candidate with its code and parent, for messages. */
  describe(a: RefArea): string;
}

/** Builds the resolver from the reference CSV texts; results are cached per (structure, query, cell). */
export function createAreaResolver(texts: ReferenceAreaTexts): AreaResolver {
  const S: Record<AreaStructure, Structure> = {
    hn2019: readStructure('hn2019', texts.hn2019),
    hn2025: readStructure('hn2025', texts.hn2025),
    vn2019: readStructure('vn2019', texts.vn2019),
    vn2025: readStructure('vn2025', texts.vn2025)
  };
  const codeCache = new Map<string, AreaLookup>();
  const nameCache = new Map<string, AreaLookup>();

  const pair = (periodEnd: string): [Structure, Structure] =>
    hanoiStructureAt(periodEnd) === 'hn2025' ? [S.hn2025, S.vn2025] : [S.hn2019, S.vn2019];
  const other = (hn: Structure): [Structure, Structure] =>
    hn.id === 'hn2025' ? [S.hn2019, S.vn2019] : [S.hn2025, S.vn2025];

  // Hà Nội's units first; other provinces by the province list ("01" is Hà Nội in both: the city wins).
  function codeIn(hn: Structure, vn: Structure, code: string): RefArea | undefined {
    return hn.byCode.get(code) ?? (code.length === 2 ? vn.byCode.get(code) : undefined);
  }

  function describe(a: RefArea): string {
    return describeArea(a, (c) => S[a.structure].byCode.get(c));
  }

  function elsewhere(hn: Structure, found: RefArea): { vi: string; en: string } {
    const s = structureName(found.structure);
    const params = { unit: `${found.type} ${found.name}`, code: found.code };
    return {
      vi: interpolate(MESSAGES.vi.issue_unknown_area_elsewhere, { ...params, structure: s.vi }),
      en: interpolate(MESSAGES.en.issue_unknown_area_elsewhere, { ...params, structure: s.en })
    };
  }

  function lookupCode(code: string, periodEnd: string): AreaLookup {
    const [hn, vn] = pair(periodEnd);
    const c = code.trim();
    const exact = codeIn(hn, vn, c);
    if (exact) return { ok: true, area: exact };
    if (/^\d{1,4}$/.test(c)) {
      // Excel reads "00123" as the number 123: try each official code length the digits could have lost zeros from.
      const found: RefArea[] = [];
      for (const len of [2, 3, 5]) {
        if (len <= c.length) continue;
        const a = codeIn(hn, vn, c.padStart(len, '0'));
        if (a && !found.includes(a)) found.push(a);
      }
      if (found.length === 1) return { ok: true, area: found[0], padded: c };
      if (found.length > 1) return { ok: false, kind: 'ambiguous', candidates: found };
    }
    const [ohn, ovn] = other(hn);
    const o = codeIn(ohn, ovn, c);
    return o ? { ok: false, kind: 'unknown', hint: elsewhere(hn, o) } : { ok: false, kind: 'unknown' };
  }

  function candidatesIn(st: Structure, name: string): RefArea[] {
    return st.byStrict.get(strictKey(name)) ?? [];
  }

  function lookupName(raw: string, periodEnd: string, query: NameQuery): AreaLookup {
    const [hn, vn] = pair(periodEnd);
    const { type, name } = splitTypePrefix(raw);
    if (!name) return { ok: false, kind: 'unknown' };
    if (/^\d+$/.test(name)) return lookupCode(name, periodEnd);
    const collect = (h: Structure, v: Structure, n: string, loose: boolean): RefArea[] => {
      const key = loose ? looseKey(n) : '';
      const list = loose
        ? [...(h.byLoose.get(key) ?? []), ...(v.byLoose.get(key) ?? [])]
        : [...candidatesIn(h, n), ...candidatesIn(v, n)];
      // Hà Nội appears as the city (hn) and as a province (vn) with the same code: keep the city.
      const seen = new Set<string>();
      return list.filter((a) => (seen.has(a.code) ? false : (seen.add(a.code), true)));
    };
    const narrow = (list: RefArea[], byType = true): RefArea[] => {
      let l = list;
      if (query.level)
        l = l.filter((a) => a.level === query.level || (query.level === 'district' && a.level === 'city'));
      if (query.parentCode) l = l.filter((a) => a.parent_code === query.parentCode || a.level !== 'commune');
      if (type && byType) {
        // A wrong type word of the same level ("Xã" for a Phường) still names the unit when nothing else fits, but
        // "Quận Ba Đình" never names the 2025 ward Ba Đình: the district no longer exists.
        const levels = TYPE_LEVELS[type];
        l = l.filter((a) => levels.includes(a.level));
        const typed = l.filter((a) => a.type === type);
        if (typed.length > 0) l = typed;
      }
      return l;
    };
    // The whole cell first ("Thị xã Sơn Tây" is stored as "Sơn Tây"; a name could itself start with a type word).
    // Its first word is then part of the name, not a type ("Quán Thánh" is a ward, not a "Quận Thánh").
    let list = narrow(collect(hn, vn, tidy(raw), false), false);
    if (list.length === 0) list = narrow(collect(hn, vn, name, false));
    if (list.length === 0) {
      // Without diacritics ("Ba Dinh", "Hoan Kiem"): only when it names exactly one unit.
      const loose = narrow(collect(hn, vn, name, true));
      if (loose.length === 1) list = loose;
      else if (loose.length > 1) return { ok: false, kind: 'ambiguous', candidates: loose };
    }
    if (list.length === 1) return { ok: true, area: list[0] };
    if (list.length > 1) return { ok: false, kind: 'ambiguous', candidates: list };
    const [ohn, ovn] = other(hn);
    const o = narrow(collect(ohn, ovn, name, false));
    return o.length > 0
      ? { ok: false, kind: 'unknown', hint: elsewhere(hn, o[0]) }
      : { ok: false, kind: 'unknown' };
  }

  return {
    structureAt: (periodEnd) => hanoiStructureAt(periodEnd),
    describe,
    byCode(code, periodEnd) {
      const key = `${hanoiStructureAt(periodEnd)}\u0000${code}`;
      let r = codeCache.get(key);
      if (!r) {
        // The resolver lives as long as the worker: keep its caches bounded.
        if (codeCache.size > 50_000) codeCache.clear();
        codeCache.set(key, (r = lookupCode(code, periodEnd)));
      }
      return r;
    },
    byName(name, periodEnd, query = {}) {
      const key = `${hanoiStructureAt(periodEnd)}\u0000${query.level ?? ''}\u0000${query.parentCode ?? ''}\u0000${name}`;
      let r = nameCache.get(key);
      if (!r) {
        if (nameCache.size > 50_000) nameCache.clear();
        nameCache.set(key, (r = lookupName(name, periodEnd, query)));
      }
      return r;
    }
  };
}
