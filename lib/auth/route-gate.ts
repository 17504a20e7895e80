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
import { can, type Permission, type Role } from "./permissions";

/** Pages that need more than reading the published roadmap, by path prefix. */
const PAGE_PERMISSIONS: Array<[RegExp, Permission]> = [
  [/^\/draft(\/|$)/, "read:draft"],
  [/^\/admin\/audit(\/|$)/, "read:audit"],
  [/^\/admin(\/|$)/, "manage:users"],
];

export type Gate = "ok" | "forbidden" | "not-found";

export async function gate(pathname: string, role: Role): Promise<Gate> {
  for (const [pattern, permission] of PAGE_PERMISSIONS) {
    if (pattern.test(pathname) && !can(role, permission)) return "forbidden";
  }
  // Existence only, asked of the database: the page loads the snapshot itself.
  const product = /^\/products\/([^/]+)$/.exec(pathname);
  if (product) return (await publishedProductExists(await getDb(), PROGRAMME_SLUG, decodeURIComponent(product[1]!))) ? "ok" : "not-found";
  const update = /^\/updates\/([^/]+)(\/print)?$/.exec(pathname);
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
