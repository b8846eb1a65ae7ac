/**
 * A half-open range of UTF-16 code units in the source text: `start` is the offset of the first
 * character, `end` the offset just past the last one.
 */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** How serious a diagnostic is. Only `error` stops an expression from being compiled. */
export type Severity = "error" | "warning" | "info";

/**
 * A problem found in an expression or configuration. The parser, checker, linter and editor all speak
 * this one type. `code` is stable and meant for programs (tests, quick fixes, suppressions); `message`
 * is for people and says what to do.
 */
export interface Diagnostic {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly span: Span;
}

/** Makes a diagnostic; kept as a function so every producer builds the same shape. */
export function diagnostic(code: string, severity: Severity, message: string, span: Span): Diagnostic {
  return { code, severity, message, span };
}

/** True when at least one diagnostic is an error. */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}

/**
 * The error every throwing provex API raises. `code` is stable; `span` points at the part of the
 * expression that failed (when there is one); `diagnostics` lists every problem when the failure is
 * a batch of them (for example an expression that does not parse).
 */
export class ProvexError extends Error {
  readonly code: string;
  readonly span: Span | undefined;
  readonly diagnostics: readonly Diagnostic[];

  constructor(
    code: string,
    message: string,
    options: { span?: Span; diagnostics?: readonly Diagnostic[] } = {},
  ) {
    super(message);
    this.name = "ProvexError";
    this.code = code;
    this.span = options.span;
    this.diagnostics = options.diagnostics ?? [];
  }
}
