import { buildDb } from '$lib/server/db';
import { sourcesFeed } from '$feeds/pages';

export async function load() {
  return sourcesFeed.load(await buildDb(), {});
}
