import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { jsonString, leanRecordJson, previewRecord } from "../../src/cli/preview-output.js";
import type { UserPreview } from "../../src/mapping/index.js";

/** Strings that need escaping: quotes, backslashes, control characters, lone and paired surrogates. */
const hostile = fc.oneof(
  fc.string({ unit: "binary", maxLength: 30 }),
  fc.string({ unit: "grapheme", maxLength: 30 }),
  fc.string({
    unit: fc.constantFrom('"', "\\", "\n", "\u0000", "\u001f", "\u007f", "\u2028", "a", "é"),
    maxLength: 20,
  }),
  fc.constantFrom("\ud800", "x\udc00y", "\ud83d\ude00", "\udfff\ud800", "</script>", ""),
);
/** What a field typed as a string may hold at run time when a caller builds results by hand. */
const loose = fc.oneof(
  { weight: 6, arbitrary: hostile },
  fc.constant(undefined),
  fc.constant(null),
  fc.integer(),
  fc.boolean(),
);
const optional = <T>(value: fc.Arbitrary<T>) => fc.option(value, { nil: undefined });
const warning = fc.record({ code: hostile, target: hostile, message: hostile });
const request = fc.record({
  method: fc.constantFrom("POST", "PATCH"),
  path: hostile,
  body: fc.dictionary(hostile, fc.jsonValue({ maxDepth: 3 }), { maxKeys: 6 }),
});

const record = fc.record({
  index: fc.oneof({ weight: 8, arbitrary: fc.nat() }, fc.constant(-0), fc.double(), fc.constant(undefined)),
  id: loose,
  displayName: loose,
  action: fc.oneof(fc.constantFrom("Create", "Update", "Skip", "Disable", "Error"), loose),
  skipReason: optional(loose),
  error: optional(fc.record({ code: hostile, message: hostile, target: optional(hostile) })),
  summary: loose,
  match: fc.oneof(fc.constant(null), fc.record({ id: hostile, attribute: hostile, value: hostile })),
  steps: fc.constant([]),
  requests: fc.oneof(fc.array(request, { maxLength: 2 }), fc.constant(undefined)),
  attributeChanges: optional(
    fc.record({
      directory: hostile,
      changes: fc.array(fc.record({ target: hostile, oldValue: fc.jsonValue(), newValue: fc.jsonValue() }), {
        maxLength: 3,
      }),
    }),
  ),
  warnings: fc.array(warning, { maxLength: 3 }),
}) as unknown as fc.Arbitrary<UserPreview>;

describe("the lean JSONL record writer", () => {
  it("writes exactly what JSON.stringify writes of the lean record, for any record", () => {
    fc.assert(
      fc.property(record, (result) => {
        expect(leanRecordJson(result)).toBe(JSON.stringify(previewRecord(result, false)));
      }),
      { numRuns: 3000 },
    );
  });

  it("quotes any string as JSON.stringify does, lone surrogates as escapes", () => {
    fc.assert(
      fc.property(hostile, (text) => {
        expect(jsonString(text)).toBe(JSON.stringify(text));
      }),
      {
        numRuns: 5000,
      },
    );
    expect(jsonString("a\ud800b")).toBe('"a\\ud800b"');
    expect(jsonString("\ud83d\ude00")).toBe('"\ud83d\ude00"');
    expect(jsonString('say "hi"\n')).toBe('"say \\"hi\\"\\n"');
  });

  it("a Skip record: the constant parts around its strings", () => {
    const skip: UserPreview = {
      index: 3,
      id: "u-3",
      displayName: 'Zoë "Z" Ağaoğlu',
      action: "Skip",
      skipReason: "NotEffectivelyEntitled",
      error: undefined,
      summary: "Skip (NotEffectivelyEntitled): out of scope: no scoping filter holds",
      match: null,
      steps: [],
      requests: [],
      attributeChanges: undefined,
      warnings: [],
    };
    expect(leanRecordJson(skip)).toBe(
      '{"index":3,"id":"u-3","displayName":"Zoë \\"Z\\" Ağaoğlu","action":"Skip","skipReason":"NotEffectivelyEntitled","summary":"Skip (NotEffectivelyEntitled): out of scope: no scoping filter holds","match":null,"requests":[],"warnings":[]}',
    );
  });
});
