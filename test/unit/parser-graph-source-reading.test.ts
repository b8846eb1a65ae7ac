import { describe, expect, it } from "vitest";
import {
  fromGraphSource,
  type GraphParameterKeys,
  MAX_INPUT_LENGTH,
  MAX_NESTING_DEPTH,
  parse,
  toGraphSource,
} from "../../src/parser/index.js";

// Reading Graph's attributeMappingSource back into an expression (fromGraphSource) when a node has no
// expression text: the text rebuilt from the tree, and what it says about a malformed tree (the
// message names the JSON path, so that an admin can find the node). And the keys toGraphSource writes.

const signatures: Record<string, { keys: string[]; repeatFrom?: number }> = {
  mid: { keys: ["source", "start", "length"] },
  join: { keys: ["separator", "source"], repeatFrom: 1 },
  switch: { keys: ["source", "defaultValue", "key", "value"], repeatFrom: 2 },
  // A repeat position past the keys: nothing repeats, later arguments are named by position.
  pair: { keys: ["first", "second"], repeatFrom: 2 },
  // A repeating key spelled with a capital, after an optional one.
  pick: { keys: ["source", "flag", "Item"], repeatFrom: 2 },
  // A group of three repeating from position 1.
  triple: { keys: ["source", "a", "b", "c"], repeatFrom: 1 },
};
const keysOf: GraphParameterKeys = (name) => signatures[name.toLowerCase()];

const read = (source: unknown) => {
  const result = fromGraphSource(source, keysOf);
  return { text: result.text, problems: result.diagnostics.map((d) => [d.code, d.message]) };
};
const invalid = (message: string) => ["invalid-graph-source", message];
const constant = (name: string) => ({ type: "Constant", name });
const attribute = (name: string) => ({ type: "Attribute", name });
const call = (name: string, parameters: unknown) => ({ type: "Function", name, parameters });

describe("a malformed source", () => {
  it("is reported as an error with no place in the text (the tree has none)", () => {
    const [problem] = fromGraphSource(null, keysOf).diagnostics;
    expect(problem).toMatchObject({
      code: "invalid-graph-source",
      severity: "error",
      span: { start: 0, end: 0 },
    });
  });

  it("that is no object reads as an empty string, saying what it should be and where", () => {
    for (const bad of [null, 42, "x", []]) {
      expect(read(bad)).toEqual({
        text: '""',
        problems: [invalid("source must be an object with type, name and parameters.")],
      });
    }
    expect(read(call("Join", [{ key: "separator", value: 7 }]))).toEqual({
      text: 'Join("")',
      problems: [invalid("source.parameters[0].value must be an object with type, name and parameters.")],
    });
  });

  it("with an unknown type names the type it found", () => {
    expect(read({ type: "Lambda" })).toEqual({
      text: '""',
      problems: [invalid('source.type must be Attribute, Constant or Function, not "Lambda".')],
    });
  });

  it("with parameters that are no array reads as a call without arguments", () => {
    expect(read(call("F", "no"))).toEqual({
      text: "F()",
      problems: [invalid("source.parameters must be an array.")],
    });
    expect(read(call("F", null))).toEqual({ text: "F()", problems: [] });
  });

  it("with an Attribute that has no name (or one that is no string) says so", () => {
    const problems = [
      invalid("source is an Attribute without a name."),
      ["empty-attribute", "Write the attribute's name between the brackets: [name]."],
    ];
    expect(read({ type: "Attribute" })).toEqual({ text: "[]", problems });
    expect(read({ type: "Attribute", name: 5 })).toEqual({ text: "[]", problems });
  });

  it("with an Attribute name that [name] cannot hold says why", () => {
    expect(read(attribute("a]b")).problems[0]).toEqual(
      invalid(
        'source names the attribute "a]b", which cannot be written as [name] in an expression: its [ ] brackets or quotes do not pair up, or it holds a line break.',
      ),
    );
  });
});

describe("a well-formed source without expression text", () => {
  it("is an Attribute when it has no type (Graph's default), and blank expression text is no text", () => {
    expect(read({ name: "mail" })).toEqual({ text: "[mail]", problems: [] });
    expect(read({ name: "mail", expression: "  " })).toEqual({ text: "[mail]", problems: [] });
  });

  it("reads a Constant that names a 64-bit integer as a number, and one past the range as text", () => {
    expect(read(constant("9223372036854775807")).text).toBe("9223372036854775807");
    expect(read(constant("-9223372036854775808")).text).toBe("-9223372036854775808");
    expect(read(constant("9223372036854775808")).text).toBe('"9223372036854775808"');
    expect(read(constant("-9223372036854775809")).text).toBe('"-9223372036854775809"');
  });

  it("matches parameter keys without regard to case, and puts unknown or repeated keys after the rest", () => {
    const join = call("Join", [
      { key: "separator", value: constant(",") },
      { key: "SOURCE", value: attribute("a") },
      { key: "other", value: attribute("c") },
      { key: "source", value: attribute("b") },
    ]);
    expect(read(join)).toEqual({ text: 'Join(",", [a], [b], [c])', problems: [] });
    const mid = call("Mid", [
      { key: "start", value: constant("1") },
      { key: "start", value: constant("2") },
      { key: "source", value: attribute("s") },
    ]);
    expect(read(mid)).toEqual({ text: "Mid([s], 1, 2)", problems: [] });
    const pick = call("Pick", [
      { key: "item", value: attribute("a") },
      { key: "source", value: attribute("s") },
      { key: "ITEM", value: attribute("b") },
    ]);
    expect(read(pick)).toEqual({ text: "Pick([s], , [a], [b])", problems: [] });
  });

  it("keeps the order of the parameters of a function the registry does not know", () => {
    const unknown = call("Foo", [
      { key: "z", value: constant("2") },
      { key: "a", value: constant("1") },
    ]);
    expect(read(unknown).text).toBe("Foo(2, 1)");
  });

  it("reads a Function named by any comparison operator as a comparison", () => {
    for (const operator of ["=", "<>", "<", "<=", ">", ">="]) {
      const comparison = call(operator, [
        { key: "left", value: attribute("a") },
        { key: "right", value: attribute("b") },
      ]);
      expect(read(comparison)).toEqual({ text: `[a] ${operator} [b]`, problems: [] });
    }
  });

  it("puts each repetition of a group of two back at its own positions", () => {
    const switchSource = call("Switch", [
      { key: "source", value: attribute("a") },
      { key: "defaultValue", value: constant("d") },
      { key: "key", value: constant("k1") },
      { key: "value", value: constant("v1") },
      { key: "key", value: constant("k2") },
      { key: "value", value: constant("v2") },
    ]);
    expect(read(switchSource)).toEqual({ text: 'Switch([a], "d", "k1", "v1", "k2", "v2")', problems: [] });
  });

  it("lets an error of the key table through instead of reading the source as empty", () => {
    const failing: GraphParameterKeys = () => {
      throw new Error("registry unavailable");
    };
    expect(() => fromGraphSource(call("F", []), failing)).toThrow("registry unavailable");
  });

  it("reads a comparison's sides by key, else by position, and a missing side as an empty string", () => {
    const sides = (parameters: unknown) => read(call("<=", parameters)).text;
    expect(
      sides([
        { key: "right", value: attribute("b") },
        { key: "left", value: attribute("a") },
      ]),
    ).toBe("[a] <= [b]");
    expect(
      sides([
        { key: "x", value: attribute("a") },
        { key: "y", value: attribute("b") },
      ]),
    ).toBe("[a] <= [b]");
    expect(sides([])).toBe('"" <= ""');
  });
});

describe("a source too large to read", () => {
  const nested = (depth: number) => {
    let source: unknown = attribute("x");
    for (let i = 0; i < depth; i++) source = call("F", [{ key: "source", value: source }]);
    return source;
  };

  it("is read when its innermost node is exactly at the depth limit", () => {
    const result = fromGraphSource(nested(MAX_NESTING_DEPTH), keysOf);
    expect(result.text).toBe(`${"F(".repeat(MAX_NESTING_DEPTH)}[x]${")".repeat(MAX_NESTING_DEPTH)}`);
    expect(result.diagnostics.map((d) => d.code)).not.toContain("invalid-graph-source");
  });

  it("one level deeper is refused as a whole, naming the path where it went too deep", () => {
    const result = read(nested(MAX_NESTING_DEPTH + 1));
    expect(result.text).toBe('""');
    expect(result.problems).toEqual([
      invalid(
        `source is nested more than 100 calls deep (at ${"source.parameters[0].value.parameters[0].value.parameters[0].value.parameters[0]"}…); provex does not read deeper trees.`,
      ),
    ]);
  });

  it("is refused when the text it stands for is longer than the input limit, and read at the limit", () => {
    // A Constant's text is its name in quotes: two characters more than the name.
    const atLimit = fromGraphSource(constant("x".repeat(MAX_INPUT_LENGTH - 2)), keysOf);
    expect(atLimit.text.length).toBe(MAX_INPUT_LENGTH);
    expect(atLimit.diagnostics.map((d) => d.code)).not.toContain("invalid-graph-source");
    expect(read(constant("x".repeat(MAX_INPUT_LENGTH - 1)))).toEqual({
      text: '""',
      problems: [
        invalid(
          "The expression this source stands for is longer than 1048576 characters; provex does not read it.",
        ),
      ],
    });
  });
});

describe("parameter keys written by toGraphSource", () => {
  const keys = (text: string) => toGraphSource(parse(text).ast, keysOf).parameters?.map((p) => p.key);

  it("repeat a group of two from its start, and name past a group-less signature by position", () => {
    expect(keys("Switch([a], 1, 2, 3, 4, 5, 6)")).toEqual([
      "source",
      "defaultValue",
      "key",
      "value",
      "key",
      "value",
      "key",
    ]);
    expect(keys("Pair(1, 2, 3, 4)")).toEqual(["first", "second", "arg3", "arg4"]);
    expect(keys("Foo(1, , 3)")).toEqual(["arg1", "arg3"]);
    expect(keys("Mid([a], 1, 2, 3)")).toEqual(["source", "start", "length", "arg4"]);
    expect(keys("Triple(0, 1, 2, 3, 4, 5, 6)")).toEqual(["source", "a", "b", "c", "a", "b", "c"]);
  });

  it("write a bare constant as a Constant without parameters", () => {
    expect(toGraphSource(parse("vbtextcompare").ast, keysOf)).toEqual({
      type: "Constant",
      name: "vbTextCompare",
      expression: "vbTextCompare",
      parameters: [],
    });
  });

  it("refuse a tree whose root is an error node, with its span", () => {
    const { ast } = parse("");
    expect(ast.kind).toBe("error");
    expect(() => toGraphSource(ast, keysOf)).toThrow(
      "Cannot convert a tree with syntax errors to Graph JSON.",
    );
    expect(() => toGraphSource(ast, keysOf)).toThrow(
      expect.objectContaining({ code: "syntax-error", span: { start: 0, end: 0 } }),
    );
    expect(() => toGraphSource(parse("F(, )").ast, keysOf)).not.toThrow();
  });
});
