/**
 * Where the map's geometry comes from. At build time it is projected from the GeoJSON on disk; in the browser
 * (a chart reloaded for another metric or period) it is the small prerendered /map/geometry.json, or the copy the
 * page already holds — the 1 MB GeoJSON never reaches a browser.
 */
import { base } from '$app/paths';
import type { MapGeometry } from './geometry';

let memo: Promise<MapGeometry> | undefined;

/** Lets a page hand over the geometry it was prerendered with, so a reload does not fetch it again. */
export function rememberGeometry(g: MapGeometry): void {
  memo ??= Promise.resolve(g);
}

export function mapGeometry(): Promise<MapGeometry> {
  // import.meta.env.SSR is replaced at build time, so the browser bundle does not even hold the Node reader.
  memo ??= !import.meta.env.SSR
    ? fetch(`${base}/map/geometry.json`).then((r) => {
        if (!r.ok) throw new Error(`map geometry: HTTP ${r.status}`);
        return r.json() as Promise<MapGeometry>;
      })
    : import('./geometry.node').then((m) => m.nodeMapGeometry());
  memo.catch(() => (memo = undefined));
  return memo;
}
