import { type Diagnostic, diagnostic } from "../diagnostics/index.js";
import type { AttributeReference } from "../parser/index.js";
import { abbreviate } from "../parser/nodes.js";
import { closestName } from "./edit-distance.js";
import type { SourceSchema } from "./options.js";

/** Attribute names of a schema, with a case-insensitive index for near misses. */
export class SchemaIndex {
  private readonly names = new Set<string>();
  private readonly byLowerCase = new Map<string, string>();

  constructor(schema: SourceSchema) {
    for (const entry of schema) {
      const name = typeof entry === "string" ? entry : entry.name;
      this.names.add(name);
      if (!this.byLowerCase.has(name.toLowerCase())) this.byLowerCase.set(name.toLowerCase(), name);
    }
  }

  /** Attribute names are case-sensitive (SPEC Part 1); a case-only difference is reported with its fix. */
  check(reference: AttributeReference, report: (d: Diagnostic) => void): void {
    if (this.names.has(reference.name)) return;
    const written = abbreviate(reference.name);
    const sameLetters = this.byLowerCase.get(reference.name.toLowerCase());
    if (sameLetters) {
      report(
        diagnostic(
          "attribute-name-case",
          "warning",
          `The source schema spells this attribute [${sameLetters}]; attribute names are case-sensitive, so [${written}] reads nothing.`,
          reference.span,
        ),
      );
      return;
    }
    const suggestion = closestName(reference.name, this.names);
    report(
      diagnostic(
        "unknown-attribute",
        "warning",
        suggestion
          ? `The source schema has no attribute [${written}]; did you mean [${suggestion}]?`
          : `The source schema has no attribute [${written}]; it will always read as null. Check the name or add it to the schema.`,
        reference.span,
      ),
    );
  }
}
