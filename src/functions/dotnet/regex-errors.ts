/** The two errors of the regex layer: constructs RE2 cannot run, and patterns .NET itself rejects. */
import { ProvexError } from "../../diagnostics/index.js";

/** `regex-unsupported`: valid .NET, but not runnable in linear time; says what to write instead. */
export function unsupported(construct: string, offset: number, hint: string): ProvexError {
  return new ProvexError(
    "regex-unsupported",
    `The regular expression uses ${construct} at offset ${offset}, which provex's linear-time engine (RE2) cannot run. ${hint}`,
    { span: { start: offset, end: offset + 1 } },
  );
}

/** `invalid-regex`: a pattern .NET would reject too. */
export function invalidRegex(why: string, offset: number): ProvexError {
  return new ProvexError(
    "invalid-regex",
    `The regular expression is not valid: ${why} at offset ${offset}.`,
    {
      span: { start: offset, end: offset + 1 },
    },
  );
}
