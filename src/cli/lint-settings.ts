import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { closestName } from "../checker/index.js";
import { LineIndex } from "../diagnostics/index.js";
import type { RuleSetting } from "../lint/index.js";
import { readJsonTree } from "../mapping/json-tree.js";
import { loadConfig } from "../mapping/load-config.js";
import type { MappingConfig } from "../mapping/model.js";
import { UsageError } from "./usage-error.js";

export type RuleSettings = Readonly<Record<string, RuleSetting>>;

const SETTINGS_FILES = ["provex.config.json", "provex.config.yaml", "provex.config.yml"];
const SETTINGS = new Set(["off", "warn", "error"]);

/**
 * The rule settings for files, from the nearest `provex.config.json|yaml|yml` in the file's folder or
 * a folder above it. Each folder is looked at once per run.
 */
export class SettingsFinder {
  private readonly byFolder = new Map<string, Promise<RuleSettings>>();

  constructor(
    private readonly ruleIds: readonly string[],
    private readonly cwd: string,
  ) {}

  settingsFor(file: string): Promise<RuleSettings> {
    return this.forFolder(dirname(file));
  }

  private forFolder(folder: string): Promise<RuleSettings> {
    const cached = this.byFolder.get(folder);
    if (cached) return cached;
    const file = SETTINGS_FILES.map((name) => join(folder, name)).find((path) => existsSync(path));
    const parent = dirname(folder);
    const settings = file
      ? this.read(file)
      : parent === folder
        ? Promise.resolve({})
        : this.forFolder(parent);
    this.byFolder.set(folder, settings);
    return settings;
  }

  /**
   * Reads one settings file; every mistake in it is a usage error with its line and column. The YAML
   * parser (which reads the JSON form too, with positions) is loaded only when there is such a file.
   */
  private async read(file: string): Promise<RuleSettings> {
    const { isMap, isScalar, parseDocument } = await import("yaml");
    const shown = relative(this.cwd, file) || file;
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch (error) {
      throw new UsageError(`Cannot read ${shown}: ${(error as Error).message}.`);
    }
    const lines = new LineIndex(text);
    const at = (offset: number) => {
      const { line, column } = lines.locate(offset);
      return `${shown}:${line}:${column}`;
    };
    // A .json settings file is strict JSON (no trailing comma, no comment), like every JSON provex reads.
    const jsonProblem = file.endsWith(".json") ? readJsonTree(text).problems[0] : undefined;
    if (jsonProblem) throw new UsageError(`${at(jsonProblem.span.start)}: ${jsonProblem.message}`);
    const document = parseDocument(text, { prettyErrors: false });
    const [error] = document.errors;
    if (error) throw new UsageError(`${at(error.pos[0])}: ${error.message.split("\n")[0]}`);
    const root = document.contents;
    if (root === null) return {};
    if (!isMap(root))
      throw new UsageError(
        `${at(root.range?.[0] ?? 0)}: the settings must be an object with rules: { id: off | warn | error }.`,
      );
    const settings: Record<string, RuleSetting> = {};
    for (const pair of root.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : "";
      const keyAt = at(isScalar(pair.key) ? (pair.key.range?.[0] ?? 0) : 0);
      if (key !== "rules")
        throw new UsageError(`${keyAt}: unknown key ${JSON.stringify(key)}; the only key is rules.`);
      const rules = pair.value;
      if (rules === null || (isScalar(rules) && rules.value === null)) continue;
      if (!isMap(rules))
        throw new UsageError(`${keyAt}: rules must be an object: { id: off | warn | error }.`);
      for (const rule of rules.items) {
        const id = isScalar(rule.key) ? String(rule.key.value) : "";
        const idAt = at(isScalar(rule.key) ? (rule.key.range?.[0] ?? 0) : 0);
        const value = isScalar(rule.value) ? String(rule.value.value) : "";
        checkRuleId(id, this.ruleIds, idAt);
        if (!SETTINGS.has(value))
          throw new UsageError(
            `${idAt}: the setting of ${id} must be off, warn or error, not ${JSON.stringify(value)}.`,
          );
        settings[id] = value as RuleSetting;
      }
    }
    return settings;
  }
}

/** `--rule id:setting` (repeatable; `id=setting` also accepted). */
export function parseRuleOptions(options: readonly string[], ruleIds: readonly string[]): RuleSettings {
  const settings: Record<string, RuleSetting> = {};
  for (const option of options) {
    const match = /^([^:=\s]+)\s*[:=]\s*(\S+)$/.exec(option.trim());
    if (!match)
      throw new UsageError(`--rule takes id:off, id:warn or id:error, not ${JSON.stringify(option)}.`);
    const [, id = "", value = ""] = match;
    checkRuleId(id, ruleIds, "--rule");
    if (!SETTINGS.has(value))
      throw new UsageError(
        `--rule ${id}: the setting must be off, warn or error, not ${JSON.stringify(value)}.`,
      );
    settings[id] = value as RuleSetting;
  }
  return settings;
}

function checkRuleId(id: string, ruleIds: readonly string[], where: string): void {
  if (ruleIds.includes(id)) return;
  const suggestion = closestName(id, ruleIds);
  throw new UsageError(
    `${where}: there is no lint rule ${JSON.stringify(id)}${suggestion ? `; did you mean ${suggestion}?` : ""} (the rules are listed in docs/lint-rules.md).`,
  );
}

/** What `--schema` gives: the source attribute names for each linted configuration. */
export type SourceSchema = (config: MappingConfig) => readonly string[];

/**
 * Reads `--schema`: an Entra schema export (its directories supply the attributes of each object
 * mapping's source object), a JSON array of names (or of `{ name }` objects), or a text file with one
 * attribute name per line (`#` starts a comment).
 */
export function readSourceSchema(path: string): SourceSchema {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new UsageError(`Cannot read the --schema file ${path}: ${(error as Error).message}.`);
  }
  const trimmed = text.trimStart();
  const at = (offset: number) => {
    const { line, column } = new LineIndex(text).locate(offset);
    return `${path}:${line}:${column}`;
  };
  if (trimmed.startsWith("{")) {
    const schema = loadConfig(text, { format: "entra" });
    const syntax = schema.diagnostics.find((d) => d.code === "config-syntax" || d.code === "config-too-deep");
    if (syntax) throw new UsageError(`${at(syntax.span.start)}: ${syntax.message}`);
    if (schema.directories.length === 0)
      throw new UsageError(
        `${path}: an Entra schema given to --schema needs its directories (the attribute definitions).`,
      );
    return (config) => sourceNames(schema, config);
  }
  if (trimmed.startsWith("[")) {
    const problem = readJsonTree(text).problems[0];
    if (problem) throw new UsageError(`${at(problem.span.start)}: ${problem.message}`);
    const list: unknown = JSON.parse(text.replace(/^\uFEFF/, ""));
    const names = (list as unknown[]).map((item) =>
      typeof item === "string"
        ? item
        : typeof item === "object" && item !== null
          ? (item as { name?: unknown }).name
          : undefined,
    );
    if (names.some((name) => typeof name !== "string"))
      throw new UsageError(`${path}: a --schema JSON list holds attribute names or { "name": … } objects.`);
    return () => names as string[];
  }
  const names = text
    .split(/\r?\n|\r/)
    .map((line) => line.replace(/#.*$/, "").trim())
    .filter((line) => line.length > 0);
  return () => names;
}

/** The schema's attributes of the source objects the configuration maps from (all of them if none match). */
function sourceNames(schema: MappingConfig, config: MappingConfig): string[] {
  const sourceDirectories = new Set(
    schema.rules.map((rule) => rule.extra.sourceDirectoryName).filter((name) => typeof name === "string"),
  );
  const objects = new Set(config.objects.map((object) => object.sourceObjectName));
  const sourceSide = schema.directories.filter(
    (directory) => sourceDirectories.size === 0 || sourceDirectories.has(directory.directory),
  );
  const matching = sourceSide.filter((directory) => objects.has(directory.object));
  const chosen = matching.length > 0 ? matching : sourceSide;
  return [...new Set(chosen.flatMap((directory) => directory.attributes.map((attribute) => attribute.name)))];
}
