import { describe, expect, it } from "vitest";
import { describeChanges, describeValue, viewChange } from "./changes";
import type { RecordedChange } from "./versioned";

// scripts/test.mjs runs this file in Europe/London and in America/Los_Angeles: times must read in London either way.

const BETA = {
  id: 12,
  productId: 3,
  productSlug: "property",
  title: "Beta release",
  phaseKey: "beta",
  baseline: { precision: "month", on: "2022-03-31" },
  forecast: { precision: "month", on: "2022-03-31" },
  status: "not_assessed",
  actualOn: null,
  notes: "",
  version: 1,
};

function change(partial: Partial<RecordedChange>): RecordedChange {
  return { actorLabel: "ada.editor@example.gov.uk", occurredAt: "2022-06-15T09:30:00.000Z", action: "milestone.updated", before: BETA, after: BETA, ...partial };
}

describe("describeChanges", () => {
  it("lists only the content that changed, with periods in words", () => {
    const after = { ...BETA, forecast: { precision: "month", on: "2022-06-30" }, version: 2 };
    expect(describeChanges(BETA, after)).toEqual([{ field: "forecast", label: "Forecast", before: "March 2022", after: "June 2022" }]);
  });

  it("never lists bookkeeping: id, version, productId, productSlug, timestamps", () => {
    const after = { ...BETA, id: 99, version: 5, productId: 8, productSlug: "drivers", createdAt: "x", updatedAt: "y" };
    expect(describeChanges(BETA, after)).toEqual([]);
  });

  it("names statuses, dates and empty values in words, in the order of the record", () => {
    const after = { ...BETA, status: "done", actualOn: "2022-03-09", notes: "Went live early", phaseKey: null, version: 2 };
    expect(describeChanges(BETA, after)).toEqual([
      { field: "phaseKey", label: "Phase", before: "Beta", after: "None" },
      { field: "status", label: "Status", before: "Not assessed", after: "Done" },
      { field: "actualOn", label: "Done on", before: "None", after: "9 March 2022" },
      { field: "notes", label: "Notes", before: "None", after: "Went live early" },
    ]);
  });

  it("shows each precision as people write it: a year-end target reads 'end of', a start year does not", () => {
    expect(describeChanges({ forecast: { precision: "quarter", on: "2022-03-31" } }, { forecast: { precision: "year", on: "2022-12-31" } })).toEqual([
      { field: "forecast", label: "Forecast", before: "Q1 2022", after: "end of 2022" },
    ]);
    expect(describeChanges({ start: null, end: null }, { start: { precision: "year", on: "2021-12-31" }, end: { precision: "half", on: "2022-06-30" } })).toEqual([
      { field: "start", label: "From", before: "None", after: "2021" },
      { field: "end", label: "To", before: "None", after: "H1 2022" },
    ]);
  });

  it("a precision change on the same last day is a change (Q1 2022 is not March 2022)", () => {
    expect(describeChanges(BETA, { ...BETA, forecast: { precision: "quarter", on: "2022-03-31" } })).toEqual([
      { field: "forecast", label: "Forecast", before: "March 2022", after: "Q1 2022" },
    ]);
  });

  it("treats missing, null and empty as the same 'nothing'", () => {
    expect(describeChanges({ notes: null, owner: undefined }, { notes: null })).toEqual([]);
    expect(describeChanges({ owner: null }, { owner: "Home Office" })).toEqual([{ field: "owner", label: "Owner", before: "None", after: "Home Office" }]);
  });

  it("an addition lists what was added, a removal what was removed", () => {
    const added = describeChanges(null, BETA);
    expect(added.map((c) => c.field)).toEqual(["title", "phaseKey", "baseline", "forecast", "status"]);
    expect(added.find((c) => c.field === "forecast")).toEqual({ field: "forecast", label: "Forecast", before: "", after: "March 2022" });
    const removed = describeChanges(BETA, null);
    expect(removed.find((c) => c.field === "title")).toEqual({ field: "title", label: "Title", before: "Beta release", after: "" });
  });

  it("keeps text as typed (the page escapes it), and lists nations and go-live counts in words", () => {
    expect(describeChanges({ title: "Old" }, { title: "<script>x</script>" })[0]?.after).toBe("<script>x</script>");
    expect(describeValue("nationsCovered", ["England", "Wales"])).toBe("England, Wales");
    expect(describeValue("nationsCovered", [])).toBe("None");
    expect(describeValue("goLives", [{ forceName: "Kent", liveOn: "2022-01-01" }])).toBe("1 force with a go-live date");
    expect(describeValue("on", { kind: "product", slug: "person", name: "Person" })).toBe("Product: Person");
    expect(describeValue("status", "blocked")).toBe("Blocked");
  });
});

describe("viewChange", () => {
  it("says who, what and when, with the time in London summer time (BST)", () => {
    const after = { ...BETA, forecast: { precision: "month", on: "2022-06-30" }, version: 2 };
    expect(viewChange(change({ after, occurredAt: "2022-06-15T09:30:00.000Z" }))).toEqual({
      who: "ada.editor@example.gov.uk",
      when: "15 June 2022 at 10:30am",
      what: "Milestone changed: Beta release",
      fields: [{ field: "forecast", label: "Forecast", before: "March 2022", after: "June 2022" }],
    });
  });

  it("gives a winter instant in GMT", () => {
    expect(viewChange(change({ occurredAt: "2022-01-15T09:30:00.000Z" })).when).toBe("15 January 2022 at 9:30am");
    expect(viewChange(change({ occurredAt: "2021-12-01T15:05:00.000Z" })).when).toBe("1 December 2021 at 3:05pm");
  });

  it("puts an instant just after midnight in London on London's date, not the server's", () => {
    // 23:30 UTC on 30 June is 00:30 on 1 July in London (and still 30 June in Los Angeles).
    expect(viewChange(change({ occurredAt: "2022-06-30T23:30:00.000Z" })).when).toBe("1 July 2022 at 12:30am");
    // Noon in London in winter is noon UTC.
    expect(viewChange(change({ occurredAt: "2022-02-01T12:00:00.000Z" })).when).toBe("1 February 2022 at 12:00pm");
  });

  it("names additions and removals by the record's title or name", () => {
    expect(viewChange(change({ action: "milestone.added", before: null })).what).toBe("Milestone added: Beta release");
    const removed = viewChange(change({ action: "milestone.removed", after: null }));
    expect(removed.what).toBe("Milestone removed: Beta release");
    expect(removed.fields.find((f) => f.field === "title")).toMatchObject({ before: "Beta release", after: "" });
    expect(viewChange(change({ action: "product.updated", before: { name: "Property" }, after: { name: "Stolen property" } })).what).toBe(
      "Product changed: Stolen property",
    );
    expect(viewChange(change({ action: "force_go_lives.updated", before: null, after: null })).what).toBe("Force go-live dates changed");
    expect(viewChange(change({ action: "phase_span.removed", before: { phaseKey: "beta" }, after: null })).what).toBe("Phase span removed: Beta");
  });
});
