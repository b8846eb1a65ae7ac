import { describe, expect, it } from "vitest";
import { parseTargetText } from "../../src/mapping/index.js";
import { failure } from "../helpers/errors.js";

describe("target directory from text", () => {
  it("reads a JSON array of SCIM resources, a SCIM ListResponse, or nothing", () => {
    expect(parseTargetText('[{"id":"1"}]')).toEqual([{ id: "1" }]);
    expect(parseTargetText('{"totalResults":1,"Resources":[{"id":"1"}]}')).toEqual([{ id: "1" }]);
    expect(parseTargetText(" \n")).toEqual([]);
  });

  it("says what is wrong with anything else", () => {
    expect(failure(() => parseTargetText("[{")).code).toBe("invalid-target");
    expect(failure(() => parseTargetText('{"id":"1"}')).code).toBe("invalid-target");
  });
});
