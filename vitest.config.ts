import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

// The suite starts well over two thousand Node processes (test forks, differential twins,
// examples). NODE_EXTRA_CA_CERTS, set on some machines (our development machines among them), makes each
// Node process parse a CA bundle at start-up: about 60 ms, more than a typical twin runs. Nothing
// under test opens a TLS connection, so the variable is dropped here, before vitest forks anything;
// every child inherits the environment without it.
delete process.env.NODE_EXTRA_CA_CERTS;

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 30000,
    pool: "forks",
    // Two test files at once even on two cores (vitest's default is one fewer than the cores): the
    // differential file, mostly waiting on twins asleep in timers, then runs beside the others
    // instead of before them (a clean-clone pass went from 130 s to 99 s on two cores).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // Differential tests spawn two processes each. Many twins spend most of their time asleep in
    // timers, so five at once keep a 2-core machine busy without turning scheduling noise into
    // trace differences (pairs with short timers keep margins of 100 ms or more; the whole
    // differential suite also passed with five beside three busy loops).
    maxConcurrency: 5,
  },
});
