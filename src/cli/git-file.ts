import { execFile } from "node:child_process";
import { existsSync, realpathSync, statSync } from "node:fs";
import { dirname, relative, resolve, sep } from "node:path";
import { MAX_INPUT_BYTES } from "./files.js";
import { FileAccessError, UsageError } from "./usage-error.js";

/** A configuration to read: a file, or a file as a git revision holds it. */
export interface ConfigSource {
  /** How reports name it: the path, or `rev:path`. */
  readonly name: string;
  readonly text: () => Promise<string>;
  /** The file on disk, when it is one (for `-` and files). */
  readonly path?: string;
}

/**
 * `git show <rev>:<path>`, run without a shell (execFile), so that neither the revision nor the path can
 * be read as shell syntax; `path` is relative to the repository root, which `cwd` is inside.
 */
export function gitShow(revision: string, path: string, cwd: string): Promise<string> {
  if (revision.startsWith("-"))
    throw new UsageError(`${JSON.stringify(revision)} is not a git revision (it starts with '-')`);
  return new Promise((resolvePromise, reject) => {
    execFile(
      "git",
      ["show", `${revision}:${path}`],
      { cwd, encoding: "buffer", maxBuffer: MAX_INPUT_BYTES, windowsHide: true },
      (error, stdout, stderr) => {
        const name = `${revision}:${path}`;
        if (error) {
          const code = (error as NodeJS.ErrnoException).code;
          if (code === "ENOENT")
            return reject(new FileAccessError(`cannot read ${name}: git is not installed (or not on PATH)`));
          if (code === "ERR_CHILD_PROCESS_STDIO_MAXBUFFER")
            return reject(
              new FileAccessError(`cannot read ${name}: larger than ${MAX_INPUT_BYTES / 1024 / 1024} MiB`),
            );
          const said =
            stderr
              .toString("utf8")
              .trim()
              .split("\n")[0]
              ?.replace(/^fatal: /, "") ?? "";
          return reject(new FileAccessError(`cannot read ${name}: ${said || error.message}`));
        }
        const text = stdout.toString("utf8");
        resolvePromise(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
      },
    );
  });
}

/** The repository root of the folder `cwd` (git rev-parse --show-toplevel). */
export function gitRoot(cwd: string): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    execFile(
      "git",
      ["rev-parse", "--show-toplevel"],
      { cwd, encoding: "utf8", windowsHide: true },
      (error, stdout, stderr) => {
        if (error) {
          const code = (error as NodeJS.ErrnoException).code;
          const said =
            code === "ENOENT"
              ? "git is not installed (or not on PATH)"
              : stderr
                  .trim()
                  .split("\n")[0]
                  ?.replace(/^fatal: /, "") || error.message;
          return reject(new FileAccessError(`cannot use git in ${cwd}: ${said}`));
        }
        resolvePromise(stdout.trim());
      },
    );
  });
}

/**
 * The old version of `file` at `revision` (`--base origin/main config.json`): the file's path relative
 * to its repository's root, read with `git show`. The file need not exist any more in the work tree.
 */
export async function fileAtRevision(revision: string, file: string, cwd: string): Promise<ConfigSource> {
  const absolute = resolve(cwd, file);
  let folder = dirname(absolute);
  while (!existsSync(folder) && dirname(folder) !== folder) folder = dirname(folder);
  const root = realpathSync(await gitRoot(folder));
  const real = existsSync(absolute)
    ? realpathSync(absolute)
    : resolve(realpathSync(folder), relative(folder, absolute));
  const inRepository = relative(root, real);
  if (inRepository.startsWith("..") || inRepository === "")
    throw new UsageError(`${file} is not inside the git repository at ${root}`);
  const path = inRepository.split(sep).join("/");
  return { name: `${revision}:${path}`, text: () => gitShow(revision, path, root) };
}

/**
 * A `REV:path` argument (git's own syntax: the path relative to the repository root, or `./…` relative
 * to the current folder): recognised when no file of that name exists and the part before the colon
 * looks like a revision.
 */
export function revisionArgument(argument: string): { revision: string; path: string } | undefined {
  if (existsSync(argument)) return undefined;
  const colon = argument.indexOf(":");
  if (colon <= 0 || colon === argument.length - 1) return undefined;
  const revision = argument.slice(0, colon);
  // A Windows drive letter (C:\x) is a path, not a revision.
  if (/^[A-Za-z]$/.test(revision) && /^[\\/]/.test(argument.slice(colon + 1))) return undefined;
  if (/\s/.test(revision) || revision.startsWith("-")) return undefined;
  return { revision, path: argument.slice(colon + 1) };
}

/** True when `path` names a folder (a usage mistake for a configuration argument). */
export function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
