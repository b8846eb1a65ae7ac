// The preview section's baseline: the least any JSONL-in, JSONL-out tool must do per user — read the
// line, JSON.parse it, JSON.stringify a record, write it — with large reads and batched writes.
// Usage: node jsonl-passthrough.mjs <users.jsonl>
import { createReadStream } from "node:fs";

const input = createReadStream(process.argv[2], { encoding: "utf8", highWaterMark: 1 << 20 });
let rest = "";
let pending = [];
const flush = async () => {
  if (pending.length === 0) return;
  const ok = process.stdout.write(pending.join(""));
  pending = [];
  if (!ok) await new Promise((resolve) => process.stdout.once("drain", resolve));
};
for await (const chunk of input) {
  const lines = (rest + chunk).split("\n");
  rest = lines.pop();
  for (const line of lines) {
    if (line === "") continue;
    const user = JSON.parse(line);
    pending.push(`${JSON.stringify({ action: "Create", user })}\n`);
  }
  await flush();
}
if (rest !== "") pending.push(`${JSON.stringify({ action: "Create", user: JSON.parse(rest) })}\n`);
await flush();
