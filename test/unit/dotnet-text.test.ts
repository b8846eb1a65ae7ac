import { describe, expect, it } from "vitest";
import { toLowerCulture, toUpperCulture } from "../../src/functions/dotnet/culture-case.js";
import {
  base64FromBytes,
  convertFromBase64,
  convertToBase64,
  convertToUtf8Hex,
  utf16leBytes,
} from "../../src/functions/dotnet/encodings.js";
import { pcase, toTitleCase } from "../../src/functions/dotnet/title-case.js";
import { errorCode } from "./dotnet-helpers.js";

describe("TextInfo.ToTitleCase (invariant)", () => {
  it.each([
    ["pinto-de'silva", "Pinto-De'silva"],
    ["USA today", "USA Today"],
    ["o'NEIL", "O'neil"],
    ["3rd street", "3Rd Street"],
    ["jean_luc (second)", "Jean_Luc (Second)"],
    ["a.b,c;d!e", "A.B,C;D!E"],
    ["x+y=z $a", "X+Y=Z $A"],
    ["«élodie» ‘o’brien’", "«Élodie» ‘O’Brien’"],
    ["ǆemal", "ǅemal"],
    ["straße", "Straße"],
    ["a\u0301bc", "A\u0301bc"],
    ["mcDonald", "Mcdonald"],
    ["", ""],
  ])("%s → %s", (text, expected) => {
    expect(toTitleCase(text)).toBe(expected);
  });
});

describe("PCase", () => {
  it("without separators lower-cases first, so all-caps words are title-cased", () => {
    expect(pcase("PABLO GONSALVES (SECOND)")).toBe("Pablo Gonsalves (Second)");
    expect(pcase("GREGORY JAMES")).toBe("Gregory James");
    expect(pcase("PINTO-DE'SILVA")).toBe("Pinto-De'silva");
    expect(pcase("İSTANBUL")).toBe("İstanbul");
  });

  it("with separators, only those characters start words", () => {
    expect(pcase("PINTO-DE'SILVA", " '-")).toBe("Pinto-De'Silva");
    expect(pcase("jean-luc picard", " ")).toBe("Jean-luc Picard");
    expect(pcase("a_b c", "_")).toBe("A_B c");
    expect(pcase("3RD AVE", " ")).toBe("3rd Ave");
  });

  it("null or empty separators mean the default rules", () => {
    expect(pcase("O'NEIL SMITH", null)).toBe(pcase("O'NEIL SMITH"));
    expect(pcase("O'NEIL SMITH", "")).toBe("O'neil Smith");
  });
});

describe("ToUpper/ToLower with a culture", () => {
  it("uses the invariant culture without a name: simple mappings, dotted/dotless i kept", () => {
    expect(toUpperCulture("straße")).toBe("STRAßE");
    expect(toLowerCulture("ΣΑΣ")).toBe("σασ");
    expect(toUpperCulture("ı")).toBe("ı");
    expect(toLowerCulture("İ")).toBe("İ");
    expect(toUpperCulture("abc", "")).toBe("ABC");
  });

  it("applies the Turkic i rules for tr and az", () => {
    expect(toUpperCulture("istanbul ı", "tr-TR")).toBe("İSTANBUL I");
    expect(toLowerCulture("ISTANBUL İ", "tr")).toBe("ıstanbul i");
    expect(toUpperCulture("i", "az-Latn-AZ")).toBe("İ");
  });

  it("maps ı and İ to I and i in other named cultures", () => {
    expect(toUpperCulture("iı", "en-US")).toBe("II");
    expect(toLowerCulture("Iİ", "fr-FR")).toBe("ii");
    expect(toUpperCulture("ß", "de-DE")).toBe("ß");
  });

  it("rejects malformed culture names as invalid-culture", () => {
    expect(errorCode(() => toUpperCulture("x", "not a culture!"))).toBe("invalid-culture");
    expect(errorCode(() => toLowerCulture("x", "en_US!"))).toBe("invalid-culture");
  });
});

describe("encodings", () => {
  it("ConvertToBase64 encodes UTF-16LE", () => {
    expect(convertToBase64("Hello world!")).toBe("SABlAGwAbABvACAAdwBvAHIAbABkACEA");
    expect(convertToBase64("")).toBe("");
    expect(convertToBase64("é😀")).toBe("6QA92ADe");
  });

  it("replaces a lone surrogate by U+FFFD, as .NET's encoder does", () => {
    expect([...utf16leBytes("\ud800")]).toEqual([0xfd, 0xff]);
    expect(convertToBase64("\udac6")).toBe("/f8=");
  });

  it("ConvertFromBase64 decodes Unicode (default), UTF8 and ASCII", () => {
    expect(convertFromBase64("SABlAGwAbABvACAAdwBvAHIAbABkACEA")).toBe("Hello world!");
    expect(convertFromBase64("SGVsbG8gd29ybGQh", "UTF8")).toBe("Hello world!");
    expect(convertFromBase64("w6k=", "utf8")).toBe("é");
    expect(convertFromBase64("aGk/w6k=", "ASCII")).toBe("hi???");
    expect(convertFromBase64(" SGVs\nbG8= ", "UTF8")).toBe("Hello");
  });

  it("replaces malformed input as .NET Core does", () => {
    // UTF-8: one U+FFFD per maximal invalid subpart (ED A6 is two of them), as .NET Core 3.0+.
    expect(convertFromBase64(base64FromBytes(new Uint8Array([0xed, 0xa6, 0x25])), "UTF8")).toBe(
      "\ufffd\ufffd%",
    );
    // UTF-16LE: each lone surrogate and an odd trailing byte become U+FFFD.
    expect(convertFromBase64("u2DLuH/aZtuT")).toBe("\u60bb\ub8cb\ufffd\ufffd\ufffd");
  });

  it("rejects bad base64 and unknown encodings", () => {
    expect(errorCode(() => convertFromBase64("abc"))).toBe("invalid-base64");
    expect(errorCode(() => convertFromBase64("ab!d"))).toBe("invalid-base64");
    expect(errorCode(() => convertFromBase64("SGVsbG8=", "UTF32"))).toBe("invalid-encoding");
  });

  it("ConvertToUTF8Hex is upper-case hex of the UTF-8 bytes", () => {
    expect(convertToUtf8Hex("Hello world!")).toBe("48656C6C6F20776F726C6421");
    expect(convertToUtf8Hex("é-😀")).toBe("C3A92DF09F9880");
  });
});
