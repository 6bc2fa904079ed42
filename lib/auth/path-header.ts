/** Request header set by proxy.ts: the page's path and query, without the base path. */
export const PATH_HEADER = "x-cbc-path";
