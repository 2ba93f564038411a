/** proxy-from-env 2.x ships no types; this is its one export we use. */
declare module 'proxy-from-env' {
  /** The proxy URL for `url` per HTTPS_PROXY/HTTP_PROXY/ALL_PROXY and NO_PROXY (of process.env), or ''. */
  export function getProxyForUrl(url: string | URL): string;
}
