/**
 * Which language the expression targets. `entra` (the default) is what Entra provisioning and Cloud
 * Sync accept; `provex` also accepts provex's extensions (such as Extract) without a warning.
 */
export type Dialect = "entra" | "provex";

/** The source attributes an expression may read: names, or attribute definitions with a `name`. */
export type SourceSchema = Iterable<string | { readonly name: string }>;

/** Options of {@link check}. */
export interface CheckOptions {
  /** The target language; `entra` by default. */
  readonly dialect?: Dialect;
  /** When given, attribute references are checked against these source attributes. */
  readonly schema?: SourceSchema;
}
