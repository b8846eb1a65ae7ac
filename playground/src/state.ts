/**
 * Everything the playground keeps: the mode and every input of both modes, the edits and what is
 * selected. Saved as one edits (browser storage and the URL fragment) and carried by share links.
 */
export interface PlaygroundState {
  readonly mode: "expression" | "mapping";
  readonly expression: string;
  readonly attributes: string;
  /** Expression mode's many users (JSON or CSV, with an optional `expected` column). */
  readonly manyUsers: string;
  /** Which expression-mode view is shown: one user's attributes, or many users. */
  readonly expressionView: "one" | "many";
  readonly config: string;
  readonly users: string;
  readonly target: string;
  /** Mapping expressions edited in mapping mode, by mapping index. */
  readonly overrides: Readonly<Record<number, string>>;
  readonly selectedUser: number;
  readonly selectedMapping: number;
  /** When the state was last changed (ms since the epoch): how a link and local work are told apart. */
  readonly savedAt: number;
}

/**
 * Bounds on a state read from a link or from storage: a state past them is refused with a message, so
 * that a hostile link (a 27 KB link expanding to a 20 MB expression) cannot break the page, and a state
 * that broke it once cannot do so on every reload.
 */
export const LIMITS = {
  /** Characters of the URL fragment. */
  fragment: 2_000_000,
  /** Bytes once decompressed. */
  decompressed: 16_000_000,
  /** Characters of an expression (the expression editor, each edited mapping). */
  expression: 100_000,
  /** Nesting of brackets and parentheses in an expression. */
  expressionNesting: 200,
  /** Characters of the configuration, the users and the target directory each. */
  input: 12_000_000,
  /** Characters of one user's attributes. */
  attributes: 1_000_000,
  /** Nesting of the state's JSON itself. */
  jsonNesting: 64,
  /** Number of edited mappings. */
  overrides: 5_000,
} as const;

export const EMPTY_STATE: PlaygroundState = {
  mode: "expression",
  expression: "",
  attributes: "{}",
  manyUsers: "",
  expressionView: "one",
  config: "",
  users: "",
  target: "",
  overrides: {},
  selectedUser: 0,
  selectedMapping: 0,
  savedAt: 0,
};

/** What mapping mode keeps in the saved state. */
export type MappingInputs = Pick<
  PlaygroundState,
  "config" | "users" | "target" | "overrides" | "selectedUser" | "selectedMapping"
>;

/** A state that passed the bounds, or why it was refused (a sentence for the page). */
export type StateCheck =
  | { readonly ok: true; readonly state: PlaygroundState }
  | { readonly ok: false; readonly reason: string };

/** The deepest nesting of brackets and parentheses outside string literals. */
export function expressionNesting(text: string): number {
  return deepestNesting(text, "([", ")]");
}

/** The deepest nesting of a JSON text's arrays and objects (outside strings), without parsing it. */
export function jsonNesting(text: string): number {
  return deepestNesting(text, "{[", "}]");
}

/**
 * The deepest nesting of the given opening and closing characters outside double-quoted strings (with
 * backslash escapes, as both expressions and JSON write them). A stray closer never counts below zero.
 */
function deepestNesting(text: string, openers: string, closers: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index] as string;
    if (inString) {
      if (char === "\\") index++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (openers.includes(char)) deepest = Math.max(deepest, ++depth);
    else if (closers.includes(char)) depth = Math.max(0, depth - 1);
  }
  return deepest;
}

const count = (n: number) => n.toLocaleString("en-US");

/** Checks one expression against the bounds; a reason when it is past them. */
export function expressionProblem(text: string, what: string): string | undefined {
  if (text.length > LIMITS.expression)
    return `${what} is ${count(text.length)} characters long; the playground opens expressions of up to ${count(LIMITS.expression)}.`;
  const nesting = expressionNesting(text);
  if (nesting > LIMITS.expressionNesting)
    return `${what} nests ${count(nesting)} levels deep; the playground opens expressions nested up to ${LIMITS.expressionNesting} levels.`;
  return undefined;
}

/**
 * Reads a state from untrusted JSON text (a link or storage): missing fields take their defaults,
 * fields of the wrong type are ignored, and anything past {@link LIMITS} refuses the whole state.
 */
export function readState(json: string): StateCheck {
  if (jsonNesting(json) > LIMITS.jsonNesting) return { ok: false, reason: "Its data is nested too deeply." };
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return { ok: false, reason: "It is damaged (its data is not valid JSON)." };
  }
  return checkState(parsed);
}

/**
 * Checks a state already parsed (or structured-cloned out of browser storage) from an untrusted
 * source, with the same defaults and bounds as {@link readState}.
 */
export function checkState(parsed: unknown): StateCheck {
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed))
    return { ok: false, reason: "It is damaged (it holds no playground state)." };
  const record = parsed as Record<string, unknown>;
  const text = (name: keyof PlaygroundState): string | undefined =>
    typeof record[name] === "string" ? (record[name] as string) : undefined;
  const number = (name: keyof PlaygroundState): number =>
    Number.isSafeInteger(record[name]) && (record[name] as number) >= 0 ? (record[name] as number) : 0;
  const state: PlaygroundState = {
    mode: record.mode === "mapping" ? "mapping" : "expression",
    expression: text("expression") ?? EMPTY_STATE.expression,
    attributes: text("attributes") ?? EMPTY_STATE.attributes,
    manyUsers: text("manyUsers") ?? "",
    expressionView: record.expressionView === "many" ? "many" : "one",
    config: text("config") ?? "",
    users: text("users") ?? "",
    target: text("target") ?? "",
    overrides: overridesOf(record.overrides),
    selectedUser: number("selectedUser"),
    selectedMapping: number("selectedMapping"),
    savedAt: number("savedAt"),
  };
  const reason = stateProblem(state);
  return reason ? { ok: false, reason } : { ok: true, state };
}

/** Why a state is past the bounds, or undefined. */
export function stateProblem(state: PlaygroundState): string | undefined {
  const expression = expressionProblem(state.expression, "Its expression");
  if (expression) return expression;
  if (Object.keys(state.overrides).length > LIMITS.overrides)
    return `It edits ${count(Object.keys(state.overrides).length)} mappings; the limit is ${count(LIMITS.overrides)}.`;
  for (const [index, edited] of Object.entries(state.overrides)) {
    const problem = expressionProblem(edited, `Its edited mapping #${Number(index) + 1}`);
    if (problem) return problem;
  }
  if (state.attributes.length > LIMITS.attributes)
    return `Its attributes are ${count(state.attributes.length)} characters long; the limit is ${count(LIMITS.attributes)}.`;
  for (const name of ["config", "users", "target", "manyUsers"] as const) {
    if (state[name].length > LIMITS.input)
      return `Its ${name === "manyUsers" ? "users" : name} are ${count(state[name].length)} characters long; the limit is ${count(LIMITS.input)}.`;
  }
  return undefined;
}

function overridesOf(value: unknown): Record<number, string> {
  const overrides: Record<number, string> = {};
  if (typeof value !== "object" || value === null || Array.isArray(value)) return overrides;
  for (const [key, expression] of Object.entries(value)) {
    if (/^\d{1,6}$/.test(key) && typeof expression === "string") overrides[Number(key)] = expression;
  }
  return overrides;
}

/** Whether two states hold the same work (ignoring when they were saved). */
export function sameWork(a: PlaygroundState, b: PlaygroundState): boolean {
  return JSON.stringify({ ...a, savedAt: 0 }) === JSON.stringify({ ...b, savedAt: 0 });
}
