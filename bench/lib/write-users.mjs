#!/usr/bin/env node
// Writes the first COUNT generated users (lib/users.mjs, default seed) as JSON Lines to PATH, in batches,
// waiting for the reader: run as a child process so that the 1,000,000-user preview can read them
// through a FIFO while the benchmark's own process measures something else, its CPU time untouched.
//
//   node bench/lib/write-users.mjs COUNT PATH
import { createWriteStream } from "node:fs";
import { userGenerator } from "./users.mjs";

const [count, path] = [Number(process.argv[2]), process.argv[3]];
if (!Number.isSafeInteger(count) || count < 0 || !path) {
  process.stderr.write("usage: node bench/lib/write-users.mjs COUNT PATH\n");
  process.exit(2);
}
const out = createWriteStream(path);
const generator = userGenerator();
for (let done = 0; done < count; ) {
  const lines = [];
  for (let i = 0; i < 2000 && done < count; i++, done++) lines.push(JSON.stringify(generator.next()));
  if (!out.write(`${lines.join("\n")}\n`)) await new Promise((resolve) => out.once("drain", resolve));
}
await new Promise((resolve, reject) => out.end((error) => (error ? reject(error) : resolve())));
