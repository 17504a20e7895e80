import { describe, expect, it } from "vitest";
import { errorsByField, formValuesOf, readForm, type FormSpec } from "./form-input";
import { milestoneSchema } from "./schemas";

function formData(entries: Array<[string, string]> | Record<string, string>): FormData {
  const form = new FormData();
  for (const [key, value] of Array.isArray(entries) ? entries : Object.entries(entries)) form.append(key, value);
  return form;
}

const MILESTONE: FormSpec = {
  title: { kind: "text" },
  phaseKey: { kind: "choice" },
  forecast: { kind: "period", label: "The forecast" },
  status: { kind: "choice" },
  actualOn: { kind: "date", label: "The date it was done", optional: true },
  notes: { kind: "text" },
};

const BETA_JUNE = {
  title: "Beta release",
  phaseKey: "beta",
  "forecast-precision": "month",
  "forecast-day": "",
  "forecast-month": "6",
  "forecast-quarter": "",
  "forecast-half": "",
  "forecast-year": "2022",
  status: "on_track",
  "actualOn-day": "",
  "actualOn-month": "",
  "actualOn-year": "",
  notes: "",
};

describe("readForm", () => {
  it("turns a milestone form into the input the schema reads", () => {
    const { input, errors } = readForm(formData(BETA_JUNE), MILESTONE);
    expect(errors).toEqual({});
    expect(input).toEqual({
      title: "Beta release",
      phaseKey: "beta",
      forecast: { precision: "month", on: "2022-06-30" },
      status: "on_track",
      actualOn: null,
      notes: "",
    });
    expect(milestoneSchema.safeParse(input).success).toBe(true);
  });

  it("keeps every box exactly as typed, HTML and spaces included, so the form can show it again", () => {
    const typed = {
      ...BETA_JUNE,
      title: "  <script>alert('x')</script> & \"Beta\"  ",
      notes: "Line one\r\nLine <b>two</b>",
      "forecast-month": " mar ",
      "forecast-year": "20x2",
      "actualOn-day": "31",
      "actualOn-month": "2",
      "actualOn-year": "2022",
    };
    const { values, input } = readForm(formData(typed), MILESTONE);
    expect(values).toEqual(typed);
    // The text goes to the schema untouched too: nothing is HTML-stripped (the page escapes it when shown).
    expect(input.title).toBe(typed.title);
    expect(input.notes).toBe(typed.notes);
  });

  it("gives each broken date group its own error, keyed by the group's name", () => {
    const { errors, input } = readForm(
      formData({ ...BETA_JUNE, "forecast-month": "", "actualOn-day": "31", "actualOn-month": "2", "actualOn-year": "2022" }),
      MILESTONE,
    );
    expect(errors).toEqual({
      forecast: "The forecast must include a month",
      actualOn: "The date it was done must be a real date",
    });
    // Whatever stands in for the unreadable boxes, the schema's verdict never hides the box's own message.
    const parsed = milestoneSchema.safeParse(input);
    const shown = errorsByField(parsed.success ? [] : parsed.error.issues, errors);
    expect(shown).toEqual({
      forecast: "The forecast must include a month",
      actualOn: "The date it was done must be a real date",
    });
  });

  it("a required period left empty asks for it; an optional one becomes null", () => {
    const spec: FormSpec = { start: { kind: "period", label: "The start", optional: true }, end: { kind: "period", label: "The end" } };
    const { input, errors } = readForm(formData({}), spec);
    expect(input.start).toBeNull();
    expect(errors).toEqual({ end: "Enter the end" });
  });

  it("a required date left empty asks for it", () => {
    const { errors } = readForm(formData({}), { observedOn: { kind: "date", label: "The date" } });
    expect(errors).toEqual({ observedOn: "Enter the date" });
  });

  it("an empty choice means none (null)", () => {
    const { input, values } = readForm(formData({ ...BETA_JUNE, phaseKey: "" }), MILESTONE);
    expect(input.phaseKey).toBeNull();
    expect(values.phaseKey).toBe("");
  });

  it("whole numbers become numbers; anything else is left for the schema to refuse", () => {
    const spec: FormSpec = { forcesLive: { kind: "int" }, plannedFamilySize: { kind: "int", optional: true } };
    expect(readForm(formData({ forcesLive: " 45 ", plannedFamilySize: "" }), spec).input).toEqual({ forcesLive: 45, plannedFamilySize: null });
    expect(readForm(formData({ forcesLive: "-1", plannedFamilySize: "3" }), spec).input).toEqual({ forcesLive: -1, plannedFamilySize: 3 });
    expect(readForm(formData({ forcesLive: "3.5", plannedFamilySize: "two" }), spec).input).toEqual({ forcesLive: "3.5", plannedFamilySize: "two" });
    expect(readForm(formData({ forcesLive: "" }), spec).input).toEqual({ forcesLive: undefined, plannedFamilySize: null });
  });

  it("a list (checkboxes) collects every value ticked, and none is an empty list", () => {
    const spec: FormSpec = { nationsCovered: { kind: "list" } };
    const ticked = readForm(formData([["nationsCovered", "England"], ["nationsCovered", "Wales"]]), spec);
    expect(ticked.input).toEqual({ nationsCovered: ["England", "Wales"] });
    expect(readForm(formData({}), spec).input).toEqual({ nationsCovered: [] });
  });

  it("reads only the fields of the spec (nothing extra reaches the strict schema)", () => {
    const { input } = readForm(formData({ ...BETA_JUNE, version: "3", baseline: "2020-01-01", id: "9" }), MILESTONE);
    expect(Object.keys(input).sort()).toEqual(["actualOn", "forecast", "notes", "phaseKey", "status", "title"]);
  });
});

describe("formValuesOf", () => {
  it("fills an edit form from a stored milestone, and posting it unchanged reads back the same input", () => {
    const stored = {
      id: 4,
      version: 2,
      title: "Beta release",
      phaseKey: "beta",
      baseline: { precision: "month", on: "2022-03-31" },
      forecast: { precision: "quarter", on: "2023-03-31" },
      status: "done",
      actualOn: "2022-03-09",
      notes: "Delivered <early>",
    };
    const values = formValuesOf(MILESTONE, stored);
    expect(values).toMatchObject({
      title: "Beta release",
      phaseKey: "beta",
      "forecast-precision": "quarter",
      "forecast-quarter": "1",
      "forecast-year": "2023",
      status: "done",
      "actualOn-day": "9",
      "actualOn-month": "3",
      "actualOn-year": "2022",
      notes: "Delivered <early>",
    });
    const { input, errors } = readForm(formData(values), MILESTONE);
    expect(errors).toEqual({});
    expect(input).toEqual({
      title: "Beta release",
      phaseKey: "beta",
      forecast: { precision: "quarter", on: "2023-03-31" },
      status: "done",
      actualOn: "2022-03-09",
      notes: "Delivered <early>",
    });
  });

  it("shows null and missing values as empty boxes, numbers as text and lists one a line", () => {
    const spec: FormSpec = {
      phaseKey: { kind: "choice" },
      plannedFamilySize: { kind: "int", optional: true },
      nationsCovered: { kind: "list" },
      start: { kind: "period", label: "The start", optional: true },
      observedOn: { kind: "date", label: "The date", optional: true },
    };
    expect(formValuesOf(spec, { phaseKey: null, plannedFamilySize: 4, nationsCovered: ["England", "Wales"], start: null })).toEqual({
      phaseKey: "",
      plannedFamilySize: "4",
      nationsCovered: "England\nWales",
      "start-precision": "",
      "start-day": "",
      "start-month": "",
      "start-quarter": "",
      "start-half": "",
      "start-year": "",
      "observedOn-day": "",
      "observedOn-month": "",
      "observedOn-year": "",
    });
  });
});

describe("errorsByField", () => {
  it("keys each issue by its field, keeps the first message of each and the form's own errors first", () => {
    const errors = errorsByField(
      [
        { path: ["title"], message: "Enter the milestone's title" },
        { path: ["title"], message: "second message" },
        { path: ["forecast", "on"], message: "Enter a real date" },
        { path: ["actualOn"], message: "from the schema" },
        { path: [], message: "Something about the whole form" },
      ],
      { actualOn: "The date it was done must be a real date" },
    );
    expect(errors).toEqual({
      title: "Enter the milestone's title",
      forecast: "Enter a real date",
      actualOn: "The date it was done must be a real date",
      form: "Something about the whole form",
    });
  });

  it("with the milestone schema: a form with every rule broken shows one message beside each field", () => {
    const { input, errors } = readForm(
      formData({ ...BETA_JUNE, title: "   ", status: "", "forecast-precision": "", "forecast-month": "3" }),
      MILESTONE,
    );
    const parsed = milestoneSchema.safeParse(input);
    expect(parsed.success).toBe(false);
    const shown = errorsByField(parsed.error!.issues, errors);
    expect(shown).toMatchObject({
      title: "Enter the milestone's title",
      forecast: "Select how precise the forecast is",
      status: "Select a status",
    });
  });
});
