import { describe, expect, it } from "vitest";
import { findingsOf } from "./findings.js";
import { provexYaml } from "./helpers.js";

// Target attribute names are compared ignoring case, letter for letter: `Mail` and `mail` are one
// attribute, but `straße` and `STRASSE` are two names (upper-casing ß writes two letters, SS).

describe("duplicate-target", () => {
  it("takes targets that differ in case only as one attribute, and no other pair", () => {
    const text = provexYaml(
      "  - target: Mail\n    constant: a\n  - target: mail\n    constant: b\n  - target: straße\n    constant: c\n  - target: STRASSE\n    constant: d\n",
    );
    expect(findingsOf("duplicate-target", text)).toEqual([
      {
        at: [7, 13],
        covers: "mail",
        message:
          "mail is already written by the mapping on line 5; Entra would send two conflicting values. Remove one mapping or combine them into one expression.",
      },
    ]);
  });
});
