/** Where to go after signing in: a path on this site only, never another site. */
export function safeReturnTo(value: string | null | undefined): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\") || value.startsWith("/sign-in")) return "/";
  return value;
}
