import { describe, expect, it } from "vitest";
import { trustedClientAddress } from "./trusted-address.mjs";

describe("trustedClientAddress", () => {
  it("uses the socket's address, ignoring X-Forwarded-For, when no proxy is trusted", () => {
    expect(trustedClientAddress("203.0.113.9", "10.9.8.7", 0)).toBe("203.0.113.9");
    expect(trustedClientAddress("203.0.113.9", undefined, 0)).toBe("203.0.113.9");
  });

  it("behind one trusted proxy, takes the address that proxy saw (the last entry), not what the client claimed", () => {
    expect(trustedClientAddress("10.0.0.2", "6.6.6.6, 198.51.100.4", 1)).toBe("198.51.100.4");
  });

  it("behind two, takes the second entry from the right", () => {
    expect(trustedClientAddress("10.0.0.2", "6.6.6.6, 198.51.100.4, 10.0.0.1", 2)).toBe("198.51.100.4");
  });

  it("falls back to the socket when the chain is shorter than the trusted hops", () => {
    expect(trustedClientAddress("10.0.0.2", "", 1)).toBe("10.0.0.2");
  });
});
