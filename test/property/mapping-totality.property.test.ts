import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadConfig, preview } from "../../src/index.js";

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
