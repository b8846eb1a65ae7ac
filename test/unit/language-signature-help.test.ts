import { describe, expect, it } from "vitest";
import { signatureHelp } from "../../src/language/index.js";

function at(marked: string) {
  return signatureHelp(marked.replace("|", ""), marked.indexOf("|"));
}

describe("signatureHelp", () => {
  it("gives the signature and the active parameter on incomplete input", () => {
    const help = at('Join(".", |');
    expect(help?.functionName).toBe("Join");
    expect(help?.label).toBe("Join(separator, source…) → text");
    expect(help?.argumentIndex).toBe(1);
    expect(help?.activeParameter).toBe(1);
    const [start, end] = help?.parameters[1]?.label ?? [0, 0];
    expect(help?.label.slice(start, end)).toBe("source…");
  });

  it("counts empty arguments", () => {
    const help = at("Replace([x], , , |");
    expect(help?.argumentIndex).toBe(3);
    expect(help?.activeParameter).toBe(3);
    const [start, end] = help?.parameters[3]?.label ?? [0, 0];
    expect(help?.label.slice(start, end)).toBe("[regexGroupName]");
  });

  it("follows repeating groups back onto their declaration", () => {
    // Switch(source, default, key, value, key, value…): argument 4 is a key again.
    expect(at('Switch([c], "x", "1", "one", |')?.activeParameter).toBe(2);
    expect(at('Switch([c], "x", "1", "one", "2", |')?.activeParameter).toBe(3);
    expect(at('Join(",", [a], [b], [c], |')?.activeParameter).toBe(1);
  });

  it("reports no active parameter past a fixed signature", () => {
    expect(at("Left([a], 1, |")?.activeParameter).toBe(-1);
  });

  it("uses the innermost call and resumes the outer one after it closes", () => {
    expect(at('Join(".", ToLower(|')?.functionName).toBe("ToLower");
    const outer = at('Join(".", ToLower([a]), |');
    expect(outer?.functionName).toBe("Join");
    expect(outer?.argumentIndex).toBe(2);
  });

  it("works inside string and attribute arguments, resolves names case-insensitively", () => {
    expect(at('join("|')?.functionName).toBe("Join");
    expect(at("Left([giv|")?.activeParameter).toBe(0);
  });

  it("gives nothing outside a call or in an unknown function", () => {
    expect(at("|Join()")).toBeUndefined();
    expect(at('Join(".", [a])|')).toBeUndefined();
    expect(at("Frobnicate(|")).toBeUndefined();
  });
});
