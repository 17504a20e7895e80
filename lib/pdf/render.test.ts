import { describe, expect, it } from "vitest";
import { inTurn, MAX_AT_ONCE } from "./render";

describe("PDF renders in turn", () => {
  it("runs at most MAX_AT_ONCE at a time, and every one of them, also after a failure", async () => {
    let now = 0;
    let most = 0;
    const work = (i: number) =>
      inTurn(async () => {
        now++;
        most = Math.max(most, now);
        await new Promise((resolve) => setTimeout(resolve, 5));
        now--;
        if (i === 3) throw new Error("render failed");
        return i;
      });
    const results = await Promise.allSettled(Array.from({ length: 10 }, (_, i) => work(i)));
    expect(most).toBe(MAX_AT_ONCE);
    expect(results.filter((r) => r.status === "fulfilled").map((r) => (r as PromiseFulfilledResult<number>).value)).toEqual([0, 1, 2, 4, 5, 6, 7, 8, 9]);
    expect(results[3]?.status).toBe("rejected");
    // The turns are all given back: another batch runs as fast as the first.
    expect(await Promise.all([work(0), work(1)])).toEqual([0, 1]);
  });
});
