import { describe, expect, it } from "vitest";
import { addressKey, clientAddress, PEER_HEADER, requestIsHttps, requestTrust } from "./request-trust";

const NO_PROXY = requestTrust({});
const ONE_PROXY = requestTrust({ BACKCHANNEL_TRUSTED_PROXIES: "1" });
const TWO_PROXIES = requestTrust({ BACKCHANNEL_TRUSTED_PROXIES: "2" });

describe("requestTrust", () => {
  it("reads BACKCHANNEL_TRUSTED_PROXIES as a count, and anything else as none", () => {
    expect(ONE_PROXY.trustedProxies).toBe(1);
    expect(requestTrust({ BACKCHANNEL_TRUSTED_PROXIES: " 3 " }).trustedProxies).toBe(3);
    for (const value of [undefined, "", "yes", "true", "-1", "1.5", "0x2", "1e1", "100"]) {
      expect(requestTrust({ BACKCHANNEL_TRUSTED_PROXIES: value }).trustedProxies, String(value)).toBe(0);
    }
  });
});

describe("clientAddress", () => {
  it("is the TCP peer when no proxy is trusted, whatever X-Forwarded-For claims", () => {
    const headers = new Headers({ [PEER_HEADER]: "198.51.100.7", "x-forwarded-for": "203.0.113.1" });
    expect(clientAddress(headers, NO_PROXY)).toBe("198.51.100.7");
    expect(clientAddress(new Headers({ "x-real-ip": "203.0.113.1" }), NO_PROXY)).toBe("unknown");
  });

  it("is one shared 'unknown' without a peer header (not served by scripts/serve.mjs)", () => {
    expect(clientAddress(new Headers({ "x-forwarded-for": "203.0.113.1" }), NO_PROXY)).toBe("unknown");
  });

  it("takes the entry the outermost trusted proxy wrote: n-th from the right", () => {
    const headers = new Headers({
      [PEER_HEADER]: "10.0.0.2",
      "x-forwarded-for": "1.1.1.1, 203.0.113.50, 10.0.0.1",
    });
    expect(clientAddress(headers, ONE_PROXY)).toBe("10.0.0.1");
    expect(clientAddress(headers, TWO_PROXIES)).toBe("203.0.113.50");
  });

  it("falls back to the leftmost entry when fewer proxies wrote than are trusted, and to the peer without any", () => {
    expect(
      clientAddress(new Headers({ [PEER_HEADER]: "10.0.0.2", "x-forwarded-for": "203.0.113.5" }), TWO_PROXIES),
    ).toBe("203.0.113.5");
    expect(clientAddress(new Headers({ [PEER_HEADER]: "10.0.0.2" }), ONE_PROXY)).toBe("10.0.0.2");
    expect(clientAddress(new Headers({ [PEER_HEADER]: "10.0.0.2", "x-forwarded-for": " , " }), ONE_PROXY)).toBe(
      "10.0.0.2",
    );
  });
});

describe("addressKey", () => {
  it("writes one address one way", () => {
    expect(addressKey(" 192.0.2.1 ")).toBe("192.0.2.1");
    expect(addressKey("192.0.2.1:51234")).toBe("192.0.2.1");
    expect(addressKey("::ffff:192.0.2.1")).toBe("192.0.2.1");
    expect(addressKey("[::ffff:192.0.2.1]:80")).toBe("192.0.2.1");
  });

  it("counts an IPv6 address by its /64, so one subscriber's many addresses are one", () => {
    expect(addressKey("2001:DB8:1:2:aaaa:bbbb:cccc:dddd")).toBe("2001:db8:1:2::/64");
    expect(addressKey("2001:db8:1:2::1")).toBe("2001:db8:1:2::/64");
    expect(addressKey("[2001:0db8:0001:0002::ffff]:443")).toBe("2001:db8:1:2::/64");
    expect(addressKey("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(addressKey("::1")).toBe("0:0:0:0::/64");
    expect(addressKey("64:ff9b::192.0.2.1")).toBe("64:ff9b:0:0::/64");
  });

  it("leaves what is not an address as text, cut to 64 characters", () => {
    expect(addressKey("1:2:3")).toBe("1:2:3");
    expect(addressKey("1::2::3")).toBe("1::2::3");
    expect(addressKey("x".repeat(500))).toHaveLength(64);
    expect(addressKey("")).toBe("unknown");
  });
});

describe("requestIsHttps", () => {
  const tls = new Headers({ "x-forwarded-proto": "https" });

  it("follows BACKCHANNEL_URL's scheme when it is set, whatever the headers say", () => {
    expect(requestIsHttps(new Headers(), requestTrust({ BACKCHANNEL_URL: "https://bc.example.org" }))).toBe(true);
    expect(requestIsHttps(tls, requestTrust({ BACKCHANNEL_URL: "http://bc.example.org" }))).toBe(false);
    expect(
      requestIsHttps(tls, requestTrust({ BACKCHANNEL_URL: "http://bc.example.org", BACKCHANNEL_TRUSTED_PROXIES: "1" })),
    ).toBe(false);
  });

  it("believes X-Forwarded-Proto only from a trusted proxy", () => {
    expect(requestIsHttps(tls, NO_PROXY)).toBe(false);
    expect(requestIsHttps(tls, ONE_PROXY)).toBe(true);
    expect(requestIsHttps(new Headers({ "x-forwarded-proto": "HTTPS" }), ONE_PROXY)).toBe(true);
    expect(requestIsHttps(new Headers({ "x-forwarded-proto": "http" }), ONE_PROXY)).toBe(false);
    expect(requestIsHttps(new Headers(), ONE_PROXY)).toBe(false);
    // The client's own claim, left of what the trusted proxy wrote, does not count.
    expect(requestIsHttps(new Headers({ "x-forwarded-proto": "https, http" }), ONE_PROXY)).toBe(false);
  });
});
