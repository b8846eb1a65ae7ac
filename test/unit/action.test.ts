import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { validateXML } from "xmllint-wasm";
import { parse } from "yaml";

// Runs action.yml the way GitHub's runner runs a composite action: each step's `run:` through
// `bash --noprofile --norc -eo pipefail` (GitHub's bash), expressions substituted first (`inputs.*`,
// `github.*`), a fresh GITHUB_OUTPUT file per step read back into `steps.<id>.outputs`, GITHUB_ENV read
// into the next steps' environment, and the action's outputs evaluated at the end. It uses the built
// CLI (dist/bin/provex.js, from `npm run build`), as the action does when run from this repository.

const ROOT = join(import.meta.dirname, "../..");
const SHARED = join(ROOT, "test/fixtures/shared");
const action = parse(readFileSync(join(ROOT, "action.yml"), "utf8")) as {
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, { value: string }>;
  runs: {
    using: string;
    steps: { id?: string; name: string; shell: string; run: string; env?: Record<string, string> }[];
  };
};

/** The key=value and key<<DELIMITER lines of a GITHUB_OUTPUT or GITHUB_ENV file, as the runner reads them. */
function readCommandFile(path: string): Record<string, string> {
  const values: Record<string, string> = {};
  if (!existsSync(path)) return values;
  const lines = readFileSync(path, "utf8").split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name, delimiter] = heredoc as unknown as [string, string, string];
      const body: string[] = [];
      for (i++; i < lines.length && lines[i] !== delimiter; i++) body.push(lines[i] as string);
      if (i >= lines.length) throw new Error(`${name}: no closing delimiter ${delimiter}`);
      values[name] = body.join("\n");
    } else if (line.includes("="))
      values[line.slice(0, line.indexOf("="))] = line.slice(line.indexOf("=") + 1);
  }
  return values;
}

interface ActionRun {
  readonly outputs: Record<string, string>;
  /** Each step's GITHUB_OUTPUT file as the step wrote it, by step id. */
  readonly outputFiles: Record<string, string>;
  readonly summary: string;
  readonly log: string;
  readonly failedStep: string | undefined;
}

function runAction(
  workspace: string,
  inputs: Record<string, string>,
  env: Record<string, string>,
  actionPath = ROOT,
): ActionRun {
  const temp = mkdtempSync(join(tmpdir(), "provex-runner-"));
  const summary = join(temp, "summary.md");
  const envFile = join(temp, "env");
  writeFileSync(summary, "");
  writeFileSync(envFile, "");
  const contexts: Record<string, string> = { "github.action_path": actionPath };
  for (const [name, input] of Object.entries(action.inputs))
    contexts[`inputs.${name}`] = inputs[name] ?? input.default ?? "";
  const steps: Record<string, Record<string, string>> = {};
  const outputFiles: Record<string, string> = {};
  const substitute = (text: string) =>
    text.replace(/\$\{\{\s*([\w.-]+)\s*\}\}/g, (_, name: string) => {
      const step = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(name);
      if (step) return steps[step[1] as string]?.[step[2] as string] ?? "";
      if (!(name in contexts)) throw new Error(`unknown expression ${name}`);
      return contexts[name] as string;
    });
  let log = "";
  let failedStep: string | undefined;
  for (const [index, step] of action.runs.steps.entries()) {
    expect(step.shell).toBe("bash");
    const script = join(temp, `step-${index}.sh`);
    writeFileSync(script, substitute(step.run));
    const output = join(temp, `output-${index}`);
    writeFileSync(output, "");
    const stepEnv = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, substitute(v)]));
    const run = spawnSync("bash", ["--noprofile", "--norc", "-eo", "pipefail", script], {
      cwd: workspace,
      encoding: "utf8",
      env: {
        PATH: env.PATH ?? process.env.PATH,
        HOME: process.env.HOME,
        GITHUB_ACTIONS: "true",
        RUNNER_TEMP: temp,
        GITHUB_WORKSPACE: workspace,
        GITHUB_STEP_SUMMARY: summary,
        GITHUB_OUTPUT: output,
        GITHUB_ENV: envFile,
        ...GIT_ISOLATED,
        ...env,
        ...readCommandFile(envFile),
        ...stepEnv,
      },
    });
    log += `${run.stdout}${run.stderr}`;
    if (step.id) {
      steps[step.id] = readCommandFile(output);
      outputFiles[step.id] = readFileSync(output, "utf8");
    }
    if (run.status !== 0) {
      failedStep = step.name;
      break;
    }
  }
  const outputs = Object.fromEntries(
    Object.entries(action.outputs).map(([name, output]) => [name, substitute(output.value)]),
  );
  return { outputs, outputFiles, summary: readFileSync(summary, "utf8"), log, failedStep };
}

/** git without the user's or the system's configuration, and a fixed identity and clock. */
const GIT_ISOLATED = {
  GIT_CONFIG_GLOBAL: "/dev/null",
  GIT_CONFIG_NOSYSTEM: "1",
  GIT_AUTHOR_NAME: "CI",
  GIT_AUTHOR_EMAIL: "ci@example.com",
  GIT_COMMITTER_NAME: "CI",
  GIT_COMMITTER_EMAIL: "ci@example.com",
  GIT_AUTHOR_DATE: "2026-03-01T09:00:00Z",
  GIT_COMMITTER_DATE: "2026-03-01T09:00:00Z",
};

function git(cwd: string, ...args: string[]): string {
  return execFileSync("git", args, { cwd, encoding: "utf8", env: { ...process.env, ...GIT_ISOLATED } });
}

/**
 * A repository with two commits: the fixture configuration on `main`, then the changed copy on
 * `change` (with `extra` appended to the configuration: a lint error, say).
 */
function repository(extra = ""): string {
  const folder = mkdtempSync(join(tmpdir(), "provex-action-repo-"));
  git(folder, "init", "-q", "-b", "main");
  mkdirSync(join(folder, "provisioning"));
  copyFileSync(join(SHARED, "provex-config.yaml"), join(folder, "provisioning/app.provex.yaml"));
  copyFileSync(join(SHARED, "users.json"), join(folder, "provisioning/users.json"));
  copyFileSync(join(SHARED, "target-users.json"), join(folder, "provisioning/target.json"));
  writeFileSync(
    join(folder, "provisioning/app.provex-test.yaml"),
    `config: app.provex.yaml\ntarget: target.json\nusers: users.json\nnow: 2026-03-01T09:00:00Z\ncases:\n  - name: Zoë is created\n    user: zoe.angstrom@contoso.com\n    expect: { action: Create }\n  - name: Chloé stays out of scope\n    user: chloe.dubois@contoso.com\n    expect: { scope: out }\n`,
  );
  git(folder, "add", ".");
  git(folder, "commit", "-qm", "provisioning");
  // The pull request's base, as a full checkout has it: a remote-tracking branch.
  git(folder, "update-ref", "refs/remotes/origin/main", "HEAD");
  git(folder, "checkout", "-q", "-b", "change");
  writeFileSync(
    join(folder, "provisioning/app.provex.yaml"),
    readFileSync(join(ROOT, "test/fixtures/review/provex-config-changed.yaml"), "utf8") + extra,
  );
  git(folder, "commit", "-qam", "widen the scope, edit title, drop preferredLanguage");
  expect(git(folder, "log", "--format=%an <%ae> %s", "-2").trim().split("\n")).toEqual([
    "CI <ci@example.com> widen the scope, edit title, drop preferredLanguage",
    "CI <ci@example.com> provisioning",
  ]);
  return folder;
}

describe("action.yml, run as GitHub runs a composite action", () => {
  it("is a composite action whose steps only call the provex command", () => {
    expect(action.runs.using).toBe("composite");
    expect(Object.keys(action.inputs)).toEqual(
      expect.arrayContaining(["files", "users", "target", "tests", "base"]),
    );
    for (const step of action.runs.steps) {
      expect(step.run.split("\n").length, step.name).toBeLessThan(40);
      // Inputs reach the scripts through the environment, never pasted into the script text.
      expect(step.run, step.name).not.toMatch(/\$\{\{\s*inputs\./);
    }
  });

  it("lints to SARIF, runs the tests with annotations, and writes the diff to the summary and an output", async () => {
    expect(existsSync(join(ROOT, "dist/bin/provex.js")), "run npm run build first").toBe(true);
    const workspace = repository();
    const run = runAction(
      workspace,
      {
        files: "provisioning/app.provex.yaml",
        users: "provisioning/users.json",
        target: "provisioning/target.json",
        tests: "provisioning",
      },
      { GITHUB_BASE_REF: "main" },
    );
    // The diff: in the job summary and, whole, in the output.
    expect(run.summary).toMatch(/^### provex diff: 11 of 14 users change\n/);
    expect(run.summary).toContain(
      "`origin/main:provisioning/app.provex.yaml` → `provisioning/app.provex.yaml`",
    );
    expect(run.summary).toContain("<details><summary><code>Chloé Dubois</code>");
    expect(run.outputs.diff).toBe(run.summary.trimEnd());
    expect(run.outputs.changed).toBe("true");
    // Lint: a SARIF log for code scanning.
    const sarif = JSON.parse(readFileSync(run.outputs.sarif as string, "utf8"));
    expect(sarif.version).toBe("2.1.0");
    expect(sarif.runs[0].tool.driver.name).toBe("provex");
    // Tests: the failing case annotated at its line, a JUnit report, and the action fails at the end.
    expect(run.log).toMatch(
      /^::error file=provisioning\/app\.provex-test\.yaml,line=11,col=22,title=provex test%3A Chloé stays out of scope::scope: expected out, actual in$/m,
    );
    const junit = readFileSync(run.outputs.junit as string, "utf8");
    expect(junit).toContain('<testsuites name="provex test" tests="2" failures="1"');
    const xsd = readFileSync(join(ROOT, "test/fixtures/junit/junit.xsd"), "utf8");
    const validation = await validateXML({
      xml: [{ fileName: "junit.xml", contents: junit }],
      schema: [{ fileName: "junit.xsd", contents: xsd }],
    });
    expect(validation.errors).toEqual([]);
    expect(run.log).toContain("::error title=provex::provex test: some cases fail");
    expect(run.failedStep).toBe("Result");
  });

  it("passes when nothing fails, and skips the diff outside a pull request", () => {
    const workspace = repository();
    const run = runAction(
      workspace,
      { files: "provisioning/app.provex.yaml", users: "provisioning/users.json" },
      {},
    );
    expect(run.failedStep).toBeUndefined();
    expect(run.log).toContain("::notice title=provex diff::No base revision");
    expect(run.outputs.diff).toBe("");
    const explicit = runAction(
      workspace,
      { files: "provisioning/app.provex.yaml", users: "provisioning/users.json", base: "main" },
      {},
    );
    expect(explicit.failedStep).toBeUndefined();
    expect(explicit.outputs.changed).toBe("true");
    expect(explicit.summary).toMatch(/^### provex diff: \d+ of 14 users change/);
  });
  it("writes the diff output with a random delimiter, as GitHub documents for multi-line outputs", () => {
    const workspace = repository();
    const inputs = { files: "provisioning/app.provex.yaml", users: "provisioning/users.json" };
    const first = runAction(workspace, inputs, { GITHUB_BASE_REF: "main" });
    const second = runAction(workspace, inputs, { GITHUB_BASE_REF: "main" });
    const heredoc = /^diff<<(provex_[0-9a-f]{32})\n([\s\S]*)\n\1\nchanged=true\n$/;
    const [, delimiter, body] = heredoc.exec(first.outputFiles.diff ?? "") ?? [];
    expect(body).toBe(first.outputs.diff);
    expect(body).toMatch(/^### provex diff: \d+ of 14 users change\n/);
    expect(heredoc.exec(second.outputFiles.diff ?? "")?.[1]).not.toBe(delimiter);
  });

  it("fails the job when lint finds errors, after writing the SARIF, the annotations and the summary", () => {
    // The change also maps title twice: a lint error (duplicate-target) in a file that still loads.
    const workspace = repository("  - { target: title, attribute: jobTitle }\n");
    const run = runAction(
      workspace,
      { files: "provisioning/app.provex.yaml", users: "provisioning/users.json" },
      { GITHUB_BASE_REF: "main" },
    );
    expect(run.log).toMatch(
      /^::error file=provisioning\/app\.provex\.yaml,line=90,col=15,endLine=90,endColumn=20,title=provex\(duplicate-target\)::title is already written by the mapping on line 49/m,
    );
    const sarif = JSON.parse(readFileSync(run.outputs.sarif as string, "utf8"));
    const [result] = sarif.runs[0].results;
    expect(result.ruleId).toBe("duplicate-target");
    expect(result.level).toBe("error");
    expect(result.locations[0].physicalLocation.region).toMatchObject({ startLine: 90, startColumn: 15 });
    // The steps after lint still ran: the summary holds the diff, and only the last step fails.
    expect(run.summary).toMatch(/^### provex diff: \d+ of 14 users change\n/);
    expect(run.outputs.changed).toBe("true");
    expect(run.log).toContain("::error title=provex::provex lint found errors (see the annotations).");
    expect(run.log).not.toContain("provex test: some cases fail");
    expect(run.failedStep).toBe("Result");
  });

  it("fetches the base branch when the checkout is shallow and lacks it", () => {
    const origin = repository();
    const workspace = mkdtempSync(join(tmpdir(), "provex-action-clone-"));
    // What actions/checkout leaves on a pull request: one commit, no base branch.
    git(
      workspace,
      "clone",
      "-q",
      "--depth=1",
      "--single-branch",
      "--branch",
      "change",
      `file://${origin}`,
      ".",
    );
    expect(() => git(workspace, "rev-parse", "--verify", "--quiet", "origin/main")).toThrow();
    const run = runAction(
      workspace,
      {
        files: "provisioning/app.provex.yaml",
        users: "provisioning/users.json",
        target: "provisioning/target.json",
      },
      { GITHUB_BASE_REF: "main" },
    );
    expect(run.failedStep).toBeUndefined();
    expect(run.summary).toMatch(/^### provex diff: 11 of 14 users change\n/);
    expect(git(workspace, "rev-parse", "origin/main")).toBe(git(origin, "rev-parse", "main"));
  });
  it("installs the provex npm package at the action's version when the action has no build", () => {
    // A published tag of the action: action.yml and package.json, no dist. npm is a stand-in that
    // records its arguments and installs this repository's build where the real one would put it.
    const actionPath = mkdtempSync(join(tmpdir(), "provex-action-tag-"));
    copyFileSync(join(ROOT, "action.yml"), join(actionPath, "action.yml"));
    copyFileSync(join(ROOT, "package.json"), join(actionPath, "package.json"));
    const version = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string })
      .version;
    const bin = mkdtempSync(join(tmpdir(), "provex-action-bin-"));
    const calls = join(bin, "npm-calls");
    writeFileSync(
      join(bin, "npm"),
      `#!/bin/sh\nprintf '%s\\n' "$*" >> "${calls}"\nwhile [ "$1" != "--prefix" ]; do shift; done\nmkdir -p "$2/node_modules/provex"\nln -s "${join(ROOT, "dist")}" "$2/node_modules/provex/dist"\n`,
      { mode: 0o755 },
    );
    const inputs = { files: "provisioning/app.provex.yaml", users: "provisioning/users.json" };
    const env = { GITHUB_BASE_REF: "main", PATH: `${bin}:${process.env.PATH}` };
    const run = runAction(repository(), inputs, env, actionPath);
    expect(run.failedStep).toBeUndefined();
    expect(run.summary).toMatch(/^### provex diff: \d+ of 14 users change\n/);
    const [call] = readFileSync(calls, "utf8").trim().split("\n");
    expect(call).toMatch(
      new RegExp(`^install --no-save --no-audit --no-fund --ignore-scripts --prefix \\S+ provex@${version}$`),
    );
    // The version input picks another release.
    runAction(repository(), { ...inputs, version: "0.0.9" }, env, actionPath);
    expect(readFileSync(calls, "utf8").trim().split("\n")[1]).toMatch(/ provex@0\.0\.9$/);
  });
});
