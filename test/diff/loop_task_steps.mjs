import * as aio from "aionode";
import { print } from "./pyfmt.mjs";

// Task steps are ordinary ready-queue callbacks: they interleave with call_soon callbacks,
// timers and future callbacks by asyncio's one-iteration rule.
const loop = aio.newEventLoop();
let n = 0;
function tick() {
  n += 1;
  print("-- iteration", n);
  if (n === 8) loop.stop();
  else loop.callSoon(tick);
}
const gate = loop.createFuture();

const a = aio.coroutine(function* () {
  for (let i = 0; i < 3; i++) {
    print("A step", i);
    yield* aio.sleep(0);
  }
  print("A returns");
  return "A";
});
const b = aio.coroutine(function* () {
  print("B waits on gate");
  const v = yield* gate;
  print("B got", v);
  yield* aio.sleep(0);
  print("B returns");
  return "B";
});
function cb(name, then) {
  print("cb", name);
  if (then) loop.callSoon(...then);
}
function openGate() {
  print("open_gate");
  gate.setResult("gate value");
}
function report(t) {
  print("done callback of", t.getName(), t.result());
}

loop.callSoon(tick);
const ta = loop.createTask(a(), { name: "A" });
loop.callSoon(cb, "1", [cb, "2", [openGate]]);
const tb = loop.createTask(b(), { name: "B" });
ta.addDoneCallback(report);
tb.addDoneCallback(report);
loop.callSoon(cb, "3");
await loop.runForever();
print(ta.result(), tb.result());
loop.close();
