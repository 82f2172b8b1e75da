/**
 * Runs `fn` once the browser is idle after the current change is painted (or within half a second): for work a
 * person does not see, such as keeping the view in the URL — `history.replaceState` costs several milliseconds
 * in Chromium, which would otherwise sit between a picker change and its chart.
 */
export function afterPaint(fn: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(fn, { timeout: 500 });
  else setTimeout(fn, 50);
}
