// Preloaded into benchmarked child processes (node --import): as the process exits, writes its own
// resource usage to the file named by PROVEX_BENCH_RUSAGE, so the parent gets the child's CPU time and
// peak RSS without relying on an external `time` program.
import { writeFileSync } from "node:fs";

const target = process.env.PROVEX_BENCH_RUSAGE;
if (target) {
  process.on("exit", () => {
    const usage = process.resourceUsage();
    writeFileSync(
      target,
      JSON.stringify({
        userCPUTime: usage.userCPUTime,
        systemCPUTime: usage.systemCPUTime,
        maxRSS: usage.maxRSS,
      }),
    );
  });
}
