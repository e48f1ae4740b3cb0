// One lint gate for the whole tree, with stricter rules per folder.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import officeAddins from "eslint-plugin-office-addins";

export default tseslint.config(
  { ignores: ["node_modules/", "dist/", "lib/", "out/", "coverage/", "**/*.js", "**/*.mjs"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "no-eval": "error",
      "no-implied-eval": "error",
      "no-new-func": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // The core is pure domain code: decimal.js and its own modules only.
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^(?!decimal\\.js$|\\.{1,2}/).*",
              message: "src/core imports decimal.js and its own modules only.",
            },
            {
              regex: "^(\\.{1,2}/)+(test|excel-double|preview)(/|$)",
              message: "src/core imports decimal.js and its own modules only.",
            },
          ],
        },
      ],
      "no-restricted-globals": [
        "error",
        "Excel",
        "Office",
        "CustomFunctions",
        "document",
        "window",
        "process",
        "require",
      ],
    },
  },
  {
    // Shipped code never imports tests, the Excel double or the preview (only the preview page,
    // which is not deployed, uses the double).
    files: ["src/**/*.ts", "src/**/*.tsx"],
    ignores: ["src/core/**", "src/preview/**", "src/excel-double/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "(^|/)(test|excel-double|preview)(/|$)",
              message: "Product code does not import test/, src/excel-double or src/preview.",
            },
          ],
        },
      ],
    },
  },
  {
    // Excel.run code lives in .ts files so the office-addins rules see it.
    files: ["src/adapters/office/**/*.ts", "src/commands/**/*.ts"],
    plugins: { "office-addins": officeAddins },
    rules: {
      "office-addins/no-context-sync-in-loop": "error",
      "office-addins/load-object-before-read": "error",
      "office-addins/call-sync-before-read": "error",
    },
  },
  {
    files: ["test/**/*.ts", "test/**/*.tsx", "bench/**/*.ts", "scripts/**/*.ts"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
