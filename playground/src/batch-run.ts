/// <reference lib="webworker" />
import { ProvexError } from "../../src/diagnostics/index.js";
import { compile, render } from "../../src/index.js";
import { describeValue } from "../../src/language/index.js";
import type { BatchRequest, BatchRow, SessionMessage } from "./evaluation-protocol.js";
import { readUsers } from "./input-parsing.js";
import { nextTask, SLICE_MS } from "./time-slices.js";

/** The column (CSV) or key (JSON) holding a user's expected value; never passed to the expression. */
export const EXPECTED_KEY = "expected";

/**
 * Expression mode's many users: the expression against each user, streamed in slices. A user with an
 * `expected` value is compared with what the target would receive: the rendered text, or for a
 * multi-valued result a JSON array of the values (an empty expected value matches null, i.e. nothing
 * flows). `isCurrent` stops the run when a newer request arrives.
 */
export async function runBatch(
  request: BatchRequest,
  post: (message: SessionMessage) => void,
  isCurrent: () => boolean,
): Promise<void> {
  const { id } = request;
  const users = readUsers(request.users);
  if (!users.ok) {
    const { problem } = users;
    post({
      kind: "failure",
      id,
      ok: false,
      stage: "users",
      code: problem.code,
      message: problem.message,
      span: undefined,
      ...(problem.line !== undefined ? { line: problem.line, column: problem.column ?? 1 } : {}),
    });
    return;
  }
  let compiled: ReturnType<typeof compile>;
  try {
    compiled = compile(request.expression);
  } catch (error) {
    const provex = error instanceof ProvexError ? error : undefined;
    post({
      kind: "failure",
      id,
      ok: false,
      stage: "compile",
      code: provex?.code ?? "internal-error",
      message: provex?.message ?? String(error),
      span: provex?.span,
    });
    return;
  }
  const started = performance.now();
  const items = users.items;
  const withExpected = items.some((user) => expectedOf(user) !== undefined);
  post({ kind: "batch-start", id, total: items.length, withExpected });
  let mismatches = 0;
  let next = 0;
  while (next < items.length) {
    const sliceEnd = performance.now() + SLICE_MS;
    const rows: BatchRow[] = [];
    while (next < items.length && (rows.length === 0 || performance.now() < sliceEnd)) {
      const row = evaluateOne(compiled, items[next], next);
      if (row.matches === false) mismatches++;
      rows.push(row);
      next++;
    }
    post({ kind: "batch-chunk", id, rows });
    await nextTask();
    if (!isCurrent()) return;
  }
  post({ kind: "batch-done", id, workerMs: performance.now() - started, mismatches });
}

function expectedOf(user: unknown): unknown {
  if (typeof user !== "object" || user === null) return undefined;
  return Object.hasOwn(user, EXPECTED_KEY) ? (user as Record<string, unknown>)[EXPECTED_KEY] : undefined;
}

function evaluateOne(compiled: ReturnType<typeof compile>, user: unknown, index: number): BatchRow {
  const record =
    typeof user === "object" && user !== null && !Array.isArray(user)
      ? (user as Record<string, unknown>)
      : {};
  const { [EXPECTED_KEY]: expected, ...attributes } = record;
  const label = String(
    attributes.displayName ?? attributes.userPrincipalName ?? attributes.objectId ?? `#${index + 1}`,
  );
  const expectedText = expected === undefined ? undefined : expectedText_(expected);
  try {
    const value = compiled.evaluate(attributes);
    const described = describeValue(value);
    const row: BatchRow = { index, label, value: { state: "value", value: described } };
    if (expectedText === undefined) return row;
    return { ...row, expected: expectedText, matches: renderedText(render(value)) === expectedText };
  } catch (error) {
    const provex = error instanceof ProvexError ? error : undefined;
    const row: BatchRow = {
      index,
      label,
      value: {
        state: "error",
        code: provex?.code ?? "internal-error",
        message: provex?.message ?? String(error),
      },
    };
    return expectedText === undefined
      ? row
      : { ...row, expected: expectedText, matches: expectedText === `error ${provex?.code}` };
  }
}

/** An expected value as comparable text: a list as its JSON, null or empty as "". */
function expectedText_(expected: unknown): string {
  if (expected === null || expected === "") return "";
  if (Array.isArray(expected)) return JSON.stringify(expected.map(String));
  return String(expected);
}

function renderedText(rendered: string | readonly string[] | null): string {
  if (rendered === null) return "";
  return typeof rendered === "string" ? rendered : JSON.stringify(rendered);
}
