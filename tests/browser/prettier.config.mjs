// Prettier's settings for the page scripts (toolkit-content/js) and the browser tests. They live
// beside the npm packages that tests/browser installs; lint.sh passes them to Prettier by path.
// Otherwise Prettier's defaults, which are the house style: double quotes, semicolons and
// trailing commas wherever a list spans lines.
export default {
  printWidth: 100,
};
