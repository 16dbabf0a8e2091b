// @ts-check
/**
 * The Nu HTML checker (vnu-jar) over every page the end-to-end tests saw. tests/e2e/fixtures.ts
 * saves each distinct page under tests/.output/html/ while the tests run; this global teardown
 * checks them all in one Java run (starting Java once costs seconds, a page a few milliseconds)
 * and fails the run on any error. The global setup empties the folder, so that only this run's
 * pages are checked.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const root = fileURLToPath(new URL("../..", import.meta.url));
export const HTML_DIR = path.join(root, "tests/.output/html");
const VNU_JAR = path.join(root, "node_modules/vnu-jar/build/dist/vnu.jar");

export function emptyHtmlDir() {
  fs.rmSync(HTML_DIR, { recursive: true, force: true });
  fs.mkdirSync(HTML_DIR, { recursive: true });
}

/**
 * The errors vnu finds in the saved pages, one readable entry per page ([] when there are none).
 * @param {string} dir
 */
export async function htmlErrors(dir) {
  const pages = fs.existsSync(dir) ? fs.readdirSync(dir).filter((name) => name.endsWith(".html")) : [];
  if (pages.length === 0) return { pages: 0, errors: [] };
  const java = process.env.JAVA ?? "java";
  let output;
  try {
    const result = await promisify(execFile)(java, ["-Xss2m", "-jar", VNU_JAR, "--errors-only", "--format", "gnu", "--skip-non-html", dir], {
      maxBuffer: 64 * 1024 * 1024,
    });
    output = result.stderr + result.stdout;
  } catch (error) {
    const failed = /** @type {{ code?: unknown, stderr?: string, stdout?: string, message: string }} */ (error);
    if (failed.code === "ENOENT") throw new Error(`The Nu HTML checker needs Java: install Debian's default-jre-headless (.ci/run does).`);
    // vnu exits with 1 when it found errors; the messages are on stderr.
    output = `${failed.stderr ?? ""}${failed.stdout ?? ""}`;
    if (!output.trim()) throw error;
  }
  /** @type {Map<string, string[]>} */
  const byFile = new Map();
  for (const line of output.split("\n")) {
    if (!line.trim()) continue;
    // "file:/…/abc.html":12.3-12.40: error: Bad value …
    const match = /^"?(?:file:)?([^":]+\.html)"?:(\S*?):? (?:error|fatal): (.*)$/.exec(line);
    const file = match ? path.basename(match[1] ?? "") : "(vnu)";
    const message = match ? `line ${match[2]}: ${match[3]}` : line;
    byFile.set(file, [...(byFile.get(file) ?? []), message]);
  }
  const errors = [...byFile.entries()].map(([file, messages]) => {
    const note = path.join(dir, file.replace(/\.html$/, ".json"));
    const seen = fs.existsSync(note) ? JSON.parse(fs.readFileSync(note, "utf8")) : { url: file, project: "?", test: "?" };
    return `${seen.url} (${seen.project}, ${seen.test}; saved as tests/.output/html/${file}):\n${messages.map((m) => `    - ${m}`).join("\n")}`;
  });
  return { pages: pages.length, errors };
}

/** Playwright's global teardown. */
export default async function checkSavedPages() {
  const started = Date.now();
  const { pages, errors } = await htmlErrors(HTML_DIR);
  if (pages === 0) return;
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (errors.length > 0) {
    throw new Error(`The Nu HTML checker found errors on ${errors.length} of ${pages} pages (${seconds} s):\n${errors.join("\n")}`);
  }
  console.log(`The Nu HTML checker found no errors on ${pages} pages (${seconds} s).`);
}
