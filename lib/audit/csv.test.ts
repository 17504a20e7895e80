import { describe, expect, it } from "vitest";
import { auditCsv, AUDIT_CSV_COLUMNS, csvCell } from "./csv";

describe("audit CSV", () => {
  it("quotes every cell and doubles quotes inside", () => {
    expect(csvCell('Devon & Cornwall "Police"')).toBe('"Devon & Cornwall ""Police"""');
    expect(csvCell(null)).toBe('""');
    expect(csvCell({ role: "viewer" })).toBe('"{""role"":""viewer""}"');
  });

  it("defuses text a spreadsheet would run as a formula", () => {
    expect(csvCell("=HYPERLINK(\"http://x\")")).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell("+44 20")).toBe(`"'+44 20"`);
    expect(csvCell("-1")).toBe(`"'-1"`);
    expect(csvCell("@SUM(A1)")).toBe(`"'@SUM(A1)"`);
  });

  it("writes a header and one line per event, with the time in UK time", () => {
    const csv = auditCsv([
      {
        id: 1,
        occurredAt: new Date("2021-10-07T09:30:00Z"),
        actorUserId: 3,
        actorLabel: "admin@example.gov.uk",
        sourceAddress: "198.51.100.7",
        action: "user.role_changed",
        entityType: "user",
        entityId: "5",
        before: { role: "editor" },
        after: { role: "viewer" },
        correlationId: "c-1",
      },
    ]);
    const lines = csv.trimEnd().split("\r\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe(AUDIT_CSV_COLUMNS.map((c) => `"${c}"`).join(","));
    // 09:30 UTC on 7 October 2021 is 10:30am in London (BST).
    expect(lines[1]).toBe('"7 October 2021 at 10:30am","admin@example.gov.uk","198.51.100.7","user.role_changed","user","5","{""role"":""editor""}","{""role"":""viewer""}","c-1"');
  });
});
