// @ts-check
/**
 * How every browser of the project is started: Debian's Chromium (never a downloaded one),
 * without the background networking that this machine's closed network refuses.
 */
export const launchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
  ],
};
