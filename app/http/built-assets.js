// @ts-check
/**
 * The browser's JavaScript and CSS (public/build, written by `remix build`), served as small as
 * they can be: compressed once at build time at the highest levels (brotli 11 and gzip 9; a
 * response compressed on the fly gets brotli 4), and with only the headers a script or a
 * style sheet needs. A page loads some twenty of these files, and each one's page-only headers
 * (CSP, frame and referrer rules, about 650 bytes) cost more than many of the files
 * themselves. The names carry a content hash, so every file is immutable.
 *
 * `node app/http/built-assets.js` (run by `npm run build`) writes the .br and .gz files beside
 * each one. Plain JavaScript because app/server.js runs it without a build step.
 */
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import zlib from "node:zlib";

// text/javascript is the one registered type (RFC 9239); scripts and module scripts are read as UTF-8.
const TYPES = { ".js": "text/javascript", ".css": "text/css; charset=utf-8", ".map": "application/json; charset=utf-8" };
/** @param {string} file */
const typeOf = (file) => TYPES[/** @type {keyof typeof TYPES} */ (path.extname(file))];

/**
 * Writes `<file>.br` and `<file>.gz` beside every script and style sheet under `dir`.
 * @param {string} dir
 */
export function compressBuiltAssets(dir) {
  let files = 0;
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !typeOf(entry.name) || entry.name.endsWith(".map")) continue;
    const file = path.join(entry.parentPath ?? entry.path, entry.name);
    const content = fs.readFileSync(file);
    fs.writeFileSync(
      `${file}.br`,
      zlib.brotliCompressSync(content, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: content.length } }),
    );
    fs.writeFileSync(`${file}.gz`, zlib.gzipSync(content, { level: 9 }));
    files++;
  }
  return files;
}

/**
 * Express middleware for /build: the precompressed file the client accepts (brotli, then
 * gzip, then as it is), with Content-Type, Cache-Control, Vary and nosniff. Nothing a page
 * needs (CSP, HSTS: the page that loads the file sends them) and no request id (the log line
 * has it; nobody quotes a script's). Anything else under /build (no such file, another
 * method) goes on to `next`.
 * @param {string} dir public/build
 * @returns {import("express").RequestHandler}
 */
export function serveBuiltAssets(dir) {
  const root = path.resolve(dir);
  // The build does not change while the server runs (a new build means a restart): its files and
  // their sizes are read once, so that a request costs no file-system lookup before the read.
  /** @type {Map<string, number>} */
  const sizes = new Map();
  if (fs.existsSync(root))
    for (const entry of fs.readdirSync(root, { recursive: true, withFileTypes: true }))
      if (entry.isFile()) {
        const file = path.join(entry.parentPath ?? entry.path, entry.name);
        sizes.set(file, fs.statSync(file).size);
      }
  const encodings = [
    { encoding: "br", suffix: ".br", accepted: /\bbr\b/ },
    { encoding: "gzip", suffix: ".gz", accepted: /\bgzip\b/ },
  ];
  return (req, res, next) => {
    if (req.method !== "GET" && req.method !== "HEAD") return next();
    let relative;
    try {
      relative = decodeURIComponent(req.path);
    } catch {
      return next();
    }
    const file = path.join(root, relative);
    const type = typeOf(file);
    if (!type || !file.startsWith(`${root}${path.sep}`) || !sizes.has(file)) return next();
    const accepts = String(req.headers["accept-encoding"] ?? "");
    const choice = encodings.find(({ suffix, accepted }) => accepted.test(accepts) && sizes.has(file + suffix));
    const served = choice ? file + choice.suffix : file;
    const size = /** @type {number} */ (sizes.get(served));
    res.statusCode = 200;
    // setHeader, not Express's res.set, which would add "; charset=utf-8" to every type.
    const headers = {
      "Content-Type": type,
      "Content-Length": String(size),
      "Cache-Control": "public, max-age=31536000, immutable",
      Vary: "Accept-Encoding",
      "X-Content-Type-Options": "nosniff",
      ...(choice ? { "Content-Encoding": choice.encoding } : {}),
    };
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    if (req.method === "HEAD") return void res.end();
    fs.createReadStream(served)
      .on("error", () => res.destroy())
      .pipe(res);
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dir = path.resolve(process.argv[2] ?? "public/build");
  console.log(`Compressed ${compressBuiltAssets(dir)} scripts and style sheets in ${path.relative(process.cwd(), dir)} (brotli and gzip).`);
}
