import { describe, expect, it } from "vitest";
import {
  ENTERPRISE_USER_SCHEMA,
  parseTargetPath,
  readTargetValue,
  targetWriter,
  writeTargetValue,
} from "../../src/mapping/target-path.js";

/**
 * SCIM target attribute paths as Entra writes them (SPEC §c.1): how a path is read, how a target resource's
 * value at a path is found (attribute names in any case, as SCIM compares them), and how a value is written
 * into a POST body being assembled.
 */
const parts = (name: string) => {
  const { schema, attribute, filter, subAttribute } = parseTargetPath(name);
  return { schema, attribute, filter, subAttribute };
};
const plain = { schema: undefined, filter: undefined, subAttribute: undefined };

describe("reading a target path", () => {
  it("a core attribute is just its name, and the parse keeps the name as mapped", () => {
    expect(parts("userName")).toStrictEqual({ ...plain, attribute: "userName" });
    expect(parseTargetPath("userName").name).toBe("userName");
  });

  it("a dotted path names a sub-attribute", () => {
    expect(parts("name.givenName")).toStrictEqual({ ...plain, attribute: "name", subAttribute: "givenName" });
  });

  it("a value filter names the item of a multi-valued attribute, with or without a sub-attribute", () => {
    expect(parts('emails[type eq "work"].value')).toStrictEqual({
      ...plain,
      attribute: "emails",
      filter: { attribute: "type", value: "work" },
      subAttribute: "value",
    });
    // `eq` in any case, spaces inside the brackets, an empty filter value.
    expect(parts('phoneNumbers[ type EQ "mobile" ]')).toStrictEqual({
      ...plain,
      attribute: "phoneNumbers",
      filter: { attribute: "type", value: "mobile" },
    });
    expect(parts('emails[type eq ""].display')).toStrictEqual({
      ...plain,
      attribute: "emails",
      filter: { attribute: "type", value: "" },
      subAttribute: "display",
    });
  });

  it("a bracket that is no value filter is part of the attribute name", () => {
    expect(parts("roles[0]")).toStrictEqual({ ...plain, attribute: "roles[0]" });
    expect(parts('emails[type ne "work"].value')).toStrictEqual({
      ...plain,
      attribute: 'emails[type ne "work"].value',
    });
  });

  it("an extension attribute carries its schema URN; the URN ends at the last colon before any filter", () => {
    expect(parts(`${ENTERPRISE_USER_SCHEMA}:employeeNumber`)).toStrictEqual({
      ...plain,
      schema: ENTERPRISE_USER_SCHEMA,
      attribute: "employeeNumber",
    });
    expect(parts(`${ENTERPRISE_USER_SCHEMA}:manager.value`)).toStrictEqual({
      ...plain,
      schema: ENTERPRISE_USER_SCHEMA,
      attribute: "manager",
      subAttribute: "value",
    });
    expect(parts('urn:example:1.0:User:addresses[type eq "a:b"].region')).toStrictEqual({
      schema: "urn:example:1.0:User",
      attribute: "addresses",
      filter: { attribute: "type", value: "a:b" },
      subAttribute: "region",
    });
    expect(parts("URN:example:User:badge")).toStrictEqual({
      ...plain,
      schema: "URN:example:User",
      attribute: "badge",
    });
  });

  it("the core user schema's URN, in any case, names a core attribute", () => {
    expect(parts("urn:ietf:params:scim:schemas:core:2.0:User:userName")).toStrictEqual({
      ...plain,
      attribute: "userName",
    });
    expect(parts("URN:IETF:PARAMS:SCIM:SCHEMAS:CORE:2.0:USER:title")).toStrictEqual({
      ...plain,
      attribute: "title",
    });
  });

  it("a name that starts with urn only further in is a core attribute", () => {
    expect(parts("xurn:a:b")).toStrictEqual({ ...plain, attribute: "xurn:a:b" });
  });
});

describe("the value a target resource holds at a path", () => {
  const read = (resource: unknown, name: string) => readTargetValue(resource, parseTargetPath(name));

  it("attribute names compare in any case; an exact key wins over one in another case", () => {
    expect(read({ USERNAME: "a@contoso.com" }, "userName")).toBe("a@contoso.com");
    expect(read({ username: "other", userName: "exact" }, "userName")).toBe("exact");
    expect(read({ name: { FamilyName: "Doe" } }, "name.familyName")).toBe("Doe");
    expect(read({ title: "Eng" }, "displayName")).toBeUndefined();
  });

  it("nothing is read from a value that is not an object", () => {
    expect(read(null, "userName")).toBeUndefined();
    expect(read(["userName"], "0")).toBeUndefined();
    expect(read("text", "length")).toBeUndefined();
    expect(read({ name: "Doe" }, "name.familyName")).toBeUndefined();
    expect(read({ name: [{ familyName: "Doe" }] }, "name.familyName")).toBeUndefined();
  });

  it("an extension attribute is read under its schema URN, not at the top level", () => {
    const resource = { employeeNumber: "top", [ENTERPRISE_USER_SCHEMA]: { employeeNumber: "E7" } };
    expect(read(resource, `${ENTERPRISE_USER_SCHEMA}:employeeNumber`)).toBe("E7");
    expect(read({ employeeNumber: "top" }, `${ENTERPRISE_USER_SCHEMA}:employeeNumber`)).toBeUndefined();
    expect(
      read(
        { [ENTERPRISE_USER_SCHEMA]: { manager: { value: "m1" } } },
        `${ENTERPRISE_USER_SCHEMA}:manager.value`,
      ),
    ).toBe("m1");
  });

  it("a value filter picks the first item whose filter attribute matches in any case", () => {
    const resource = {
      emails: [
        { type: "home", value: "home@x.com" },
        { type: "WORK", value: "work@x.com", display: "Work" },
        { type: "work", value: "second@x.com" },
      ],
    };
    expect(read(resource, 'emails[type eq "work"].value')).toBe("work@x.com");
    expect(read(resource, 'emails[type eq "Work"].display')).toBe("Work");
    // Without a sub-attribute, the item's value.
    expect(read(resource, 'emails[type eq "home"]')).toBe("home@x.com");
    expect(read(resource, 'emails[type eq "other"].value')).toBeUndefined();
  });

  it("a value filter on something that is not a list finds nothing", () => {
    expect(read({ emails: { type: "work", value: "w" } }, 'emails[type eq "work"].value')).toBeUndefined();
    expect(read({}, 'emails[type eq "work"].value')).toBeUndefined();
  });

  it("a filter on a boolean sub-attribute matches the JSON boolean by its text, in any case", () => {
    const resource = {
      emails: [
        { primary: false, value: "no@x.com" },
        { primary: true, value: "yes@x.com" },
      ],
    };
    expect(read(resource, 'emails[primary eq "True"].value')).toBe("yes@x.com");
    expect(read(resource, 'emails[primary eq "false"].value')).toBe("no@x.com");
    // A number is neither a boolean nor a text: it matches no filter.
    expect(read({ emails: [{ type: 1, value: "one" }] }, 'emails[type eq "1"].value')).toBeUndefined();
  });
});

describe("writing a value into a POST body", () => {
  const write = (names: readonly (readonly [string, unknown])[], start: Record<string, unknown> = {}) => {
    for (const [name, value] of names) writeTargetValue(start, parseTargetPath(name), value);
    return start;
  };

  it("a core attribute is a property; a dotted path a nested object, shared by its sub-attributes", () => {
    expect(
      write([
        ["userName", "a@x.com"],
        ["name.givenName", "Ann"],
        ["name.familyName", "Lee"],
      ]),
    ).toStrictEqual({ userName: "a@x.com", name: { givenName: "Ann", familyName: "Lee" } });
  });

  it("a dotted path replaces what is not an object at its attribute", () => {
    expect(write([["name.givenName", "Ann"]], { name: "Ann Lee" })).toStrictEqual({
      name: { givenName: "Ann" },
    });
    expect(write([["name.givenName", "Ann"]], { name: ["x"] })).toStrictEqual({ name: { givenName: "Ann" } });
    expect(write([["name.givenName", "Ann"]], { name: null })).toStrictEqual({ name: { givenName: "Ann" } });
  });

  it("an extension attribute goes into an object under its schema URN", () => {
    expect(
      write([
        [`${ENTERPRISE_USER_SCHEMA}:employeeNumber`, "7"],
        [`${ENTERPRISE_USER_SCHEMA}:costCenter`, "CC"],
        [`${ENTERPRISE_USER_SCHEMA}:manager.value`, "m1"],
      ]),
    ).toStrictEqual({
      [ENTERPRISE_USER_SCHEMA]: { employeeNumber: "7", costCenter: "CC", manager: { value: "m1" } },
    });
  });

  it("a filtered path becomes a list item carrying the filter; paths with one filter share the item", () => {
    expect(
      write([
        ['emails[type eq "work"].value', "w@x.com"],
        ['emails[type eq "work"].display', "Work"],
        ['emails[type eq "home"].value', "h@x.com"],
        ['phoneNumbers[type eq "mobile"]', "+1"],
      ]),
    ).toStrictEqual({
      emails: [
        { type: "work", value: "w@x.com", display: "Work" },
        { type: "home", value: "h@x.com" },
      ],
      phoneNumbers: [{ type: "mobile", value: "+1" }],
    });
  });

  it("a filter in another case falls back to the same item", () => {
    expect(
      write([
        ['emails[type eq "work"].value', "w@x.com"],
        ['emails[type eq "Work"].display', "Work"],
      ]),
    ).toStrictEqual({ emails: [{ type: "work", value: "w@x.com", display: "Work" }] });
  });

  it("a list replaces what is not a list at the filtered attribute", () => {
    expect(write([['emails[type eq "work"].value', "w"]], { emails: "x" })).toStrictEqual({
      emails: [{ type: "work", value: "w" }],
    });
  });

  it("a primary filter writes the JSON boolean; other filters and other values stay text", () => {
    expect(
      write([
        ['emails[primary eq "True"].value', "p@x.com"],
        ['addresses[Primary eq "FALSE"].region', "EU"],
        ['phoneNumbers[primary eq "yes"].value', "+1"],
        ['ims[type eq "true"].value', "im"],
      ]),
    ).toStrictEqual({
      emails: [{ primary: true, value: "p@x.com" }],
      addresses: [{ Primary: false, region: "EU" }],
      phoneNumbers: [{ primary: "yes", value: "+1" }],
      ims: [{ type: "true", value: "im" }],
    });
    // The boolean item is found again for the next path of that filter.
    expect(
      write([
        ['emails[primary eq "true"].value', "p@x.com"],
        ['emails[primary eq "true"].display', "P"],
      ]),
    ).toStrictEqual({ emails: [{ primary: true, value: "p@x.com", display: "P" }] });
  });

  it("a filtered extension attribute goes into the list under the schema URN", () => {
    expect(write([['urn:example:User:badges[type eq "door"].value', "B1"]])).toStrictEqual({
      "urn:example:User": { badges: [{ type: "door", value: "B1" }] },
    });
  });

  it("the writer made for a path writes as writeTargetValue does, for every kind of path", () => {
    for (const name of [
      "userName",
      "name.givenName",
      `${ENTERPRISE_USER_SCHEMA}:department`,
      'emails[type eq "work"].value',
      'phoneNumbers[type eq "mobile"]',
      `${ENTERPRISE_USER_SCHEMA}:manager.value`,
    ]) {
      const path = parseTargetPath(name);
      const viaWriter: Record<string, unknown> = {};
      const direct: Record<string, unknown> = {};
      targetWriter(path)(viaWriter, "v");
      writeTargetValue(direct, path, "v");
      expect(viaWriter).toStrictEqual(direct);
      expect(readTargetValue(viaWriter, path)).toBe("v");
    }
  });
});
