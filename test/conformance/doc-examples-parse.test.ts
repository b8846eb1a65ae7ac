import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { format, parse } from "../../src/parser/index.js";
import { withoutSpans } from "../helpers/ast.js";

interface DocExample {
  id: string;
  expression: string;
  dialect: "entra" | "connect" | "scoping";
}

const examples: DocExample[] = JSON.parse(
  readFileSync(resolve(import.meta.dirname, "doc-examples.json"), "utf8"),
);
const entra = examples.filter((example) => example.dialect === "entra");

describe("documented entra examples parse", () => {
  it("covers the whole entra dialect of the file", () => {
    expect(entra.length).toBe(199);
  });

  it.each(entra.map((example) => [example.id, example.expression] as const))(
    "%s parses without errors",
    (_id, text) => {
      const { diagnostics } = parse(text);
      expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    },
  );

  it.each(entra.map((example) => [example.id, example.expression] as const))(
    "%s formats to text that parses to the same tree",
    (_id, text) => {
      const formatted = format(text);
      expect(withoutSpans(parse(formatted).ast)).toEqual(withoutSpans(parse(text).ast));
      expect(format(formatted)).toBe(formatted);
    },
  );
});

describe("Connect Sync examples are another language", () => {
  it("many of them fail to parse as Entra expressions, and none makes the parser throw", () => {
    const connect = examples.filter((example) => example.dialect === "connect");
    const failing = connect.filter((example) =>
      parse(example.expression).diagnostics.some((d) => d.severity === "error"),
    );
    // Connect's & operator, %Parameters%, $variables and NULL literals are not Entra syntax (18 of the 75
    // at the time of writing); the rest are plain calls, which Entra's checker, not its parser, rejects.
    expect(failing.length).toBeGreaterThanOrEqual(15);
    for (const example of failing) {
      expect(
        parse(example.expression).diagnostics.every((d) => d.code.length > 0 && d.span.end >= d.span.start),
      ).toBe(true);
    }
  });
});
