// A minimal hand-written recursive-descent parser of the same grammar, with no diagnostics and no
// recovery: the speed a parser of this language could reach, as the baseline for provex's parse.
const SPACE = /\s/;

export function baselineParse(text) {
  let i = 0;
  const skip = () => {
    while (i < text.length && SPACE.test(text[i])) i++;
  };
  const expression = () => {
    const left = operand();
    skip();
    const c = text[i];
    if (c === "=" || c === "<" || c === ">") {
      let operator = c;
      i++;
      if (text[i] === "=" || text[i] === ">") operator += text[i++];
      return { kind: "comparison", operator, left, right: operand() };
    }
    return left;
  };
  const operand = () => {
    skip();
    const start = i;
    const c = text[i];
    if (c === "[") {
      const end = text.indexOf("]", i);
      i = end + 1;
      return { kind: "attribute", name: text.slice(start + 1, end) };
    }
    if (c === '"') {
      i++;
      let value = "";
      while (text[i] !== '"') {
        if (text[i] === "\\" && (text[i + 1] === '"' || text[i + 1] === "\\")) i++;
        value += text[i++];
      }
      i++;
      return { kind: "string", value };
    }
    if (c === "-" || (c >= "0" && c <= "9")) {
      i++;
      while (text[i] >= "0" && text[i] <= "9") i++;
      return { kind: "number", value: BigInt(text.slice(start, i)) };
    }
    while (/[A-Za-z0-9_]/.test(text[i])) i++;
    const name = text.slice(start, i);
    skip();
    if (text[i] !== "(") return { kind: "constant", name };
    i++;
    const args = [];
    skip();
    if (text[i] === ")") {
      i++;
      return { kind: "call", name, arguments: args };
    }
    for (;;) {
      skip();
      if (text[i] === "," || text[i] === ")") args.push({ kind: "empty" });
      else args.push(expression());
      skip();
      if (text[i++] === ")") return { kind: "call", name, arguments: args };
    }
  };
  return expression();
}
