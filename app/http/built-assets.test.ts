import fs from "node:fs";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compressBuiltAssets, serveBuiltAssets } from "./built-assets.js";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-build-"));
const script = "export const greeting = 'Hej från Samverkansportalen';\n".repeat(50);
let origin = "";
let close: () => void = () => {};

beforeAll(async () => {
  fs.mkdirSync(path.join(dir, "build", "_shared"), { recursive: true });
  fs.writeFileSync(path.join(dir, "build", "_shared", "chunk-ABC.js"), script);
  fs.writeFileSync(path.join(dir, "secret.txt"), "not for the browser");
  expect(compressBuiltAssets(path.join(dir, "build"))).toBe(1);
  const app = express();
  app.use("/build", serveBuiltAssets(path.join(dir, "build")));
  app.use((_req, res) => void res.status(404).send("next"));
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => server.close();
});
afterAll(() => {
  close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const get = (pathname: string, encoding?: string) => fetch(`${origin}${pathname}`, { headers: encoding ? { "Accept-Encoding": encoding } : {} });

describe("the build's scripts", () => {
  it("go out compressed at build time, brotli before gzip, with a script's headers and nothing a page needs", async () => {
    const br = await get("/build/_shared/chunk-ABC.js", "gzip, deflate, br");
    expect(br.headers.get("content-encoding")).toBe("br");
    expect(br.headers.get("content-type")).toBe("text/javascript");
    expect(br.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(br.headers.get("vary")).toBe("Accept-Encoding");
    expect(br.headers.get("x-content-type-options")).toBe("nosniff");
    expect(br.headers.get("content-security-policy")).toBeNull();
    expect(Number(br.headers.get("content-length"))).toBe(fs.statSync(path.join(dir, "build/_shared/chunk-ABC.js.br")).size);
    expect(await br.text()).toBe(script);

    const gz = await get("/build/_shared/chunk-ABC.js", "gzip");
    expect(gz.headers.get("content-encoding")).toBe("gzip");
    expect(await gz.text()).toBe(script);
    expect(zlib.gunzipSync(fs.readFileSync(path.join(dir, "build/_shared/chunk-ABC.js.gz"))).toString()).toBe(script);

    const plain = await get("/build/_shared/chunk-ABC.js", "identity");
    expect(plain.headers.get("content-encoding")).toBeNull();
    expect(await plain.text()).toBe(script);
  });

  it("never a file outside the build folder, however the path is written", async () => {
    for (const pathname of ["/build/../secret.txt", "/build/%2e%2e/secret.txt", "/build/..%2fsecret.txt", "/build/_shared/missing.js", "/build/%E0%A4%A"]) {
      const response = await get(pathname, "br");
      expect(await response.text(), pathname).toBe("next");
    }
  });
});
