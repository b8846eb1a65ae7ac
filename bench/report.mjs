// The benchmark's report: each target of issue 12 next to its measured ratio (met / not met), then
// every section's figures. Used by run.mjs for the console and bench/results.md.

const ratio = (value) => (value === undefined ? "—" : `${value.toFixed(2)}×`);
const range = (r) => (r ? `${r.min.toFixed(2)}–${r.max.toFixed(2)}` : "—");
function duration(seconds) {
  if (seconds === undefined) return "—";
  if (seconds < 1e-6) return `${(seconds * 1e9).toFixed(0)} ns`;
  if (seconds < 1e-3) return `${(seconds * 1e6).toFixed(2)} µs`;
  if (seconds < 1) return `${(seconds * 1e3).toFixed(1)} ms`;
  return `${seconds.toFixed(2)} s`;
}
const thousands = (n) => (n === undefined ? "—" : Math.round(n).toLocaleString("en-US"));
const NOT_AVAILABLE = { measured: "not available", met: undefined };

/** Every target with its measurement; `met` is true, false, or undefined (not measurable yet). */
export function targetsOf(results) {
  const targets = [];
  const add = (target, measured, met, note = "") => targets.push({ target, measured, met, note });
  const evaluation = results.evaluation;
  if (evaluation) {
    const set = evaluation.allVsHand ?? evaluation.vsHand;
    // The preview's path; the per-mapping `evaluate` figure is in the section's table.
    const via = evaluation.allVsHand ? "evaluateAll" : "evaluate per mapping";
    add("fixture mapping set ≤ 1.5× hand-written JS", ratio(set.median), set.median <= 1.5, via);
    add("… stretch: ≤ 1.3×", ratio(set.median), set.median <= 1.3, via);
    const join = evaluation.single.find((s) => s.expression.startsWith("Join("));
    add('`Join(".", [a], [b])` ≤ 1.3× hand-written JS', ratio(join.vsHand.median), join.vsHand.median <= 1.3);
    const jsonata = evaluation.jsonataVsProvexAll ?? evaluation.jsonataVsProvex;
    add("≥ 40× faster than jsonata (fixture set)", ratio(jsonata), jsonata >= 40, via);
  }
  const parse = results.parse;
  if (parse) {
    for (const [name, input] of [
      ["one 1 MB expression", parse.big],
      [`${parse.small.count.toLocaleString("en-US")} small expressions`, parse.small],
    ]) {
      const speed = 1 / input.timeRatio.median;
      add(`parse ≥ 0.8× the baseline parser's speed (${name})`, ratio(speed), speed >= 0.8);
    }
  }
  const preview = results.preview;
  if (preview) {
    const speed = preview.cli.usersPerCpuSecond;
    add("preview ≥ 50,000 users per CPU-second (CLI, JSONL)", thousands(speed), speed >= 50_000);
    if (preview.million) {
      const name = `memory flat to ${thousands(preview.million.users)} users (RSS after the first quarter ≤ 1.25× within it)`;
      const memory = preview.million.memory;
      if (memory === undefined) targets.push({ target: name, ...NOT_AVAILABLE, note: "no /proc to sample" });
      else
        add(
          name,
          `${ratio(memory.growth)} (${memory.firstQuarterMiB.toFixed(0)} → ${memory.restMiB.toFixed(0)} MiB)`,
          memory.growth <= 1.25,
          `peak RSS ${preview.million.maxRssMiB.toFixed(0)} MiB (issue 12: 127–178 MB)`,
        );
    }
  }
  const startup = results.startup;
  if (startup) {
    const cpuNote = (cpu) => `wall clock; CPU time ${ratio(cpu)}`;
    add(
      "`provex eval` start-up ≤ 2.5× `node -e 0`",
      ratio(startup.evalRatio),
      startup.evalRatio <= 2.5,
      cpuNote(startup.evalCpuRatio),
    );
    if (startup.lintRatio === undefined) {
      targets.push({
        target: "`provex lint` start-up ≤ 2.5× `node -e 0`",
        ...NOT_AVAILABLE,
        note: "no `provex lint` yet",
      });
    } else {
      add(
        "`provex lint` start-up ≤ 2.5× `node -e 0`",
        ratio(startup.lintRatio),
        startup.lintRatio <= 2.5,
        cpuNote(startup.lintCpuRatio),
      );
    }
  }
  const lint = results.lint;
  if (lint) {
    if (!lint.available) {
      targets.push({
        target: "lint of 1,000 mappings ≤ 0.5 s",
        ...NOT_AVAILABLE,
        note: "no library `lint` yet",
      });
    } else {
      add("lint of 1,000 mappings ≤ 0.5 s", duration(lint.lint), lint.lint <= 0.5);
    }
  }
  return targets;
}

function table(header, rows) {
  return [
    `| ${header.join(" | ")} |`,
    `|${header.map(() => "---").join("|")}|`,
    ...rows.map((row) => `| ${row.join(" | ")} |`),
  ].join("\n");
}

function evaluationSection(e) {
  const perUser = e.perUser;
  const rows = [
    [
      "provex, `evaluate` per mapping",
      duration(perUser.provex),
      ratio(e.vsHand.median),
      range(e.vsHand),
      ratio(e.jsonataVsProvex),
    ],
  ];
  if (perUser.provexAll !== undefined) {
    rows.push([
      "provex, `evaluateAll`",
      duration(perUser.provexAll),
      ratio(e.allVsHand.median),
      range(e.allVsHand),
      ratio(e.jsonataVsProvexAll),
    ]);
  }
  rows.push(["hand-written JS", duration(perUser.hand), "1.00×", "", "—"]);
  rows.push(["jsonata 2.2.2", duration(perUser.jsonata), ratio(perUser.jsonata / perUser.hand), "", "—"]);
  const singles = e.single.map((s) => [
    `${s.name}: \`${s.expression}\``,
    duration(s.perCall.provex),
    duration(s.perCall.hand),
    ratio(s.vsHand.median),
    range(s.vsHand),
    ratio(s.jsonataVsProvex),
  ]);
  return `## 1–2. Evaluation

Every mapping of the fixture schema with a source (${e.mappings.length} mappings: direct, expression and
constant) over ${e.users.toLocaleString("en-US")} generated users (${e.evaluations.toLocaleString("en-US")}
evaluations per round). Each hand-written function's and each jsonata expression's output was checked
against provex's rendered output for every user before timing.

${table(["contender", "time per user (all mappings)", "time ratio vs hand-written", "per-round range", "jsonata time ÷ this"], rows)}

Single expressions (time per call):

${table(["expression", "provex", "hand-written", "ratio", "per-round range", "jsonata time ÷ provex"], singles)}
`;
}

function parseSection(p) {
  const rows = [
    [
      `one expression of ${p.big.megabytes.toFixed(2)} MB`,
      `${p.big.provexMBps.toFixed(2)} MB/s`,
      `${p.big.baselineMBps.toFixed(2)} MB/s`,
      ratio(1 / p.big.timeRatio.median),
      range(p.big.timeRatio),
    ],
    [
      `${p.small.count.toLocaleString("en-US")} expressions, ${p.small.megabytes.toFixed(2)} MB (${p.small.distinct} distinct)`,
      `${p.small.provexMBps.toFixed(2)} MB/s`,
      `${p.small.baselineMBps.toFixed(2)} MB/s`,
      ratio(1 / p.small.timeRatio.median),
      range(p.small.timeRatio),
    ],
  ];
  return `## 3. Parse (lex + parse + tree)

${table(["input", "provex", "baseline parser", "speed vs baseline", "time-ratio range"], rows)}
`;
}

function previewSection(p) {
  const row = (name, run, base) => [
    name,
    thousands(run.usersPerCpuSecond),
    `${run.cpu.toFixed(2)} s`,
    run.wall === undefined ? "—" : `${run.wall.toFixed(2)} s`,
    run.maxRssMiB === undefined ? "—" : `${run.maxRssMiB.toFixed(0)} MiB`,
    base ? ratio(run.usersPerCpuSecond / base.usersPerCpuSecond) : "—",
  ];
  const rows = [
    row(
      `library (\`createPreviewer\` + \`previewUser\`), ${thousands(p.users)} users`,
      p.library,
      p.libraryBaseline,
    ),
    row("… JSON round trip per user, in process (baseline)", p.libraryBaseline),
    row(`CLI \`provex preview --format jsonl\`, ${thousands(p.users)} users`, p.cli, p.cliBaseline),
    row("… JSONL passthrough child (baseline)", p.cliBaseline),
  ];
  if (p.million)
    rows.push(row(`CLI, ${thousands(p.million.users)} users (memory)`, p.million, p.cliBaseline));
  const points = memoryNote(p.million);
  const actions = Object.entries(p.library.actions)
    .map(([action, count]) => `${action} ${thousands(count)}`)
    .join(", ");
  return `## 4. Preview

${table(["run", "users per CPU-second", "CPU", "wall", "peak RSS", "speed vs its baseline"], rows)}

Actions: ${actions}. The library's figure is the median over batches of 1,000 users; each child process
runs once, so the two CLI runs (${thousands(p.cli.usersPerCpuSecond)} and ${p.million ? thousands(p.million.usersPerCpuSecond) : "—"} users per
CPU-second) show its spread.${
    p.million?.overlapped
      ? ` The ${thousands(p.million.users)}-user run ran in the background beside the parse and lint sections
(its users generated by another child), which time only the benchmark's own process.`
      : ""
  }${points}
`;
}

/** The 1,000,000-user run's RSS as its users went through, and the two levels the flatness check compares. */
function memoryNote(million) {
  const memory = million?.memory;
  if (!memory) return "";
  const mib = (value) => (value === undefined ? "—" : `${value.toFixed(0)} MiB`);
  const points = memory.points.map((point) => `${(point.fraction * 100).toFixed(0)}% ${mib(point.mib)}`);
  return `

RSS of the ${thousands(million.users)}-user run as its users went through (sampled at every 1% of its
output, ${memory.sampleCount} samples): ${points.join(", ")}. Highest within the first quarter
${mib(memory.firstQuarterMiB)}, after it ${mib(memory.restMiB)} (${ratio(memory.growth)}).`;
}

function startupSection(s) {
  const rows = [
    [
      "`node -e 0`",
      duration(s.node),
      `${duration(s.nodeRange[0])}–${duration(s.nodeRange[1])}`,
      "1.00×",
      duration(s.cpu.node),
      "1.00×",
    ],
    [
      "`provex eval 'Join(\".\", [a], [b])'`",
      duration(s.eval),
      `${duration(s.evalRange[0])}–${duration(s.evalRange[1])}`,
      ratio(s.evalRatio),
      duration(s.cpu.eval),
      ratio(s.evalCpuRatio),
    ],
    [
      "`provex lint` (fixture schema)",
      s.lint === undefined ? "not available" : duration(s.lint),
      "",
      ratio(s.lintRatio),
      duration(s.cpu.lint),
      ratio(s.lintCpuRatio),
    ],
  ];
  return `## 5. CLI start-up (median of ${s.runs} runs)

${table(["command", "wall", "wall range", "wall ratio vs node -e 0", "CPU", "CPU ratio"], rows)}
`;
}

function lintSection(l) {
  if (!l.available)
    return "## 6. Lint of 1,000 mappings\n\nNot available: the library does not export `lint` yet.\n";
  return `## 6. Lint of ${l.mappings.toLocaleString("en-US")} mappings

${table(
  ["run", "median", "ratio vs loadConfig"],
  [
    [`\`lint\` (${(l.bytes / 1e6).toFixed(2)} MB, ${l.findings} findings)`, duration(l.lint), ratio(l.ratio)],
    ["`loadConfig` of the same text (baseline)", duration(l.load), "1.00×"],
  ],
)}
`;
}

export function formatReport(results) {
  const targets = results.targets.map((t) => [
    t.target,
    t.measured,
    t.met === undefined ? "not available" : t.met ? "**met**" : "**not met**",
    t.note,
  ]);
  const load = (l) => l.map((x) => x.toFixed(2)).join(", ");
  const sections = [
    results.evaluation && evaluationSection(results.evaluation),
    results.parse && parseSection(results.parse),
    results.preview && previewSection(results.preview),
    results.startup && startupSection(results.startup),
    results.lint && lintSection(results.lint),
  ].filter(Boolean);
  const seconds = Object.entries(results.seconds)
    .map(([name, s]) => `${name} ${s.toFixed(0)} s`)
    .join(", ");
  return `# Benchmark results

\`npm run bench\` on ${results.date.slice(0, 10)}, Node ${results.node}, ${results.cpus} × ${results.cpuModel ?? "CPU"},
built JS. Load average ${load(results.loadBefore)} before and ${load(results.loadAfter)} after (a shared machine:
read the ratios, which are measured in the same run, rather than the absolute times). Total
${results.totalSeconds.toFixed(0)} s (${seconds}). See bench/README.md for what each section measures.

## Targets (issue 12)

${table(["target", "measured", "", "note"], targets)}

${sections.join("\n")}`;
}
