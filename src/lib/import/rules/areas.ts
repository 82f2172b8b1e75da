/**
 * unknown_area, ambiguous_area, area_code_padded, area_name_mismatch: the area cells of a row (code, name, a
 * district beside a commune name) → a reference unit valid in the row's period.
 */
import type { AreaLevel, AreaStructure } from '../../model/types';
import { structureName, type AreaLookup, type AreaResolver, type RefArea } from '../areas';
import type { IssueSink } from '../issues';
import type { IssueCode, MessageParams } from '../messages';
import type { ObservationTable } from '../table';
import { looseKey } from '../text';

/** A warning about an area that is still used, given once per distinct cells. */
type AreaNote = [code: IssueCode, column: string, params: MessageParams];

/** A unit the table holds. */
export interface PlacedArea {
  ok: true;
  /** Index in the observation table's areas. */
  index: number;
  code: string;
  level: AreaLevel;
  /** Warnings to give once (padded code, name that does not match the code). */
  notes: AreaNote[] | null;
}

/** Area cells that name no unit, or several: the issue to report. */
export interface BadArea {
  ok: false;
  code: IssueCode;
  column: string;
  params: MessageParams;
}

/** The header names of the area columns ('' when absent) and the level the name column states. */
export interface AreaColumns {
  code: string;
  name: string;
  parent: string;
  nameLevel: AreaLevel | null;
}

/** Area cells resolved once per structure and distinct cells (the same cells name the same unit in every period of one structure). */
export class AreaCells {
  private byStructure = new Map<AreaStructure, Map<string, PlacedArea | BadArea>>();
  private indexOf = new Map<string, number>();
  private noted = new Set<string>();
  private last: {
    structure: AreaStructure;
    code: string;
    name: string;
    parent: string;
    area: PlacedArea | BadArea;
  } | null = null;

  constructor(
    private table: ObservationTable,
    private resolver: AreaResolver,
    private columns: AreaColumns
  ) {}

  /** The unit a row's code, name and parent cells (trimmed) name in a period of `structure` ending on `periodEnd`. */
  read(
    structure: AreaStructure,
    periodEnd: string,
    code: string,
    name: string,
    parent: string
  ): PlacedArea | BadArea {
    const last = this.last;
    if (
      last &&
      last.structure === structure &&
      last.code === code &&
      last.name === name &&
      last.parent === parent
    )
      return last.area;
    let cache = this.byStructure.get(structure);
    if (!cache) this.byStructure.set(structure, (cache = new Map()));
    const key =
      parent === '' ? (name === '' ? code : `${code}\u0000${name}`) : `${code}\u0000${name}\u0000${parent}`;
    let area = cache.get(key);
    if (!area) {
      area = this.resolve(structure, periodEnd, code, name, parent);
      cache.set(key, area);
    }
    this.last = { structure, code, name, parent, area };
    return area;
  }

  /** Warns once per distinct note (padded code, name mismatch) instead of on each of a million rows. */
  reportNotes(sink: IssueSink, area: PlacedArea, row: number): void {
    for (const [code, column, params] of area.notes ?? []) {
      const key = `${code}\u0000${params.value}\u0000${params.code}`;
      if (this.noted.has(key)) continue;
      this.noted.add(key);
      sink.add(code, row, column, params);
    }
  }

  private intern(area: RefArea): number {
    // Codes repeat across the 2025 reform: a unit is its structure and its code.
    const key = `${area.structure}:${area.code}`;
    let index = this.indexOf.get(key);
    if (index === undefined) {
      index = this.table.areas.length;
      this.table.areas.push({ code: area.code, level: area.level, structure: area.structure });
      this.indexOf.set(key, index);
    }
    return index;
  }

  private placed(area: RefArea, notes: AreaNote[] | null): PlacedArea {
    return { ok: true, index: this.intern(area), code: area.code, level: area.level, notes };
  }

  private bad(
    structure: AreaStructure,
    lookup: Exclude<AreaLookup, { ok: true }>,
    value: string,
    column: string
  ): BadArea {
    if (lookup.kind === 'ambiguous') {
      const candidates = lookup.candidates.map(this.resolver.describe).join('; ');
      return { ok: false, code: 'ambiguous_area', column, params: { value, candidates } };
    }
    const names = structureName(structure);
    return {
      ok: false,
      code: 'unknown_area',
      column,
      params: {
        value,
        structure_vi: names.vi,
        structure_en: names.en,
        hint_vi: lookup.hint?.vi,
        hint_en: lookup.hint?.en
      }
    };
  }

  private resolve(
    structure: AreaStructure,
    periodEnd: string,
    code: string,
    name: string,
    parent: string
  ): PlacedArea | BadArea {
    const resolver = this.resolver;
    const columns = this.columns;
    if (code !== '') {
      const byCode = resolver.byCode(code, periodEnd);
      if (!byCode.ok) return this.bad(structure, byCode, code, columns.code);
      const found = byCode.area;
      const notes: AreaNote[] = [];
      if (byCode.padded) {
        notes.push([
          'area_code_padded',
          columns.code,
          { value: code, code: found.code, name: `${found.type} ${found.name}` }
        ]);
      }
      if (name !== '' && !nameFitsCode(resolver, name, periodEnd, columns.nameLevel, found)) {
        notes.push([
          'area_name_mismatch',
          columns.name,
          { code: found.code, expected: `${found.type} ${found.name}`, value: name }
        ]);
      }
      return this.placed(found, notes.length ? notes : null);
    }
    let parentCode: string | null = null;
    if (parent !== '') {
      const byParent = resolver.byName(parent, periodEnd, { level: 'district' });
      if (byParent.ok) parentCode = byParent.area.level === 'district' ? byParent.area.code : null;
      else if (structure === 'hn2019') return this.bad(structure, byParent, parent, columns.parent);
      // From 1 July 2025 Hà Nội has no districts: an old district name beside a commune name narrows nothing.
      if (name === '')
        return byParent.ok
          ? this.placed(byParent.area, null)
          : this.bad(structure, byParent, parent, columns.parent);
    }
    const byName = resolver.byName(name, periodEnd, { level: columns.nameLevel, parentCode });
    return byName.ok ? this.placed(byName.area, null) : this.bad(structure, byName, name, columns.name);
  }
}

/** Whether a name cell beside a code names the same unit (or could: one of its candidates, or its name's tail). */
function nameFitsCode(
  resolver: AreaResolver,
  name: string,
  periodEnd: string,
  level: AreaLevel | null,
  area: RefArea
): boolean {
  const byName = resolver.byName(name, periodEnd, { level });
  if (byName.ok && byName.area.code === area.code) return true;
  if (
    !byName.ok &&
    byName.kind === 'ambiguous' &&
    byName.candidates.some((candidate) => candidate.code === area.code)
  )
    return true;
  return looseKey(name).endsWith(looseKey(area.name));
}
