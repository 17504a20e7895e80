/**
 * The server's own Chromium reads the print layout for a PDF with a render token instead of a session.
 * A token must open only the page it was made for, only for a few minutes, and only if the server made it.
 */
import { beforeAll, describe, expect, it, vi } from "vitest";

const SECRET = "test-secret-for-render-tokens-0123456789abcdef";
let renderToken: typeof import("./render-token").renderToken;
let isValidRenderToken: typeof import("./render-token").isValidRenderToken;

beforeAll(async () => {
  // authSecret() reads NEXTAUTH_SECRET through env(), which caches on first use: set it before importing.
  vi.stubEnv("NEXTAUTH_SECRET", SECRET);
  vi.resetModules();
  ({ renderToken, isValidRenderToken } = await import("./render-token"));
});

const PATH = "/updates/2021-q3/print";
const NOW = Date.UTC(2024, 0, 15, 12, 0, 0);
const MINUTE = 60_000;

describe("render tokens", () => {
  it("are valid for the path they were made for", () => {
    expect(isValidRenderToken(renderToken(PATH, NOW), PATH, NOW)).toBe(true);
    expect(isValidRenderToken(renderToken(PATH, NOW), PATH, NOW + 4 * MINUTE)).toBe(true);
  });

  it("are refused for any other path", () => {
    const token = renderToken(PATH, NOW);
    for (const other of ["/updates/2021-q2/print", "/updates/2021-q3/print/", "/admin/users", "/", `${PATH}?x=1`]) {
      expect(isValidRenderToken(token, other, NOW), other).toBe(false);
    }
  });

  it("are refused once they have expired", () => {
    const token = renderToken(PATH, NOW);
    expect(isValidRenderToken(token, PATH, NOW + 5 * MINUTE + 1)).toBe(false);
    expect(isValidRenderToken(token, PATH, NOW + 60 * MINUTE)).toBe(false);
  });

  it("are refused when the signature or the expiry has been altered", () => {
    const token = renderToken(PATH, NOW);
    const [expires, signature] = token.split(".") as [string, string];
    const flipped = signature.slice(0, -1) + (signature.endsWith("A") ? "B" : "A");
    expect(isValidRenderToken(`${expires}.${flipped}`, PATH, NOW)).toBe(false);
    expect(isValidRenderToken(`${expires}.${signature.slice(1)}`, PATH, NOW)).toBe(false);
    // Pushing the expiry later to make a token live longer breaks its signature.
    expect(isValidRenderToken(`${Number(expires) + 60 * MINUTE}.${signature}`, PATH, NOW + 10 * MINUTE)).toBe(false);
  });

  it.each([null, undefined, "", ".", "123", "abc.def", `${NOW + MINUTE}.`, `.${"A".repeat(43)}`])("refuses the malformed token %j", (token) => {
    expect(isValidRenderToken(token, PATH, NOW)).toBe(false);
  });

  it("are refused when made with another secret (another deployment)", async () => {
    vi.stubEnv("NEXTAUTH_SECRET", "a-different-secret-of-at-least-32-characters");
    vi.resetModules();
    const other = await import("./render-token");
    const foreign = other.renderToken(PATH, NOW);
    expect(other.isValidRenderToken(foreign, PATH, NOW)).toBe(true);
    expect(isValidRenderToken(foreign, PATH, NOW)).toBe(false);
  });
});
