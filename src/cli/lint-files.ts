import { existsSync, readFileSync } from "node:fs";
import { readdir, readFile, stat } from "node:fs/promises";
import { dirname, join, relative, resolve, sep } from "node:path";
import type { Ignore } from "ignore";
import { hasConfigurationName, isConfigurationFile } from "../lint/recognise.js";
import { fileAccessError } from "./files.js";
import { UsageError } from "./usage-error.js";

/** A file to lint, read once. */
export interface LintInput {
  readonly path: string;
  /** The text without a byte-order mark (editors do not count it in columns, JSON parsers refuse it). */
  readonly text: string;
  /** The file started with a UTF-8 byte-order mark, which a rewrite (--fix) must keep. */
  readonly bom: boolean;
}

/** Folders never searched: dependencies and version-control data. */
const SKIPPED_FOLDERS = new Set(["node_modules", ".git", ".hg", ".svn"]);
const GLOB_CHARACTERS = /[*?[\]{}]/;
/** At most this many files are read at once. */
const READ_CONCURRENCY = 16;

/**
 * The files `provex lint` works on. A file named on the command line is always linted; files found
 * in a folder (the default is the current one) or through a glob are linted when they are recognised
 * as mapping configurations (`isConfigurationFile` in src/lint/recognise.ts). Folders named `node_modules` or `.git`, and
 * paths ignored by a `.gitignore` of a folder searched, are skipped. Throws a UsageError for a path
 * that does not exist or cannot be read.
 */
export async function findLintInputs(patterns: readonly string[], cwd: string): Promise<LintInput[]> {
  const explicit: string[] = [];
  const candidates: string[] = [];
  for (const pattern of patterns.length === 0 ? ["."] : patterns) {
    const path = resolve(cwd, pattern);
    const info = await stat(path).catch(() => undefined);
    if (info?.isDirectory()) {
      const newIgnore = await loadIgnore();
      candidates.push(...(await walk(path, gitignoresAbove(path, newIgnore), newIgnore)));
    } else if (info?.isFile()) explicit.push(path);
    else if (GLOB_CHARACTERS.test(pattern)) candidates.push(...(await globFiles(pattern, cwd)));
    else throw new UsageError(`No such file or folder: ${pattern}.`);
  }
  const seen = new Set<string>();
  const wanted: { path: string; explicit: boolean }[] = [];
  const want = (path: string, named: boolean) => {
    if (seen.has(path)) return;
    seen.add(path);
    wanted.push({ path, explicit: named });
  };
  for (const path of explicit) want(path, true);
  for (const path of candidates) if (hasConfigurationName(path)) want(path, false);
  const read = await mapConcurrently(wanted, READ_CONCURRENCY, async ({ path, explicit: named }) => {
    let raw: string;
    try {
      raw = await readFile(path, "utf8");
    } catch (error) {
      throw fileAccessError("read", relative(cwd, path) || path, error);
    }
    const bom = raw.charCodeAt(0) === 0xfeff;
    const text = bom ? raw.slice(1) : raw;
    return named || isConfigurationFile(path, text) ? { path, text, bom } : undefined;
  });
  return read.filter((input): input is LintInput => input !== undefined);
}

/** Makes an empty set of .gitignore rules (the `ignore` package's default export). */
type NewIgnore = () => Ignore;

/**
 * The `ignore` package, loaded only when a folder is searched: `provex lint file.json` (the CI case and
 * the start-up benchmark) never needs it.
 */
async function loadIgnore(): Promise<NewIgnore> {
  return (await import("ignore")).default;
}

async function walk(folder: string, ignores: readonly GitIgnore[], newIgnore: NewIgnore): Promise<string[]> {
  const here = gitignoreOf(folder, newIgnore);
  const rules = here ? [...ignores, here] : ignores;
  let entries: import("node:fs").Dirent[];
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch (error) {
    throw fileAccessError("read", folder, error);
  }
  const files: string[] = [];
  const folders: string[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name) && !isIgnored(rules, path, true)) folders.push(path);
    } else if (entry.isFile() && !isIgnored(rules, path, false)) files.push(path);
  }
  const nested = await Promise.all(folders.map((path) => walk(path, rules, newIgnore)));
  return [...files, ...nested.flat()];
}

interface GitIgnore {
  readonly folder: string;
  readonly rules: Ignore;
}

function gitignoreOf(folder: string, newIgnore: NewIgnore): GitIgnore | undefined {
  const file = join(folder, ".gitignore");
  if (!existsSync(file)) return undefined;
  try {
    return { folder, rules: newIgnore().add(readFileSync(file, "utf8")) };
  } catch {
    return undefined;
  }
}

/** The .gitignore files of the folders above `folder`, up to the repository's root (the one with .git). */
function gitignoresAbove(folder: string, newIgnore: NewIgnore): GitIgnore[] {
  const found: GitIgnore[] = [];
  let current = dirname(folder);
  if (existsSync(join(folder, ".git"))) return found;
  while (current !== dirname(current)) {
    const here = gitignoreOf(current, newIgnore);
    if (here) found.unshift(here);
    if (existsSync(join(current, ".git"))) break;
    current = dirname(current);
  }
  return found;
}

function isIgnored(rules: readonly GitIgnore[], path: string, folder: boolean): boolean {
  for (const { folder: base, rules: patterns } of rules) {
    const relativePath = relative(base, path).split(sep).join("/");
    if (relativePath === "" || relativePath.startsWith("..")) continue;
    if (patterns.ignores(folder ? `${relativePath}/` : relativePath)) return true;
  }
  return false;
}

async function globFiles(pattern: string, cwd: string): Promise<string[]> {
  const { glob } = await import("tinyglobby");
  const matches = await glob(pattern, {
    cwd,
    absolute: true,
    onlyFiles: true,
    dot: false,
    ignore: ["**/node_modules/**", "**/.git/**"],
  });
  return matches.map((path) => resolve(path)).sort();
}

async function mapConcurrently<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
