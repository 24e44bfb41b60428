import * as aio from "aionode";
import { print, repr } from "./pyfmt.mjs";

// Reprs of futures and handles whose results / arguments are floats and strings that reprlib
// shortens or that need Python's quoting; TimerHandle reprs before running, after running, after
// cancel; futures with 1..4 done callbacks.
const loop = aio.newEventLoop();
class ValueError extends Error {
  constructor(m) {
    super(m);
    this.name = "ValueError";
  }
}

const vals = [
  "a".repeat(20) + "'" + "b".repeat(20),
  "c".repeat(12) + '"' + "d".repeat(30),
  "x\ny",
  "q".repeat(29) + "\n",
  "both ' and \"",
  "tab\there",
  "z".repeat(30),
  "z".repeat(31),
  1e-7,
  NaN,
  Infinity,
  -Infinity,
  0.1,
  1.5e300,
  -2.5,
  123456789,
];
print("-- future results");
for (const v of vals) {
  const f = loop.createFuture();
  f.setResult(v);
  print(String(f));
}

print("-- call_soon handles");
for (const v of vals) {
  const h = loop.callSoon(print, v);
  print(String(h));
  h.cancel();
  print(String(h));
}
{
  const h = loop.callSoon(print, "one", 2, 0.5);
  print(String(h));
  h.cancel();
}

print("-- timer handles");
const t = loop.callAt(-3.5, print, "timer ran", 1e-7);
const t2 = loop.callAt(-3.25, print);
const t3 = loop.callAt(-2.75, print, "t3", "x".repeat(40));
print(String(t));
print(String(t2));
print(String(t3));
t3.cancel();
print(String(t3), t3.when(), t3.cancelled());
loop.callSoon(() => loop.stop());
await loop.runForever();
print("after run:", String(t), t.when(), t.cancelled());
print("after run:", String(t2), t2.cancelled());
t.cancel();
print("cancel after run:", String(t), t.when(), t.cancelled());

print("-- done callbacks in reprs");
const f = loop.createFuture();
for (let i = 0; i < 4; i++) {
  f.addDoneCallback(print);
  print(String(f));
}
print("removed", f.removeDoneCallback(print), String(f));
f.cancel();
print(String(f));
const g = loop.createFuture();
g.setException(new ValueError("it's \"quoted\""));
print(String(g));
g.exception();
const g2 = loop.createFuture();
g2.setException(new ValueError("e".repeat(50)));
print(String(g2));
g2.exception();
loop.close();
