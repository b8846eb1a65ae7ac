import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig, preview, type UserPreview } from "../../src/index.js";

/**
 * End to end over the shared fixtures (test/fixtures/shared, copied from ../shared/fixtures): each user's
 * outcome as the fixtures' README states it, through both configuration formats.
 */
const FIXTURES = join(import.meta.dirname, "../fixtures/shared");
const SHARED = join(import.meta.dirname, "../../../shared/fixtures");
const read = (name: string) => readFileSync(join(FIXTURES, name), "utf8");
const users = JSON.parse(read("users.json")) as Record<string, unknown>[];
const target = JSON.parse(read("target-users.json")) as unknown[];

const ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
const PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
const JOSE_TARGET = "9e3c991c-cab0-451c-a463-fb209b9ca034";

function run(configFile: string): UserPreview[] {
  const config = loadConfig(read(configFile));
  expect(config.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return preview(config, users, { target, context: { now: new Date("2025-10-02T10:00:00Z") } });
}

// biome-ignore lint/suspicious/noExplicitAny: assertions reach deep into SCIM bodies of any shape
const body = (result: UserPreview | undefined) => result?.requests[0]?.body as Record<string, any>;
const operations = (result: UserPreview | undefined) =>
  body(result).Operations as { op: string; path: string; value: unknown }[];

describe.each(["entra-scim-schema.json", "provex-config.yaml"])(
  "the fixture scenario through %s",
  (configFile) => {
    // Previewed inside each test, not while the file is collected: Stryker's per-test coverage then
    // knows which tests run the engine (code run at collection counts as "static", run by every test).
    const results = () => run(configFile);
    const user = (n: number) => results()[n - 1] as UserPreview;

    it("previews all 14 users in order", () => {
      expect(results().map((r) => r.id)).toEqual(users.map((u) => u.objectId));
      expect(results().map((r) => r.action)).toEqual([
        "Create",
        "Update",
        "Skip",
        "Create",
        "Skip",
        "Create",
        "Create",
        "Skip",
        "Update",
        "Create",
        "Skip",
        "Create",
        "Skip",
        "Error",
      ]);
    });

    it("1 Zoë: Create with diacritics, two roles in POST form and her manager's target id", () => {
      const zoe = user(1);
      expect(zoe.match).toBeNull();
      expect(zoe.requests).toHaveLength(1);
      expect(zoe.requests[0]).toMatchObject({ method: "POST", path: "/Users" });
      expect(body(zoe)).toEqual({
        schemas: ["urn:ietf:params:scim:schemas:core:2.0:User", ENTERPRISE],
        userName: "zoe.angstrom@contoso.com",
        externalId: "zoe.angstrom",
        active: true,
        displayName: "Zoë Ångström",
        title: "Account Executive",
        emails: [{ type: "work", value: "zoe.angstrom@contoso.com" }],
        preferredLanguage: "sv-SE",
        name: { givenName: "Zoë", familyName: "Ångström", formatted: "Zoë Ångström" },
        addresses: [{ type: "work", locality: "Göteborg", country: "SE" }],
        phoneNumbers: [
          { type: "work", value: "+46 31 555 01 20" },
          { type: "mobile", value: "+46701234567" },
        ],
        [ENTERPRISE]: {
          employeeNumber: "100101",
          department: "Sales",
          manager: { value: JOSE_TARGET },
          organization: "Contoso Ltd",
          costCenter: "CC-4410",
        },
        roles: [
          {
            primary: false,
            type: "WindowsAzureActiveDirectoryRole",
            displayName: "Sales Administrator",
            value: "Sales.Admin",
          },
          {
            primary: false,
            type: "WindowsAzureActiveDirectoryRole",
            displayName: "Sales User",
            value: "Sales.User",
          },
        ],
        locale: "en-US",
      });
      expect(zoe.warnings).toEqual([]);
      expect(zoe.steps.map((s) => [s.name, s.status])).toEqual([
        ["import", "success"],
        ["scope", "success"],
        ["match", "success"],
        ["action", "success"],
      ]);
    });

    it("2 José: matched by userName, Update of only the three stale attributes", () => {
      const jose = user(2);
      expect(jose.match).toEqual({
        id: JOSE_TARGET,
        attribute: "userName",
        value: "jose.garcia@contoso.com",
      });
      expect(jose.requests[0]).toMatchObject({ method: "PATCH", path: `/Users/${JOSE_TARGET}` });
      expect(body(jose).schemas).toEqual([PATCH_OP]);
      expect(operations(jose)).toEqual([
        { op: "Replace", path: "title", value: "Regional Sales Manager" },
        { op: "Replace", path: 'addresses[type eq "work"].locality', value: "Madrid" },
        { op: "Replace", path: 'phoneNumbers[type eq "mobile"].value', value: "+34612345678" },
      ]);
      expect(jose.warnings).toEqual([]);
    });

    it("3 Björn: matched and already in sync → Skip RedundantExport", () => {
      const bjorn = user(3);
      expect(bjorn.match?.id).toBe("05e7b9a7-32a7-4b2e-b7da-ee2ed5be0ddc");
      expect(bjorn.skipReason).toBe("RedundantExport");
      expect(bjorn.requests).toEqual([]);
    });

    it("4 Nadia: B2B guest, created with the #EXT# rule applied and default cost center", () => {
      const nadia = user(4);
      expect(nadia.match).toBeNull();
      expect(body(nadia).userName).toBe("nadia.haddad@tailspintoys.com");
      expect(body(nadia)[ENTERPRISE]).toEqual({
        department: "Sales",
        organization: "Contoso Ltd",
        costCenter: "CC-0000",
      });
      expect(body(nadia).phoneNumbers).toBeUndefined();
      expect(body(nadia).locale).toBe("en-US");
    });

    it("5 Priya: soft-deleted and not in the target → Skip NotEffectivelyEntitled", () => {
      const priya = user(5);
      expect(priya.skipReason).toBe("NotEffectivelyEntitled");
      expect(priya.match).toBeNull();
      expect(priya.steps.find((s) => s.name === "scope")?.details).toMatchObject({
        IsActive: false,
        IsInProvisioningScope: true,
      });
      expect(priya.requests).toEqual([]);
    });

    it("5 Priya, had she matched: Disable with a PATCH setting active to false", () => {
      const matched = [...target, { id: "priya-target", userName: "priya.raman@contoso.com", active: true }];
      const [priya] = preview(loadConfig(read(configFile)), [users[4]], { target: matched });
      expect(priya?.action).toBe("Disable");
      expect(priya?.requests).toEqual([
        {
          method: "PATCH",
          path: "/Users/priya-target",
          body: { schemas: [PATCH_OP], Operations: [{ op: "Replace", path: "active", value: false }] },
        },
      ]);
    });

    it("6 Kwame: created without emails, manager resolved to José's target id", () => {
      const kwame = user(6);
      expect(body(kwame).emails).toBeUndefined();
      expect(body(kwame)[ENTERPRISE].manager).toEqual({ value: JOSE_TARGET });
      expect(body(kwame).phoneNumbers).toEqual([{ type: "mobile", value: "+233244123456" }]);
      expect(body(kwame)[ENTERPRISE].costCenter).toBe("CC-0000");
    });

    it('7 Tomasz: jobTitle "" is left out by IgnoreFlowIfNullOrEmpty', () => {
      const tomasz = user(7);
      expect(tomasz.action).toBe("Create");
      expect(body(tomasz)).not.toHaveProperty("title");
      expect(body(tomasz).phoneNumbers).toContainEqual({ type: "mobile", value: "+48601234567" });
      expect(tomasz.steps.find((s) => s.name === "scope")?.description).toContain("Fabrikam subsidiary");
    });

    it("8 Chloé and 11 Ravi: out of scope (EQUALS is case-sensitive), matching not attempted", () => {
      for (const n of [8, 11]) {
        expect(user(n).action).toBe("Skip");
        expect(user(n).skipReason).toBe("NotEffectivelyEntitled");
        expect(user(n).steps.map((s) => [s.name, s.status])).toEqual([
          ["import", "success"],
          ["scope", "skipped"],
        ]);
        expect(user(n).steps[1]?.details).toMatchObject({ IsInProvisioningScope: false });
      }
      const ravi = user(11).steps[1]?.details.filters as {
        clauses: { result: boolean; actual: unknown }[];
      }[];
      expect(ravi[0]?.clauses[0]).toMatchObject({ result: false, actual: "sales" });
    });

    it("9 Aoife: renamed, matched by externalId only, Update of the five changed attributes", () => {
      const aoife = user(9);
      expect(aoife.match).toEqual({
        id: "337148cd-b942-4eb3-9281-d5e0684b04f3",
        attribute: "externalId",
        value: "aoife.oneill",
      });
      const attempts = aoife.steps.find((s) => s.name === "match")?.details.attempts as {
        attribute: string;
        matches: string[];
      }[];
      expect(attempts.map((a) => [a.attribute, a.matches.length])).toEqual([
        ["userName", 0],
        ["externalId", 1],
      ]);
      expect(Object.fromEntries(operations(aoife).map((o) => [o.path, [o.op, o.value]]))).toEqual({
        userName: ["Replace", "aoife.oneill-barry@contoso.com"],
        displayName: ["Replace", "Aoife O'Neill-Barry"],
        "name.familyName": ["Replace", "O'Neill-Barry"],
        "name.formatted": ["Replace", "Aoife O'Neill-Barry"],
        'emails[type eq "work"].value': ["Replace", "aoife.oneill-barry@contoso.com"],
      });
    });

    it("10 Maximilian: Create with the 133-character displayName intact", () => {
      const max = user(10);
      expect(body(max).displayName).toHaveLength(133);
      expect(body(max).phoneNumbers).toContainEqual({ type: "mobile", value: "+436641234567" });
    });

    it("12 Ethan: Create, mobile without a + stays without one", () => {
      const ethan = user(12);
      expect(body(ethan).phoneNumbers).toContainEqual({ type: "mobile", value: "4255550187" });
      expect(body(ethan)[ENTERPRISE].costCenter).toBe("CC-0000");
      expect(body(ethan).roles).toEqual([
        {
          primary: false,
          type: "WindowsAzureActiveDirectoryRole",
          displayName: "Read-only Viewer",
          value: "ReadOnly",
        },
      ]);
    });

    it("13 Lobby Kiosk: no matching attribute value → Skip ImportSkipped, nothing else evaluated", () => {
      const kiosk = user(13);
      expect(kiosk.skipReason).toBe("ImportSkipped");
      expect(kiosk.steps.map((s) => [s.name, s.status])).toEqual([["import", "skipped"]]);
    });

    it("14 Daniel: two target users share his userName → Error DuplicateTargetEntries", () => {
      const daniel = user(14);
      expect(daniel.error?.code).toBe("DuplicateTargetEntries");
      expect(daniel.requests).toEqual([]);
      const attempts = daniel.steps.find((s) => s.name === "match")?.details.attempts as {
        matches: string[];
      }[];
      expect(attempts[0]?.matches).toEqual([
        "40adae40-2282-4ab1-8d8d-35a03ef54d70",
        "b3aa82f9-486f-44f0-a8d7-c26d2b416917",
      ]);
    });

    it("every Create sends active: true and locale en-US; no Update sends locale or costCenter", () => {
      for (const result of results()) {
        if (result.action === "Create") {
          expect(body(result).active).toBe(true);
          expect(body(result).locale).toBe("en-US");
          expect(body(result)[ENTERPRISE].organization).toBe("Contoso Ltd");
        }
        if (result.action === "Update") {
          const paths = operations(result).map((o) => o.path);
          expect(paths).not.toContain("locale");
          expect(paths).not.toContain(`${ENTERPRISE}:costCenter`);
        }
      }
    });
  },
);

describe("the fixture copies", () => {
  it("equal ../shared/fixtures byte for byte (where that checkout exists)", () => {
    const names = [
      "README.md",
      "entra-scim-schema.json",
      "provex-config.yaml",
      "target-users.json",
      "users.json",
    ];
    expect(readdirSync(FIXTURES).sort()).toEqual(names);
    // Outside the project's workspace (a plain clone, CI) only the copies exist.
    if (!existsSync(SHARED)) return;
    expect(readdirSync(SHARED).sort()).toEqual(names);
    for (const name of names) expect(read(name), name).toBe(readFileSync(join(SHARED, name), "utf8"));
  });
});
