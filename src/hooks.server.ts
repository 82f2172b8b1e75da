import type { Handle } from '@sveltejs/kit';

/**
 * No `<link rel="modulepreload">` in the pages: every page is prerendered and readable before its scripts run,
 * and preloaded modules arrive and compile while the browser is still parsing, styling and laying out the page,
 * which holds back its first frame. Kit's start script at the end of the body imports them then.
 */
export const handle: Handle = ({ event, resolve }) =>
  resolve(event, { preload: ({ type }) => type !== 'js' });
