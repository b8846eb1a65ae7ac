/**
 * The guard of the tests that need a tool from the machine (Mono for the .NET differential test, Chromium
 * for the playground's browser tests): on CI (`CI` set — `.ci/run` exports it) a missing tool fails the run;
 * elsewhere the tests are skipped with a loud warning, never silently.
 */
export function requireTool(tool: {
  readonly name: string;
  readonly found: boolean;
  readonly install: string;
}): boolean {
  if (tool.found) return true;
  if (process.env.CI) throw new Error(`${tool.name} is missing on CI: ${tool.install}`);
  console.warn(`\n!!! ${tool.name} not found: the tests that need it are SKIPPED. ${tool.install} !!!\n`);
  return false;
}
