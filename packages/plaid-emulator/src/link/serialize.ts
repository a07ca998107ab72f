/**
 * The browser code of the fake Link is written as ordinary, type-checked functions and shipped as
 * their source text, so nothing is read from disk at run time (the emulator is also bundled into
 * the app's demo mode). Such a function must be self-contained: it may only use browser globals.
 *
 * Transpilers that keep function names (esbuild's keepNames, used by tsx) insert calls to a
 * `__name` helper that lives outside the function; the shim makes those calls harmless.
 */
export function asBrowserScript(main: () => void): string {
  return `(function () {\n  var __name = function (target) { return target; };\n  (${main.toString()})();\n})();\n`;
}
