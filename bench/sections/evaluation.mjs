// Sections 1 and 2: evaluation of every mapping of the fixture schema over generated users, against
// hand-written JavaScript and against jsonata 2.2.2, plus three single expressions (per-call overhead,
// a deep expression, the fixture's Replace). Outputs are checked before anything is timed.
import { readFileSync } from "node:fs";
import jsonata from "jsonata";
import * as provex from "../../dist/index.js";
import { interleave, pairedRatio } from "../lib/timing.mjs";
import { generateUsers } from "../lib/users.mjs";
import { handDeep, handJoin, handMappings, handReplace, SKIPPED } from "./hand-mappings.mjs";
import {
  JSONATA_SKIPPED,
  jsonataDeep,
  jsonataJoin,
  jsonataMappings,
  jsonataReplace,
} from "./jsonata-mappings.mjs";

const { compile, isFlowSkipped, loadConfig, render } = provex;
const FIXTURE = new URL("../../test/fixtures/shared/entra-scim-schema.json", import.meta.url);
export const JOIN_EXPRESSION = 'Join(".", [a], [b])';
export const DEEP_EXPRESSION =
  'Join("@", ToLower(Replace(StripSpaces(Join(".", Left([givenName], 1), [surname])), , "[^A-Za-z.]", , "", , )), IIF([userType] = "Guest", "guest.contoso.com", "contoso.com"))';

/** The enabled user object mapping of the fixture, every mapping with a source compiled once. */
export function fixtureMappings() {
  const config = loadConfig(readFileSync(FIXTURE, "utf8"), { format: "entra" });
  if (config.diagnostics.some((d) => d.severity === "error")) {
    throw new Error(`The fixture schema does not load: ${JSON.stringify(config.diagnostics)}`);
  }
  const object = config.objects.find((o) => o.enabled && o.sourceObjectName === "User");
  const mappings = object.mappings.filter((m) => m.expression !== null);
  return mappings.map((mapping) => {
    const hand = handMappings[mapping.target];
    const jsonataText = jsonataMappings[mapping.target];
    if (!hand || !jsonataText) {
      throw new Error(`No hand-written or jsonata equivalent for the fixture mapping ${mapping.target}`);
    }
    return {
      target: mapping.target,
      expression: mapping.expression,
      compiled: compile(mapping.expression),
      hand,
      jsonataText,
    };
  });
}

/** What a hand-written or jsonata result looks like next to provex's rendered value. */
function normalize(value, skipped) {
  if (value === skipped) return { skipped: true };
  if (value === undefined || value === null) return null;
  if (typeof value === "object" && value.kind === "roles") {
    return {
      roles: value.roles.map((role) => ({ id: role.id, value: role.value, displayName: role.displayName })),
      patch: value.patch,
      rendered: value.roles.map((role) => role.value),
    };
  }
  return value;
}

function normalizeProvex(value) {
  if (isFlowSkipped(value)) return { skipped: true };
  if (value !== null && typeof value === "object" && value.kind === "roles") {
    return {
      roles: value.roles.map((role) => ({ id: role.id, value: role.value, displayName: role.displayName })),
      patch: value.patch,
      rendered: render(value),
    };
  }
  return render(value);
}

function check(label, user, expected, actual) {
  const want = JSON.stringify(expected);
  const got = JSON.stringify(actual);
  if (want !== got) {
    throw new Error(
      `${label} disagrees with provex for user ${JSON.stringify(user)}:\n  provex: ${want}\n  other:  ${got}`,
    );
  }
}

async function jsonataOf(text) {
  const expression = jsonata(text);
  const bindings = { skipped: JSONATA_SKIPPED };
  return (user) => expression.evaluate(user, bindings);
}

/** Checks every output, then times provex, hand-written JS and jsonata, interleaved. */
export async function runEvaluation({ users: userCount = 10_000, rounds = 15, jsonataRounds = 3 } = {}) {
  const users = generateUsers(userCount);
  const mappings = fixtureMappings();
  const compiled = mappings.map((m) => m.compiled);
  const hands = mappings.map((m) => m.hand);
  const jsonatas = await Promise.all(mappings.map((m) => jsonataOf(m.jsonataText)));
  const evaluateAll = typeof provex.evaluateAll === "function" ? provex.evaluateAll : undefined;

  // Correctness first: every mapping, every user, every contender.
  for (const user of users) {
    for (let j = 0; j < mappings.length; j++) {
      const expected = normalizeProvex(compiled[j].evaluate(user));
      const label = `${mappings[j].target} (${mappings[j].expression})`;
      check(`hand-written ${label}`, user, expected, normalize(hands[j](user), SKIPPED));
      check(`jsonata ${label}`, user, expected, normalize(await jsonatas[j](user), JSONATA_SKIPPED));
    }
    if (evaluateAll) {
      const batch = evaluateAll(compiled, user);
      for (let j = 0; j < mappings.length; j++) {
        check(
          `evaluateAll ${mappings[j].target}`,
          user,
          normalizeProvex(compiled[j].evaluate(user)),
          normalizeProvex(batch[j]),
        );
      }
    }
  }

  const row = new Array(mappings.length);
  const sink = { row };
  const contenders = {
    provex: {
      run: () => {
        for (const user of users)
          for (let j = 0; j < compiled.length; j++) row[j] = compiled[j].evaluate(user);
      },
    },
    hand: {
      run: () => {
        for (const user of users) for (let j = 0; j < hands.length; j++) row[j] = hands[j](user);
      },
    },
    jsonata: {
      rounds: jsonataRounds,
      warm: true,
      run: async () => {
        for (const user of users) for (let j = 0; j < jsonatas.length; j++) row[j] = await jsonatas[j](user);
      },
    },
  };
  if (evaluateAll) {
    contenders.provexAll = {
      run: () => {
        for (const user of users) evaluateAll(compiled, user, undefined, row);
      },
    };
  }
  const set = await interleave(contenders, { rounds });
  const results = {
    mappings: mappings.map((m) => ({ target: m.target, expression: m.expression })),
    users: userCount,
    evaluations: userCount * mappings.length,
    perUser: Object.fromEntries(Object.entries(set).map(([name, r]) => [name, r.median / userCount])),
    vsHand: pairedRatio(set.provex.samples, set.hand.samples),
    jsonataVsProvex: set.jsonata.median / set.provex.median,
  };
  if (evaluateAll) {
    results.allVsHand = pairedRatio(set.provexAll.samples, set.hand.samples);
    results.jsonataVsProvexAll = set.jsonata.median / set.provexAll.median;
  }
  results.single = await singles(users, mappings, rounds, jsonataRounds);
  if (sink.row.length !== mappings.length) throw new Error("unreachable");
  return results;
}

/** One expression alone: provex against its hand-written and jsonata equivalents. */
async function single(name, text, hand, jsonataText, inputs, rounds, jsonataRounds) {
  const compiled = compile(text);
  const viaJsonata = jsonataText ? await jsonataOf(jsonataText) : undefined;
  for (const input of inputs) {
    const expected = normalizeProvex(compiled.evaluate(input));
    check(`hand-written ${text}`, input, expected, normalize(hand(input), SKIPPED));
    if (viaJsonata)
      check(`jsonata ${text}`, input, expected, normalize(await viaJsonata(input), JSONATA_SKIPPED));
  }
  let out;
  // A round must last long enough (~20 ms of the baseline) for the clock and the machine's noise.
  const passHand = () => {
    for (const input of inputs) out = hand(input);
  };
  passHand();
  const start = process.cpuUsage();
  passHand();
  const { user, system } = process.cpuUsage(start);
  const passes = Math.max(1, Math.ceil(0.02 / Math.max(1e-4, (user + system) / 1e6)));
  const calls = inputs.length * passes;
  const contenders = {
    provex: {
      run: () => {
        for (let pass = 0; pass < passes; pass++) for (const input of inputs) out = compiled.evaluate(input);
      },
    },
    hand: {
      run: () => {
        for (let pass = 0; pass < passes; pass++) passHand();
      },
    },
  };
  if (viaJsonata) {
    contenders.jsonata = {
      rounds: jsonataRounds,
      warm: true,
      run: async () => {
        for (const input of inputs) out = await viaJsonata(input);
      },
    };
  }
  const set = await interleave(contenders, { rounds });
  void out;
  return {
    name,
    expression: text,
    perCall: { provex: set.provex.median / calls, hand: set.hand.median / calls },
    vsHand: pairedRatio(set.provex.samples, set.hand.samples),
    // jsonata runs one pass per round (it is slow enough), so compare per call.
    jsonataVsProvex: viaJsonata
      ? set.jsonata.median / inputs.length / (set.provex.median / calls)
      : undefined,
  };
}

async function singles(users, mappings, rounds, jsonataRounds) {
  const fixtureReplace = mappings.find((m) => m.hand === handReplace).expression;
  const pairs = users.map((user) => ({ a: user.givenName, b: user.surname }));
  return [
    await single(
      "Join alone (per-call overhead)",
      JOIN_EXPRESSION,
      handJoin,
      jsonataJoin,
      pairs,
      rounds,
      jsonataRounds,
    ),
    await single("deep expression", DEEP_EXPRESSION, handDeep, jsonataDeep, users, rounds, jsonataRounds),
    await single(
      "the fixture's Replace alone",
      fixtureReplace,
      handReplace,
      jsonataReplace,
      users,
      rounds,
      jsonataRounds,
    ),
  ];
}
