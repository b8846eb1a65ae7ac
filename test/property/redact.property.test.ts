import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadConfig, preview } from "../../src/index.js";
import { runCli } from "../helpers/cli.js";

/**
 * SPEC Part 1 "Redact", as a property: for generated configurations in which an attribute flows through
 * Redact and is also used in every other role — mapped (directly or transformed), scoped, matched, in a
 * failing expression, as the user's label, in another object mapping — the secret value never appears
 * in any output: the library's result serialised (with and without details), and every CLI format.
 */

const SECRET_ATTRIBUTE = "pw";
// Secrets are upper-case with digits; every other generated text is lower-case, so no other value can
// spell a secret by accident.
const secretArbitrary = fc.stringMatching(/^[A-Z0-9]{6,12}$/).map((tail) => `S3CR3T${tail}`);
const plainText = fc.stringMatching(/^[a-z]{1,8}$/);

/** Expressions that read the secret: some fail for it (not a date, not a number, Error), some transform it. */
const readingExpression = fc.constantFrom(
  `[${SECRET_ATTRIBUTE}]`,
  `Redact([${SECRET_ATTRIBUTE}])`,
  `CDate([${SECRET_ATTRIBUTE}])`,
  `CDate(Redact([${SECRET_ATTRIBUTE}]))`,
  `DateFromNum([${SECRET_ATTRIBUTE}])`,
  `Error([${SECRET_ATTRIBUTE}])`,
  `Join("-", [${SECRET_ATTRIBUTE}], [department])`,
  `ToLower([${SECRET_ATTRIBUTE}])`,
  `Mid([${SECRET_ATTRIBUTE}], 2, 5)`,
  `Switch([${SECRET_ATTRIBUTE}], "default", "x", "y")`,
  `IIF([${SECRET_ATTRIBUTE}] = "x", "a", [${SECRET_ATTRIBUTE}])`,
  `FormatDateTime([${SECRET_ATTRIBUTE}], , "yyyyMMdd", "yyyy")`,
  `SelectUniqueValue([${SECRET_ATTRIBUTE}], Join("", [${SECRET_ATTRIBUTE}], "2"))`,
);

// Entra allows no SelectUniqueValue on a matching attribute (a load error), so matchers leave it out.
const matchingExpression = readingExpression.filter(
  (expression) => !expression.startsWith("SelectUniqueValue"),
);

const OPERATORS = [
  "EQUALS",
  "NOT_EQUALS",
  "REGEX_MATCH",
  "INCLUDES",
  "ENDS_WITH",
  "GREATER_THAN",
  "IS_NOT_NULL",
  "IS_TRUE",
];

interface Scenario {
  readonly configText: string;
  readonly users: readonly Record<string, unknown>[];
  readonly target: readonly Record<string, unknown>[];
  readonly secrets: readonly string[];
}

const scenario: fc.Arbitrary<Scenario> = fc
  .record({
    secrets: fc.uniqueArray(secretArbitrary, { minLength: 1, maxLength: 3 }),
    // Where the Redact is: in this user mapping, or only in another object mapping of the file.
    redactElsewhere: fc.boolean(),
    userName: fc.constantFrom(
      "[userPrincipalName]",
      `[${SECRET_ATTRIBUTE}]`,
      `Redact([${SECRET_ATTRIBUTE}])`,
    ),
    matcher: fc.option(matchingExpression, { nil: undefined }),
    mapped: fc.array(readingExpression, { minLength: 1, maxLength: 4 }),
    clause: fc.option(
      fc.record({ operator: fc.constantFrom(...OPERATORS), useSecretValue: fc.boolean(), value: plainText }),
      { nil: undefined },
    ),
    labelIsSecret: fc.boolean(),
    targetHolds: fc.constantFrom("nothing", "secret", "secret twice", "secret without id"),
    departments: fc.array(plainText, { minLength: 1, maxLength: 3 }),
  })
  .map((s): Scenario => {
    const quote = (text: string) => `'${text.replace(/'/g, "''")}'`;
    const mappings = [
      `  - { target: userName, expression: ${quote(s.userName)}, match: 1 }`,
      ...(s.matcher ? [`  - { target: externalId, expression: ${quote(s.matcher)}, match: 2 }`] : []),
      ...(s.redactElsewhere ? [] : [`  - { target: password, expression: 'Redact([${SECRET_ATTRIBUTE}])' }`]),
      ...s.mapped.map(
        (expression, i) => `  - { target: 'urn:example:2.0:User:x${i}', expression: ${quote(expression)} }`,
      ),
    ];
    // GREATER_THAN takes integers only (anything else does not load); the other operators may compare
    // with the secret itself, so that a clause holding would spell it out.
    const integerOnly = s.clause?.operator === "GREATER_THAN";
    const value = integerOnly ? "3" : s.clause?.useSecretValue ? s.secrets[0] : s.clause?.value;
    const scope = s.clause
      ? [
          "    scope:",
          "      filters:",
          "        - name: f",
          "          clauses:",
          `            - { attribute: ${SECRET_ATTRIBUTE}, operator: ${s.clause.operator}${["IS_NOT_NULL", "IS_TRUE"].includes(s.clause.operator) ? "" : `, value: ${quote(String(value))}`} }`,
          "        - name: everyone",
          "          clauses:",
          "            - { attribute: department, operator: IS_NOT_NULL }",
        ]
      : [];
    const configText = [
      "objects:",
      "  - name: Users",
      "    source: User",
      "    target: User",
      ...scope,
      "    mappings:",
      ...mappings.map((line) => `  ${line}`),
      "  - name: Groups",
      "    source: Group",
      "    target: Group",
      "    enabled: false",
      "    mappings:",
      `      - { target: displayName, expression: 'Redact([${SECRET_ATTRIBUTE}])' }`,
    ].join("\n");
    const users = s.secrets.map((secret, i) => ({
      objectId: `id-${i}`,
      userPrincipalName: s.labelIsSecret ? secret : `user${i}@contoso.com`,
      displayName: s.labelIsSecret && i === 0 ? secret : `person ${i}`,
      [SECRET_ATTRIBUTE]: secret,
      department: s.departments[i % s.departments.length],
    }));
    const first = s.secrets[0] as string;
    const holder = { userName: first, externalId: first };
    const target =
      s.targetHolds === "secret"
        ? [{ id: "t-1", ...holder }]
        : s.targetHolds === "secret twice"
          ? [
              { id: "t-1", ...holder },
              { id: "t-2", ...holder },
            ]
          : s.targetHolds === "secret without id"
            ? [holder]
            : [];
    return { configText, users, target, secrets: s.secrets };
  });

function leaks(text: string, secrets: readonly string[]): string | undefined {
  return secrets.find((secret) => text.includes(secret));
}

const directory = mkdtempSync(join(tmpdir(), "provex-redact-"));

describe("Redact never leaks (property)", () => {
  it("the library's results, with and without details, never hold a secret", () => {
    fc.assert(
      fc.property(scenario, ({ configText, users, target, secrets }) => {
        const config = loadConfig(configText);
        expect(config.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
        for (const details of [true, false]) {
          const results = preview(config, users, {
            target,
            details,
            context: { now: new Date(0), random: () => 0.25 },
          });
          expect(results).toHaveLength(users.length);
          expect(leaks(JSON.stringify(results), secrets)).toBeUndefined();
        }
        // The opt-in shows the value: the property is not vacuous.
        const shown = JSON.stringify(preview(config, users, { target, showRedacted: true }));
        expect(secrets.some((secret) => shown.includes(secret))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("no CLI format (text, json, jsonl, with or without --details) prints a secret", async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(scenario, async ({ configText, users, target, secrets }) => {
        run++;
        const config = join(directory, `config-${run}.yaml`);
        const usersFile = join(directory, `users-${run}.jsonl`);
        const targetFile = join(directory, `target-${run}.json`);
        writeFileSync(config, configText);
        writeFileSync(usersFile, users.map((user) => JSON.stringify(user)).join("\n"));
        writeFileSync(targetFile, JSON.stringify(target));
        for (const format of ["text", "json", "jsonl"]) {
          for (const details of [[], ["--details"]]) {
            const args = ["preview", "--config", config, "--users", usersFile, "--target", targetFile];
            const output = await runCli([...args, "--format", format, "--seed", "3", ...details]);
            expect(output.code === 0 || output.code === 1).toBe(true);
            expect(leaks(output.stdout + output.stderr, secrets)).toBeUndefined();
          }
        }
      }),
      { numRuns: 60 },
    );
  });
});
