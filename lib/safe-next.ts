// Where to go after signing in. `next` comes from the query string and a hidden form field, so it
// is attacker-controlled: a string check ("starts with / but not //") misses what browsers do to a
// URL before they follow it (they drop tabs and newlines, read "\" as "/"), and a control
// character in a Location header is a 500. So `next` is resolved as a URL and must stay on the app.

/** Any origin would do: only whether `next` keeps to it matters. It is never contacted. */
const DUMMY_ORIGIN = "http://backchannel.invalid";

/** C0 controls (tab, newline, carriage return, vertical tab…), DEL, C1 controls, and backslash. */
const REFUSED_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\\]/;

/** Longer than any page link the app makes; a longer one is not a link someone shared. */
const NEXT_MAX = 2048;

/**
 * A same-origin path (with its query and fragment) to go to after signing in, or "/" when
 * `value` is not one: not text, not starting with "/", holding a control character or a
 * backslash, too long, or resolving to another origin ("//evil.example", "/\t/evil.example").
 */
export function safeNext(value: unknown): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.length > NEXT_MAX) return "/";
  if (REFUSED_CHARACTERS.test(value)) return "/";
  let url: URL;
  try {
    url = new URL(value, DUMMY_ORIGIN);
  } catch {
    return "/";
  }
  // Dot segments can leave "//" in front ("/.//evil.example" is "//evil.example"), which the
  // browser would read as another host.
  if (url.origin !== DUMMY_ORIGIN || url.pathname.startsWith("//")) return "/";
  return `${url.pathname}${url.search}${url.hash}`;
}

/** Next's cache-busting parameter on a client navigation's request: not part of the page's address. */
const RSC_PARAMETER = "_rsc";

/**
 * The sign-in page for a signed-out visit to `requested` (the path and query asked for): it comes
 * back there after signing in, so a shared link still works. Plain "/sign-in" for the home page or
 * when the path is unknown or unsafe.
 */
export function signInPath(requested: string | null | undefined): string {
  let next = safeNext(requested);
  if (next.includes(`${RSC_PARAMETER}=`)) {
    const url = new URL(next, DUMMY_ORIGIN);
    url.searchParams.delete(RSC_PARAMETER);
    next = `${url.pathname}${url.search}`;
  }
  return next === "/" ? "/sign-in" : `/sign-in?next=${encodeURIComponent(next)}`;
}
