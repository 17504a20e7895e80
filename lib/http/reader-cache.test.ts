import { describe, expect, it } from "vitest";
import { acceptsGzip, isCacheable, isLaterSnapshot, soleCookieValue } from "./reader-cache";

describe("soleCookieValue", () => {
  it("reads the one session cookie among others", () => {
    expect(soleCookieValue("a=1; next-auth.session-token=abc.def; b=2", "next-auth.session-token")).toBe("abc.def");
  });

  it("takes no cookie when there are two of that name, however they are spaced", () => {
    expect(soleCookieValue("next-auth.session-token=theirs; next-auth.session-token=mine", "next-auth.session-token")).toBeUndefined();
    expect(soleCookieValue("next-auth.session-token=theirs;next-auth.session-token =mine", "next-auth.session-token")).toBeUndefined();
    expect(soleCookieValue(undefined, "next-auth.session-token")).toBeUndefined();
  });
});

describe("acceptsGzip", () => {
  it("takes gzip when offered, not when refused with q=0", () => {
    expect(acceptsGzip("gzip, deflate, br")).toBe(true);
    expect(acceptsGzip("br;q=1.0, gzip;q=0.8")).toBe(true);
    expect(acceptsGzip("gzip;q=0, identity")).toBe(false);
    expect(acceptsGzip("identity")).toBe(false);
    expect(acceptsGzip(undefined)).toBe(false);
  });
});

describe("isLaterSnapshot", () => {
  it("orders snapshots by xmax, then by fewer transactions in progress", () => {
    expect(isLaterSnapshot("750:760:", null)).toBe(true);
    expect(isLaterSnapshot("750:761:", "750:760:")).toBe(true);
    expect(isLaterSnapshot("750:760:", "750:761:")).toBe(false);
    expect(isLaterSnapshot("752:760:", "750:760:750,751")).toBe(true);
    expect(isLaterSnapshot("750:760:750,751", "752:760:")).toBe(false);
  });
});

describe("isCacheable", () => {
  const plain = { cookie: "x=1" };
  it("takes a plain GET of a read-only page", () => {
    expect(isCacheable("GET", "/timeline?zoom=year", plain)).toBe(true);
    expect(isCacheable("GET", "/products/property", plain)).toBe(true);
    expect(isCacheable("GET", "/updates/2021-q4/pdf", plain)).toBe(true);
  });

  it("leaves writes, forms, Next.js's own fetches, conditions and tokens to Next.js", () => {
    expect(isCacheable("POST", "/timeline", plain)).toBe(false);
    expect(isCacheable("HEAD", "/timeline", plain)).toBe(false);
    expect(isCacheable("GET", "/products/new", plain)).toBe(false);
    expect(isCacheable("GET", "/products/property/edit", plain)).toBe(false);
    expect(isCacheable("GET", "/draft", plain)).toBe(false);
    expect(isCacheable("GET", "/admin/audit", plain)).toBe(false);
    expect(isCacheable("GET", "/api/v1/roadmap", plain)).toBe(false);
    expect(isCacheable("GET", "/timeline?_rsc=abc", plain)).toBe(false);
    expect(isCacheable("GET", "/timeline", { ...plain, rsc: "1" })).toBe(false);
    expect(isCacheable("GET", "/updates/2021-q4/pdf", { ...plain, "if-none-match": '"x"' })).toBe(false);
    expect(isCacheable("GET", "/updates/2021-q4/pdf", { ...plain, range: "bytes=0-10" })).toBe(false);
    expect(isCacheable("GET", "/updates/2021-q4/pdf", { authorization: "Bearer t" })).toBe(false);
  });
});
