/** The messages that say why two figures are not compared (model/compare.ts, `Verdict`), for tiles and tables. */
import type { Verdict } from '$model/compare';
import type { MessageKey } from '$i18n/messages';

const WHY: Partial<Record<Verdict, { short: MessageKey; long: MessageKey }>> = {
  series_break: { short: 'series_break', long: 'series_break_long' },
  mixed_kinds: { short: 'mixed_kinds', long: 'mixed_kinds_long' },
  period_unstated: { short: 'period_unstated_compare', long: 'period_unstated_long' },
  no_rate: { short: 'no_rate', long: 'no_rate_long' }
};

/** The short label and its explanation of a verdict that withholds the change; undefined when it is computed. */
export const notComparedWhy = (verdict: Verdict | null | undefined) => (verdict ? WHY[verdict] : undefined);
