/**
 * Projects the 2025 units' boundaries into small SVG path strings, once, at build time.
 *
 * Why not hand geoPath's output to the page: the boundaries hold ~46.000 vertices, which at map size are mostly
 * closer together than a pixel (≈ 500 KB of path text). We simplify in pixel space, but per shared border rather
 * than per unit: a border drawn twice (once for each neighbour) must be simplified the same way both times, or
 * slivers and gaps open between units. So rings are cut into arcs at junctions (as TopoJSON does), each arc is
 * simplified once in a canonical direction, and every unit reuses the same simplified arcs.
 */
import { geoMercator, geoPath, polygonArea, polygonCentroid } from 'd3';
import type { Feature, FeatureCollection, Polygon } from 'geojson';

export interface MapUnitShape {
  code: string;
  /** SVG path data, coordinates in tenths of a pixel written as decimals. */
  d: string;
  /** Where the unit's tooltip points: its centroid, whole pixels. */
  c: [number, number];
}

export interface MapGeometry {
  width: number;
  height: number;
  /** The city's outer boundary, drawn over the units. */
  outline: string;
  units: MapUnitShape[];
}

type Pt = [number, number];
const key = (p: Pt) => `${p[0]},${p[1]}`;

/** RFC 7946 puts exterior rings counter-clockwise; d3-geo reads that as "everything but this polygon". */
export function reverseRings<F extends Feature<Polygon>>(f: F): F {
  const coordinates = f.geometry.coordinates.map((r) => [...r].reverse());
  return { ...f, geometry: { ...f.geometry, coordinates } };
}

/** Squared distance from p to the segment a–b (to a itself when a = b, as for a closed arc). */
function segDist2(p: Pt, a: Pt, b: Pt): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len = dx * dx + dy * dy;
  const t = len ? Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len)) : 0;
  const x = a[0] + t * dx - p[0];
  const y = a[1] + t * dy - p[1];
  return x * x + y * y;
}

/** Douglas–Peucker: the points of `pts` to keep so no dropped point lies farther than √eps2 from the line. */
export function simplifyLine(pts: Pt[], eps2: number): Pt[] {
  if (pts.length < 3) return pts;
  const keep = new Uint8Array(pts.length);
  keep[0] = keep[pts.length - 1] = 1;
  const stack: [number, number][] = [[0, pts.length - 1]];
  while (stack.length) {
    const [i, j] = stack.pop()!;
    let worst = -1;
    let far = 0;
    for (let k = i + 1; k < j; k++) {
      const d = segDist2(pts[k], pts[i], pts[j]);
      if (d > far) [far, worst] = [d, k];
    }
    if (worst > 0 && far > eps2) {
      keep[worst] = 1;
      stack.push([i, worst], [worst, j]);
    }
  }
  return pts.filter((_, k) => keep[k]);
}

/** Points where three or more rings meet, or where a shared border ends: arcs are cut there. */
function junctions(rings: Pt[][]): Set<string> {
  const seen = new Map<string, string>();
  const out = new Set<string>();
  for (const ring of rings) {
    const n = ring.length;
    for (let i = 0; i < n; i++) {
      const k = key(ring[i]);
      const a = key(ring[(i + n - 1) % n]);
      const b = key(ring[(i + 1) % n]);
      const pair = a < b ? `${a}|${b}` : `${b}|${a}`;
      const before = seen.get(k);
      if (before === undefined) seen.set(k, pair);
      else if (before !== pair) out.add(k);
    }
  }
  return out;
}

/** A ring with no junction (an island) still needs fixed points, chosen the same way whoever draws it. */
function anchors(ring: Pt[]): Set<string> {
  const first = ring.reduce((m, p) => (key(p) < key(m) ? p : m));
  const far = ring.reduce((m, p) => (segDist2(p, first, first) > segDist2(m, first, first) ? p : m));
  return new Set([key(first), key(far)]);
}

/** Simplifies a closed ring (first point not repeated) arc by arc; `cache` shares arcs between rings. */
function simplifyRing(ring: Pt[], cuts: Set<string>, eps2: number, cache: Map<string, Pt[]>): Pt[] {
  let fixed = ring.filter((p) => cuts.has(key(p)));
  if (fixed.length < 2) fixed = ring.filter((p) => anchors(ring).has(key(p)));
  const fixedKeys = new Set(fixed.map(key));
  const start = ring.findIndex((p) => fixedKeys.has(key(p)));
  const rot = [...ring.slice(start), ...ring.slice(0, start), ring[start]];
  const out: Pt[] = [];
  let arc: Pt[] = [rot[0]];
  for (const p of rot.slice(1)) {
    arc.push(p);
    if (!fixedKeys.has(key(p))) continue;
    // One canonical direction per border, so both neighbours get the same points.
    const flip =
      key(arc[0]) > key(arc.at(-1)!) || (key(arc[0]) === key(arc.at(-1)!) && key(arc[1]) > key(arc.at(-2)!));
    const canon = flip ? [...arc].reverse() : arc;
    const id = canon.map(key).join(';');
    let s = cache.get(id);
    if (!s) cache.set(id, (s = simplifyLine(canon, eps2)));
    out.push(...(flip ? [...s].reverse() : s).slice(0, -1));
    arc = [p];
  }
  // A tiny unit whose arcs all collapse keeps its own shape rather than vanish.
  return out.length >= 3 && Math.abs(polygonArea(out)) > 0 ? out : ring;
}

/** Tenths of a pixel as a short decimal: 12 → "1.2", -3 → "-.3". */
function tenths(n: number): string {
  const s = (Math.abs(n) / 10).toString().replace(/^0\./, '.');
  return n < 0 ? `-${s}` : s;
}

/** Relative path commands on a tenth-pixel grid: exact, no drift, and about half the text of absolute ones. */
function pathOf(ring: Pt[]): string {
  let d = `M${tenths(ring[0][0])},${tenths(ring[0][1])}l`;
  for (let i = 1; i < ring.length; i++) {
    const dx = tenths(ring[i][0] - ring[i - 1][0]);
    const dy = tenths(ring[i][1] - ring[i - 1][1]);
    d += `${i > 1 && !dx.startsWith('-') ? ',' : ''}${dx}${dy.startsWith('-') ? '' : ','}${dy}`;
  }
  return d + 'z';
}

/**
 * Projects the city outline and its units (RFC 7946 winding) to a `width`-wide map, simplified to `tolerance` px.
 * The features are those of data/areas/hanoi-2025.geojson: `level` "city" for the outline, "commune" for units.
 */
export function projectMap(
  fc: FeatureCollection<Polygon, { code: string; level: string }>,
  width = 600,
  tolerance = 0.4
): MapGeometry {
  const city = fc.features.find((f) => f.properties.level === 'city');
  if (!city) throw new Error('The map needs the city outline feature (level "city")');
  const outlineFeature = reverseRings(city);
  const projection = geoMercator().fitWidth(width, outlineFeature);
  const [[, y0], [, y1]] = geoPath(projection).bounds(outlineFeature);
  projection.translate([projection.translate()[0], projection.translate()[1] - y0]);
  const height = Math.ceil(y1 - y0);
  // Points on a tenth-pixel grid, consecutive repeats dropped: neighbours' shared vertices land on equal keys.
  // (Winding does not matter point by point; every feature of the file is a one-ring Polygon.)
  const toRing = (f: Feature<Polygon>): Pt[] => {
    const ring: Pt[] = [];
    for (const ll of f.geometry.coordinates[0].slice(0, -1)) {
      const [x, y] = projection(ll as Pt)!;
      const p: Pt = [Math.round(x * 10), Math.round(y * 10)];
      if (!ring.length || key(ring.at(-1)!) !== key(p)) ring.push(p);
    }
    if (ring.length > 1 && key(ring[0]) === key(ring.at(-1)!)) ring.pop();
    return ring;
  };
  const units = fc.features.filter((f) => f.properties.level !== 'city');
  const rings = units.map(toRing);
  const outlineRing = toRing(city);
  const cuts = junctions([...rings, outlineRing]);
  const cache = new Map<string, Pt[]>();
  const eps2 = (tolerance * 10) ** 2;
  return {
    width,
    height,
    outline: pathOf(simplifyRing(outlineRing, cuts, eps2, cache)),
    units: units.map((f, i) => {
      const ring = simplifyRing(rings[i], cuts, eps2, cache);
      const [cx, cy] = polygonCentroid(ring);
      return { code: f.properties.code, d: pathOf(ring), c: [Math.round(cx / 10), Math.round(cy / 10)] };
    })
  };
}
