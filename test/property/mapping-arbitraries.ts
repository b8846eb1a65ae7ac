/**
 * Generators for the mapping properties that must reach every action: configurations valid by
 * construction (and broken on purpose, each way with the code it must give), and users built to pass or
 * fail each scoping clause on purpose, so the expected scope of every user is known before the preview.
 */
import fc from "fast-check";
import type { ScopingOperator } from "../../src/index.js";

/** A user attribute left out altogether (not even null). */
export const ABSENT: unique symbol = Symbol("absent");
type UserValue = unknown;

/** One clause and how to build a user value that passes it, and one that fails it. */
export interface ClauseKind {
  readonly operator: ScopingOperator;
  readonly values: readonly string[];
  readonly pass: fc.Arbitrary<UserValue>;
  readonly fail: fc.Arbitrary<UserValue>;
}

/** Null, empty or absent: every operator but IS_NULL fails on them (SPEC Part 1 "Scoping filters"). */
const nothing = fc.constantFrom<UserValue>(null, "", ABSENT);
/** No word holds another, so INCLUDES and ENDS_WITH fail on any other word. */
const WORDS = ["Sales", "Marketing", "Engineering", "Ops", "HR"] as const;
const word = fc.constantFrom(...WORDS);
const otherWord = (than: string) => fc.constantFrom(...WORDS.filter((w) => w !== than));

/** Patterns with texts an unanchored, case-sensitive .NET search finds, and texts it does not. */
const PATTERNS = [
  { pattern: "@fabrikam\\.com$", yes: ["a@fabrikam.com"], no: ["a@fabrikam.com.evil", "a@FABRIKAM.com"] },
  { pattern: "(1[0-9][0-9][0-9][0-9][0-9][0-9])", yes: ["1500000", "21000000"], no: ["2000000", "100"] },
  { pattern: "^Sales|Marketing", yes: ["Sales-EU", "Head of Marketing"], no: ["sales", "Ops Sales"] },
  { pattern: "(?i)^eng", yes: ["ENGINEERING", "eng"], no: ["Ops eng"] },
] as const;

/** An integer as a user might hold it: a number, or text with spaces around it. */
const integerValue = (n: number) => fc.constantFrom<UserValue>(n, String(n), ` ${n} `);

export const clauseKind: fc.Arbitrary<ClauseKind> = fc.oneof(
  word.map((v) => ({
    operator: "EQUALS" as const,
    values: [v],
    pass: fc.constant(v),
    fail: fc.oneof(fc.constantFrom(v.toLowerCase(), `${v} `, ` ${v}`, `${v}x`), nothing),
  })),
  // A Boolean attribute compares as True/False in any case.
  fc.constantFrom("True", "true", "TRUE").map((v) => ({
    operator: "EQUALS" as const,
    values: [v],
    pass: fc.constant(true),
    fail: fc.constant(false),
  })),
  word.map((v) => ({
    operator: "NOT_EQUALS" as const,
    values: [v],
    pass: fc.oneof(otherWord(v), fc.constant(v.toLowerCase())),
    fail: fc.oneof(fc.constant(v), nothing),
  })),
  fc.constant({
    operator: "IS_TRUE" as const,
    values: [],
    pass: fc.constantFrom<UserValue>(true, "True", "true", "TRUE"),
    fail: fc.constantFrom<UserValue>(false, "False", "yes", "1", null, ABSENT),
  }),
  fc.constant({
    operator: "IS_FALSE" as const,
    values: [],
    pass: fc.constantFrom<UserValue>(false, "False", "false"),
    fail: fc.constantFrom<UserValue>(true, "True", "no", "0", null, ABSENT),
  }),
  fc.constant({
    operator: "IS_NULL" as const,
    values: [],
    pass: nothing,
    fail: fc.constantFrom<UserValue>("x", " ", 0, false),
  }),
  fc.constant({
    operator: "IS_NOT_NULL" as const,
    values: [],
    pass: fc.constantFrom<UserValue>("x", " ", 0, false),
    fail: nothing,
  }),
  fc.constantFrom(...PATTERNS).map(({ pattern, yes, no }) => ({
    operator: "REGEX_MATCH" as const,
    values: [pattern],
    pass: fc.constantFrom<UserValue>(...yes),
    fail: fc.oneof(fc.constantFrom<UserValue>(...no), nothing),
  })),
  fc.constantFrom(...PATTERNS).map(({ pattern, yes, no }) => ({
    operator: "NOT_REGEX_MATCH" as const,
    values: [pattern],
    pass: fc.constantFrom<UserValue>(...no),
    fail: fc.oneof(fc.constantFrom<UserValue>(...yes), nothing),
  })),
  fc.integer({ min: -50, max: 50 }).map((n) => ({
    operator: "GREATER_THAN" as const,
    values: [String(n)],
    pass: fc.integer({ min: 1, max: 1000 }).chain((k) => integerValue(n + k)),
    fail: fc.oneof(
      fc.integer({ min: 0, max: 1000 }).chain((k) => integerValue(n - k)),
      fc.constantFrom<UserValue>("ten", "1.5"),
      nothing,
    ),
  })),
  fc.integer({ min: -50, max: 50 }).map((n) => ({
    operator: "GREATER_THAN_OR_EQUALS" as const,
    values: [` ${n}`],
    pass: fc.integer({ min: 0, max: 1000 }).chain((k) => integerValue(n + k)),
    fail: fc.oneof(
      fc.integer({ min: 1, max: 1000 }).chain((k) => integerValue(n - k)),
      nothing,
    ),
  })),
  word.map((v) => ({
    operator: "INCLUDES" as const,
    values: [v],
    pass: fc.constantFrom(v, `pre ${v}`, `${v} post`, `(${v})`),
    fail: fc.oneof(otherWord(v), fc.constant(v.toLowerCase()), nothing),
  })),
  word.map((v) => ({
    operator: "ENDS_WITH" as const,
    values: [v],
    pass: fc.constantFrom(v, `Head of ${v}`),
    fail: fc.oneof(fc.constant(`${v} team`), otherWord(v), nothing),
  })),
);

/** One source attribute per clause, none of them read by a mapping: clauses cannot interfere. */
export const SCOPE_ATTRIBUTES = [
  "department",
  "jobTitle",
  "employeeType",
  "country",
  "city",
  "companyName",
  "officeLocation",
  "state",
  "postalCode",
] as const;

export const EXTENSION = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

/**
 * The mappings a generated configuration may hold besides `userName` (matching, always there); each
 * exports a value for every generated user, and `alter` changes that value in a target object so the
 * update must PATCH it.
 */
export const OPTIONAL_MAPPINGS = [
  {
    entry: { target: "active", expression: 'Switch([IsSoftDeleted], , "False", "True", "True", "False")' },
    alter: (body: Body) => {
      body.active = false;
    },
  },
  {
    entry: { target: "displayName", attribute: "displayName" },
    alter: (body: Body) => {
      body.displayName = "Someone Else";
    },
  },
  {
    entry: { target: "name.givenName", attribute: "givenName" },
    alter: (body: Body) => {
      (body.name as Body).givenName = "Someone";
    },
  },
  {
    entry: { target: "name.formatted", expression: 'Join(" ", [givenName], [surname])' },
    alter: (body: Body) => {
      delete (body.name as Body).formatted;
    },
  },
  {
    entry: { target: 'emails[type eq "work"].value', attribute: "mail" },
    alter: (body: Body) => {
      (body.emails as Body[])[0]!.value = "someone@else.example";
    },
  },
  {
    entry: { target: `${EXTENSION}:organization`, constant: "Contoso Ltd" },
    alter: (body: Body) => {
      (body[EXTENSION] as Body).organization = "Fabrikam";
    },
  },
  {
    entry: { target: "roles", expression: "AppRoleAssignmentsComplex([appRoleAssignments])" },
    alter: (body: Body) => {
      delete body.roles;
    },
  },
] as const;

export type Body = Record<string, unknown>;

/** A generated scope: no filters (everyone), or 1–3 filters of 1–3 clauses. */
export const scopePlan: fc.Arbitrary<readonly (readonly ClauseKind[])[]> = fc.oneof(
  { weight: 1, arbitrary: fc.constant([]) },
  {
    weight: 5,
    arbitrary: fc.array(fc.array(clauseKind, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }),
  },
);

export interface ConfigPlan {
  readonly scope: readonly (readonly ClauseKind[])[];
  /** Indexes into {@link OPTIONAL_MAPPINGS}, at least one. */
  readonly mappings: readonly number[];
}

export const configPlan: fc.Arbitrary<ConfigPlan> = fc.record({
  scope: scopePlan,
  mappings: fc.subarray(
    OPTIONAL_MAPPINGS.map((_, i) => i),
    { minLength: 1 },
  ),
});

export const clauseAttribute = (filter: number, clause: number) => SCOPE_ATTRIBUTES[filter * 3 + clause]!;

/** The configuration as provex YAML, one clause or mapping per line (a JSON flow mapping). */
export function configText(plan: ConfigPlan, options: { scope?: boolean } = {}): string {
  const lines = ["object:", "  name: Generated users", "  source: User", `  target: ${EXTENSION}`];
  if (options.scope !== false && plan.scope.length > 0) {
    lines.push("scope:", "  filters:");
    plan.scope.forEach((clauses, f) => {
      lines.push(`    - name: filter ${f}`, "      clauses:");
      clauses.forEach((kind, c) => {
        lines.push(`        - ${clauseLine(kind, clauseAttribute(f, c))}`);
      });
    });
  }
  lines.push(
    "mappings:",
    `  - ${JSON.stringify({ target: "userName", attribute: "userPrincipalName", match: 1 })}`,
  );
  for (const index of plan.mappings) lines.push(`  - ${JSON.stringify(OPTIONAL_MAPPINGS[index]!.entry)}`);
  return `${lines.join("\n")}\n`;
}

function clauseLine(kind: ClauseKind, attribute: string): string {
  const values =
    kind.values.length === 0
      ? {}
      : kind.values.length === 1
        ? { value: kind.values[0] }
        : { values: kind.values };
  return JSON.stringify({ attribute, operator: kind.operator, ...values });
}

/**
 * What becomes of one user in the target: `absent` (no target object), `same` (the target holds exactly
 * what a create would POST), `altered` (one exported attribute differs; for a soft-deleted user: the
 * target object is already disabled).
 */
export type TargetState = "absent" | "same" | "altered";

export interface UserPlan {
  /** Per filter, per clause: whether the user's value is built to pass it. */
  readonly passes: readonly (readonly boolean[])[];
  readonly values: readonly (readonly UserValue[])[];
  readonly softDeleted: boolean;
  readonly target: TargetState;
  /** Which of the configuration's optional mappings `altered` changes (an index into plan.mappings). */
  readonly altered: number;
  readonly displayName: string;
  readonly givenName: string;
  readonly surname: string;
}

const name = fc.stringMatching(/^[A-Za-zÀ-ÿ' -]{1,12}$/).filter((s) => s.trim() === s && s !== "");

/** Users for one scope: per filter, a coin says whether it holds (all clauses pass) or not (one fails). */
export function userPlan(scope: readonly (readonly ClauseKind[])[]): fc.Arbitrary<UserPlan> {
  const filterPlan = (clauses: readonly ClauseKind[]) =>
    fc
      .tuple(
        fc.boolean(),
        fc.array(fc.boolean(), { minLength: clauses.length, maxLength: clauses.length }),
        fc.nat(),
      )
      .chain(([holds, coins, failing]) => {
        const passes = holds
          ? clauses.map(() => true)
          : coins.map((coin, i) => coin && i !== failing % clauses.length);
        return fc
          .tuple(...clauses.map((kind, i) => (passes[i] ? kind.pass : kind.fail)))
          .map((values) => ({ passes, values }));
      });
  return fc
    .record({
      filters: fc.tuple(...scope.map(filterPlan)),
      // One user in three is soft-deleted: the Disable path.
      softDeleted: fc.nat(2).map((n) => n === 0),
      target: fc.constantFrom<TargetState>("absent", "same", "altered"),
      altered: fc.nat(),
      displayName: name,
      givenName: name,
      surname: name,
    })
    .map(({ filters, ...rest }) => ({
      ...rest,
      passes: filters.map((f) => f.passes),
      values: filters.map((f) => f.values),
    }));
}

/** The source user of a plan: clause attributes as planned, the mapped attributes always filled. */
export function sourceUser(
  plan: UserPlan,
  index: number,
  softDeleted = plan.softDeleted,
): Record<string, unknown> {
  const user: Record<string, unknown> = {
    objectId: `object-${index}`,
    userPrincipalName: `user${index}@contoso.com`,
    displayName: plan.displayName,
    givenName: plan.givenName,
    surname: plan.surname,
    mail: `user${index}@contoso.com`,
    IsSoftDeleted: softDeleted,
    appRoleAssignments: [{ id: `role-${index}`, value: "User", displayName: "Default user" }],
  };
  plan.values.forEach((values, f) => {
    values.forEach((value, c) => {
      if (value !== ABSENT) user[clauseAttribute(f, c)] = value;
    });
  });
  return user;
}

/** In scope as SPEC says: no filters → everyone; else some filter whose every clause holds. */
export function expectedInScope(plan: UserPlan): boolean {
  return plan.passes.length === 0 || plan.passes.some((clauses) => clauses.every(Boolean));
}
