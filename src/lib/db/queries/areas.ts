import { q, type Query } from '../connector';

export interface AreaRow extends Record<string, unknown> {
  code: string;
  name: string;
  name_en: string;
  level: string;
  type: string;
  parent_code: string;
  structure: string;
}

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
