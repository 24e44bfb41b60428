import * as aio from "aionode";
import { print, repr } from "./pyfmt.mjs";

// The argument shapes of call_soon, call_soon_threadsafe, call_later and call_at side by side:
// none, a single None, a single list (passed as one argument, not spread), two, three, twelve and
// 200 arguments; what the callback receives (count, identity of object arguments, mutations made
// after scheduling), the handle's repr before and after; the four kinds interleaved keep FIFO
// among the call_soon kinds and deadline order among timers (deadlines 1 s apart in the past);
// a callback that re-schedules itself with one more argument each time; a failing callback's
// message with each shape.
const loop = aio.newEventLoop();
const shared = ["n", 0];
const lst = [1, 2];
const s = (x) => String(x);
class ValueError extends Error {
  name = "ValueError";
}
loop.setExceptionHandler((lp, ctx) => print("   handler:", ctx.message.slice(0, 90)));

function recv(tag, ...args) {
  const ids = args.filter((a) => a === shared || a === lst).length;
  print("  ", tag, "got", args.length, "args;", "shared/lst by identity:", ids, "| first:", args.length ? repr(args[0]) : "-", "| last:", args.length ? repr(args[args.length - 1]) : "-");
}
function fail(...args) {
  throw new ValueError(String(args.length));
}
const range = (n) => Array.from({ length: n }, (_, i) => i);
const SHAPES = [
  ["none", []],
  ["None", [null]],
  ["list", [lst]],
  ["two", [shared, lst]],
  ["three", ["a", 2.5, false]],
  ["twelve", range(12)],
  ["200", range(200)],
];
const H = [];
const now = loop.time();
let k = 0;
for (const [name, args] of SHAPES) {
  H.push(loop.callSoon(recv, "soon/" + name, ...args));
  H.push(loop.callSoonThreadsafe(recv, "threadsafe/" + name, ...args));
  k += 1;
  H.push(loop.callAt(now - 100 + k, recv, "at/" + name, ...args));
  k += 1;
  H.push(loop.callLater(-100 + k, recv, "later/" + name, ...args));
}
for (const h of H) print(s(h).replace(/when=\S+/, "when=W").slice(0, 100));
shared[1] = 1;
lst.push(3);

function grow(...args) {
  print("   grow with", args.length, "args");
  if (args.length < 5) loop.callSoon(grow, ...args, args.length);
  else loop.stop();
}
loop.callSoon(grow);
SHAPES.forEach(([name, args], i) => {
  loop.callSoon(fail, ...args);
  loop.callAt(now - 1 + i * 0.01, fail, ...args);
});
await loop.runForever();
print("after the run");
for (const h of H.slice(0, 8)) print(s(h).replace(/when=\S+/, "when=W").slice(0, 100), h.cancelled());
print("lst:", lst, "shared:", shared);
loop.close();
