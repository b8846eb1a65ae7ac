import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ProvexError } from "../../src/diagnostics/index.js";
import { compile, render } from "../../src/evaluator/index.js";
import { functions, isFlowSkipped, isRoleList, type Value } from "../../src/functions/index.js";

/**
 * Runs every documented example of the `entra` dialect (SPEC's companion file) through provex. Where
 * the documentation's own output is wrong (`consistent: false`), the corrected `computed` value is the
 * expectation. `<nondeterministic>` examples (Now, Guid, RandomString) must evaluate to non-empty text.
 */

interface DocExample {
  id: string;
  function: string;
  expression: string;
  inputs: Record<string, unknown>;
  expected: unknown;
  consistent: boolean;
  computed?: unknown;
  dialect: string;
}

const repositoryRoot = resolve(import.meta.dirname, "../..");
const copyPath = resolve(repositoryRoot, "test/conformance/doc-examples.json");
const sharedPath = resolve(repositoryRoot, "../shared/conformance/doc-examples.json");
const examples: DocExample[] = JSON.parse(readFileSync(copyPath, "utf8"));

/** Fails when a passing example stops passing: every entra example passes. */
const MINIMUM_PASSING = 199;

const entra = examples.filter((example) => example.dialect === "entra");
let passed = 0;

function run(example: DocExample): Value {
  const { __existingInTarget, ...attributes } = example.inputs;
  const existing = Array.isArray(__existingInTarget) ? (__existingInTarget as string[]) : [];
  const random = sequence();
  return compile(example.expression).evaluate(attributes, {
    exists: (_target, value) => existing.includes(value),
    random,
    now: new Date("2021-09-20T12:00:00Z"),
  });
}

/** A fixed but varied stream of numbers in [0, 1), so nondeterministic functions are reproducible. */
function sequence(): () => number {
  let state = 12345;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

function assertMatches(example: DocExample, value: Value): void {
  const expected = example.consistent ? example.expected : example.computed;
  switch (expected) {
    case "<nondeterministic>": {
      // Now() is a DateTime; like Guid and RandomString it must show as non-empty text.
      const shown = render(value);
      expect(typeof shown).toBe("string");
      expect(shown).not.toBe("");
      return;
    }
    case "<flow-skipped>":
      expect(isFlowSkipped(value)).toBe(true);
      return;
    case "<unsupported>":
      // Entra documents IIF on a null/empty attribute as unsupported; provex evaluates it (SPEC Part 1).
      expect(isFlowSkipped(value)).toBe(false);
      return;
  }
  if (expected === null) {
    expect(value).toBeNull();
  } else if (typeof expected === "boolean") {
    expect(value).toBe(expected);
  } else if (typeof expected === "number") {
    expect(typeof value).toBe("bigint");
    expect(render(value)).toBe(String(expected));
  } else if (Array.isArray(expected) && expected.some((item) => typeof item === "object")) {
    if (value === null || !isRoleList(value)) throw new Error(`expected role objects, got ${String(value)}`);
    const roles = value.roles.map((role) => ({ value: role.value, name: role.displayName ?? role.value }));
    const items = (expected as Record<string, unknown>[]).map((item) => ({
      value: item.value,
      name: item.displayName ?? item.display,
    }));
    expect(roles).toEqual(items);
  } else {
    expect(render(value)).toEqual(expected);
  }
}

describe("doc-examples.json", () => {
  it("is the same file as ../shared/conformance/doc-examples.json", () => {
    if (!existsSync(sharedPath)) {
      console.warn(`doc-examples sync not checked: ${sharedPath} does not exist here.`);
      return;
    }
    expect(readFileSync(copyPath, "utf8")).toBe(readFileSync(sharedPath, "utf8"));
  });

  it.each(entra.map((example) => [example.id, example] as const))("%s", (_id, example) => {
    if ((example.consistent ? example.expected : example.computed) === "<error>") {
      expect(() => run(example)).toThrow(ProvexError);
      passed++;
      return;
    }
    assertMatches(example, run(example));
    passed++;
  });

  it("runs on a registry where every function is implemented", () => {
    expect([...functions.values()].filter((spec) => !spec.implemented).map((spec) => spec.name)).toEqual([]);
  });

  it(`passes at least ${MINIMUM_PASSING} entra examples`, () => {
    expect(passed).toBeGreaterThanOrEqual(MINIMUM_PASSING);
    expect(passed).toBe(entra.length);
  });

  afterAll(() => {
    console.log(`doc-examples: ${passed}/${entra.length} entra examples pass.`);
  });
});
