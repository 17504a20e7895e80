import fs from "node:fs";
import path from "node:path";

/**
 * The app's own route list, read from app/: every page and route handler as its URL pattern
 * ("/products/[slug]"), route groups like "(site)" removed.
 */
export function appRoutes(root = path.join(process.cwd(), "app")): string[] {
  const found: string[] = [];
  const walk = (dir: string, segments: string[]) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        walk(path.join(dir, entry.name), /^\(.*\)$/.test(entry.name) ? segments : [...segments, entry.name]);
      } else if (/^(page|route)\.tsx?$/.test(entry.name)) {
        found.push(`/${segments.join("/")}`);
      }
    }
  };
  walk(root, []);
  return [...new Set(found)].sort();
}

/** Every server action: the functions exported by files that start with "use server". */
export function serverActions(root = process.cwd()): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory() && !["node_modules", ".next", "tests", "data", ".git"].includes(entry.name)) walk(full);
      else if (/\.tsx?$/.test(entry.name)) {
        const text = fs.readFileSync(full, "utf8");
        if (!/^\s*["']use server["']/.test(text)) continue;
        for (const m of text.matchAll(/export async function (\w+)/g)) found.push(`${path.relative(root, full)}#${m[1]}`);
      }
    }
  };
  walk(root);
  return found.sort();
}
