/** The cheap existence checks the proxy makes before a product or update page, against the seeded database. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Connection } from "@/lib/db/client";
import { publishedProductExists, publishedUpdateExists } from "@/lib/roadmap/snapshot";
import { sharedDatabase } from "../setup/database";

let connection: Connection;
beforeAll(async () => {
  connection = await sharedDatabase();
});
afterAll(() => connection?.close());

describe("published existence checks", () => {
  it("finds each of the six products in the latest published snapshot, and nothing else", async () => {
    for (const slug of ["photographs-at-the-roadside", "property", "drivers", "person", "audit", "vehicles"]) {
      expect(await publishedProductExists(connection.db, "nledp", slug), slug).toBe(true);
    }
    for (const slug of ["prop", "Property", "no-such-product", "", '"}]']) {
      expect(await publishedProductExists(connection.db, "nledp", slug), slug).toBe(false);
    }
    expect(await publishedProductExists(connection.db, "another-programme", "property")).toBe(false);
  });

  it("finds the published 2021 Q4 update and no other", async () => {
    expect(await publishedUpdateExists(connection.db, "nledp", "2021-q4")).toBe(true);
    expect(await publishedUpdateExists(connection.db, "nledp", "2022-q1")).toBe(false);
    expect(await publishedUpdateExists(connection.db, "another-programme", "2021-q4")).toBe(false);
  });
});
