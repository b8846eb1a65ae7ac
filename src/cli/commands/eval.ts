import { type Diagnostic, ProvexError } from "../../diagnostics/index.js";
import { compile } from "../../evaluator/index.js";
import { describeValue } from "../../language/index.js";
import { parseJsonText } from "../../mapping/json-text.js";
import type { MappingConfig } from "../../mapping/model.js";
import {
  addSecretTexts,
  REDACTED,
  readsSecret,
  redactTexts,
  secretAttributesOf,
} from "../../mapping/redaction.js";
import { parse } from "../../parser/index.js";
import type { Command, Streams } from "../command.js";
import { defaultDomainOption } from "../default-domain.js";
import { expressionArguments } from "../expression-arguments.js";
import { atMostOneStdin, readInputText } from "../input.js";
import { writeDiagnostics } from "../report.js";
import { reproducibleContext } from "../reproducible-context.js";
import { UsageError } from "../usage-error.js";

export const command: Command = {
  help: `Usage: provex eval [expression] [--file <path> | -] [--attributes <json> | --attributes-file <path>]
                   [--existing <value>]... [--now <iso>] [--seed <n>] [--default-domain <domain>]
                   [--dialect entra|provex] [--show-redacted] [--json]

Evaluates the expression as Entra's provisioning service would and prints what flows to the
target: a string, one line per value for a multi-valued result, "(null: nothing flows)" or
"(flow skipped: the attribute is left out)".

  expression                the expression text ('-' for standard input; else --file, else
                            standard input when it is not a terminal)
  --file <path>             read the expression from a file ('-' for standard input)
  --attributes <json>       the source object's attributes, e.g. '{"givenName":"Ada"}'
  --attributes-file <path>  the same, from a JSON file ('-' for standard input)
  --existing <value>        a value that already exists in the target (for SelectUniqueValue);
                            repeat the option for several values
  --now <iso>               the instant Now() returns, in ISO 8601: 2025-01-31T09:00:00Z,
                            …+02:00; without an offset it is UTC (default: the real clock)
  --seed <n>                make Guid() and RandomString() reproducible
  --default-domain <domain> the tenant's default verified domain, which DefaultDomain() returns
                            (e.g. contoso.com; without it DefaultDomain() fails with
                            default-domain-missing)
  --dialect <name>          entra (default: warns on provex-only functions) or provex
  --show-redacted           print values that flow through Redact; by default the result and
                            any message that would show them say [Redact]
  --json                    print {"kind": …, "value": …} as JSON; kind is string, multi-valued,
                            boolean, integer, dateTime, roles, null or flow skipped

Exit codes: 0 evaluated, 1 the expression is invalid or evaluation failed, 2 usage error.`,
  async run(args: string[], streams: Streams): Promise<number> {
    const { values, readInput, expressionFrom } = expressionArguments(
      args,
      {
        attributes: { type: "string" },
        "attributes-file": { type: "string" },
        existing: { type: "string", multiple: true },
        now: { type: "string" },
        seed: { type: "string" },
        "default-domain": { type: "string" },
        dialect: { type: "string" },
        json: { type: "boolean", default: false },
        "show-redacted": { type: "boolean", default: false },
      },
      streams.stdin,
    );
    const dialect = values.dialect ?? "entra";
    if (dialect !== "entra" && dialect !== "provex") {
      throw new UsageError(`--dialect is entra or provex, not ${JSON.stringify(dialect)}`);
    }
    atMostOneStdin({ "the expression": expressionFrom, "--attributes-file": values["attributes-file"] });
    const attributes = await readAttributes(values.attributes, values["attributes-file"], streams);
    const existing = new Set(values.existing ?? []);
    const context = {
      ...reproducibleContext(values.now, values.seed),
      ...defaultDomainOption(values["default-domain"]),
      exists: (_: string, v: string) => existing.has(v),
    };
    const input = await readInput();
    const secrets = values["show-redacted"] ? undefined : secretsOf(input.text, attributes);
    // Evaluation errors may quote a value (`"PW2SECRET1" is not a date`): secrets become [Redact].
    const hide = (problems: readonly Diagnostic[]) =>
      secrets === undefined ? problems : redactTexts(problems, secrets.texts);
    const report = (problems: readonly Diagnostic[]) =>
      writeDiagnostics(streams, input.text, input.source, hide(problems));

    let compiled: ReturnType<typeof compile>;
    try {
      compiled = compile(input.text, { dialect });
    } catch (error) {
      if (!(error instanceof ProvexError)) throw error;
      report(error.diagnostics);
      return 1;
    }
    report(compiled.diagnostics);
    try {
      const value = compiled.evaluate(attributes, context);
      // The same kinds the playground shows: string, multi-valued, boolean, integer, dateTime, roles,
      // null, flow skipped.
      const described = describeValue(value);
      const { kind } = described;
      const secret = secrets?.result === true && described.rendered !== null && kind !== "flow skipped";
      const rendered = secret ? REDACTED : described.rendered;
      if (values.json) {
        streams.stdout.write(`${JSON.stringify({ kind, value: rendered })}\n`);
      } else if (kind === "flow skipped") {
        streams.stdout.write("(flow skipped: the attribute is left out)\n");
      } else if (rendered === null) {
        streams.stdout.write("(null: nothing flows)\n");
      } else {
        streams.stdout.write(`${typeof rendered === "string" ? rendered : rendered.join("\n")}\n`);
      }
      return 0;
    } catch (error) {
      if (!(error instanceof ProvexError)) throw error;
      // An evaluation error points at the call that failed (the whole expression when it has no span).
      const span = error.span ?? { start: 0, end: input.text.length };
      report([{ code: error.code, severity: "error", message: error.message, span }]);
      return 1;
    }
  },
};

async function readAttributes(
  inline: string | undefined,
  path: string | undefined,
  streams: Streams,
): Promise<Record<string, unknown>> {
  if (inline !== undefined && path !== undefined) {
    throw new UsageError("give the attributes either with --attributes or with --attributes-file, not both");
  }
  const text = inline ?? (path === undefined ? undefined : await readInputText(path, streams.stdin));
  if (text === undefined) return {};
  let parsed: unknown;
  try {
    // A byte order mark is accepted; an error says line and column.
    parsed = parseJsonText(text, "invalid-attributes", "the attributes JSON");
  } catch (error) {
    if (!(error instanceof ProvexError)) throw error;
    throw new UsageError(`${path ?? "--attributes"}: ${error.message}`);
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new UsageError('the attributes must be one JSON object, such as {"givenName": "Ada"}');
  }
  return parsed as Record<string, unknown>;
}

/**
 * What `Redact` hides in this expression: the values of the attributes read inside a Redact call, and
 * whether the result itself is secret (the expression calls Redact or reads such an attribute). The
 * same rule as the preview's (src/mapping/redaction.ts), for one expression.
 */
function secretsOf(
  text: string,
  attributes: Record<string, unknown>,
): { texts: Set<string>; result: boolean } {
  const oneMapping = { objects: [{ mappings: [{ expression: text }] }] } as unknown as MappingConfig;
  const names = secretAttributesOf(oneMapping);
  const texts = new Set<string>();
  for (const name of names) if (Object.hasOwn(attributes, name)) addSecretTexts(attributes[name], texts);
  return { texts, result: readsSecret(parse(text).ast, names) };
}
