import { describe, expect, it } from "vitest";
import { loadConfig, preview } from "../../src/index.js";
import { unique } from "../../src/mapping/user-outcome.js";

/**
 * A user's warnings are listed once each (the same warning can be raised by the Import step and again by
 * the export), in the order they were raised; two warnings differ by code, target or message.
 */
const w = (code: string, target: string, message: string) => ({ code, target, message });

describe("a user's warnings, each once", () => {
  it("none, and a single one, come back as they are", () => {
    expect(unique([])).toStrictEqual([]);
    expect(unique([w("a", "t", "m")])).toStrictEqual([w("a", "t", "m")]);
  });

  it("a repeated warning is kept once, at its first place", () => {
    expect(unique([w("a", "t", "m"), w("b", "t", "m"), w("a", "t", "m"), w("b", "t", "m")])).toStrictEqual([
      w("a", "t", "m"),
      w("b", "t", "m"),
    ]);
  });

  it("warnings that differ only by code, by target or by message are all kept", () => {
    const list = [w("a", "t", "m"), w("b", "t", "m"), w("a", "u", "m"), w("a", "t", "n")];
    expect(unique(list)).toStrictEqual(list);
    // The parts are kept apart: "a" + "tm" is not "at" + "m".
    expect(unique([w("a", "tm", ""), w("at", "m", "")])).toHaveLength(2);
  });

  it("the preview lists an IIF on a null attribute once per mapping, though the export asks again", () => {
    const config = loadConfig(`mappings:
  - { target: userName, attribute: userPrincipalName, match: 1 }
  - { target: title, expression: 'IIF([jobTitle] = "x", "a", "b")' }
  - { target: nickName, expression: 'IIF([jobTitle] = "y", "a", "b")' }
`);
    const [result] = preview(config, [{ userPrincipalName: "a@contoso.com" }]);
    expect(result?.warnings.map((x) => [x.code, x.target])).toStrictEqual([
      ["iif-null-condition", "title"],
      ["iif-null-condition", "nickName"],
    ]);
  });
});
