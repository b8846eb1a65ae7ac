import { describe, expect, it } from "vitest";
import plugin from "../../src/lint/eslint-plugin.js";

// The plugin's one lint run per source code is keyed by the file name and the settings: a run made for
// text without a file name (linted as a configuration) is never handed to an empty file name (which is
// no configuration's name), nor the other way round.

const text =
  "dialect: entr\nmappings:\n  - target: userName\n    attribute: userPrincipalName\n    match: 1\n";
const report = (sourceCode: object, filename: string | undefined): string[] => {
  const messages: string[] = [];
  const context = {
    ...(filename === undefined ? {} : { filename }),
    sourceCode,
    report: (descriptor: { message: string }) => messages.push(descriptor.message),
  };
  plugin.rules["config-value"]!.create(context as never).Program?.();
  return messages;
};

describe("the ESLint plugin's shared run", () => {
  it("lints text without a file name, then leaves the same source code under an empty file name alone", () => {
    const sourceCode = { text };
    expect(report(sourceCode, undefined)).toHaveLength(1);
    expect(report(sourceCode, "")).toEqual([]);
    expect(report(sourceCode, undefined)).toHaveLength(1);
  });

  it("does not reuse an empty file name's empty run for text without a file name", () => {
    const sourceCode = { text };
    expect(report(sourceCode, "")).toEqual([]);
    expect(report(sourceCode, undefined)).toHaveLength(1);
  });
});
