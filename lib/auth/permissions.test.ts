/**
 * The permission table is what the checkpoint refuses by: a viewer (committee clerk) reads published
 * updates and changes their own password; an editor also works on the draft and publishes; only an
 * administrator manages accounts and reads the audit trail.
 */
import { describe, expect, it } from "vitest";
import { can, PERMISSIONS, ROLES, type Permission, type Role } from "./permissions";

const allowed = (role: Role) => (Object.keys(PERMISSIONS) as Permission[]).filter((p) => can(role, p)).sort();

describe("the permission table", () => {
  it("lets a viewer read published updates and change their own account, and nothing else", () => {
    expect(allowed("viewer")).toEqual(["read:published", "update:own-account"]);
  });

  it("lets an editor also read the draft, edit the roadmap and publish an update", () => {
    expect(allowed("editor")).toEqual(["edit:roadmap", "publish:update", "read:draft", "read:published", "update:own-account"]);
  });

  it("gives an administrator every permission", () => {
    expect(allowed("admin")).toEqual((Object.keys(PERMISSIONS) as Permission[]).sort());
  });

  it.each(["manage:users", "read:audit"] as const)("keeps %s to administrators only", (permission) => {
    expect(ROLES.filter((role) => can(role, permission))).toEqual(["admin"]);
  });

  it("has no permission that no role holds, and no role outside the three", () => {
    for (const [permission, roles] of Object.entries(PERMISSIONS)) {
      expect(roles.length, permission).toBeGreaterThan(0);
      for (const role of roles) expect(ROLES).toContain(role);
    }
  });
});
