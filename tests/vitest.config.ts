import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  root: fileURLToPath(new URL("..", import.meta.url)),
  test: {
    include: ["app/**/*.test.{ts,tsx}", "db/**/*.test.ts", "tests/integration/**/*.test.ts"],
    environment: "node",
    // Each test file gets fresh module state; each test its own database (tests/integration/db.ts).
    pool: "forks",
    // The portal's clock is pinned to Tuesday 1 December 2026, 10.00 in Stockholm (tests/integration/db.ts seeds as of then).
    env: { NODE_ENV: "test", DATABASE_PATH: ":memory:", PORTAL_FIXED_NOW: "2026-12-01T10:00:00+01:00" },
  },
});
