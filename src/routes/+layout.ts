// Every page is static HTML made at build time from the bundled data.
export const prerender = true;
