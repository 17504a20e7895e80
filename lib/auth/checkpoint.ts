/**
 * The one authorisation checkpoint. Pages and server actions call `requirePermission`; route
 * handlers call `authorizeRequest` (or, for the exports a script may fetch, `authorizeRequestOrToken`). Both read the user from the database and check the permission
 * table; pages hide buttons, but this is what refuses.
 */
import { headers } from "next/headers";
import { authenticate } from "@/lib/api/handler";
import { getDb } from "@/lib/db";
import { forbidden, redirect } from "next/navigation";
import { currentUser, type SessionUser } from "./current-user";
import { can, type Permission } from "./permissions";
import { isValidRenderToken, RENDER_TOKEN_HEADER } from "./render-token";
import { PATH_HEADER } from "./request-headers";


async function requestPath(): Promise<string> {
  return (await headers()).get(PATH_HEADER) ?? "/";
}

/** Sends a signed-out person to sign in (and back here after), and refuses a signed-in one without the permission (403). */
export async function requirePermission(permission: Permission): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect(`/sign-in?returnTo=${encodeURIComponent(await requestPath())}`);
  if (!can(user.role, permission)) forbidden();
  return user;
}

/**
 * For the print layout the PDF is made from: the server's own Chromium, carrying a render token
 * for this very path, may read it; anyone else needs the permission.
 */
export async function requirePermissionOrRenderToken(permission: Permission): Promise<SessionUser | "renderer"> {
  const h = await headers();
  if (isValidRenderToken(h.get(RENDER_TOKEN_HEADER), await requestPath())) return "renderer";
  return requirePermission(permission);
}

/** For route handlers: the user, or the response to send instead (401 signed out, 403 not allowed). */
export async function authorizeRequest(permission: Permission): Promise<{ user: SessionUser } | { response: Response }> {
  const user = await currentUser();
  if (!user) return { response: problem(401, "Sign in required", "Sign in, then try again.") };
  if (!can(user.role, permission)) return { response: problem(403, "Forbidden", "You do not have permission to do this.") };
  return { user };
}

/**
 * For the exports of a published update (PDF, JSON, CSV): a script's personal API token
 * (`Authorization: Bearer`, checked exactly as the JSON API checks it: a bad token is refused even beside
 * a good cookie) or else the session, then the permission. The proxy lets a bearer request through to
 * these routes only (proxy.ts TOKEN_PATHS), so this is where the token is checked.
 */
export async function authorizeRequestOrToken(permission: Permission, request: Request): Promise<{ user: SessionUser } | { response: Response }> {
  if (request.headers.get("authorization") === null) return authorizeRequest(permission);
  const auth = await authenticate(await getDb(), request, async () => null);
  if ("response" in auth) return auth;
  if (!can(auth.user.role, permission)) return { response: problem(403, "Forbidden", "You do not have permission to do this.") };
  return auth;
}

export function problem(status: number, title: string, detail: string): Response {
  return new Response(JSON.stringify({ type: "about:blank", title, status, detail }), {
    status,
    headers: { "content-type": "application/problem+json" },
  });
}
