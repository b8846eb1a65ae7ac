import { type Diagnostic, diagnostic } from "../diagnostics/index.js";
import type { MappingConfig } from "../mapping/model.js";
import type { TestFile } from "./test-file.js";
import type { TestCase, TestSuite } from "./test-types.js";

/** The files an expectation file names, once read. */
export interface TestSuiteInputs {
  readonly name: string;
  readonly config: MappingConfig;
  readonly target?: readonly unknown[];
  readonly users?: readonly unknown[];
  /** `now:` of the file, already read as an instant. */
  readonly now?: Date;
}

/**
 * A parsed expectation file with its files read: each case's user taken from the users file when it is
 * named there (objectId, userPrincipalName or mailNickname, or `#n` for the n-th), `with:` applied.
 * An unknown reference is a diagnostic at the case.
 */
export function resolveTestSuite(
  file: TestFile,
  inputs: TestSuiteInputs,
): { suite: TestSuite; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const users = inputs.users ?? [];
  const cases: TestCase[] = [];
  for (const item of file.cases) {
    let user: unknown = item.user;
    if (typeof item.user === "string") {
      user = findUser(users, item.user);
      if (user === undefined) {
        diagnostics.push(
          diagnostic(
            "test-unknown-user",
            "error",
            inputs.users === undefined
              ? `The case names the user ${JSON.stringify(item.user)}, but the file has no users: (a users file to take it from); give users: or the user's attributes inline.`
              : `No user of the users file has objectId, userPrincipalName or mailNickname ${JSON.stringify(item.user)} (nor is it #1…#${users.length}).`,
            item.offsets,
          ),
        );
        continue;
      }
    }
    if (item.with) user = applyWith(user, item.with);
    cases.push({
      name: item.name,
      user,
      expect: item.expect,
      snapshot: item.snapshot,
      position: item.position,
      positions: item.positions,
    });
  }
  const context = {
    ...(inputs.now ? { now: inputs.now } : {}),
    ...(file.defaultDomain ? { defaultDomain: file.defaultDomain } : {}),
  };
  return {
    suite: {
      name: inputs.name,
      config: inputs.config,
      ...(inputs.target ? { target: inputs.target } : {}),
      ...(inputs.users ? { users: inputs.users } : {}),
      cases,
      context,
      ...(file.seed !== undefined ? { seed: file.seed } : {}),
    },
    diagnostics,
  };
}

function findUser(users: readonly unknown[], reference: string): unknown {
  const position = /^#(\d+)$/.exec(reference);
  if (position) return users[Number(position[1]) - 1];
  for (const key of ["objectId", "userPrincipalName", "mailNickname"]) {
    const found = users.find(
      (user) =>
        typeof user === "object" && user !== null && (user as Record<string, unknown>)[key] === reference,
    );
    if (found !== undefined) return found;
  }
  return undefined;
}

function applyWith(user: unknown, extra: Readonly<Record<string, unknown>>): unknown {
  const base = typeof user === "object" && user !== null && !Array.isArray(user) ? user : {};
  const copy: Record<string, unknown> = {};
  for (const [key, value] of [...Object.entries(base), ...Object.entries(extra)]) {
    Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
  }
  for (const [key, value] of Object.entries(extra)) if (value === null) delete copy[key];
  return copy;
}
