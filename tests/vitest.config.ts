import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  root: fileURLToPath(new URL("..", import.meta.url)),
  test: {
    include: ["app/**/*.test.{ts,tsx}", "db/**/*.test.ts", "tests/integration/**/*.test.ts"],
    environment: "node",
    // Each test file gets fresh module state; each test its own database (tests/integration/db.ts).
    pool: "forks",
    env: { NODE_ENV: "test", DATABASE_PATH: ":memory:" },
  },
});
