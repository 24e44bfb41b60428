import * as aio from "aionode";
import { print } from "./pyfmt.mjs";

// asyncio's one-iteration rule: an iteration runs only the callbacks that were ready when it started;
// callbacks scheduled while it runs wait for the next one, behind everything queued before them.
const loop = aio.newEventLoop();
let n = 0;

function tick() {
  n += 1;
  print("-- iteration", n);
  if (n === 5) loop.stop();
  else loop.callSoon(tick);
}
function chain(name, left) {
  print(name, left);
  if (left > 0) loop.callSoon(chain, name, left - 1);
}
function fan(name, k) {
  print("fan", name, k);
  for (let i = 0; i < k; i++) loop.callSoon(print, "fan child", name, i);
}

const fut = loop.createFuture();
function onDone(f) {
  print("done callback", f.result());
  loop.callSoon(print, "scheduled by done callback");
}
function onDone2(f) {
  print("done callback 2", f.result());
}
fut.addDoneCallback(onDone);
fut.addDoneCallback(onDone2);

function resolver() {
  print("resolver sets result");
  fut.setResult("R");
  print("resolver after set_result, done:", fut.done());
}

loop.callSoon(tick);
loop.callSoon(chain, "a", 3);
loop.callSoon(fan, "x", 3);
loop.callSoon(resolver);
loop.callSoon(chain, "b", 1);
loop.callSoon(fan, "y", 2);
await loop.runForever();
print("stopped after", n, "iterations");
loop.close();
