/**
 * A console.error during a test fails that test (a habit from epic-stack): an error logged and swallowed
 * is a bug nobody sees. The message is still printed, and the test fails after it ends, so the code under
 * test runs exactly as it would in production (nothing is thrown from inside console.error).
 */
import { afterEach, beforeEach, vi, type MockInstance } from "vitest";

let spy: MockInstance<typeof console.error> | undefined;

beforeEach(() => {
  const original = console.error.bind(console);
  spy = vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => original(...args));
});

afterEach(() => {
  const calls = spy?.mock.calls ?? [];
  spy?.mockRestore();
  spy = undefined;
  if (calls.length > 0) {
    const first = calls[0]?.map((a) => (a instanceof Error ? a.message : String(a))).join(" ") ?? "";
    throw new Error(`console.error was called ${calls.length} time(s) during this test; first: ${first}`);
  }
});
