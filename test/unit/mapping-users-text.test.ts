import { describe, expect, it } from "vitest";
import { parseCsvUsers, parseJsonUsers, parseUsersText } from "../../src/mapping/index.js";
import { failure } from "../helpers/errors.js";

describe("sample users from text", () => {
  it("reads a JSON array, or one object", () => {
    expect(parseUsersText('[{"a":"1"},{"a":"2"}]')).toEqual([{ a: "1" }, { a: "2" }]);
    expect(parseUsersText('\uFEFF {"a":"1"} ')).toEqual([{ a: "1" }]);
    expect(parseUsersText("  ")).toEqual([]);
  });

  it("reads JSON Lines", () => {
    expect(parseUsersText('{"a":"1"}\n\n{"a":"2"}\r\n')).toEqual([{ a: "1" }, { a: "2" }]);
  });

  it("reads CSV with a header row, quoting, multi-valued cells and empty cells as absent", () => {
    const csv =
      'givenName,surname,proxyAddresses,title\r\nZoë,"Ång, ""ström""","[""a"",""b""]",\nAda,Lovelace,,Countess\n';
    expect(parseUsersText(csv)).toEqual([
      { givenName: "Zoë", surname: 'Ång, "ström"', proxyAddresses: ["a", "b"] },
      { givenName: "Ada", surname: "Lovelace", title: "Countess" },
    ]);
  });

  it("says what is wrong with malformed input", () => {
    expect(failure(() => parseUsersText('[{"a":')).code).toBe("invalid-users");
    expect(failure(() => parseUsersText('{"a":"1"}\n{oops}')).message).toContain("line 2, column 2");
    expect(failure(() => parseUsersText("[1] x")).code).toBe("invalid-users");
    expect(failure(() => parseCsvUsers(",,\n1,2")).code).toBe("invalid-users");
    expect(failure(() => parseJsonUsers("42")).code).toBe("invalid-users");
    expect(parseJsonUsers('\uFEFF{"a":"1"}')).toEqual([{ a: "1" }]);
  });
});
