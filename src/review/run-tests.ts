import { dotnetRegexIsMatch } from "../functions/dotnet/index.js";
import { Side } from "./preview-side.js";
import type {
  AttributeExpectation,
  CaseActual,
  CaseResult,
  Expectation,
  TestCase,
  TestFailure,
  TestOptions,
  TestResults,
  TestSuite,
} from "./test-types.js";
import { canonicalJson, sameValue, valueText } from "./values.js";

const clock = (): number => globalThis.performance?.now() ?? Date.now();

/**
 * Runs an expectation suite (`*.provex-test.yaml`, read with parseTestFile and resolveTestSuite): each
 * case's user is previewed with the suite's configuration, target directory, clock and seed, and every
 * expectation given is checked — action, skip reason, scope in/out, match, error code, warning codes,
 * and per target attribute an exact value, `absent` or a pattern. What an attribute holds is what Entra
 * would send: every attribute of a create, the changed ones of an update. Secrets are `[Redact]` in the
 * actual values unless `showRedacted`. Pure and never throws.
 */
export function runTests(suite: TestSuite, options: TestOptions = {}): TestResults {
  const started = clock();
  const now = suite.context?.now ?? options.now ?? new Date();
  const side = new Side(
    suite.config,
    {
      target: suite.target,
      context: { ...suite.context, now },
      seed: suite.seed,
      showRedacted: options.showRedacted,
    },
    now,
    suite.users,
  );
  const cases = (Array.isArray(suite.cases) ? suite.cases : []).map((item, index) =>
    runCase(side, item, index),
  );
  const failed = cases.filter((result) => result.status === "failed").length;
  return { name: suite.name, cases, passed: cases.length - failed, failed, duration: clock() - started };
}

function runCase(side: Side, item: TestCase, index: number): CaseResult {
  const started = clock();
  const result = side.preview(item.user, index);
  const summary = side.side(item.user, result);
  const exported = side.targets.exportedValues(result);
  const attributes: Record<string, unknown> = {};
  for (const [target, value] of exported)
    Object.defineProperty(attributes, target, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  const actual: CaseActual = {
    action: result.action,
    ...(result.skipReason !== undefined ? { skipReason: result.skipReason } : {}),
    scope: summary.inScope === null ? null : summary.inScope ? "in" : "out",
    match: summary.match,
    error: result.error ? { code: result.error.code, message: result.error.message } : null,
    warnings: [...new Set(result.warnings.map((warning) => warning.code))],
    attributes,
  };
  const failures =
    item.snapshot && Object.keys(item.expect).length === 0
      ? [
          failure(
            item,
            "snapshot",
            "a snapshot",
            "none yet",
            "This case asks for a snapshot and has none yet: run provex test --update to write it.",
          ),
        ]
      : check(item, item.expect, actual, exported);
  return {
    name: item.name,
    status: failures.length === 0 ? "passed" : "failed",
    position: item.position,
    failures,
    actual,
    duration: clock() - started,
  };
}

function check(
  item: TestCase,
  expect: Expectation,
  actual: CaseActual,
  exported: ReadonlyMap<string, unknown>,
): TestFailure[] {
  const failures: TestFailure[] = [];
  const compare = (field: string, expected: string, got: string, why?: string) => {
    if (expected !== got) failures.push(failure(item, field, expected, got, why));
  };
  if (expect.action !== undefined)
    compare(
      "action",
      expect.action,
      actual.action,
      actual.error ? `${actual.error.code}: ${actual.error.message}` : undefined,
    );
  if (expect.skipReason !== undefined)
    compare("skipReason", expect.skipReason, actual.skipReason ?? "(not skipped)");
  if (expect.scope !== undefined)
    compare("scope", expect.scope, actual.scope ?? "not evaluated (the user is not imported)");
  if (expect.match !== undefined) compare("match", expect.match ?? "none", actual.match ?? "none");
  if (expect.error !== undefined)
    compare("error", expect.error ?? "none", actual.error?.code ?? "none", actual.error?.message);
  if (expect.warnings !== undefined) {
    const wanted = [...new Set(expect.warnings)].sort();
    const got = [...actual.warnings].sort();
    compare(
      "warnings",
      wanted.length === 0 ? "none" : wanted.join(", "),
      got.length === 0 ? "none" : got.join(", "),
    );
  }
  for (const [target, expectation] of Object.entries(expect.attributes ?? {})) {
    const problem = attributeProblem(expectation, exported.has(target), exported.get(target));
    if (problem) failures.push(failure(item, `attributes.${target}`, problem.expected, problem.actual));
  }
  return failures;
}

function attributeProblem(
  expectation: AttributeExpectation,
  present: boolean,
  value: unknown,
): { expected: string; actual: string } | undefined {
  const shown = present ? valueText(value, 500) : "not sent";
  switch (expectation.kind) {
    case "absent":
      return present ? { expected: "not sent", actual: shown } : undefined;
    case "pattern": {
      const text = typeof value === "string" ? value : canonicalJson(value);
      if (present && dotnetRegexIsMatch(text, expectation.pattern)) return undefined;
      return { expected: `matching ${expectation.pattern}`, actual: shown };
    }
    default:
      if (present && matches(expectation.value, value)) return undefined;
      return { expected: valueText(expectation.value, 500), actual: shown };
  }
}

/** Exact, but a YAML scalar may stand for the text the request carries (`employeeNumber: 100042`). */
function matches(expected: unknown, actual: unknown): boolean {
  if (sameValue(expected, actual)) return true;
  const scalar = (v: unknown) => typeof v === "string" || typeof v === "number" || typeof v === "boolean";
  return scalar(expected) && scalar(actual) && String(expected) === String(actual);
}

function failure(item: TestCase, field: string, expected: string, actual: string, why?: string): TestFailure {
  const name = field.startsWith("attributes.") ? field.slice("attributes.".length) : field;
  return {
    field,
    expected,
    actual,
    message: `${name}: expected ${expected}, actual ${actual}${why ? ` (${why})` : ""}`,
    position: item.positions[field] ?? item.positions[field.split(".")[0] ?? ""] ?? item.position,
  };
}
