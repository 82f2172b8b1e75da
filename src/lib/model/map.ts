/** Which metrics the map of 2025 units can show. */
import { METRICS } from './metrics';

/** Metrics the map can show: additive ones. `models` (replicated models) and `model_communes` (a count of
 *  communes, which a merged unit cannot be split back into) are left out. */
export const MAP_METRICS = METRICS.filter((m) => m.aggregate.kind === 'sum').map((m) => m.id);

export const mapMetric = (id: string) => (MAP_METRICS.includes(id) ? id : 'tips');
