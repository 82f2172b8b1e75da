/** Colours of categories, read from the metric catalogue, where each category carries its own. */
import { METRICS } from '$model/metrics';

/** A total with no breakdown. */
const TOTAL_COLOUR = '#8a8a8a';

export const CATEGORY_COLOURS: Record<string, string> = {
  ...Object.fromEntries(METRICS.flatMap((m) => m.categories.map((c) => [c.id, c.colour]))),
  '': TOTAL_COLOUR
};

export const colourOf = (category: string) => CATEGORY_COLOURS[category] ?? TOTAL_COLOUR;
