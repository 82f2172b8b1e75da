import type { HandleClientError } from '@sveltejs/kit';

/** A missing page is not a fault of the page: +error.svelte says so, and the console stays clean. Others are logged. */
export const handleError: HandleClientError = ({ error, status, message }) => {
  if (status !== 404) console.error(error);
  return { message };
};
