import type { EvaluationContext } from "../functions/index.js";
import type { MappingConfig } from "../mapping/model.js";
import type { PreviewAction } from "../mapping/preview-types.js";

/** A line and column in an expectation file (1-based; columns in UTF-16 code units). */
export interface TestPosition {
  readonly line: number;
  readonly column: number;
}

/** What an attribute must hold: an exact value, absence, or a pattern its text matches. */
export type AttributeExpectation =
  | { readonly kind: "equals"; readonly value: unknown }
  | { readonly kind: "absent" }
  | { readonly kind: "pattern"; readonly pattern: string };

/** What must hold for one case; every field is optional, and only the fields given are checked. */
export interface Expectation {
  readonly action?: PreviewAction;
  readonly skipReason?: string;
  /** `in` or `out` of the provisioning scope. */
  readonly scope?: "in" | "out";
  /** The id of the matched target object, or null for "no match". */
  readonly match?: string | null;
  /** The user's error code, or null for "no error". */
  readonly error?: string | null;
  /** The warning codes, exactly (order and repeats do not count). */
  readonly warnings?: readonly string[];
  /** Per target attribute, what Entra must send (every attribute of a create, the changes of an update). */
  readonly attributes?: Readonly<Record<string, AttributeExpectation>>;
}

/** One case: a user and what must hold for it. */
export interface TestCase {
  readonly name: string;
  /** The user's attributes (inline, or taken from the suite's users file, with `with:` applied). */
  readonly user: unknown;
  readonly expect: Expectation;
  /** `snapshot: true`: `provex test --update` writes the actual result into `expect`. */
  readonly snapshot: boolean;
  /** Where the case starts. */
  readonly position: TestPosition;
  /** Where each expectation is written: `action`, `scope`, `attributes.<target>`, … */
  readonly positions: Readonly<Record<string, TestPosition>>;
}

/** A suite ready to run: the configuration and data loaded, the users resolved. */
export interface TestSuite {
  /** How reports name it: the expectation file's path. */
  readonly name: string;
  readonly config: MappingConfig;
  readonly target?: readonly unknown[];
  /** The users file, when the suite has one: references such as `manager` resolve against it. */
  readonly users?: readonly unknown[];
  readonly cases: readonly TestCase[];
  /** The suite's clock (`now:`), default domain and seed. */
  readonly context?: Omit<EvaluationContext, "random">;
  readonly seed?: number;
}

/** Options of {@link runTests}. */
export interface TestOptions {
  /** Show the values that flow through Redact (default false: they are `[Redact]` in the actual values). */
  readonly showRedacted?: boolean;
  /** The clock when the suite gives none (default: the real clock, read once). */
  readonly now?: Date;
}

/** One expectation that does not hold. */
export interface TestFailure {
  /** `action`, `skipReason`, `scope`, `match`, `error`, `warnings`, `attributes.<target>` or `snapshot`. */
  readonly field: string;
  readonly expected: string;
  readonly actual: string;
  readonly message: string;
  /** Where the expectation is written (the case's position when it has none of its own). */
  readonly position: TestPosition;
}

/** What the configuration did for a case's user, as the expectations see it. */
export interface CaseActual {
  readonly action: PreviewAction;
  readonly skipReason?: string;
  readonly scope: "in" | "out" | null;
  readonly match: string | null;
  readonly error: { readonly code: string; readonly message: string } | null;
  readonly warnings: readonly string[];
  /** The exported values, by target attribute, in mapping order. */
  readonly attributes: Readonly<Record<string, unknown>>;
}

export interface CaseResult {
  readonly name: string;
  readonly status: "passed" | "failed";
  readonly position: TestPosition;
  readonly failures: readonly TestFailure[];
  readonly actual: CaseActual;
  /** Milliseconds spent on the case. */
  readonly duration: number;
}

/** What {@link runTests} returns for one suite. */
export interface TestResults {
  readonly name: string;
  readonly cases: readonly CaseResult[];
  readonly passed: number;
  readonly failed: number;
  readonly duration: number;
}
