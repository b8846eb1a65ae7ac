import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { ProvexError } from "../../src/diagnostics/index.js";
import { compile, render } from "../../src/evaluator/index.js";
import {
  argumentRange,
  type FunctionSpec,
  functions,
  graphParameterKeys,
  lookupFunction,
  parameterAt,
} from "../../src/functions/index.js";
import { functionReferenceMarkdown } from "../../src/functions/reference-markdown.js";

const specs = [...functions.values()];
const implemented = specs.filter((spec) => spec.implemented);

function evaluateExample(spec: FunctionSpec) {
  return compile(spec.example.expression, { dialect: "provex" }).evaluate(
    spec.example.attributes ?? {},
    spec.example.context,
  );
}

describe("the registry", () => {
  it("holds the 43 provisioning functions, DefaultDomain, the Cloud Sync additions and Extract", () => {
    expect(specs).toHaveLength(51);
    expect(specs.filter((spec) => spec.availability.includes("provisioning"))).toHaveLength(45);
    expect(specs.filter((spec) => spec.availability.includes("provex")).map((spec) => spec.name)).toEqual([
      "Extract",
    ]);
  });

  it("resolves names case-insensitively and is read-only", () => {
    expect(lookupFunction("switch")?.name).toBe("Switch");
    expect(lookupFunction("ISNULLOREMPTY")?.name).toBe("IsNullOrEmpty");
    expect(lookupFunction("Nope")).toBeUndefined();
    expect(functions.get("Join")).toBe(lookupFunction("join"));
    expect(Object.isFrozen(functions.get("Join"))).toBe(true);
    expect("set" in functions).toBe(false);
    expect(Object.isFrozen(functions)).toBe(true);
  });

  it("has an implementation for every function", () => {
    expect(implemented.map((spec) => spec.name)).toEqual(specs.map((spec) => spec.name));
  });

  it("declares each parameter with a name, a Graph key and a doc line", () => {
    for (const spec of specs) {
      expect(spec.summary, spec.name).not.toBe("");
      for (const parameter of spec.parameters) {
        expect(parameter.graphKey, `${spec.name}.${parameter.name}`).not.toBe("");
        expect(parameter.doc, `${spec.name}.${parameter.name}`).not.toBe("");
      }
    }
  });

  it.each(implemented.map((spec) => [spec.name, spec] as const))(
    "%s: its documented example gives its result",
    (_name, spec) => {
      const { result } = spec.example;
      if (result === "<error>") {
        expect(() => evaluateExample(spec)).toThrow(ProvexError);
      } else if (result === "<nondeterministic>") {
        expect(typeof render(evaluateExample(spec))).toBe("string");
      } else {
        expect(render(evaluateExample(spec))).toEqual(result);
      }
    },
  );

  it("computes argument ranges and binds repeating parameters", () => {
    const get = (name: string) => functions.get(name) as FunctionSpec;
    expect(argumentRange(get("Replace"))).toEqual({ minimum: 1, maximum: 7 });
    expect(argumentRange(get("Switch"))).toEqual({ minimum: 4, maximum: Number.POSITIVE_INFINITY });
    expect(argumentRange(get("SelectUniqueValue")).minimum).toBe(2);
    expect(argumentRange(get("Guid"))).toEqual({ minimum: 0, maximum: 0 });
    expect(parameterAt(get("Switch"), 5)?.name).toBe("value");
    expect(parameterAt(get("Join"), 7)?.name).toBe("source");
    expect(parameterAt(get("Left"), 2)).toBeUndefined();
  });
});

describe("graphParameterKeys", () => {
  it("gives Graph's documented keys", () => {
    expect(graphParameterKeys("Replace")).toEqual({
      keys: [
        "source",
        "Find",
        "regexPattern",
        "regexGroupName",
        "Replacement",
        "replacementAttributeName",
        "template",
      ],
    });
    expect(graphParameterKeys("mid")).toEqual({ keys: ["source", "start", "length"] });
    for (const name of ["Not", "Trim", "SingleAppRoleAssignment"]) {
      expect(graphParameterKeys(name)).toEqual({ keys: ["source"] });
    }
  });
  it("marks where the parameter list repeats", () => {
    expect(graphParameterKeys("Join")).toEqual({ keys: ["separator", "source"], repeatFrom: 1 });
    expect(graphParameterKeys("Switch")).toEqual({
      keys: ["source", "defaultValue", "key", "value"],
      repeatFrom: 2,
    });
    expect(graphParameterKeys("Coalesce")?.repeatFrom).toBe(0);
    expect(graphParameterKeys("SelectUniqueValue")?.repeatFrom).toBe(0);
    expect(graphParameterKeys("Unknown")).toBeUndefined();
  });
});

describe("docs/functions.md", () => {
  it("is up to date with the registry (run `npm run docs`)", () => {
    const committed = readFileSync(resolve(import.meta.dirname, "../../docs/functions.md"), "utf8");
    expect(committed).toBe(functionReferenceMarkdown());
  });
  it("documents every function", () => {
    const markdown = functionReferenceMarkdown();
    for (const spec of specs) expect(markdown).toContain(`## ${spec.name}\n`);
  });
});
