import { describe, expect, it } from "vitest";
import { TargetDirectory } from "../../src/mapping/target-directory.js";

/**
 * The target app's directory before the run: which resources hold a value at a target attribute (for
 * matching and SelectUniqueValue), compared as SCIM servers filter, and a resource's id.
 */
const ann = {
  id: "t1",
  userName: "Ann@Contoso.com",
  emails: [{ value: "ann@x.com" }, { value: "ANN@x.com" }],
};
const bob = { id: "t2", userName: "bob@contoso.com", emails: ["bob@x.com", 7, true, { value: 3 }, null] };
const carl = { id: "t3", userName: "carl@contoso.com", employeeId: 42, active: false };

describe("finding resources by a target attribute's value", () => {
  it("keeps only the objects of a list; anything else is an empty directory", () => {
    const directory = new TargetDirectory([ann, null, "text", 3, [bob], bob]);
    expect(directory.resources).toStrictEqual([ann, [bob], bob]);
    expect(new TargetDirectory({ Resources: [ann] }).resources).toStrictEqual([]);
    expect(new TargetDirectory(undefined).find("userName", "ann@contoso.com", false)).toStrictEqual([]);
  });

  it("compares in any case unless the attribute is caseExact", () => {
    const directory = new TargetDirectory([ann, bob]);
    expect(directory.find("userName", "ann@contoso.com", false)).toStrictEqual([ann]);
    expect(directory.find("userName", "ann@contoso.com", true)).toStrictEqual([]);
    expect(directory.find("userName", "Ann@Contoso.com", true)).toStrictEqual([ann]);
    expect(directory.find("userName", "nobody@contoso.com", false)).toStrictEqual([]);
  });

  it("finds a resource by any value of a multi-valued attribute, once even when two values match", () => {
    const directory = new TargetDirectory([ann, bob]);
    expect(directory.find("emails", "ann@x.com", false)).toStrictEqual([ann]);
    expect(directory.find("emails", "ANN@x.com", true)).toStrictEqual([ann]);
    expect(directory.find("emails", "bob@x.com", false)).toStrictEqual([bob]);
  });

  it("numbers and booleans are found by their text; a null item or a non-text value finds nothing", () => {
    const directory = new TargetDirectory([bob, carl]);
    expect(directory.find("employeeId", "42", true)).toStrictEqual([carl]);
    expect(directory.find("active", "False", false)).toStrictEqual([carl]);
    expect(directory.find("emails", "7", false)).toStrictEqual([bob]);
    expect(directory.find("emails", "true", false)).toStrictEqual([bob]);
    expect(directory.find("emails", "3", false)).toStrictEqual([]);
    expect(directory.find("emails", "null", false)).toStrictEqual([]);
  });

  it("reads the value at a SCIM path", () => {
    const dana = { id: "t4", emails: [{ type: "work", value: "dana@x.com" }], name: { familyName: "Moe" } };
    const directory = new TargetDirectory([ann, dana]);
    expect(directory.find('emails[type eq "work"].value', "DANA@x.com", false)).toStrictEqual([dana]);
    expect(directory.find("name.familyName", "moe", false)).toStrictEqual([dana]);
  });

  it("several resources holding the value are all found, in directory order", () => {
    const twin = { id: "t9", userName: "ann@contoso.com" };
    const directory = new TargetDirectory([ann, bob, twin]);
    expect(directory.find("userName", "ANN@contoso.com", false)).toStrictEqual([ann, twin]);
    expect(directory.find("userName", "ann@contoso.com", true)).toStrictEqual([twin]);
  });

  it("exists() answers in any case", () => {
    const directory = new TargetDirectory([ann]);
    expect(directory.exists("userName", "ANN@CONTOSO.COM")).toBe(true);
    expect(directory.exists("userName", "ann")).toBe(false);
    expect(directory.exists("displayName", "Ann")).toBe(false);
  });
});

describe("a resource's id", () => {
  it("is a non-blank text or a finite number", () => {
    expect(TargetDirectory.knownIdOf({ id: "t1" })).toBe("t1");
    expect(TargetDirectory.knownIdOf({ id: " t1 " })).toBe(" t1 ");
    expect(TargetDirectory.knownIdOf({ id: 12 })).toBe("12");
    expect(TargetDirectory.knownIdOf({ id: 0 })).toBe("0");
  });

  it("is unknown when absent, blank, not finite, or of another type", () => {
    for (const resource of [
      {},
      { id: "" },
      { id: "  " },
      { id: Number.NaN },
      { id: Number.POSITIVE_INFINITY },
      { id: true },
      { id: { value: "t1" } },
      null,
      undefined,
    ]) {
      expect(TargetDirectory.knownIdOf(resource)).toBeUndefined();
      expect(TargetDirectory.idOf(resource)).toBe("");
    }
    expect(TargetDirectory.idOf({ id: 5 })).toBe("5");
  });
});
