/** One database per build process, loaded with the bundled data, shared by every prerendered page. */
import { loadBundle } from '$db/bundle';
import type { Connector } from '$db/connector';
import { openNodeDb } from '$db/node';
import { diskBundle } from './bundle';

let ready: Promise<Connector> | undefined;

export function buildDb(): Promise<Connector> {
  ready ??= openNodeDb().then(async (db) => {
    await loadBundle(db, diskBundle());
    return db;
  });
  return ready;
}
