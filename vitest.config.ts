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
    // Differential tests spawn two processes each. Many twins spend most of their time asleep in
    // timers, so five at once keep a 2-core machine busy without turning scheduling noise into
    // trace differences (pairs with short timers keep margins of 100 ms or more; the whole
    // differential suite also passed with five beside three busy loops). Seven saved CI only 2%
    // (it is CPU-bound on a clean clone, where the Python programs run too).
    maxConcurrency: 5,
  },
});
