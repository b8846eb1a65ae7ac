import type { Span } from "../../../diagnostics/index.js";
import type { AttributeMapping, ObjectMapping, ScopingClause, TextLocation } from "../../../mapping/model.js";

/**
 * Where a finding about part of a configuration points. Each uses the loader's exact position of that
 * part (`locations`) and falls back to the enclosing node when the file does not write it.
 */

/** The whole of a traced value in the file (its characters, without quotes). */
export function locationSpan(location: TextLocation): Span {
  const start = location.offsets[0] ?? 0;
  return { start, end: Math.max(start, location.offsets.at(-1) ?? start) };
}

/** A span of a traced value's text as a span of the file. */
export function spanInLocation(location: TextLocation, span: Span): Span {
  const { offsets } = location;
  const at = (offset: number) => offsets[Math.min(Math.max(offset, 0), offsets.length - 1)] ?? 0;
  const start = at(span.start);
  return { start, end: Math.max(start, at(span.end)) };
}

/** The target attribute name of a mapping, or the mapping. */
export function targetSpan(mapping: AttributeMapping): Span {
  const target = mapping.locations?.target;
  return target ? locationSpan(target) : mapping.span;
}

/** The default value of a mapping, or the mapping. */
export function defaultValueSpan(mapping: AttributeMapping): Span {
  const location = mapping.locations?.defaultValue;
  return location ? locationSpan(location) : mapping.span;
}

/** The matching priority of a mapping, or its target. */
export function matchingPrioritySpan(mapping: AttributeMapping): Span {
  return mapping.locations?.matchingPriority ?? targetSpan(mapping);
}

/** The object mapping's target object name, or the object mapping. */
export function targetObjectSpan(object: ObjectMapping): Span {
  return object.locations?.targetObjectName ?? object.span;
}

/** The object mapping's name, or the object mapping. */
export function objectNameSpan(object: ObjectMapping): Span {
  return object.locations?.name ?? object.span;
}

/** The attribute a clause tests, or the clause. */
export function clauseAttributeSpan(clause: ScopingClause): Span {
  const location = clause.locations?.attribute;
  return location ? locationSpan(location) : clause.span;
}

/** The operator of a clause, or the clause. */
export function clauseOperatorSpan(clause: ScopingClause): Span {
  return clause.locations?.operator ?? clause.span;
}

/** Value `index` of a clause, or its operator. */
export function clauseValueSpan(clause: ScopingClause, index: number): Span {
  const location = clause.locations?.values?.[index];
  return location ? locationSpan(location) : clauseOperatorSpan(clause);
}

/** A span inside value `index` of a clause (e.g. a regex error's offset), or the whole value. */
export function spanInClauseValue(clause: ScopingClause, index: number, span: Span): Span {
  const location = clause.locations?.values?.[index];
  return location ? spanInLocation(location, span) : clauseValueSpan(clause, index);
}
