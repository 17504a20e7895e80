/**
 * The request pipeline, in order: security headers (with a fresh CSP nonce), cross-site refusal
 * for anything that writes, then sign-in: every page needs a session except /health, the sign-in
 * page, static files, and /api calls and published-update exports carrying an API token (their route
 * handler checks the token).
 * This is the first gate only: each page, route handler and server action checks the user and
 * permission again on the server (lib/auth/checkpoint.ts).
 */
import { NextResponse, type NextRequest } from "next/server";
import { PATH_HEADER } from "@/lib/auth/request-headers";
import { isValidRenderToken, RENDER_TOKEN_HEADER } from "@/lib/auth/render-token";
import { gate } from "@/lib/auth/route-gate";
import { readSession, sessionCookieName } from "@/lib/auth/session";
import { sessionUser } from "@/lib/auth/current-user";
import { oidcEnabled } from "@/lib/env";

const PUBLIC_PATHS = [/^\/health$/, /^\/sign-in$/];
/**
 * Where a script's personal API token is accepted instead of a session: the JSON API, and the files of a
 * published update (PDF, JSON, milestones CSV, comparison CSV). Their route handlers check the token
 * (lib/api/handler.ts, lib/auth/checkpoint.ts authorizeRequestOrToken) and answer 401 themselves.
 */
const TOKEN_PATHS = [/^\/api\//, /^\/updates\/[^/]+\/(pdf|json|milestones-csv)$/, /^\/updates\/compare\/csv$/];
/** next-auth's endpoints that single sign-on needs; none of them exist when it is off. */
const SSO_PATHS = /^\/api\/auth\/(signin\/oidc|callback\/oidc|csrf|error|signin)$/;

function contentSecurityPolicy(nonce: string): string {
  const dev = process.env.NODE_ENV === "development";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // Inline style attributes place timeline bars; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

function withSecurityHeaders(response: NextResponse, csp: string): NextResponse {
  response.headers.set("Content-Security-Policy", csp);
  response.headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
  response.headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()");
  response.headers.set("X-Content-Type-Options", "nosniff");
  response.headers.set("X-Frame-Options", "DENY");
  response.headers.set("Cross-Origin-Opener-Policy", "same-origin");
  if (process.env.NODE_ENV === "production") {
    response.headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  }
  return response;
}

function unavailable(): NextResponse {
  const html = `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Sorry, the service is unavailable – NLEDP roadmap</title></head><body style="font-family: Arial, Helvetica, sans-serif; max-width: 40em; margin: 2em auto; padding: 0 1em; color: #0b0c0c"><main><h1>Sorry, the service is unavailable</h1><p>The roadmap cannot be shown at the moment. Try again in a few minutes.</p><p>Nothing you saved has been lost.</p></main></body></html>`;
  return new NextResponse(html, { status: 503, headers: { "content-type": "text/html; charset=utf-8", "retry-after": "60" } });
}

function isCrossSiteWrite(request: NextRequest): boolean {
  if (["GET", "HEAD", "OPTIONS"].includes(request.method)) return false;
  const site = request.headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") return true;
  const origin = request.headers.get("origin");
  if (!origin) return false;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

export async function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce);
  const { pathname, search } = request.nextUrl;

  if (isCrossSiteWrite(request)) {
    return withSecurityHeaders(new NextResponse("Cross-site requests are refused.", { status: 403 }), csp);
  }

  if (pathname.startsWith("/api/auth")) {
    // Only single sign-on's own steps; never next-auth's session endpoint, which would refresh any token.
    if (!oidcEnabled() || !SSO_PATHS.test(pathname)) return withSecurityHeaders(new NextResponse("Not found", { status: 404 }), csp);
    return withSecurityHeaders(NextResponse.next(), csp);
  }

  // A script's API token is checked by the route handler, which answers 401 itself.
  const bearerApiCall = TOKEN_PATHS.some((p) => p.test(pathname)) && /^Bearer\s+\S/i.test(request.headers.get("authorization") ?? "");
  const isPublic =
    bearerApiCall ||
    PUBLIC_PATHS.some((p) => p.test(pathname)) ||
    // The token is signed over the path and query (the PDF in financial-year quarters asks for
    // ?quarters=financial), as the print page checks it again from the path header set below.
    (/^\/updates\/[^/]+\/print$/.test(pathname) &&
      isValidRenderToken(request.headers.get(RENDER_TOKEN_HEADER), pathname + request.nextUrl.search));
  if (!isPublic) {
    const session = await readSession(request.cookies.get(sessionCookieName())?.value);
    let user: Awaited<ReturnType<typeof sessionUser>> = null;
    try {
      user = session ? await sessionUser(session) : null;
    } catch (error) {
      // The database is down or not answering: say so plainly (as HTML that needs no script), not a blank error.
      console.error("Database unavailable:", error instanceof Error ? error.message : error);
      return withSecurityHeaders(unavailable(), csp);
    }
    if (!user) {
      if (pathname.startsWith("/api/")) {
        const body = JSON.stringify({ type: "about:blank", title: "Sign in required", status: 401, detail: "Sign in, then try again." });
        return withSecurityHeaders(new NextResponse(body, { status: 401, headers: { "content-type": "application/problem+json" } }), csp);
      }
      const signIn = new URL("/sign-in", request.url);
      signIn.search = `?returnTo=${encodeURIComponent(pathname + search)}`;
      return withSecurityHeaders(NextResponse.redirect(signIn, 303), csp);
    }
    if (request.method === "GET" || request.method === "HEAD") {
      let verdict: Awaited<ReturnType<typeof gate>>;
      try {
        verdict = await gate(pathname, user.role);
      } catch (error) {
        console.error("Database unavailable:", error instanceof Error ? error.message : error);
        return withSecurityHeaders(unavailable(), csp);
      }
      if (verdict !== "ok") {
        // The forbidden page is a real page; any address that matches no route renders the 404 page.
        const target = new URL(verdict === "forbidden" ? "/forbidden" : "/_page-not-found", request.url);
        const init = { status: verdict === "forbidden" ? 403 : 404, request: { headers: forwardedHeaders(request, nonce, csp) } };
        return withSecurityHeaders(NextResponse.rewrite(target, init), csp);
      }
    }
  }

  return withSecurityHeaders(NextResponse.next({ request: { headers: forwardedHeaders(request, nonce, csp) } }), csp);
}

/** The request's headers for the app behind: the nonce for its scripts, and the path for the checkpoint. */
function forwardedHeaders(request: NextRequest, nonce: string, csp: string): Headers {
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("Content-Security-Policy", csp);
  headers.set(PATH_HEADER, request.nextUrl.pathname + request.nextUrl.search);
  return headers;
}

export const config = {
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico|robots.txt).*)" }],
};
