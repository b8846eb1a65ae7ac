// biome-ignore-all lint/suspicious/noTemplateCurlyInString: .NET replacement strings such as "${name}" are data here
import { describe, expect, it } from "vitest";
import { ProvexError } from "../../src/diagnostics/index.js";
import { compile, evaluate, render } from "../../src/evaluator/index.js";

/** Replace's five modes through the registry, and the .NET regex layer's errors at the call's span. */

type Attributes = Record<string, unknown>;
const show = (text: string, attributes: Attributes = {}) => render(evaluate(text, attributes));

function expectFailure(text: string, code: string, call = text, attributes: Attributes = {}) {
  try {
    evaluate(text, attributes);
  } catch (error) {
    if (!(error instanceof ProvexError)) throw error;
    const start = text.indexOf(call);
    expect(error.code, text).toBe(code);
    expect(error.span, text).toEqual({ start, end: start + call.length });
    return;
  }
  throw new Error(`expected ${text} to fail`);
}

const PHONE = '"\\\\+(?<isdCode>\\\\d* )(?<phoneNumber>\\\\d{10})"';

describe("Replace mode 1: oldValue + replacementValue", () => {
  it("replaces every occurrence, case-sensitively", () => {
    expect(show('Replace([mail], "@contoso.com", , , "", , )', { mail: "john.doe@contoso.com" })).toBe(
      "john.doe",
    );
    expect(show('Replace("a-b-A", "a", , , "x", , )')).toBe("x-b-A");
    expect(show('Replace([l], "-", , , "_", ,  )', { l: "en-US-x" })).toBe("en_US_x");
  });
  it("removes oldValue when replacementValue is omitted, and leaves the text alone for an empty oldValue", () => {
    expect(show('Replace("a.b.c", ".", , , , , )')).toBe("abc");
    expect(show('Replace("abc", [empty], , , "x", , )', { empty: "" })).toBe("abc");
  });
  it("gives null for a null source", () => expect(show('Replace([x], "a", , , "b", , )')).toBeNull());
});

describe("Replace mode 2: oldValue + template", () => {
  it("puts the source into the template in place of oldValue", () => {
    expect(show('Replace([id], "<username>", , , , , "<username>@contoso.com")', { id: "jsmith" })).toBe(
      "jsmith@contoso.com",
    );
    expect(show('Replace("x", "#", , , "ignored", , "#-#")')).toBe("x-x");
  });
  it("gives null for a null source", () =>
    expect(show('Replace([x], "<u>", , , , , "<u>@c.com")')).toBeNull());
});

describe("Replace mode 3: regexPattern + replacementValue", () => {
  it("is .NET Regex.Replace with named and numbered substitutions", () => {
    expect(show(`Replace([t], , ${PHONE}, , "\${phoneNumber}", , )`, { t: "+91 9998887777" })).toBe(
      "9998887777",
    );
    expect(show('Replace("John Smith", , "(\\\\w+) (\\\\w+)", , "$2, $1", , )')).toBe("Smith, John");
    expect(show('Replace("a1b2", , "\\\\d", , "$$", , )')).toBe("a$b$");
  });
  it("scans empty matches as .NET does", () => {
    expect(show('Replace([n], , "[a-zA-Z_]*", , "", , )', { n: "john_doe72" })).toBe("72");
    expect(show('Replace("abc", , "a*", , "-", , )')).toBe("--b-c-");
  });
  it("honours inline options and is case-sensitive otherwise", () => {
    expect(show('Replace("ABC abc", , "b", , "x", , )')).toBe("ABC axc");
    expect(show('Replace("ABC abc", , "(?i)b", , "x", , )')).toBe("AxC axc");
  });
  it("runs a catastrophic pattern in linear time", () => {
    const started = performance.now();
    expect(show('Replace([s], , "(a+)+$", , "", , )', { s: `${"a".repeat(10_000)}!` })).toBe(
      `${"a".repeat(10_000)}!`,
    );
    expect(performance.now() - started).toBeLessThan(2_000);
  });
  it("gives null for a null source", () => expect(show('Replace([x], , "a", , "b", , )')).toBeNull());
});

describe("Replace mode 4: regexPattern + regexGroupName + replacementValue", () => {
  it("replaces only the named group's capture", () => {
    const address = { a: "545 Tremont Street" };
    expect(show('Replace([a], , "(?<streetNumber>^\\\\d*)", "streetNumber", "888", , )', address)).toBe(
      "888 Tremont Street",
    );
    expect(show('Replace([u], , "(?<Suffix>@(.)*)", "Suffix", "", , )', { u: "jsmith@contoso.com" })).toBe(
      "jsmith",
    );
  });
  it("takes the replacement literally", () => {
    expect(show('Replace("k=v", , "=(?<v>\\\\w)", "v", "$1", , )')).toBe("k=$1");
  });
  it("gives null for a null source", () =>
    expect(show('Replace([x], , "(?<g>a)", "g", "b", , )')).toBeNull());
});

describe("Replace mode 5: regexPattern + regexGroupName + replacementAttributeName", () => {
  const text = `Replace([telephoneNumber], , ${PHONE}, "phoneNumber", , [mobile], )`;
  it("returns the source when it has a value", () => {
    expect(show(text, { telephoneNumber: "555", mobile: "+91 8887779999" })).toBe("555");
  });
  it("otherwise returns the group's capture in the replacement attribute, for an empty or null source", () => {
    expect(show(text, { telephoneNumber: "", mobile: "+91 8887779999" })).toBe("8887779999");
    expect(show(text, { mobile: "+91 8887779999" })).toBe("8887779999");
  });
  it("gives null when the replacement attribute is null or does not match", () => {
    expect(show(text, { telephoneNumber: "" })).toBeNull();
    expect(show(text, { mobile: "no number" })).toBeNull();
  });
});

describe("Replace without oldValue or regexPattern", () => {
  it("returns the source unchanged", () => {
    expect(show('Replace("abc", , , , "x", , )')).toBe("abc");
    expect(show("Replace([x], , , , , , )")).toBeNull();
  });
});

describe("Replace's errors", () => {
  it("reports constructs RE2 cannot run, invalid patterns and unknown groups at the call", () => {
    expectFailure('Replace("abc", , "(?=a)", , "", , )', "regex-unsupported");
    expectFailure('Replace("abc", , "(a)\\\\1", , "", , )', "regex-unsupported");
    expectFailure(
      'Left(Replace("abc", , "(a", , "", , ), 1)',
      "invalid-regex",
      'Replace("abc", , "(a", , "", , )',
    );
    expectFailure('Replace("abc", , "(?<g>a)", "h", "", , )', "unknown-group");
    expectFailure('Replace("", , "(?<g>a)", "h", , "abc", )', "unknown-group");
  });
  it("reports them the same way when the pattern is only known at evaluation", () => {
    expectFailure('Replace("abc", , [p], , "", , )', "regex-unsupported", 'Replace("abc", , [p], , "", , )', {
      p: "(?<=a)b",
    });
  });
  it("compiles a constant pattern once per call site and evaluates it for many users", () => {
    const compiled = compile('Replace([m], , "[()\\\\s-]+", , "", , )');
    expect(render(compiled.evaluate({ m: "+1 (999) 888-7777" }))).toBe("+19998887777");
    expect(render(compiled.evaluate({ m: "(0) 1-2" }))).toBe("012");
  });
});
