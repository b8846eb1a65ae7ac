/**
 * Sets an own, enumerable property, whatever its name: `object["__proto__"] = value` would replace the
 * object's prototype instead (JSON.parse makes such keys own properties, and so must we).
 */
export function setOwn(object: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * Why a number read from a file cannot be kept exactly as plain data (and so written back unchanged),
 * or undefined when it can. `raw` is its text in the file; YAML's hexadecimal and octal integers are
 * exact whenever they fit.
 */
export function exactNumberProblem(value: number | bigint, raw: string): string | undefined {
  if (typeof value === "bigint")
    return `The number ${short(raw)} is larger than provex can keep exactly (2^53 − 1); write it as a string.`;
  if (!Number.isFinite(value))
    return `${short(raw)} is not a number JSON can hold (no infinity or NaN); write a finite number, or a string.`;
  const written = decimalDigits(raw);
  if (written !== undefined && written !== decimalDigits(String(value)))
    return `The number ${short(raw)} has more digits than provex can keep exactly (it would become ${String(value)}); write it as a string.`;
  return undefined;
}

/**
 * Whether a YAML integer (read as bigint) is kept as a number: when the double writes back the same
 * decimal digits, or (hexadecimal, octal) holds exactly the same integer.
 */
export function integerFitsNumber(value: bigint, raw: string): boolean {
  const number = Number(value);
  const written = decimalDigits(raw.trim());
  return written !== undefined ? written === decimalDigits(String(number)) : BigInt(number) === value;
}

/** A decimal number's value as digits and exponent without zeros at either end ("-12e3"), or undefined. */
function decimalDigits(text: string): string | undefined {
  const match = /^([-+]?)(\d*)(?:\.(\d*))?(?:[eE]([-+]?\d+))?$/.exec(text);
  if (!match) return undefined;
  const [, sign = "", whole = "", fraction = "", exponentText = "0"] = match;
  if (whole === "" && fraction === "") return undefined;
  let digits = `${whole}${fraction}`.replace(/^0+/, "");
  if (digits === "") return "0";
  let exponent = Number(exponentText) - fraction.length;
  const trailing = digits.length - digits.replace(/0+$/, "").length;
  digits = digits.slice(0, digits.length - trailing);
  exponent += trailing;
  return `${sign === "-" ? "-" : ""}${digits}e${exponent}`;
}

/** Copies the own enumerable properties of `source` onto `target` with {@link setOwn} (not `Object.assign`). */
export function assignOwn<T extends Record<string, unknown>>(
  target: T,
  source: Readonly<Record<string, unknown>>,
): T {
  for (const key of Object.keys(source)) setOwn(target, key, source[key]);
  return target;
}

/** Text quoted in a message, cut when long (a 1 MB token must not make a 2 MB message). */
export function short(text: string, limit = 40): string {
  return text.length <= limit ? text : `${text.slice(0, limit)}…`;
}
