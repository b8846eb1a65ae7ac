import { ProvexError } from "../../diagnostics/index.js";
import {
  dateAdd,
  dateDiff,
  fileTimeFromTicks,
  formatDateTime,
  parseDateTime,
  parseDateTimeStyles,
  parseExactDetailed,
  reformatDateTime,
  ticksFromFileTime,
} from "../../functions/dotnet/index.js";
import { type FunctionSpec, lookupFunction, parameterAt } from "../../functions/index.js";
import type { Argument, CallExpression } from "../../parser/index.js";
import type { ExpressionSite, LintRule, RuleContext } from "../types.js";
import { calls } from "./support/ast.js";
import { hasSyntaxErrors } from "./support/checker.js";

/** Errors of the date cores that a constant argument can cause. */
const DATE_ERRORS = new Set([
  "invalid-date",
  "invalid-format",
  "invalid-styles",
  "invalid-interval",
  "date-out-of-range",
]);

/**
 * The instant that stands for "now" in every check that needs one (a time without a date takes today's
 * date, a day name must match it): any fixed day will do, so that a file's findings do not depend on
 * the day the lint runs. It has all seven fraction digits, so that optional ones (F) print something to
 * read back. Parsed on use rather than when the rules load (start-up of `provex lint` pays for it only
 * when a date function is there to check); a parse of 28 characters is not worth a cache.
 */
function sampleInstant(): bigint {
  return parseDateTime("2015-11-23T10:53:47.1234567Z");
}

/** Runs `probe`; returns the date error it raises (other errors are not this rule's). */
function dateError(probe: () => unknown): ProvexError | undefined {
  try {
    probe();
    return undefined;
  } catch (error) {
    if (error instanceof ProvexError && DATE_ERRORS.has(error.code)) return error;
    if (error instanceof ProvexError) return undefined;
    throw error;
  }
}

/** The text of a literal argument; `""` for an empty position; undefined when computed at run time. */
function literal(argument: Argument | undefined): string | undefined {
  if (argument === undefined || argument.kind === "empty") return "";
  if (argument.kind === "string") return argument.value;
  if (argument.kind === "number") return argument.value.toString();
  return undefined;
}

function isLiteral(argument: Argument | undefined): argument is Argument {
  return argument?.kind === "string" || argument?.kind === "number";
}

type Report = (argument: Argument, parameter: string, error: ProvexError) => void;

/** FormatDateTime(source, [dateTimeStyles], inputFormat, outputFormat), or Cloud Sync's three-argument form. */
function checkFormatDateTime(call: CallExpression, report: Report): void {
  const args = call.arguments;
  const [source, styles, input, output] = args.length === 3 ? [args[0], undefined, args[1], args[2]] : args;
  let stylesValid = true;
  if (isLiteral(styles)) {
    const error = dateError(() => parseDateTimeStyles(literal(styles)));
    if (error) report(styles, "dateTimeStyles", error);
    stylesValid = error === undefined;
  }
  // Invalid styles are reported once, on the styles: the formats are then judged without them.
  const stylesText = stylesValid ? literal(styles) || null : null;
  let inputUsable = false;
  if (isLiteral(input)) {
    const format = literal(input)!;
    const error =
      format === ""
        ? new ProvexError(
            "invalid-format",
            "The input format is empty; give the .NET format the source is written in.",
          )
        : (dateError(() => formatDateTime(sampleInstant(), format)) ??
          // A format that cannot read back what it writes cannot read any value. Read back on the same
          // day it printed: a day name (dddd) without a date is checked against "today".
          dateError(() =>
            parseExactDetailed(formatDateTime(sampleInstant(), format), format, stylesText, {
              now: sampleInstant(),
            }),
          ));
    if (error) report(input, "inputFormat", error);
    else inputUsable = true;
  }
  if (isLiteral(output)) {
    const error = dateError(() => formatDateTime(sampleInstant(), literal(output)!));
    if (error) report(output, "outputFormat", error);
  }
  if (
    inputUsable &&
    stylesValid &&
    isLiteral(source) &&
    (styles === undefined || styles.kind === "empty" || isLiteral(styles))
  ) {
    const error = dateError(() =>
      reformatDateTime(literal(source)!, stylesText, literal(input)!, literal(output) ?? "", {
        now: sampleInstant(),
      }),
    );
    if (error?.code === "invalid-date") report(source, "source", error);
  }
}

/** Checks the literal arguments of the other date functions by their registry parameters. */
function checkDateArguments(call: CallExpression, spec: FunctionSpec, report: Report): void {
  call.arguments.forEach((argument, position) => {
    const parameter = parameterAt(spec, position);
    if (!parameter || !isLiteral(argument)) return;
    const text = literal(argument)!;
    let error: ProvexError | undefined;
    if (parameter.kind === "dateTime" || spec.name === "CDate") {
      error = dateError(() => {
        const ticks = parseDateTime(text, { now: sampleInstant() });
        if (spec.name === "NumFromDate") fileTimeFromTicks(ticks);
      });
    } else if (spec.name === "DateFromNum" && /^-?\d+$/.test(text)) {
      error = dateError(() => ticksFromFileTime(BigInt(text)));
    } else if (parameter.name === "interval") {
      error = dateError(() =>
        spec.name === "DateAdd"
          ? dateAdd(text, 0n, sampleInstant())
          : dateDiff(text, sampleInstant(), sampleInstant()),
      );
    }
    if (error) report(argument, parameter.name, error);
  });
}

const DATE_FUNCTIONS = new Set(["CDate", "DateAdd", "DateDiff", "DateFromNum", "NumFromDate"]);

function checkSite(context: RuleContext, site: ExpressionSite): void {
  for (const call of calls(site.parsed.ast)) {
    const spec = lookupFunction(call.name);
    if (!spec) continue;
    const report: Report = (argument, parameter, error) =>
      context.report({
        message: `${spec.name}'s ${parameter}: ${error.message}`,
        span: site.fileSpan(argument.span),
      });
    if (spec.name === "FormatDateTime") checkFormatDateTime(call, report);
    else if (DATE_FUNCTIONS.has(spec.name)) checkDateArguments(call, spec, report);
  }
}

export const invalidDateFormat: LintRule = {
  meta: {
    id: "invalid-date-format",
    category: "expression",
    defaultSeverity: "error",
    summary: "A constant date, date format, styles or interval argument cannot work",
    description:
      "Checks the arguments of the date functions that are written as literals, with the same .NET-faithful parser and printer the evaluator uses: a FormatDateTime input or output format that .NET rejects (an unclosed quote, a lone `%` or `\\`, an unknown one-letter standard format), an input format that cannot even read back what it prints, a constant source that does not match its input format, an unknown DateTimeStyles name; a CDate, DateAdd, DateDiff or NumFromDate date text that does not parse; a DateFromNum value outside the dates .NET can represent; an unknown DateAdd/DateDiff interval. Each of these fails for every user. Arguments computed at run time are not judged.",
    fixable: false,
    examples: {
      failing: {
        format: "provex",
        text: `mappings:
  - target: userName
    attribute: userPrincipalName
    match: 1
  - target: hireDate
    expression: 'FormatDateTime([hireDate], , "yyyyMMdd''T", "yyyy-MM-dd")'
`,
      },
      passing: {
        format: "provex",
        text: `mappings:
  - target: userName
    attribute: userPrincipalName
    match: 1
  - target: hireDate
    expression: 'FormatDateTime([hireDate], , "yyyyMMdd''T''", "yyyy-MM-dd")'
`,
      },
    },
  },
  check(context) {
    for (const site of context.expressions) if (!hasSyntaxErrors(site)) checkSite(context, site);
  },
};
