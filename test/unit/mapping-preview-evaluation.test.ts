import { describe, expect, it } from "vitest";
import { loadConfig, type MappingConfig, preview } from "../../src/index.js";

/**
 * How the export plan evaluates a user's mappings: each once (the matching values are reused by the
 * export), in batches, with an error surfacing for the first failing mapping in order and only when
 * its value is needed.
 */

function config(text: string): MappingConfig {
  const loaded = loadConfig(text);
  expect(loaded.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return loaded;
}

const counter = () => {
  let calls = 0;
  return {
    random: () => {
      calls++;
      return (calls * 0.137) % 1;
    },
    get calls() {
      return calls;
    },
  };
};

describe("each mapping is evaluated once per user", () => {
  it("a matching attribute computed with Guid() exports the value it matched with", () => {
    const c = config(
      "mappings:\n  - { target: externalId, expression: 'Guid()', match: 1 }\n  - { target: userName, attribute: userPrincipalName }\n",
    );
    const [result] = preview(c, [{ userPrincipalName: "a@x" }], { context: { random: counter().random } });
    const values = result?.steps[0]?.details.matchingValues as { value: string }[] | undefined;
    const matched = values?.[0]?.value;
    expect(matched).toMatch(/^[0-9a-f-]{36}$/);
    expect(result?.requests[0]?.body).toMatchObject({ externalId: matched });
  });

  it("a create asks the random source once per Guid, not once for matching and again for the export", () => {
    const c = config(
      "mappings:\n  - { target: externalId, expression: 'Guid()', match: 1 }\n  - { target: nickName, expression: 'Guid()' }\n",
    );
    const random = counter();
    preview(c, [{}], { context: { random: random.random } });
    const perGuid = random.calls / 2;
    const single = counter();
    preview(config("mappings:\n  - { target: externalId, expression: 'Guid()', match: 1 }\n"), [{}], {
      context: { random: single.random },
    });
    expect(single.calls).toBe(perGuid);
  });
});

describe("errors in a batch", () => {
  const c = () =>
    config(`scope:
  filters:
    - name: Sales
      clauses:
        - { attribute: department, operator: EQUALS, value: Sales }
mappings:
  - { target: userName, attribute: userPrincipalName, match: 1 }
  - { target: title, expression: 'CDate([hired])' }
  - { target: nickName, expression: 'Error("second")' }
`);

  it("the first failing mapping in order fails the user, with its own code and target", () => {
    const [result] = preview(c(), [{ userPrincipalName: "a@x", department: "Sales", hired: "not a date" }]);
    expect(result?.error).toMatchObject({ code: "invalid-date", target: "title" });
    const [second] = preview(c(), [{ userPrincipalName: "a@x", department: "Sales", hired: "2020-01-01" }]);
    expect(second?.error).toMatchObject({ code: "user-error", target: "nickName", message: "second" });
  });

  it("a user out of scope is skipped even though its other mappings would fail", () => {
    const [result] = preview(c(), [{ userPrincipalName: "a@x", department: "Marketing", hired: "nope" }]);
    expect(result?.action).toBe("Skip");
    expect(result?.skipReason).toBe("NotEffectivelyEntitled");
  });

  it("an update evaluates no create-only mapping, so its error cannot fail the update", () => {
    const createOnly = config(`mappings:
  - { target: userName, attribute: userPrincipalName, match: 1 }
  - { target: displayName, attribute: displayName }
  - { target: externalId, expression: 'Error("only on create")', applyOn: create }
`);
    const [update] = preview(createOnly, [{ userPrincipalName: "a@x", displayName: "New" }], {
      target: [{ id: "t1", userName: "a@x", displayName: "Old" }],
    });
    expect(update?.action).toBe("Update");
    const [create] = preview(createOnly, [{ userPrincipalName: "a@x", displayName: "New" }]);
    expect(create?.error).toMatchObject({ code: "user-error", target: "externalId" });
  });
});
