/** Where to go after signing in: a path on this site only, never another site. */
export function safeReturnTo(value: string | null | undefined): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\") || value.startsWith("/sign-in")) return "/";
  // Browsers drop tabs and newlines from a URL before reading it, so "/\t/evil.example" would become
  // "//evil.example": refuse any control character.
  if (/[\u0000-\u001f\u007f]/.test(value)) return "/";
  return value;
}
