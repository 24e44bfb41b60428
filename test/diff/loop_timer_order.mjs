import * as aio from "aionode";
import { print } from "./pyfmt.mjs";

const loop = aio.newEventLoop();

function fire(name, hBox) {
  const late = hBox ? loop.time() + 1e-6 >= hBox[0].when() : null;
  print("fire", name, "not early:", late);
}
function boxLater(delay, name) {
  const b = [];
  b.push(loop.callLater(delay, fire, name, b));
  return b[0];
}
function boxAt(when, name) {
  const b = [];
  b.push(loop.callAt(when, fire, name, b));
  return b[0];
}
function nested(name) {
  print("nested timer callback", name);
  // scheduled from inside a timer callback: ordered by their own deadlines
  boxLater(0.1, name + ".slow");
  boxLater(0.05, name + ".fast");
}

// out-of-order scheduling; fired by deadline
boxLater(0.2, "d");
boxLater(0.05, "a");
boxLater(0.15, "c");
boxLater(0.1, "b");
loop.callLater(0.25, nested, "n");
loop.callLater(1.0, () => loop.stop()); // 0.65 s after the last timer: room for a late wake-up
loop.callSoon(print, "call_soon runs first");
await loop.runForever();
print("stopped");
// two timers with the same deadline fire in scheduling order (asyncio's heap keeps the order
// of two equal timers; aionode promises it for any number)
const t0 = loop.time();
const h1 = boxAt(t0 + 0.1, "same-1");
const h2 = boxAt(t0 + 0.1, "same-2");
print("same when", h1.when() === h2.when(), h1.when() === t0 + 0.1);
loop.callAt(t0 + 0.15, () => loop.stop());
await loop.runForever();
print("stopped");
loop.close();
