import { describe, expect, it } from "vitest";
import { nonceOf, PageStore } from "./page-store";

const csp = (nonce: string) => `default-src 'self'; script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`;
const page = (nonce: string) => Buffer.from(`<script nonce="${nonce}">a()</script><p>Café</p><script nonce="${nonce}" src="/x.js"></script>`);

describe("PageStore", () => {
  it("sends a kept page with a fresh nonce in its body and its policy, and nowhere the old one", () => {
    const store = new PageStore(1024 * 1024);
    store.keep("k", { "content-security-policy": csp("OLDNONCE=="), "content-type": "text/html; charset=utf-8" }, page("OLDNONCE=="));
    const sent = store.take("k", "NEWNONCE==");
    expect(Buffer.concat(sent!.body).toString()).toBe(page("NEWNONCE==").toString());
    expect(sent!.length).toBe(page("NEWNONCE==").length);
    expect(sent?.headers["content-security-policy"]).toBe(csp("NEWNONCE=="));
    expect(sent?.headers["content-type"]).toBe("text/html; charset=utf-8");
    // The kept copy is untouched: the next reader gets their own nonce, not the last reader's.
    expect(Buffer.concat(store.take("k", "THIRD=")!.body).toString()).toBe(page("THIRD=").toString());
  });

  it("sends a page without a nonce (a PDF) as it was kept", () => {
    const store = new PageStore(1024 * 1024);
    const pdf = Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff]);
    store.keep("pdf", { "content-type": "application/pdf" }, pdf);
    const sent = store.take("pdf", "N")!;
    expect(Buffer.concat(sent.body).equals(pdf)).toBe(true);
    expect(sent.length).toBe(pdf.length);
  });

  it("has nothing for a key it never kept", () => {
    expect(new PageStore(1024).take("missing", "N")).toBeNull();
  });

  it("lets the least recently sent page go first when full, and never holds more than its limit", () => {
    const store = new PageStore(3000, 1500);
    const body = Buffer.alloc(1000, "x"); // three do not fit
    store.keep("a", {}, body);
    store.keep("b", {}, body);
    store.take("a", "N"); // a is now more recent than b
    store.keep("c", {}, body);
    expect(store.take("b", "N")).toBeNull();
    expect(store.take("a", "N")).not.toBeNull();
    expect(store.take("c", "N")).not.toBeNull();
    expect(store.storedBytes).toBeLessThanOrEqual(3000);
  });

  it("refuses a page bigger than one entry may be", () => {
    const store = new PageStore(10_000, 1000);
    expect(store.keep("big", {}, Buffer.alloc(2000))).toBe(false);
    expect(store.size).toBe(0);
  });

  it("replaces a page kept again under the same key, counting its bytes once", () => {
    const store = new PageStore(10_000);
    store.keep("k", {}, Buffer.alloc(500));
    const once = store.storedBytes;
    store.keep("k", {}, Buffer.alloc(500));
    expect(store.storedBytes).toBe(once);
    store.clear();
    expect(store.size).toBe(0);
    expect(store.storedBytes).toBe(0);
  });
});

describe("nonceOf", () => {
  it("reads the nonce from a policy, or null when it has none", () => {
    expect(nonceOf(csp("abc+/="))).toBe("abc+/=");
    expect(nonceOf("default-src 'self'")).toBeNull();
    expect(nonceOf(undefined)).toBeNull();
  });
});
