import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 30000,
    pool: "forks",
    // Differential tests spawn two processes each; on a 2-core machine more at once would turn
    // scheduling noise into trace differences for the pairs that use short timers.
    maxConcurrency: 3,
  },
});
