/// <reference lib="webworker" />
import { type Diagnostic, hasErrors } from "../../src/diagnostics/index.js";
import {
  createPreviewer,
  loadConfig,
  type MappingConfig,
  type Previewer,
  type UserPreview,
  writeConfig,
} from "../../src/index.js";
import { lint } from "../../src/lint/index.js";
import { comparePreviews, compareUserPreviews } from "../../src/review/preview-changes.js";
import { sourceAttributes, userObjectIndex, withEdits } from "./config-edits.js";
import {
  CHANGES_LISTED,
  type DetailRequest,
  type ExportRequest,
  type InputProblem,
  type LintProblem,
  type MappingSummary,
  type PreviewRequest,
  type SessionMessage,
  type SummaryRow,
} from "./evaluation-protocol.js";
import { type ParsedInput, readTarget, readUsers } from "./input-parsing.js";
import { traceMapping } from "./mapping-trace.js";
import { nextTask, SLICE_MS } from "./time-slices.js";

type Post = (message: SessionMessage) => void;

/**
 * One preview run: the previewer of one configuration, and the results so far (by user index). The
 * whole population is previewed lean (no step details: a third of the work, and a fifth of the bytes);
 * the user whose detail the page shows is previewed again with the steps, by a second previewer made
 * on the first detail request.
 */
interface Run {
  readonly id: number;
  readonly config: MappingConfig;
  readonly previewer: Previewer;
  readonly users: readonly unknown[];
  readonly target: readonly unknown[];
  readonly results: (UserPreview | undefined)[];
  readonly edited: boolean;
  detailed?: { readonly previewer: Previewer; readonly results: Map<number, UserPreview> };
}

/** The configuration as loaded (no edits), previewed lean once per set of inputs, for "what changed". */
interface Baseline {
  readonly key: string;
  readonly previewer: Previewer;
  readonly results: (UserPreview | undefined)[];
}

/**
 * Mapping mode's side of the worker: keeps the inputs it was sent (so that a keystroke in the mapping
 * editor does not send 3 MB of users again), previews in time slices (the page's selected user and
 * visible rows first), answers detail and export requests between slices, and drops a run as soon as
 * a newer request arrives.
 */
export class PreviewSession {
  private configText = "";
  private usersText = "";
  private targetText = "";
  private users: ParsedInput = { ok: true, items: [] };
  private target: ParsedInput = { ok: true, items: [] };
  private base: MappingConfig = loadConfig("");
  private overrides: Readonly<Record<number, string>> = {};
  private generation = 0;
  private run: Run | undefined;
  private baseline: Baseline | undefined;
  private inputsVersion = 0;
  private lint: { text: string; problems: LintProblem[] } | undefined;

  constructor(private readonly post: Post) {}

  /** True while `generation` is the newest request: a newer one stops older work at its next slice. */
  private current(generation: number): boolean {
    return generation === this.generation;
  }

  async preview(request: PreviewRequest): Promise<void> {
    const generation = ++this.generation;
    this.updateInputs(request);
    this.overrides = request.overrides;
    const { id } = request;
    for (const [stage, input] of [
      ["users", this.users],
      ["target", this.target],
    ] as const) {
      if (!input.ok) {
        this.post(failureOf(id, stage, input.problem));
        return;
      }
    }
    if (this.base.objects.length === 0 && hasErrors(this.base.diagnostics)) {
      const first = this.base.diagnostics.find((diagnostic) => diagnostic.severity === "error");
      const place = first ? lineColumn(this.configText, first.span.start) : {};
      this.post(
        failureOf(id, "config", {
          message: readable(first?.message ?? "The configuration could not be read."),
          code: first?.code ?? "invalid-config",
          ...place,
        }),
      );
      return;
    }
    const started = performance.now();
    const edited = Object.keys(this.overrides).length > 0;
    const config = withEdits(this.base, this.overrides);
    const users = this.users.ok ? this.users.items : [];
    const target = this.target.ok ? this.target.items : [];
    const previewer = createPreviewer(config, { target, details: false }, users);
    const run: Run = { id, config, previewer, users, target, results: new Array(users.length), edited };
    this.run = run;
    this.post({
      kind: "preview-start",
      id,
      total: users.length,
      format: this.base.format,
      configDiagnostics: this.base.diagnostics.map(readableDiagnostic),
      lint: this.lintProblems(),
      mappings: this.mappingSummaries(config),
      sourceAttributes: sourceAttributes(config),
    });
    const order = priorityOrder(request.priority, users.length);
    if (
      !(await this.fill(run.results, previewer, users, order, generation, (rows) =>
        this.post({ kind: "preview-chunk", id, rows }),
      ))
    )
      return;
    this.post({ kind: "preview-done", id, workerMs: performance.now() - started });
    if (edited) await this.compareWithBaseline(run, generation);
  }

  /** Previews `order`'s users into `results`, a slice at a time; false when a newer request came. */
  private async fill(
    results: (UserPreview | undefined)[],
    previewer: Previewer,
    users: readonly unknown[],
    order: readonly number[],
    generation: number,
    onRows?: (rows: SummaryRow[]) => void,
  ): Promise<boolean> {
    let next = 0;
    while (next < order.length) {
      const sliceEnd = performance.now() + SLICE_MS;
      const rows: SummaryRow[] = [];
      while (next < order.length && (rows.length === 0 || performance.now() < sliceEnd)) {
        const index = order[next++] as number;
        const result = results[index] ?? previewer.previewUser(users[index], index);
        results[index] = result;
        rows.push(rowOf(result));
      }
      onRows?.(rows);
      await nextTask();
      if (!this.current(generation)) return false;
    }
    return true;
  }

  /** Previews the configuration as loaded (once per inputs) and sends what the edits changed. */
  private async compareWithBaseline(run: Run, generation: number): Promise<void> {
    const key = String(this.inputsVersion);
    if (this.baseline?.key !== key) {
      this.baseline = {
        key,
        previewer: createPreviewer(this.base, { target: run.target, details: false }, run.users),
        results: new Array(run.users.length),
      };
    }
    const { baseline } = this;
    const order = priorityOrder([], run.users.length);
    if (!(await this.fill(baseline.results, baseline.previewer, run.users, order, generation))) return;
    const before = baseline.results.filter((user): user is UserPreview => user !== undefined);
    const after = run.results.filter((user): user is UserPreview => user !== undefined);
    const comparison = comparePreviews(before, after, { before: this.base, after: run.config });
    this.post({
      kind: "preview-changes",
      id: run.id,
      comparison: { ...comparison, changed: comparison.changed.slice(0, CHANGES_LISTED) },
      changedCount: comparison.changed.length,
      changedUsers: comparison.changed.map((change) => [change.index, change.before.summary] as const),
    });
  }

  /** One user's full preview, with the steps and their details. */
  detail(request: DetailRequest): void {
    const { run } = this;
    const { id, index } = request;
    if (!run || index < 0 || index >= run.users.length) {
      this.post({ kind: "detail", id, user: undefined, source: undefined, change: undefined });
      return;
    }
    run.detailed ??= {
      previewer: createPreviewer(run.config, { target: run.target }, run.users),
      results: new Map(),
    };
    const user =
      run.detailed.results.get(index) ?? run.detailed.previewer.previewUser(run.users[index], index);
    run.detailed.results.set(index, user);
    const before = run.edited ? this.baseline?.results[index] : undefined;
    const raw = run.users[index];
    this.post({
      kind: "detail",
      id,
      user,
      source: typeof raw === "object" && raw !== null ? (raw as Record<string, unknown>) : undefined,
      change: before
        ? compareUserPreviews(before, user, { before: this.base, after: run.config })
        : undefined,
      trace: traceMapping(run.config, request.mapping, raw),
    });
  }

  /** The configuration with the edits, written by the library in the format it was loaded from. */
  export(request: ExportRequest): void {
    const format = this.base.format;
    const text = writeConfig(withEdits(this.base, this.overrides), { format });
    this.post({ kind: "export", id: request.id, format, text });
  }

  private updateInputs(request: PreviewRequest): void {
    let changed = false;
    if (request.config !== undefined && request.config !== this.configText) {
      this.configText = request.config;
      this.base = loadConfig(request.config);
      changed = true;
    }
    if (request.users !== undefined && request.users !== this.usersText) {
      this.usersText = request.users;
      this.users = readUsers(request.users);
      changed = true;
    }
    if (request.target !== undefined && request.target !== this.targetText) {
      this.targetText = request.target;
      this.target = readTarget(request.target);
      changed = true;
    }
    if (changed) this.inputsVersion++;
  }

  /**
   * The linter's findings on the configuration text (recomputed when the text changes). They include
   * the loader's own problems (lint's configuration rules), so the page lists these alone.
   */
  private lintProblems(): LintProblem[] {
    if (this.lint?.text === this.configText) return this.lint.problems;
    let problems: LintProblem[] = [];
    try {
      problems = lint(this.base, { text: this.configText }).map((finding) => ({
        ruleId: finding.ruleId,
        severity: finding.severity,
        message: readable(finding.message),
        span: finding.span,
      }));
    } catch (error) {
      problems = [
        { ruleId: "internal-error", severity: "error", message: String(error), span: { start: 0, end: 0 } },
      ];
    }
    this.lint = { text: this.configText, problems };
    return problems;
  }

  private mappingSummaries(config: MappingConfig): MappingSummary[] {
    const original = this.base.objects[userObjectIndex(this.base)]?.mappings ?? [];
    return (config.objects[userObjectIndex(config)]?.mappings ?? []).map((mapping, index) => ({
      index,
      target: mapping.target,
      expression: mapping.expression,
      original: original[index]?.expression ?? null,
    }));
  }
}

function rowOf(user: UserPreview): SummaryRow {
  return {
    index: user.index,
    id: user.id,
    displayName: user.displayName,
    action: user.action,
    summary: user.summary,
  };
}

/** The users to preview first (valid, distinct indices), then every other one in input order. */
export function priorityOrder(priority: readonly number[], total: number): number[] {
  const seen = new Set<number>();
  const order: number[] = [];
  for (const index of priority) {
    if (Number.isInteger(index) && index >= 0 && index < total && !seen.has(index)) {
      seen.add(index);
      order.push(index);
    }
  }
  for (let index = 0; index < total; index++) if (!seen.has(index)) order.push(index);
  return order;
}

function failureOf(id: number, stage: "users" | "target" | "config", problem: InputProblem): SessionMessage {
  return {
    kind: "failure",
    id,
    ok: false,
    stage,
    code: problem.code,
    message: problem.message,
    span: undefined,
    ...(problem.line !== undefined ? { line: problem.line, column: problem.column ?? 1 } : {}),
  };
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return { line, column: offset - before.lastIndexOf("\n") };
}

/** A loader failure that is really a stack overflow on hostile nesting, said the way a user can act on. */
function readable(message: string): string {
  return /Maximum call stack size exceeded/i.test(message)
    ? "The configuration is nested too deeply to read; it is probably not a mapping configuration."
    : message;
}

function readableDiagnostic(diagnostic: Diagnostic): Diagnostic {
  const message = readable(diagnostic.message);
  return message === diagnostic.message ? diagnostic : { ...diagnostic, message };
}
