import { json } from '@sveltejs/kit';
import { nodeMapGeometry } from '$feeds/map/geometry.node';

// A static file of the build: what a browser fetches to redraw the map without the 1 MB GeoJSON.
export const prerender = true;

export async function GET() {
  return json(await nodeMapGeometry());
}
