/** Texts about one unit, shared by the map's aria-labels, tooltip, side panel and table. */
import { formatFigure, formatNumber, type Lang } from '$i18n/format';
import { MESSAGES, translator } from '$i18n/messages';
import type { MapShape, MapUnit } from '$feeds/map/shape';

/** "≈ 1.234" (the qualifier kept), or "Chưa có số liệu". */
export function unitValue(u: MapUnit, lang: Lang): string {
  return u.value === null ? MESSAGES[lang].map_no_data : formatFigure(u.value, u.qualifier ?? 'exact', lang);
}

/** What a screen reader hears on a unit: name, value with unit, and whether it is approximate or demo. */
export function unitLabel(u: MapUnit, unit: MapShape['unit'], lang: Lang): string {
  const t = MESSAGES[lang];
  if (u.value === null) return `${u.name}: ${t.map_no_data}`;
  const flags = [u.approximate ? t.map_approx : '', u.kind === 'demo' ? t.demo_badge : ''].filter(Boolean);
  return `${u.name}: ${unitValue(u, lang)} ${unit[lang]}${flags.length ? ` (${flags.join(', ')})` : ''}`;
}

/** How an old commune counts in its new unit, with its own figure: "toàn bộ: 66", "một phần: 1/2 × 36". */
export function shareText(shares: number, value: number | null, lang: Lang): string {
  const t = MESSAGES[lang];
  const v = value === null ? '–' : formatNumber(value, lang);
  return shares === 1 ? `${t.map_whole}: ${v}` : `${translator(lang)('map_part', { n: shares })} ${v}`;
}

/** The note on old communes not carried over, with their total in the reader's number format. */
export function droppedText(d: MapShape['dropped'], unit: MapShape['unit'], lang: Lang): string {
  return translator(lang)('map_dropped_note', {
    n: d.n,
    value: `${formatNumber(d.value, lang)} ${unit[lang]}`
  });
}
