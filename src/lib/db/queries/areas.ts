import { q, type Query } from '../connector';
import type { Area } from '$model/types';

/** A unit as the area queries return it: the model's Area without its validity dates. */
export type AreaRow = Omit<Area, 'valid_from' | 'valid_to'>;

const COLS = `code, name, name_en, level, type, parent_code, structure`;

/** One unit of a structure (default Hà Nội 2019). */
export function areaByCode(code: string, structure = 'hn2019'): Query<AreaRow> {
  return q(`SELECT ${COLS} FROM areas WHERE structure = ? AND code = ?`, [structure, code]);
}

/** The units directly under `parent`, by name (Vietnamese collation is close enough with NFC text). */
export function childAreas(parent: string, structure = 'hn2019'): Query<AreaRow> {
  return q(`SELECT ${COLS} FROM areas WHERE structure = ? AND parent_code = ? ORDER BY name`, [
    structure,
    parent
  ]);
}

/** From the root down to the unit itself, for breadcrumbs. */
export function areaPath(code: string, structure = 'hn2019'): Query<AreaRow & { depth: number }> {
  return q(
    `SELECT ${COLS.split(', ')
      .map((c) => 'a.' + c)
      .join(', ')}, p.depth
     FROM area_paths p JOIN areas a ON a.structure = p.structure AND a.code = p.ancestor
     WHERE p.structure = ? AND p.descendant = ? ORDER BY p.depth DESC`,
    [structure, code]
  );
}

/** Every unit of a structure at one level. */
export function areasAtLevel(level: string, structure = 'hn2019'): Query<AreaRow> {
  return q(`SELECT ${COLS} FROM areas WHERE structure = ? AND level = ? ORDER BY code`, [structure, level]);
}

/** Every unit of a structure, for a lookup kept in memory (reference units never change once loaded). */
export function allAreas(structure = 'hn2019'): Query<AreaRow> {
  return q(`SELECT ${COLS} FROM areas WHERE structure = ?`, [structure]);
}

/** Hà Nội's districts (2019), by name: what the area pickers offer. */
export function districtsByName(): Query<Pick<AreaRow, 'code' | 'name' | 'type'>> {
  return q(
    `SELECT code, name, type FROM areas WHERE structure = 'hn2019' AND level = 'district' ORDER BY name`
  );
}

/** Every unit code of a structure, in code order: one prerendered area page each. */
export function areaCodes(structure = 'hn2019'): Query<{ code: string }> {
  return q(`SELECT code FROM areas WHERE structure = ? ORDER BY code`, [structure]);
}
