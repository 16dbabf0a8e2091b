import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect } from "@playwright/test";

/** The messages the end-to-end SMTP server has received (tests/e2e/start-test-server.mjs). */
const mailbox = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../data/e2e-mail");

export type ReceivedMail = { to: string; raw: string };

export function receivedMail(): ReceivedMail[] {
  if (!fs.existsSync(mailbox)) return [];
  return fs
    .readdirSync(mailbox)
    .sort()
    .map((file) => ({ to: file.replace(/^\d+-/, "").replace(/\.eml$/, ""), raw: fs.readFileSync(path.join(mailbox, file), "latin1") }));
}

/** Waits until a message to `to` matching `match` has arrived (the server's scheduler sends every second). */
export async function waitForMail(to: string, match: (raw: string) => boolean): Promise<ReceivedMail> {
  let found: ReceivedMail | undefined;
  await expect.poll(() => (found = receivedMail().find((m) => m.to === to && match(m.raw))) !== undefined, { timeout: 15_000 }).toBe(true);
  return found!;
}
