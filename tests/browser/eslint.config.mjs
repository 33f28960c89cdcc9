// ESLint's settings for the page scripts (toolkit-content/js, ES modules run in browsers) and the
// browser tests (ES modules run by Node). They live beside the npm packages that tests/browser
// installs; lint.sh runs ESLint from the repository root with this file, so the paths below are
// relative to the root.
import js from "@eslint/js";
import globals from "globals";

export default [
  js.configs.recommended,
  {
    files: ["toolkit-content/js/**/*.js"],
    languageOptions: {
      ecmaVersion: "latest",
      sourceType: "module",
      globals: globals.browser,
    },
  },
  {
    // The tests run under Node, but the functions they hand to Playwright's evaluate() and
    // waitForFunction() run in the page, so both sets of globals are known here.
    files: ["tests/browser/**/*.mjs"],
    languageOptions: {
      ecmaVersion: "latest",
      sourceType: "module",
      globals: { ...globals.node, ...globals.browser },
    },
  },
];
