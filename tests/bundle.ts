/**
 * The JavaScript each page sends on load, read from the built manifest
 * (public/build/manifest-*.js, written by `npm run build`): the entry, the root route and
 * the page's route module, with their static imports, each file gzipped separately.
 * Used by the guard in tests/e2e/bundle.spec.ts and by `npm run bench`.
 * See docs/decisions/017-what-reaches-the-browser.md.
 */
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

/** The most gzipped JavaScript a page may send on load: 100 kB (kB of 1,024 bytes, as the figures are printed). */
export const BUDGET_BYTES = 100 * 1024;

/**
 * Server-side libraries that must never reach the browser, each with text that only its
 * code contains (it survives minifying).
 */
export const SERVER_ONLY_LIBRARIES = [
  { library: "zod", markers: ["ZodError"] },
  { library: "libphonenumber-js", markers: ["libphonenumber", "country_calling_codes"] },
  { library: "date-holidays", markers: ["date-holidays"] },
  { library: "drizzle-orm", markers: ["drizzle:entityKind"] },
] as const;

type Manifest = {
  entry: { module: string; imports?: string[] };
  routes: Record<string, { module: string; imports?: string[] }>;
};

export type PageJavaScript = { route: string; files: string[]; gzipBytes: number };

/** The newest manifest in public/build (a build replaces the folder, so normally the only one). */
export function readManifest(root: string): Manifest {
  const dir = path.join(root, "public/build");
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => /^manifest-.*\.js$/.test(f)) : [];
  if (files.length === 0) throw new Error("public/build has no manifest: run npm run build first.");
  const newest = files.map((f) => ({ f, at: fs.statSync(path.join(dir, f)).mtimeMs })).sort((a, b) => b.at - a.at)[0]!.f;
  const text = fs.readFileSync(path.join(dir, newest), "utf8");
  return JSON.parse(text.replace(/^window\.__remixManifest=/, "").replace(/;\s*$/, "")) as Manifest;
}

/** Every route of the manifest with the files it loads and their gzipped size, largest first. */
export function javaScriptPerPage(root: string): PageJavaScript[] {
  const manifest = readManifest(root);
  const sizes = new Map<string, number>();
  const gzip = (file: string) => {
    let size = sizes.get(file);
    if (size === undefined) {
      size = zlib.gzipSync(fs.readFileSync(path.join(root, "public", file))).length;
      sizes.set(file, size);
    }
    return size;
  };
  const rootRoute = manifest.routes.root!;
  const always = [manifest.entry.module, ...(manifest.entry.imports ?? []), rootRoute.module, ...(rootRoute.imports ?? [])];
  return Object.entries(manifest.routes)
    .map(([route, r]) => {
      const files = [...new Set([...always, r.module, ...(r.imports ?? [])])];
      return { route, files, gzipBytes: files.reduce((n, f) => n + gzip(f), 0) };
    })
    .sort((a, b) => b.gzipBytes - a.gzipBytes);
}

/** Every JavaScript file of the build (lazily loaded chunks too), as paths under public/. */
export function builtJavaScriptFiles(root: string): string[] {
  const dir = path.join(root, "public/build");
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => f.endsWith(".js") && !/(^|\/)manifest-[^/]*\.js$/.test(f))
    .map((f) => `/build/${f.split(path.sep).join("/")}`);
}

export const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
