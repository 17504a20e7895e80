/**
 * The one authorisation checkpoint. Pages and server actions call `requirePermission`; route
 * handlers call `authorizeRequest`. Both read the user from the database and check the permission
 * table; pages hide buttons, but this is what refuses.
 */
import { headers } from "next/headers";
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

export function problem(status: number, title: string, detail: string): Response {
  return new Response(JSON.stringify({ type: "about:blank", title, status, detail }), {
    status,
    headers: { "content-type": "application/problem+json" },
  });
}
