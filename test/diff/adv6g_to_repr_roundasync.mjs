import * as aio from "aionode";
import { print, pyFloat } from "./pyfmt.mjs";

// A Timeout's repr rounds its deadline as round(when, 3) does (half to even on the exact binary
// value): negative zero, halves that are not exact, huge and tiny deadlines, from timeoutAt() and
// from reschedule(); a body that never suspends under a past deadline does not expire.

const W = [-0.0001, -0.0005, 2.0005, 1e16, 123456789.0125, 0.1 + 0.2, 5e-324, -1e-10, 1.0005, 2.675,
  1e22, -2.5e-4, 0.0625, 1234.5675, 9.9995, -9.9995, 0.0005, 0.0015, 0.0025, 4.0e-3];
const frepr = pyFloat; // every deadline here is a Python float

await aio.run(async function main() {
  print("-- timeout_at(w)");
  let cm;
  for (const w of W) {
    await aio.timeoutAt(w, async function (c) {
      cm = c;
      print(`  ${frepr(w)} -> ${String(cm)}`);
    });
    print("  after:", String(cm), cm.expired());
  }
  print("-- reschedule(w)");
  await aio.timeout(null, async function (c) {
    cm = c;
    for (const w of W) {
      cm.reschedule(w);
      const r = String(cm);
      cm.reschedule(null);
      print(`  ${frepr(w)} -> ${r} -> ${String(cm)}`);
    }
  });
  print("  after:", String(cm), cm.expired());
  print("-- loop still works", await aio.sleep(0, "yes"), aio.currentTask().cancelling());
});
