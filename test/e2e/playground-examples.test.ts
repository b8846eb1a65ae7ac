import { describe, expect, it } from "vitest";
import { examples } from "../../playground/src/examples.js";
import { evaluate, render } from "../../src/index.js";

// What each gallery example shows for its own sample user (the random password only has a shape).
const expected: Record<string, unknown> = {
  "UPN from first and last name": "Zoe.VanderBerg@contoso.com",
  "Unique UPN candidates (SelectUniqueValue)": "Jose.GarciaLopez@contoso.com",
  "Phone normalisation (Replace with a regex)": "+14255550100",
  "Workday hire date to AD format": "20260301080000.0Z",
  "Role mapping with Switch": "Manager",
  "Scoping by department": "True",
  "Skip an empty manager": null,
  "Display name with a fallback": "Ada Lovelace",
  "Proxy addresses (multi-valued)": ["SMTP:ada@contoso.com", "smtp:ada@contoso.onmicrosoft.com"],
};

describe("the playground's examples gallery", () => {
  it("holds at least 8 realistic examples, each evaluating to its documented result", () => {
    expect(examples.length).toBeGreaterThanOrEqual(8);
    for (const example of examples) {
      const value = render(evaluate(example.expression, example.attributes));
      if (example.title === "Initial password") expect(value).toMatch(/^.{16}$/);
      else
        expect({ title: example.title, value }).toEqual({
          title: example.title,
          value: expected[example.title],
        });
    }
  });
});
