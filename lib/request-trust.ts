// What the app may believe about a request's origin, decided in one place: who is on the other
// end (for the sign-in throttle) and whether the browser reached it over TLS (for HSTS and the
// cookie's Secure flag). Forwarding headers are written by whoever sends the request, so they are
// believed only from the proxies BACKCHANNEL_TRUSTED_PROXIES says stand in front of the app;
// otherwise the address is the TCP peer's, which scripts/serve.mjs puts in PEER_HEADER after
// dropping any copy the client sent. Pure: no I/O, importable from the proxy and lib/server alike.

/** Set by scripts/serve.mjs to the socket's remote address; a client-sent copy is removed first. */
export const PEER_HEADER = "x-backchannel-peer";

/** Set by scripts/serve.mjs to the path and query the client asked for (the sign-in page returns there). */
export const PATH_HEADER = "x-backchannel-path";

/** Longer than any IPv6 address in text; a longer value is cut, so a counter key stays small. */
export const ADDRESS_MAX = 64;

/** What unknown looks like: no peer header (the app was not started by scripts/serve.mjs). */
export const UNKNOWN_ADDRESS = "unknown";

export type RequestTrust = {
  /** How many reverse proxies in front of the app append to X-Forwarded-For; 0 trusts none. */
  trustedProxies: number;
  /** BACKCHANNEL_URL: when set, its scheme says whether the app is served over TLS. */
  publicUrl: string | undefined;
};

/** process.env, or the two variables it is read for (BACKCHANNEL_TRUSTED_PROXIES, BACKCHANNEL_URL). */
type TrustEnv = Readonly<Record<string, string | undefined>>;
type HeaderReader = { get(name: string): string | null };

/** Reads the configuration; a BACKCHANNEL_TRUSTED_PROXIES that is not a count trusts no proxy. */
export function requestTrust(env: TrustEnv): RequestTrust {
  const raw = env.BACKCHANNEL_TRUSTED_PROXIES?.trim() ?? "";
  return {
    trustedProxies: /^\d{1,2}$/.test(raw) ? Number(raw) : 0,
    publicUrl: env.BACKCHANNEL_URL || undefined,
  };
}

/**
 * The entry `hops` from the right of a comma-separated forwarding header: the one the outermost
 * trusted proxy wrote (each proxy appends what it saw, so entries further left are the client's
 * own claims). With fewer entries than hops, the leftmost, as the request passed fewer proxies.
 */
function fromTheRight(value: string | null, hops: number): string | undefined {
  const entries = (value ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  return entries[Math.max(0, entries.length - hops)];
}

/**
 * The first four groups of an IPv6 address, as "a:b:c:d::/64": one subscriber usually holds a
 * whole /64, so counting per full address would give them 2^64 fresh ones. Undefined when not IPv6.
 */
function ipv6Prefix64(address: string): string | undefined {
  if (!address.includes(":") || !/^[0-9a-f:.]+$/.test(address)) return undefined;
  const halves = address.split("::");
  if (halves.length > 2) return undefined;
  const groupsOf = (part: string | undefined) => (part ? part.split(":") : []);
  const left = groupsOf(halves[0]);
  const right = groupsOf(halves[1]);
  // A dotted IPv4 tail ("::ffff:192.0.2.1") stands for two groups.
  const count = (groups: string[]) => groups.reduce((n, group) => n + (group.includes(".") ? 2 : 1), 0);
  const missing = 8 - count(left) - count(right);
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const groups = [...left, ...Array<string>(halves.length === 2 ? missing : 0).fill("0"), ...right];
  const first = groups.slice(0, 4);
  if (!first.every((group) => /^[0-9a-f]{1,4}$/.test(group))) return undefined;
  return `${first.map((group) => parseInt(group, 16).toString(16)).join(":")}::/64`;
}

/**
 * The address a counter is kept for: lower case, without brackets or a port, an IPv4-mapped
 * IPv6 address as IPv4, an IPv6 address as its /64, at most ADDRESS_MAX characters.
 */
export function addressKey(raw: string): string {
  let address = raw.trim().toLowerCase();
  const bracketed = /^\[([^\]]*)\](?::\d+)?$/.exec(address);
  if (bracketed) address = bracketed[1]!;
  const withPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(address);
  if (withPort) address = withPort[1]!;
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(address);
  if (mapped) address = mapped[1]!;
  address = ipv6Prefix64(address) ?? address;
  return address.slice(0, ADDRESS_MAX) || UNKNOWN_ADDRESS;
}

/**
 * The client's address: from X-Forwarded-For only as far as the configured proxies vouch for it,
 * else the TCP peer's. "unknown" when neither is there (then every such request shares one counter).
 */
export function clientAddress(headers: HeaderReader, trust: RequestTrust): string {
  const forwarded =
    trust.trustedProxies > 0 ? fromTheRight(headers.get("x-forwarded-for"), trust.trustedProxies) : undefined;
  return addressKey(forwarded || headers.get(PEER_HEADER) || UNKNOWN_ADDRESS);
}

/**
 * Whether the browser reached the app over TLS: BACKCHANNEL_URL's scheme when it is set, else
 * X-Forwarded-Proto from a trusted proxy, else no (the app's own server speaks plain HTTP). HSTS
 * and the session cookie's Secure flag both follow this, so they never disagree.
 */
export function requestIsHttps(headers: HeaderReader, trust: RequestTrust): boolean {
  if (trust.publicUrl) return trust.publicUrl.toLowerCase().startsWith("https://");
  if (trust.trustedProxies === 0) return false;
  return fromTheRight(headers.get("x-forwarded-proto"), trust.trustedProxies)?.toLowerCase() === "https";
}
