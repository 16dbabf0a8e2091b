// ESLint for `npm test` (npm run lint): typescript-eslint with type information, and the rules
// of React hooks. Kept in .ci/ so the repository's top level stays the agreed folders.
import path from "node:path";
import { fileURLToPath } from "node:url";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export default tseslint.config(
  { ignores: ["build/**", "public/build/**", "node_modules/**", "tests/.output/**", "data/**", ".cache/**"] },
  {
    files: ["app/**/*.{ts,tsx}", "db/**/*.ts", "tests/**/*.ts"],
    extends: [tseslint.configs.base],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: root } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": "error",
      "@typescript-eslint/switch-exhaustiveness-check": ["error", { considerDefaultExhaustiveForUnions: true }],
    },
  },
  {
    // The React code only: Playwright's fixtures and the tests' useFreshDatabase are not hooks.
    files: ["app/**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
    },
  },
);
