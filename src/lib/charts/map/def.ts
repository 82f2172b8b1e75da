/** The `map` chart: registry entry of the choropleth of the 126 units of 2025 (see ChoroplethMap.svelte). */
import { requireMetric } from '$model/metrics';
import { formatPeriod } from '$i18n/format';
import { MESSAGES } from '$i18n/messages';
import ChoroplethMap from '../ChoroplethMap.svelte';
import MapTable from '../layers/MapTable.svelte';
import type { ChartDef } from '../types';
import { mapMetric } from '$model/map';
import type { MapShape } from '$feeds/map/shape';

export const mapChart: ChartDef<MapShape> = {
  id: 'map',
  title: (p, d, lang) => {
    const { periodLabel: l, periodStart: s, periodEnd: e } = d.context;
    const period = l && s && e ? formatPeriod(l, s, e, lang) : MESSAGES[lang].no_data;
    return `${requireMetric(mapMetric(p.metric))[lang]} ${MESSAGES[lang].map_by_unit} — Hà Nội, ${period}`;
  },
  description: (_p, lang) => `${MESSAGES[lang].map_desc} ${MESSAGES[lang].map_left_out}`,
  defaults: { area: '01', metric: 'tips', period: '' },
  // The map is always the whole city: its units are the 2025 communes, whatever structure a figure came in.
  controls: ['metric', 'period'],
  unit: (_p, d, lang) => d.shaped.unit[lang],
  component: ChoroplethMap,
  table: MapTable
};
