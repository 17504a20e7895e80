/**
 * Who may do what: one table of `action:entity` permissions. Every page, route handler and server
 * action names the permission it needs and goes through the checkpoint (lib/auth/checkpoint.ts).
 */
export const ROLES = ["viewer", "editor", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABEL: Record<Role, string> = {
  viewer: "Viewer (committee clerk)",
  editor: "Editor (programme staff)",
  admin: "Administrator",
};

export const PERMISSIONS = {
  /** Published updates, their snapshots and PDFs, and the pages built from them. */
  "read:published": ["viewer", "editor", "admin"],
  /** One's own account: change one's password. */
  "update:own-account": ["viewer", "editor", "admin"],
  /** The working draft: the live roadmap before it is published. */
  "read:draft": ["editor", "admin"],
  "edit:roadmap": ["editor", "admin"],
  "publish:update": ["editor", "admin"],
  "manage:users": ["admin"],
  "read:audit": ["admin"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}
