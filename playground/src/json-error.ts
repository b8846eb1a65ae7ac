/**
 * Where a JSON text first goes wrong, as a UTF-16 offset, or undefined when it is valid JSON. The
 * browser's JSON.parse says what is wrong but not always where ("Unexpected token 'x', … is not valid
 * JSON"); the playground marks stale results with the input's line:column, so it finds the place itself.
 * A plain iterative scan (no recursion: a hostile input nested a million deep must not overflow).
 */
export function jsonErrorOffset(text: string): number | undefined {
  let at = 0;
  const stack: ("object" | "array")[] = [];
  const space = () => {
    while (at < text.length && " \t\n\r".includes(text[at] as string)) at++;
  };
  const string = (): boolean => {
    at++;
    while (at < text.length) {
      const char = text.charCodeAt(at);
      if (char === 0x22) {
        at++;
        return true;
      }
      if (char < 0x20) return false;
      if (char === 0x5c) {
        const next = text[at + 1];
        if (next === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(at + 2, at + 6))) return false;
          at += 6;
        } else if (next !== undefined && '"\\/bfnrt'.includes(next)) at += 2;
        else return false;
      } else at++;
    }
    return false;
  };
  const scalar = (): boolean => {
    const rest = text.slice(at, at + 5);
    for (const word of ["true", "false", "null"]) {
      if (rest.startsWith(word)) {
        at += word.length;
        return true;
      }
    }
    const number = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(at, at + 400));
    if (!number) return false;
    at += number[0].length;
    return true;
  };
  // After a value: a comma or the end of the enclosing container (or of the text).
  const afterValue = (): "ok" | "next" | "error" => {
    for (;;) {
      space();
      const container = stack[stack.length - 1];
      if (container === undefined) return at === text.length ? "ok" : "error";
      const char = text[at];
      if (char === ",") {
        at++;
        return "next";
      }
      if ((container === "object" && char === "}") || (container === "array" && char === "]")) {
        at++;
        stack.pop();
        continue;
      }
      return "error";
    }
  };
  // Reads one value (opening containers as it goes); returns false at an error.
  const value = (): boolean => {
    for (;;) {
      space();
      const char = text[at];
      if (char === "{") {
        at++;
        space();
        if (text[at] === "}") {
          at++;
          return true;
        }
        stack.push("object");
        if (!member()) return false;
        continue;
      }
      if (char === "[") {
        at++;
        space();
        if (text[at] === "]") {
          at++;
          return true;
        }
        stack.push("array");
        continue;
      }
      if (char === '"') return string();
      return scalar();
    }
  };
  // An object member's key and colon; its value follows.
  const member = (): boolean => {
    space();
    if (text[at] !== '"' || !string()) return false;
    space();
    if (text[at] !== ":") return false;
    at++;
    return true;
  };
  for (;;) {
    if (!value()) return Math.min(at, text.length);
    const next = afterValue();
    if (next === "ok") return undefined;
    if (next === "error") return Math.min(at, text.length);
    if (stack[stack.length - 1] === "object" && !member()) return Math.min(at, text.length);
  }
}

/** 1-based line and column of an offset. */
export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (
    let index = text.indexOf("\n");
    index !== -1 && index < offset;
    index = text.indexOf("\n", index + 1)
  ) {
    line++;
    start = index + 1;
  }
  return { line, column: offset - start + 1 };
}
