/**
 * Where to go after login: only a path on this site. Anything else (another host,
 * a protocol-relative "//evil.example", backslash tricks, non-strings) goes to "/".
 */
export function safeRedirect(to: unknown, fallback = "/"): string {
  if (typeof to !== "string" || to.length === 0 || to.length > 2000) return fallback;
  if (!to.startsWith("/") || to.startsWith("//") || to.includes("\\")) return fallback;
  // Control characters can be stripped by browsers and turn "/\t/evil" into "//evil".
  if (/[\u0000-\u001f\u007f]/u.test(to)) return fallback;
  try {
    const url = new URL(to, "http://portal.invalid");
    if (url.host !== "portal.invalid") return fallback;
  } catch {
    return fallback;
  }
  if (to.startsWith("/logga-in") || to.startsWith("/logga-ut")) return fallback;
  return to;
}
