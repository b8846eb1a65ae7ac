/**
 * Which files are mapping configurations, for the CLI's folder and glob search and for the ESLint
 * plugin (whose rules are often given `**\/*.json`): an Entra schema export (JSON with a
 * `synchronizationRules` key), a file named `*.provex.yaml` / `*.provex.yml` / `*.provex.json`, a file
 * that names provex's JSON schema, or a YAML file whose top level has `mappings:` or `objects:`.
 * provex's own settings (`provex.config.*`) and test suites (`*.provex-test.yaml`) are not.
 */
export function isConfigurationFile(path: string, text: string): boolean {
  if (!hasConfigurationName(path)) return false;
  const name = baseName(path);
  if (/\.provex\.(json|ya?ml)$/.test(name)) return true;
  if (text.includes("provex-config.schema.json")) return true;
  if (name.endsWith(".json")) return /"synchronizationRules"\s*:/.test(text);
  return /^(mappings|objects)[ \t]*:/m.test(text);
}

/** A JSON or YAML file name other than provex's settings and test suites. */
export function hasConfigurationName(path: string): boolean {
  const name = baseName(path);
  if (!/\.(json|ya?ml)$/.test(name)) return false;
  if (/^provex\.config\.(json|ya?ml)$/.test(name)) return false;
  return !/\.provex-test\.ya?ml$/.test(name);
}

function baseName(path: string): string {
  return (path.split(/[\\/]/).pop() ?? path).toLowerCase();
}
