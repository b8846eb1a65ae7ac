/**
 * Differential test: provex's .NET-compatible cores against real .NET (Mono) on a few thousand generated
 * cases, sent to the C# oracle in one batch. A disagreement fails with the smallest failing case found
 * (shrunk character by character while .NET and provex still disagree).
 *
 * Needs `mcs` and `mono` (Debian: `apt-get install -y mono-mcs`). Without them the test fails on CI and is
 * skipped elsewhere with a loud warning — never silently.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { requireTool } from "../helpers/required-tool.js";
import { FAMILIES, type Family } from "./families.js";
import { askOracle, compileOracle, monoAvailable } from "./oracle-process.js";

const SEED = Number(process.env.PROVEX_DIFF_SEED ?? 20_201_123);
const available = requireTool({
  name: "mcs/mono (the .NET differential test)",
  found: monoAvailable(),
  install: "Install them with `apt-get install -y mono-mcs mono-runtime` (Debian/Ubuntu).",
});

interface Disagreement {
  readonly family: Family;
  readonly fields: readonly string[];
  readonly dotnet: string;
  readonly provex: string;
}

function caseText(d: Disagreement): string {
  return `${d.family.name}\n  fields: ${JSON.stringify(d.fields)}\n  .NET:   ${JSON.stringify(d.dotnet)}\n  provex: ${JSON.stringify(d.provex)}`;
}

/** Deletes characters from the shrinkable fields while .NET and provex keep disagreeing. */
function shrink(d: Disagreement): Disagreement {
  let current = d;
  // Each round is one oracle run; stop after a few seconds so that a failing run stays quick.
  const deadline = Date.now() + 10_000;
  for (let round = 0; round < 40 && Date.now() < deadline; round++) {
    const candidates: string[][] = [];
    for (const index of current.family.shrinkable) {
      const field = current.fields[index]!;
      for (let at = 0; at < field.length; at++) {
        const next = [...current.fields];
        next[index] = field.slice(0, at) + field.slice(at + 1);
        candidates.push(next);
      }
    }
    if (candidates.length === 0) return current;
    const answers = askOracle(candidates.map((fields) => [current.family.operation, ...fields]));
    const smaller = candidates
      .map((fields, i) => ({
        family: current.family,
        fields,
        dotnet: answers[i]!,
        provex: current.family.provex(fields),
      }))
      .find((c) => c.dotnet !== c.provex);
    if (smaller === undefined) return current;
    current = smaller;
  }
  return current;
}

describe.skipIf(!available)("provex agrees with .NET (Mono)", () => {
  const batches = FAMILIES.map((family, i) => ({
    family,
    cases: fc.sample(family.arbitrary, { numRuns: family.count, seed: SEED + i }),
  }));
  let answers: string[] = [];

  it("compiles the oracle and answers every case in one batch", () => {
    compileOracle();
    answers = askOracle(
      batches.flatMap(({ family, cases }) => cases.map((fields) => [family.operation, ...fields])),
    );
    expect(answers.length).toBe(batches.reduce((n, b) => n + b.cases.length, 0));
  }, 60_000);

  let offset = 0;
  for (const { family, cases } of batches) {
    const start = offset;
    offset += cases.length;
    it(`${family.name}: ${cases.length} cases agree`, () => {
      const disagreements: Disagreement[] = [];
      cases.forEach((fields, i) => {
        const dotnet = answers[start + i]!;
        const provex = family.provex(fields);
        if (dotnet !== provex) disagreements.push({ family, fields, dotnet, provex });
      });
      if (disagreements.length > 0) {
        const smallest = disagreements.reduce((a, b) =>
          JSON.stringify(a.fields).length <= JSON.stringify(b.fields).length ? a : b,
        );
        const minimal = shrink(smallest);
        expect.fail(
          `${disagreements.length} of ${cases.length} cases disagree with .NET.\n` +
            `Smallest generated failing case:\n${caseText(smallest)}\nShrunk while still failing:\n${caseText(minimal)}`,
        );
      }
      // Every case was compared; make sure the batch really exercised both success and failure paths.
      expect(cases.length).toBe(family.count);
    });
  }
});
