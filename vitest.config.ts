import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Property tests run thousands of cases; give them room on CI's 2 cores.
    testTimeout: 60_000,
    pool: "forks",
  },
});
