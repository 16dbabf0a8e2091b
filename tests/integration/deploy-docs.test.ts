/**
 * docs/deploy.md is followed by people setting up a city's machine: a command it gives must do
 * what it says there. `admin:create` prints the first administrator's one-time link from
 * APP_URL, which the unit's env file holds but a command run by hand does not read.
 */
import fs from "node:fs";
import { describe, expect, it } from "vitest";

/** Every shell command of the page, its continuation lines joined. */
function commands(): string[] {
  const text = fs.readFileSync("docs/deploy.md", "utf8");
  const blocks = [...text.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]!);
  return blocks.flatMap((block) => block.replace(/\\\n\s*/g, " ").split("\n")).filter((line) => line.trim() !== "");
}

describe("docs/deploy.md", () => {
  it("creates the first city administrator with the portal's public address, so her link does not point at localhost", () => {
    const create = commands().filter((line) => line.includes("npm run admin:create"));
    expect(create.length).toBeGreaterThan(0);
    for (const line of create) expect(line).toMatch(/\bAPP_URL=https:\/\/\S+/);
  });
});
