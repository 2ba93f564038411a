/**
 * Web mode: `flightdeck serve` prints a URL with the per-launch token (`/?token=…`). The server turns
 * it into an HttpOnly cookie on that first response; the page then takes the token out of the address
 * bar (and so out of history, bookmarks and screen shares), keeping the hash route. The token stays in
 * memory for the WebSocket URL; a reload is authorised by the cookie.
 */
type AddressBar = {
  location: Pick<Location, 'href'>;
  history: Pick<History, 'state' | 'replaceState'>;
};

const taken = new WeakMap<object, string>();

/** The token from the address bar (once; later calls return the same), which is left without it. */
export function takeLaunchToken(target: AddressBar): string {
  const known = taken.get(target);
  if (known !== undefined) return known;
  let token = '';
  try {
    const url = new URL(target.location.href);
    token = url.searchParams.get('token') ?? '';
    if (url.searchParams.has('token')) {
      url.searchParams.delete('token');
      // history.state belongs to the router (hash history): keep it, change only the URL.
      target.history.replaceState(target.history.state, '', `${url.pathname}${url.search}${url.hash}`);
    }
  } catch {
    // A location that is not a URL we can rewrite (tests, exotic embedders): leave it as it is.
  }
  taken.set(target, token);
  return token;
}
