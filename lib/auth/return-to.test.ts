/**
 * After signing in, a person goes back to where they were going: a page on this site, never another
 * site (an open redirect would let a phishing link borrow the service's sign-in page).
 */
import { describe, expect, it } from "vitest";
import { safeReturnTo } from "./return-to";

const SITE = "https://roadmap.example.gov.uk";
/** Where a browser would actually go if the server redirected to `location` from a page on SITE. */
const resolved = (location: string) => new URL(location, `${SITE}/sign-in`);

describe("safeReturnTo", () => {
  it.each(["/timeline?x=1", "/", "/products/ncd?tab=milestones#phase-2", "/updates/2021-q3"])("keeps the path %s", (path) => {
    expect(safeReturnTo(path)).toBe(path);
  });

  it.each([
    ["a protocol-relative address", "//evil.example"],
    ["a protocol-relative address with a path", "//evil.example/sign-in"],
    ["an absolute address", "https://evil.example"],
    ["a backslash that browsers read as a slash", "/\\evil.example"],
    ["a javascript: address", "javascript:alert(1)"],
    ["a relative path", "timeline"],
    ["a tab that browsers strip, leaving //", "/\t/evil.example"],
    ["a newline that browsers strip, leaving //", "/\n/evil.example"],
    ["a carriage return that browsers strip, leaving /\\", "/\r\\evil.example"],
  ])("refuses %s", (_what, value) => {
    expect(safeReturnTo(value)).toBe("/");
  });

  it.each(["/sign-in", "/sign-in?returnTo=%2Ftimeline", "/sign-in..."])("does not send a person back to the sign-in page (%s)", (value) => {
    expect(safeReturnTo(value)).toBe("/");
  });

  it.each([undefined, null, ""])("goes to the home page when there is nowhere to return to (%s)", (value) => {
    expect(safeReturnTo(value)).toBe("/");
  });

  it("only ever gives an address on this site", () => {
    const tricky = [
      "//evil.example", "/\\evil.example", "/\t/evil.example", "/\n/evil.example", "/\r/evil.example", "/ /evil.example",
      "/\\/evil.example", "/%2F%2Fevil.example", "/.//evil.example", "/\u0000/evil.example", "https:evil.example",
      "/timeline?next=//evil.example", "/@evil.example",
    ];
    for (const value of tricky) expect(resolved(safeReturnTo(value)).origin, JSON.stringify(value)).toBe(SITE);
  });
});
