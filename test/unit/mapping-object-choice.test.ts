import { describe, expect, it } from "vitest";
import { loadConfig, type MappingConfig } from "../../src/index.js";
import { chooseObjectMapping } from "../../src/mapping/object-choice.js";

/**
 * Which object mapping a user preview runs (SPEC Part 1 "Which object mapping"), and the message that
 * says why none can run: it names what the configuration has, so that the admin sees the cause.
 */
function config(objects: string): MappingConfig {
  const loaded = loadConfig(`objects:\n${objects}`);
  expect(loaded.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return loaded;
}
const object = (name: string, source: string, target: string, enabled = true) =>
  [
    `  - name: ${name}`,
    `    source: ${source}`,
    `    target: ${target}`,
    `    enabled: ${enabled}`,
    "    mappings:",
    "      - { target: displayName, attribute: displayName, match: 1 }",
  ].join("\n");
const nameOf = (choice: ReturnType<typeof chooseObjectMapping>) => choice.object?.name;

describe("the object mapping a preview runs", () => {
  it("the first enabled mapping whose source is User (in any case), not the first mapping", () => {
    const c = config(
      [
        object("Groups", "Group", "Group"),
        object("Old users", "User", "User", false),
        object("Users", "user", "User"),
        object("More users", "User", "User"),
      ].join("\n"),
    );
    expect(nameOf(chooseObjectMapping(c))).toBe("Users");
  });

  it("the one named, even a disabled one or one for groups", () => {
    const c = config([object("Groups", "Group", "Group", false), object("Users", "User", "User")].join("\n"));
    expect(nameOf(chooseObjectMapping(c, "Groups"))).toBe("Groups");
    expect(nameOf(chooseObjectMapping(c, "Users"))).toBe("Users");
  });
});

describe("why no object mapping can run", () => {
  it("a name no mapping has: the message lists every mapping with its objects, and which are disabled", () => {
    const c = config([object("Groups", "Group", "Group", false), object("Users", "User", "User")].join("\n"));
    expect(chooseObjectMapping(c, "Nope")).toStrictEqual({
      problem: {
        code: "no-object-mapping",
        message:
          'The configuration has no object mapping named "Nope"; it has "Groups" (Group → Group, disabled), "Users" (User → User).',
      },
    });
  });

  it("only a disabled user mapping: the message names it and says how to preview", () => {
    const c = config([object("Groups", "Group", "Group"), object("Users", "User", "User", false)].join("\n"));
    expect(chooseObjectMapping(c)).toStrictEqual({
      problem: {
        code: "no-object-mapping",
        message:
          'The configuration\'s user object mapping "Users" is disabled; enable it to preview users (or name it with objectMapping).',
      },
    });
  });

  it("no user mapping at all: the message lists what there is", () => {
    const c = config(object("Groups", "Group", "Group"));
    expect(chooseObjectMapping(c).problem?.message).toBe(
      'The configuration has no object mapping for users (source object User), so no user can be previewed; it has "Groups" (Group → Group). Add a User object mapping.',
    );
  });

  it("a configuration a program built without object mappings has none, named or not", () => {
    const empty = { objects: "none" } as unknown as MappingConfig;
    expect(chooseObjectMapping(empty, "Users").problem?.message).toBe(
      'The configuration has no object mapping named "Users"; it has none.',
    );
    expect(chooseObjectMapping(undefined as unknown as MappingConfig).problem?.message).toBe(
      "The configuration has no object mapping for users (source object User), so no user can be previewed; it has none. Add a User object mapping.",
    );
    const odd = { objects: [{ name: "X", sourceObjectName: 7, targetObjectName: "T", enabled: true }] };
    expect(chooseObjectMapping(odd as unknown as MappingConfig).problem?.code).toBe("no-object-mapping");
  });
});
