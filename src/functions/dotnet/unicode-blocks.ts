/**
 * .NET's named Unicode blocks (`\p{IsGreek}`) as code-point ranges, for the translation to RE2, which
 * knows scripts but not blocks. The common blocks only; any other `\p{Is…}` is `regex-unsupported`.
 */
export const UNICODE_BLOCKS: Readonly<Record<string, readonly [number, number]>> = {
  IsBasicLatin: [0x0000, 0x007f],
  "IsLatin-1Supplement": [0x0080, 0x00ff],
  "IsLatinExtended-A": [0x0100, 0x017f],
  "IsLatinExtended-B": [0x0180, 0x024f],
  IsIPAExtensions: [0x0250, 0x02af],
  IsSpacingModifierLetters: [0x02b0, 0x02ff],
  IsCombiningDiacriticalMarks: [0x0300, 0x036f],
  IsGreek: [0x0370, 0x03ff],
  IsGreekandCoptic: [0x0370, 0x03ff],
  IsCyrillic: [0x0400, 0x04ff],
  IsCyrillicSupplement: [0x0500, 0x052f],
  IsArmenian: [0x0530, 0x058f],
  IsHebrew: [0x0590, 0x05ff],
  IsArabic: [0x0600, 0x06ff],
  IsSyriac: [0x0700, 0x074f],
  IsThaana: [0x0780, 0x07bf],
  IsDevanagari: [0x0900, 0x097f],
  IsBengali: [0x0980, 0x09ff],
  IsThai: [0x0e00, 0x0e7f],
  IsGeorgian: [0x10a0, 0x10ff],
  IsHangulJamo: [0x1100, 0x11ff],
  IsLatinExtendedAdditional: [0x1e00, 0x1eff],
  IsGreekExtended: [0x1f00, 0x1fff],
  IsGeneralPunctuation: [0x2000, 0x206f],
  IsSuperscriptsandSubscripts: [0x2070, 0x209f],
  IsCurrencySymbols: [0x20a0, 0x20cf],
  IsLetterlikeSymbols: [0x2100, 0x214f],
  IsNumberForms: [0x2150, 0x218f],
  IsArrows: [0x2190, 0x21ff],
  IsMathematicalOperators: [0x2200, 0x22ff],
  IsBoxDrawing: [0x2500, 0x257f],
  IsGeometricShapes: [0x25a0, 0x25ff],
  IsMiscellaneousSymbols: [0x2600, 0x26ff],
  IsDingbats: [0x2700, 0x27bf],
  IsCJKSymbolsandPunctuation: [0x3000, 0x303f],
  IsHiragana: [0x3040, 0x309f],
  IsKatakana: [0x30a0, 0x30ff],
  IsCJKUnifiedIdeographs: [0x4e00, 0x9fff],
  IsHangulSyllables: [0xac00, 0xd7af],
  IsPrivateUse: [0xe000, 0xf8ff],
  IsPrivateUseArea: [0xe000, 0xf8ff],
  IsCJKCompatibilityIdeographs: [0xf900, 0xfaff],
  "IsArabicPresentationForms-A": [0xfb50, 0xfdff],
  IsHalfwidthandFullwidthForms: [0xff00, 0xffef],
  IsSpecials: [0xfff0, 0xffff],
};

/** .NET's general categories; RE2 knows the same names. */
export const GENERAL_CATEGORIES = new Set(
  "L Lu Ll Lt Lm Lo M Mn Mc Me N Nd Nl No P Pc Pd Ps Pe Pi Pf Po S Sm Sc Sk So Z Zs Zl Zp C Cc Cf Cs Co Cn".split(
    " ",
  ),
);
