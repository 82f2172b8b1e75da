/** The map's projected boundaries, made from data/areas/hanoi-2025.geojson on disk (build time and tests only). */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FeatureCollection, Polygon } from 'geojson';
import { projectMap, type MapGeometry } from './geometry';

/** Drawing width in px (the SVG scales); 0.35 px tolerance is below what a screen shows at that size. */
export const MAP_WIDTH = 600;
export const MAP_TOLERANCE = 0.35;

let memo: Promise<MapGeometry> | undefined;

export function nodeMapGeometry(dataDir = join(process.cwd(), 'data')): Promise<MapGeometry> {
  memo ??= readFile(join(dataDir, 'areas', 'hanoi-2025.geojson'), 'utf8').then((text) =>
    projectMap(
      JSON.parse(text) as FeatureCollection<Polygon, { code: string; level: string }>,
      MAP_WIDTH,
      MAP_TOLERANCE
    )
  );
  return memo;
}
