import { describe, expect, it } from "vitest";
import { loadConfig, preview } from "../../src/index.js";

/**
 * Lean results (`details: false`, the CLI without --details): every action comes out as with details,
 * only without steps; and with details, the Action step lists exactly the notes of the mappings.
 */
const CONFIG = `mappings:
  - { target: userName, attribute: userPrincipalName, match: 1 }
  - { target: active, expression: 'Switch([IsSoftDeleted], , "False", "True", "True", "False")' }
  - { target: title, attribute: jobTitle }
`;
const USERS = [
  { userPrincipalName: "new@contoso.com", jobTitle: "Eng" },
  { userPrincipalName: "upd@contoso.com", jobTitle: "Eng" },
  { userPrincipalName: "same@contoso.com", jobTitle: "Eng" },
  { userPrincipalName: "del@contoso.com", IsSoftDeleted: true },
  { userPrincipalName: "gone@contoso.com", IsSoftDeleted: true },
  { userPrincipalName: "deld@contoso.com", IsSoftDeleted: true },
];
const TARGET = [
  { id: "t2", userName: "upd@contoso.com", title: "Intern" },
  { id: "t3", userName: "same@contoso.com", title: "Eng" },
  { id: "t4", userName: "del@contoso.com", active: true },
  { id: "t6", userName: "deld@contoso.com", active: false },
];

describe("lean results", () => {
  it("every action as with details, with no steps", () => {
    const lean = preview(loadConfig(CONFIG), USERS, { target: TARGET, details: false });
    expect(lean.map((r) => [r.action, r.skipReason ?? null, r.steps.length])).toStrictEqual([
      ["Create", null, 0],
      ["Update", null, 0],
      ["Skip", "RedundantExport", 0],
      ["Disable", null, 0],
      ["Skip", "NotEffectivelyEntitled", 0],
      ["Skip", "RedundantExport", 0],
    ]);
  });

  it("with details, a create's Action step lists each mapping's note and nothing else", () => {
    const [created] = preview(loadConfig(CONFIG), [USERS[0]]);
    expect(created?.steps.at(-1)?.details.attributes).toStrictEqual([
      { target: "userName", outcome: "exported", value: "new@contoso.com" },
      { target: "active", outcome: "null" },
      { target: "title", outcome: "exported", value: "Eng" },
    ]);
  });
});
