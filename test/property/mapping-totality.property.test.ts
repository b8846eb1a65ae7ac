import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadConfig, preview, type UserPreview } from "../../src/index.js";
import {
  type Body,
  type ConfigPlan,
  configPlan,
  expectedInScope,
  configText as generatedConfigText,
  OPTIONAL_MAPPINGS,
  sourceUser,
  type UserPlan,
  userPlan,
} from "./mapping-arbitraries.js";

const FIXTURES = join(import.meta.dirname, "../fixtures/shared");
const entraText = readFileSync(join(FIXTURES, "entra-scim-schema.json"), "utf8");
const provexText = readFileSync(join(FIXTURES, "provex-config.yaml"), "utf8");
const target = JSON.parse(readFileSync(join(FIXTURES, "target-users.json"), "utf8")) as unknown[];
const ACTIONS = ["Create", "Update", "Skip", "Disable", "Error"];

/** Configurations near the real ones: the fixtures cut, spliced and sprinkled with syntax. */
const configText = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.json({ maxDepth: 4 }),
  fc
    .tuple(
      fc.constantFrom(entraText, provexText),
      fc.nat(),
      fc.nat(),
      fc.constantFrom("", "{", "]", '"', ":", "- ", "\n  x: [", "null", "&a *a"),
    )
    .map(([text, a, b, insert]) => {
      const start = a % (text.length + 1);
      const end = Math.min(text.length, start + (b % 200));
      return text.slice(0, start) + insert + text.slice(end);
    }),
);

/** Attribute values of every type and size a caller might pass. */
const attributeValue = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constantFrom(
    "",
    "True",
    "False",
    "x_y.com#EXT#@t.onmicrosoft.com",
    "fa5a37a8-0ea5-4193-9d26-01d5d189532c",
  ),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string({ maxLength: 10 }), { maxLength: 4 }),
  fc.array(
    fc.record({ value: fc.oneof(fc.string(), fc.constant(null)), displayName: fc.string(), id: fc.string() }),
    { maxLength: 3 },
  ),
  fc.array(fc.anything({ maxDepth: 2 }), { maxLength: 3 }),
  fc.anything({ maxDepth: 2 }),
  fc.string({ minLength: 1000, maxLength: 5000 }),
);
const attributeName = fc.constantFrom(
  "userPrincipalName",
  "mailNickname",
  "department",
  "jobTitle",
  "manager",
  "mobile",
  "appRoleAssignments",
  "IsSoftDeleted",
  "accountEnabled",
  "objectId",
  "givenName",
  "extension_1fcdafeb6c7e492f94ee3c6a774f7761_costCenter",
  "__proto__",
  "constructor",
);
const user = fc.oneof(
  fc.dictionary(attributeName, attributeValue, { maxKeys: 12 }),
  fc.dictionary(fc.string({ maxLength: 12 }), attributeValue, { maxKeys: 6 }),
  fc.anything({ maxDepth: 2 }),
);

describe("mapping totality", () => {
  it("loadConfig never throws, and every diagnostic's span lies inside the text", () => {
    fc.assert(
      fc.property(
        configText,
        fc.constantFrom(undefined, "entra" as const, "provex" as const),
        (text, format) => {
          const config = loadConfig(text, format ? { format } : {});
          for (const d of config.diagnostics) {
            expect(d.span.start).toBeGreaterThanOrEqual(0);
            expect(d.span.end).toBeLessThanOrEqual(text.length);
            expect(d.span.start).toBeLessThanOrEqual(d.span.end);
          }
        },
      ),
      { numRuns: 800 },
    );
  });

  it("preview never throws for generated users and targets, and gives one well-formed result per user", () => {
    const configs = [loadConfig(entraText), loadConfig(provexText)];
    fc.assert(
      fc.property(
        fc.constantFrom(...configs),
        fc.array(user, { maxLength: 6 }),
        fc.oneof(fc.constant(target), fc.array(fc.anything({ maxDepth: 3 }), { maxLength: 4 })),
        (config, users, directory) => {
          const results = preview(config, users, {
            target: directory,
            context: { now: new Date(0), random: () => 0.5 },
          });
          expect(results).toHaveLength(users.length);
          for (const result of results) {
            expect(ACTIONS).toContain(result.action);
            if (result.action === "Error") expect(typeof result.error?.code).toBe("string");
            expect(() => JSON.stringify(result)).not.toThrow();
          }
        },
      ),
      { numRuns: 1500 },
    );
  });

  it("preview never throws on whatever configuration text loads", () => {
    fc.assert(
      fc.property(configText, fc.array(user, { maxLength: 3 }), (text, users) => {
        expect(preview(loadConfig(text), users, { target })).toHaveLength(users.length);
      }),
      { numRuns: 500 },
    );
  });
});

/** A configuration and users for it, each user's fate in scope and target decided by the generator. */
const scenario = configPlan.chain((config) =>
  fc.record({
    config: fc.constant(config),
    users: fc.array(userPlan(config.scope), { minLength: 1, maxLength: 6 }),
  }),
);

/** The POST body a create of this user would send, from the same mappings without any scope. */
function createdBody(config: ConfigPlan, user: UserPlan, index: number): Body {
  const [created] = preview(
    loadConfig(generatedConfigText(config, { scope: false })),
    [sourceUser(user, index, false)],
    {
      target: [],
    },
  );
  expect(created?.action).toBe("Create");
  return structuredClone(created!.requests[0]!.body) as Body;
}

/** The target object a user's plan asks for, or undefined (`absent`). */
function targetObject(config: ConfigPlan, user: UserPlan, index: number): Body | undefined {
  if (user.target === "absent") return undefined;
  const body: Body = { ...createdBody(config, user, index), id: `target-${index}` };
  if (user.target === "altered") {
    if (user.softDeleted) body.active = user.altered % 2 === 0 ? false : "False";
    else OPTIONAL_MAPPINGS[config.mappings[user.altered % config.mappings.length]!]!.alter(body);
  }
  return body;
}

/** What the preview must do with one planned user (SPEC Part 1 §d, §e). */
function expectOutcome(config: ConfigPlan, user: UserPlan, index: number, result: UserPreview): void {
  const scope = result.steps.find((step) => step.name === "scope");
  const filters = (scope?.details.filters ?? []) as { clauses: { result: boolean }[] }[];
  // Every clause came out as the generator built it to.
  expect(filters.map((f) => f.clauses.map((c) => c.result))).toEqual(user.passes);
  const path = `/Users/target-${index}`;
  if (!expectedInScope(user)) {
    expect(result).toMatchObject({ action: "Skip", skipReason: "NotEffectivelyEntitled", requests: [] });
  } else if (user.softDeleted) {
    if (user.target === "absent") {
      expect(result).toMatchObject({ action: "Skip", skipReason: "NotEffectivelyEntitled", requests: [] });
    } else if (user.target === "altered") {
      expect(result).toMatchObject({ action: "Skip", skipReason: "RedundantExport", requests: [] });
    } else {
      expect(result.action).toBe("Disable");
      expect(result.requests).toEqual([
        {
          method: "PATCH",
          path,
          body: {
            schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
            Operations: [{ op: "Replace", path: "active", value: false }],
          },
        },
      ]);
    }
  } else if (user.target === "absent") {
    expect(result.action).toBe("Create");
    expect(result.requests).toEqual([
      { method: "POST", path: "/Users", body: createdBody(config, user, index) },
    ]);
  } else if (user.target === "same") {
    expect(result).toMatchObject({ action: "Skip", skipReason: "RedundantExport", requests: [] });
  } else {
    const changed = OPTIONAL_MAPPINGS[config.mappings[user.altered % config.mappings.length]!]!.entry.target;
    expect(result.action).toBe("Update");
    expect(result.requests).toHaveLength(1);
    const [request] = result.requests;
    expect(request).toMatchObject({ method: "PATCH", path });
    const operations = (request!.body as { Operations: { path: string }[] }).Operations;
    expect(operations.map((operation) => operation.path)).toEqual([changed]);
  }
}

describe("mapping properties that reach every action", () => {
  it("generated configurations load without a single diagnostic", () => {
    fc.assert(
      fc.property(configPlan, (plan) => {
        expect(loadConfig(generatedConfigText(plan)).diagnostics).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it("each user gets the action its plan calls for, and every action and request shape occurs often", () => {
    const actions = new Map<string, number>();
    const shapes = new Map<string, number>();
    let users = 0;
    const count = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
    fc.assert(
      fc.property(scenario, ({ config, users: plans }) => {
        const loaded = loadConfig(generatedConfigText(config));
        const target = plans.flatMap((user, i) => targetObject(config, user, i) ?? []);
        const results = preview(
          loaded,
          plans.map((user, i) => sourceUser(user, i)),
          { target },
        );
        plans.forEach((user, i) => {
          expectOutcome(config, user, i, results[i]!);
          users++;
          count(
            actions,
            results[i]!.action === "Skip" ? `Skip ${results[i]!.skipReason}` : results[i]!.action,
          );
          count(shapes, results[i]!.requests.map((r) => r.method).join("+") || "none");
        });
      }),
      { numRuns: 250 },
    );
    // A fair share of each, measured over the users of the run (about 900): at least 5% apiece.
    const share = (map: Map<string, number>, key: string) => (map.get(key) ?? 0) / users;
    for (const action of [
      "Create",
      "Update",
      "Disable",
      "Skip NotEffectivelyEntitled",
      "Skip RedundantExport",
    ]) {
      expect([action, share(actions, action)]).toEqual([action, expect.toSatisfy((x: number) => x >= 0.05)]);
    }
    for (const shape of ["POST", "PATCH", "none"]) {
      expect([shape, share(shapes, shape)]).toEqual([shape, expect.toSatisfy((x: number) => x >= 0.05)]);
    }
    expect(actions.get("Error")).toBeUndefined();
  });
});

/** Ways to break a valid configuration, each with the code it must give and the line it must point at. */
const BREAKAGES = [
  { code: "clause-not-integer", clause: { attribute: "level", operator: "GREATER_THAN", value: "ten" } },
  { code: "clause-missing-value", clause: { attribute: "level", operator: "EQUALS" } },
  { code: "invalid-regex", clause: { attribute: "level", operator: "REGEX_MATCH", value: "(unclosed" } },
  { code: "unknown-operator", clause: { attribute: "level", operator: "LIKE", value: "a" } },
  { code: "config-conflict", mapping: { target: "title", attribute: "jobTitle", constant: "x" } },
  { code: "config-missing", mapping: { attribute: "jobTitle" } },
  { code: "missing-close-paren", mapping: { target: "title", expression: 'Join(" ", [givenName]' } },
  { code: "unknown-function", mapping: { target: "title", expression: "Frobnicate([givenName])" } },
  { code: "unknown-property", mapping: { target: "title", attribte: "jobTitle" } },
  { code: "config-value", mapping: { target: "title", attribute: "jobTitle", applyOn: "sometimes" } },
  {
    code: "unique-value-matching",
    mapping: { target: "externalId", expression: "SelectUniqueValue([mailNickname], [givenName])", match: 2 },
  },
] as const;

/** The text with the broken clause or mapping inserted, and the (1-based) line it is on. */
function broken(
  plan: ConfigPlan,
  breakage: (typeof BREAKAGES)[number],
  at: number,
): { text: string; line: number } {
  const lines = generatedConfigText(plan).trimEnd().split("\n");
  const inserted = `- ${JSON.stringify("clause" in breakage ? breakage.clause : breakage.mapping)}`;
  if ("mapping" in breakage) {
    const first = lines.indexOf("mappings:") + 1;
    const index = first + (at % (lines.length - first + 1));
    lines.splice(index, 0, `  ${inserted}`);
    return { text: lines.join("\n"), line: index + 1 };
  }
  const clauses = lines.flatMap((line, i) => (line === "      clauses:" ? [i + 1] : []));
  if (clauses.length === 0) {
    const index = lines.indexOf("mappings:");
    lines.splice(
      index,
      0,
      "scope:",
      "  filters:",
      "    - name: broken",
      "      clauses:",
      `        ${inserted}`,
    );
    return { text: lines.join("\n"), line: index + 5 };
  }
  const index = clauses[at % clauses.length]!;
  lines.splice(index, 0, `        ${inserted}`);
  return { text: lines.join("\n"), line: index + 1 };
}

describe("configurations broken on purpose", () => {
  it("give the breakage's code as an error, on the broken line, and nothing crashes", () => {
    fc.assert(
      fc.property(configPlan, fc.constantFrom(...BREAKAGES), fc.nat(), (plan, breakage, at) => {
        const { text, line } = broken(plan, breakage, at);
        const config = loadConfig(text);
        const found = config.diagnostics.filter((d) => d.code === breakage.code);
        expect(found.map((d) => d.severity)).toEqual(["error"]);
        expect(text.slice(0, found[0]!.span.start).split("\n").length).toBe(line);
        for (const d of config.diagnostics) {
          expect(d.span.start).toBeGreaterThanOrEqual(0);
          expect(d.span.end).toBeLessThanOrEqual(text.length);
        }
        // Every other problem is a knock-on of the same breakage, on the same line.
        for (const d of config.diagnostics) expect(text.slice(0, d.span.start).split("\n").length).toBe(line);
        expect(preview(config, [{ userPrincipalName: "a@contoso.com" }])).toHaveLength(1);
      }),
      { numRuns: 300 },
    );
  });
});
