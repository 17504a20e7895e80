/**
 * What the proxy decides before a page renders: a page a signed-in person may not see, or an address
 * that names nothing, is answered here with the 403 or 404 page as real HTML. (Next.js renders a
 * forbidden() or notFound() thrown inside a page as an empty body until JavaScript runs, which fails
 * people without it: vercel/next.js#62228.) Pages keep their own checks as the backstop.
 */
import { eq } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { users } from "@/lib/db/schema";
import { isUpdateSlug, PROGRAMME_SLUG } from "@/lib/roadmap/published";
import { publishedProductExists, publishedUpdateExists } from "@/lib/roadmap/snapshot";
import { liveFactorExists, liveRecordExists, type ChildKind } from "@/lib/editing/lookups";
import { can, type Permission, type Role } from "./permissions";

/** Pages that need more than reading the published roadmap, by path prefix. */
const PAGE_PERMISSIONS: Array<[RegExp, Permission]> = [
  [/^\/draft(\/|$)/, "read:draft"],
  [/^\/products\/new$/, "edit:roadmap"],
  [/^\/products\/[^/]+\/(edit|remove|rollout|spans|dependencies|milestones\/new|milestones\/[^/]+\/(edit|remove))(\/|$)/, "edit:roadmap"],
  [/^\/factors(\/|$)/, "edit:roadmap"],
  [/^\/admin\/audit(\/|$)/, "read:audit"],
  [/^\/admin(\/|$)/, "manage:users"],
];

export type Gate = "ok" | "forbidden" | "not-found";

/**
 * A product (or one of its milestones, planned phases or dependencies) exists for this reader:
 * programme staff read the working draft, so live records count (and published ones, for ?view=published);
 * clerks read only the latest published update.
 */
async function productPathExists(role: Role, slug: string, kind: ChildKind | undefined, rawId: string | undefined): Promise<boolean> {
  const db = await getDb();
  if (kind && rawId === "new") return liveRecordExists(db, slug);
  const id = kind ? (/^\d{1,9}$/.test(rawId ?? "") ? Number(rawId) : null) : undefined;
  if (id === null) return false;
  const milestoneId = kind === "milestones" ? id : undefined;
  const published = kind === undefined || kind === "milestones" ? () => publishedProductExists(db, PROGRAMME_SLUG, slug, milestoneId) : async () => false;
  if (!can(role, "read:draft")) return published();
  return (await liveRecordExists(db, slug, kind && id ? { kind, id } : undefined)) || published();
}

export async function gate(pathname: string, role: Role): Promise<Gate> {
  // A control character (a NUL) in the address names nothing; PostgreSQL would refuse it in a query.
  if (/%(?:[01][0-9a-f]|7f)/i.test(pathname) || /[\u0000-\u001F\u007F]/.test(pathname)) return "not-found";
  for (const [pattern, permission] of PAGE_PERMISSIONS) {
    if (pattern.test(pathname) && !can(role, permission)) return "forbidden";
  }
  // Existence only, asked of the database: the page loads what it shows itself.
  const product = /^\/products\/([^/]+)(?:\/(milestones|spans|dependencies)\/([^/]+))?(?:\/[^/]+)?$/.exec(pathname);
  if (product && product[1] !== "new") return (await productPathExists(role, decodeURIComponent(product[1]!), product[2] as ChildKind | undefined, product[3])) ? "ok" : "not-found";
  const factor = /^\/factors\/([^/]+)(?:\/remove)?$/.exec(pathname);
  if (factor && factor[1] !== "new") return /^\d{1,9}$/.test(factor[1]!) && (await liveFactorExists(await getDb(), Number(factor[1]))) ? "ok" : "not-found";
  // "/updates/compare" is a page of its own, not an update named "compare". The exports
  // (/updates/<slug>/json, /milestones-csv, /pdf, /updates/compare/csv) answer their own 404 as problem+json.
  const update = pathname === "/updates/compare" ? null : /^\/updates\/([^/]+)(\/print)?$/.exec(pathname);
  if (update) {
    const slug = decodeURIComponent(update[1]!);
    return isUpdateSlug(slug) && (await publishedUpdateExists(await getDb(), PROGRAMME_SLUG, slug)) ? "ok" : "not-found";
  }
  const user = /^\/admin\/users\/([^/]+)$/.exec(pathname);
  if (user && user[1] !== "new") {
    const id = Number(user[1]);
    if (!Number.isInteger(id) || id <= 0) return "not-found";
    const [row] = await (await getDb()).select({ id: users.id }).from(users).where(eq(users.id, id));
    return row ? "ok" : "not-found";
  }
  return "ok";
}
