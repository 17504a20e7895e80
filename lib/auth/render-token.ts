/**
 * Lets the server's own headless Chromium read a print layout for the PDF without a user session:
 * a short-lived HMAC over the page's path, sent as a request header, never in a URL.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { authSecret } from "./secret";

export const RENDER_TOKEN_HEADER = "x-nledp-render";
const LIFETIME_MS = 5 * 60_000;

function sign(path: string, expires: number): string {
  return createHmac("sha256", authSecret()).update(`render:${path}:${expires}`).digest("base64url");
}

export function renderToken(path: string, now = Date.now()): string {
  const expires = now + LIFETIME_MS;
  return `${expires}.${sign(path, expires)}`;
}

export function isValidRenderToken(token: string | null | undefined, path: string, now = Date.now()): boolean {
  const [expiresText, signature] = (token ?? "").split(".");
  const expires = Number(expiresText);
  if (!signature || !Number.isFinite(expires) || expires < now) return false;
  const expected = Buffer.from(sign(path, expires));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
