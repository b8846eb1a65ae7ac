import {
  isMap,
  isNode,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  type Pair,
  parseDocument,
  Scalar,
  type YAMLMap,
} from "yaml";
import { type Diagnostic, diagnostic } from "../diagnostics/index.js";
import { compileDotnetRegex } from "../functions/dotnet/index.js";
import { setOwn } from "../mapping/plain-data.js";
import type { AttributeExpectation, Expectation, TestPosition } from "./test-types.js";

/** What an expectation file says, before its files are read: paths are as written (relative to it). */
export interface TestFile {
  readonly config?: string;
  readonly target?: string;
  readonly users?: string;
  readonly now?: string;
  readonly seed?: number;
  readonly defaultDomain?: string;
  readonly cases: readonly TestFileCase[];
}

/** A case as written: its user inline or as a reference into the users file. */
export interface TestFileCase {
  readonly name: string;
  /** Inline attributes, or a string naming a user of the users file (objectId, userPrincipalName, mailNickname, `#n`). */
  readonly user: Readonly<Record<string, unknown>> | string | undefined;
  /** Attributes set on top of the user (`null` removes one). */
  readonly with: Readonly<Record<string, unknown>> | undefined;
  readonly expect: Expectation;
  readonly snapshot: boolean;
  readonly position: TestPosition;
  readonly positions: Readonly<Record<string, TestPosition>>;
  /** Offsets of the case's mapping in the file, for `--update`. */
  readonly offsets: { readonly start: number; readonly end: number };
}

const ROOT_KEYS = ["config", "target", "users", "now", "seed", "defaultDomain", "cases"];
const CASE_KEYS = ["name", "user", "with", "expect", "snapshot"];
const EXPECT_KEYS = ["action", "skipReason", "scope", "match", "error", "warnings", "attributes"];
const ACTIONS = ["Create", "Update", "Skip", "Disable", "Error"];

/**
 * Reads an expectation file (`*.provex-test.yaml`, schemas/provex-test.schema.json). Never throws:
 * every problem is a diagnostic with a span into `text` that says what to write instead.
 */
export function parseTestFile(text: string): { file: TestFile; diagnostics: Diagnostic[] } {
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const diagnostics: Diagnostic[] = [];
  const problem = (node: { range?: unknown } | null | undefined, message: string, code = "test-file") => {
    const range = (node as { range?: [number, number, number] } | null)?.range ?? [0, 0, 0];
    diagnostics.push(
      diagnostic(code, "error", message, { start: range[0], end: Math.max(range[0], range[1]) }),
    );
  };
  for (const error of document.errors)
    diagnostics.push(
      diagnostic("test-file-syntax", "error", error.message.split("\n")[0] ?? "YAML syntax error", {
        start: error.pos[0],
        end: error.pos[1],
      }),
    );
  const empty: TestFile = { cases: [] };
  if (diagnostics.length > 0) return { file: empty, diagnostics };
  const root = document.contents;
  if (!isMap(root)) {
    problem(root, "An expectation file is a mapping with config: and cases:; see docs/cli.md (provex test).");
    return { file: empty, diagnostics };
  }
  const position = (node: Node): TestPosition => {
    const { line, col } = lines.linePos(node.range?.[0] ?? 0);
    return { line, column: col };
  };
  const fields = keyed(root, ROOT_KEYS, "the file", problem);
  const string = (key: string): string | undefined => {
    const node = fields.get(key);
    if (node === undefined) return undefined;
    if (isScalar(node) && typeof node.value === "string" && node.value !== "") return node.value;
    problem(
      node,
      `${key} must be a text (${key === "now" ? "an ISO 8601 instant" : "a path relative to this file"}).`,
    );
    return undefined;
  };
  const config = string("config");
  if (config === undefined && !fields.has("config"))
    problem(root, "The file needs config: the configuration's path, relative to it.");
  const seedNode = fields.get("seed");
  let seed: number | undefined;
  if (seedNode !== undefined) {
    if (isScalar(seedNode) && typeof seedNode.value === "number" && Number.isSafeInteger(seedNode.value))
      seed = seedNode.value >>> 0;
    else problem(seedNode, "seed must be a whole number.");
  }
  const casesNode = fields.get("cases");
  const cases: TestFileCase[] = [];
  if (!isSeq(casesNode))
    problem(casesNode ?? root, "cases: must be a list of cases, each with name:, user: and expect:.");
  else
    for (const item of casesNode.items) {
      const parsed = readCase(item as Node, position, problem);
      if (parsed) cases.push(parsed);
    }
  const names = new Set<string>();
  for (const item of cases) {
    if (names.has(item.name))
      diagnostics.push(
        diagnostic(
          "test-file",
          "warning",
          `Two cases are named ${JSON.stringify(item.name)}; reports tell them apart by line only.`,
          item.offsets,
        ),
      );
    names.add(item.name);
  }
  return {
    file: {
      ...(config !== undefined ? { config } : {}),
      ...optional("target", string("target")),
      ...optional("users", string("users")),
      ...optional("now", string("now")),
      ...optional("defaultDomain", string("defaultDomain")),
      ...(seed !== undefined ? { seed } : {}),
      cases,
    },
    diagnostics,
  };
}

type Problem = (node: { range?: unknown } | null | undefined, message: string) => void;

function optional<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: string };
}

/** The values of a mapping by key, reporting unknown keys with the keys it takes. */
function keyed(map: YAMLMap, known: readonly string[], where: string, problem: Problem): Map<string, Node> {
  const pairs = new Map<string, Node>();
  for (const pair of map.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
    if (key === undefined || !known.includes(key)) {
      problem(
        pair.key as Node,
        `${where} takes ${known.join(", ")}; not ${JSON.stringify(String(key ?? "?").slice(0, 60))}.`,
      );
      continue;
    }
    pairs.set(key, pairValue(pair));
  }
  return pairs;
}

/**
 * A pair's value. `{ key }` in a flow mapping (or `? key` alone) has no value node: it stands for the
 * empty null a block mapping's `key:` holds, placed at the end of its key, so that a problem with it
 * (and the position a failure is reported at) points at the key, not at the top of the file.
 */
function pairValue(pair: Pair): Node {
  if (isNode(pair.value)) return pair.value;
  const end = (pair.key as Node).range?.[1] ?? 0;
  const empty = new Scalar(null);
  empty.range = [end, end, end];
  return empty;
}

function readCase(
  node: Node,
  position: (node: Node) => TestPosition,
  problem: Problem,
): TestFileCase | undefined {
  if (!isMap(node)) {
    problem(node, "A case is a mapping with name:, user: and expect: (or snapshot: true).");
    return undefined;
  }
  const fields = keyed(node, CASE_KEYS, "a case", problem);
  const nameNode = fields.get("name");
  const name = isScalar(nameNode) && nameNode.value !== null ? String(nameNode.value) : undefined;
  if (name === undefined || name === "")
    problem(nameNode ?? node, "A case needs a name: what it checks, in a few words.");
  const userNode = fields.get("user");
  let user: TestFileCase["user"];
  if (isScalar(userNode) && typeof userNode.value === "string") user = userNode.value;
  else if (isMap(userNode)) user = userNode.toJSON() as Record<string, unknown>;
  else
    problem(
      userNode ?? node,
      "user: is a user's attributes (a mapping), or the objectId, userPrincipalName, mailNickname or #n of a user in the users file.",
    );
  const withNode = fields.get("with");
  let extra: TestFileCase["with"];
  if (withNode !== undefined) {
    if (isMap(withNode)) extra = withNode.toJSON() as Record<string, unknown>;
    else problem(withNode, "with: is a mapping of attributes to set on the user (null removes one).");
  }
  const snapshotNode = fields.get("snapshot");
  let snapshot = false;
  if (snapshotNode !== undefined) {
    if (isScalar(snapshotNode) && typeof snapshotNode.value === "boolean") snapshot = snapshotNode.value;
    else problem(snapshotNode, "snapshot: is true or false.");
  }
  const positions: Record<string, TestPosition> = {};
  const expectNode = fields.get("expect");
  const expected = readExpectation(expectNode, positions, position, problem);
  if (expectNode === undefined && !snapshot)
    problem(
      node,
      "A case needs expect: (what must hold), or snapshot: true to have provex test --update write it.",
    );
  if (name === undefined || name === "" || user === undefined) return undefined;
  const range = node.range ?? [0, 0, 0];
  return {
    name,
    user,
    with: extra,
    expect: expected,
    snapshot,
    position: position(node),
    positions,
    offsets: { start: range[0], end: range[1] },
  };
}

function readExpectation(
  node: Node | undefined,
  positions: Record<string, TestPosition>,
  position: (node: Node) => TestPosition,
  problem: Problem,
): Expectation {
  if (node === undefined || (isScalar(node) && node.value === null)) return {};
  if (!isMap(node)) {
    problem(node, `expect: is a mapping of ${EXPECT_KEYS.join(", ")}.`);
    return {};
  }
  const fields = keyed(node, EXPECT_KEYS, "expect:", problem);
  const out: { -readonly [K in keyof Expectation]: Expectation[K] } = {};
  for (const [key, value] of fields) {
    positions[key] = position(value);
    const scalar = isScalar(value) ? value.value : undefined;
    switch (key) {
      case "action":
        if (typeof scalar === "string" && ACTIONS.includes(scalar))
          out.action = scalar as Expectation["action"];
        else problem(value, `action: is one of ${ACTIONS.join(", ")}.`);
        break;
      case "skipReason":
        if (typeof scalar === "string") out.skipReason = scalar;
        else problem(value, "skipReason: is ImportSkipped, NotEffectivelyEntitled or RedundantExport.");
        break;
      case "scope":
        if (scalar === "in" || scalar === "out") out.scope = scalar;
        else problem(value, "scope: is in or out.");
        break;
      case "match":
      case "error":
        if (scalar === "none" || scalar === null) out[key] = null;
        else if (typeof scalar === "string") out[key] = scalar;
        else
          problem(
            value,
            key === "match"
              ? "match: is none, or the matched target object's id."
              : "error: is none, or the user's error code.",
          );
        break;
      case "warnings":
        if (isSeq(value) && value.items.every((item) => isScalar(item) && typeof item.value === "string"))
          out.warnings = value.items.map((item) => String((item as { value: unknown }).value));
        else problem(value, "warnings: is a list of warning codes ([] for none).");
        break;
      case "attributes":
        out.attributes = readAttributes(value, positions, position, problem);
        break;
    }
  }
  return out;
}

function readAttributes(
  node: Node,
  positions: Record<string, TestPosition>,
  position: (node: Node) => TestPosition,
  problem: Problem,
): Record<string, AttributeExpectation> {
  const out: Record<string, AttributeExpectation> = {};
  if (!isMap(node)) {
    problem(node, "attributes: maps target attributes to a value, { absent: true } or { pattern: <regex> }.");
    return out;
  }
  for (const pair of node.items) {
    const target = isScalar(pair.key) ? String(pair.key.value) : undefined;
    if (target === undefined) {
      problem(pair.key as Node, "An attribute's name is a text.");
      continue;
    }
    const value = pairValue(pair);
    positions[`attributes.${target}`] = position(value);
    const expectation = attributeExpectation(value, problem);
    if (expectation) setOwn(out, target, expectation);
  }
  return out;
}

function attributeExpectation(node: Node, problem: Problem): AttributeExpectation | undefined {
  if (isScalar(node) && node.value === null) {
    problem(node, "Write { absent: true } for an attribute that must not be sent (a null is never sent).");
    return undefined;
  }
  if (isMap(node) && node.items.length === 1 && isScalar(node.items[0]?.key)) {
    const key = String(node.items[0]?.key.value);
    const value = node.items[0]?.value as Node;
    if (key === "absent") {
      if (isScalar(value) && value.value === true) return { kind: "absent" };
      problem(value, "absent: true is the only form.");
      return undefined;
    }
    if (key === "pattern") {
      if (!isScalar(value) || typeof value.value !== "string") {
        problem(value, "pattern: is a .NET regular expression, as text.");
        return undefined;
      }
      try {
        compileDotnetRegex(value.value);
      } catch (error) {
        problem(value, `pattern: ${(error as Error).message}`);
        return undefined;
      }
      return { kind: "pattern", pattern: value.value };
    }
  }
  return { kind: "equals", value: node.toJSON() };
}
