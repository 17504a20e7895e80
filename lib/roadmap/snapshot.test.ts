import { describe, expect, it } from "vitest";
import { canonicalJson, contentHash } from "./snapshot";
import type { SnapshotContent } from "./types";

describe("canonicalJson", () => {
  it("sorts object keys at every depth, so key order never changes the text", () => {
    const a = { b: 1, a: { d: [3, { z: 1, y: 2 }], c: "x" } };
    const b = { a: { c: "x", d: [3, { y: 2, z: 1 }] }, b: 1 };
    expect(canonicalJson(a)).toBe('{"a":{"c":"x","d":[3,{"y":2,"z":1}]},"b":1}');
    expect(canonicalJson(b)).toBe(canonicalJson(a));
  });

  it("keeps array order, which carries meaning (product order, phase order)", () => {
    expect(canonicalJson([2, 1])).not.toBe(canonicalJson([1, 2]));
  });

  it("writes values as JSON does (dates as ISO strings, undefined left out, null kept)", () => {
    expect(canonicalJson({ when: new Date("2021-10-06T23:00:00Z"), gone: undefined, none: null })).toBe(
      '{"none":null,"when":"2021-10-06T23:00:00.000Z"}',
    );
  });
});

describe("contentHash", () => {
  const content = (update: Record<string, unknown>) => ({ formatVersion: 1, update, roadmap: {} }) as unknown as SnapshotContent;

  it("is the same for the same content in any key order, and a SHA-256 in hex", () => {
    const one = contentHash(content({ slug: "2021-q4", year: 2021 }));
    expect(one).toMatch(/^[0-9a-f]{64}$/);
    expect(contentHash(content({ year: 2021, slug: "2021-q4" }))).toBe(one);
  });

  it("changes when any value changes", () => {
    expect(contentHash(content({ slug: "2021-q4", year: 2021 }))).not.toBe(contentHash(content({ slug: "2021-q4", year: 2022 })));
  });
});
