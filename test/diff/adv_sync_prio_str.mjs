import * as aio from "aionode";
import { print, tuple } from "./pyfmt.mjs";

// PriorityQueue orders strings as Python does: by code point. Characters above U+FFFF
// (emoji, U+10000...) come after every BMP character, U+E000-U+FFFF included; also as the
// tie-breaker of [priority, name] tuples, and with getters waiting. Strings are printed as
// their code points in hex.
const cps = (s) => [...s].map((c) => c.codePointAt(0).toString(16)).join("-");

await aio.run(function* () {
  const words = ["\u{1F600}", "\uFF01", "a", "\u00e9", "\u{10000}", "\uE000", "z\u{1F600}", "z\uFFFD"];
  let q = new aio.PriorityQueue();
  for (const w of words) q.putNowait(w);
  let out = [];
  while (!q.empty()) out.push(cps(q.getNowait()));
  print("strings", out);

  q = new aio.PriorityQueue();
  words.forEach((w, i) => q.putNowait(tuple(Math.floor(i / 6), w)));
  out = [];
  while (!q.empty()) {
    const [p, w] = q.getNowait();
    out.push(tuple(p, cps(w)));
  }
  print("tuples", out);

  q = new aio.PriorityQueue();
  const got = [];
  const getter = aio.coroutine(function* () {
    const [, w] = yield* q.get();
    got.push(cps(w));
  });
  const gs = [0, 1, 2].map(() => aio.createTask(getter()));
  yield* aio.sleep(0);
  for (const w of ["\u{1F600}", "\uFF01", "\uE000"]) q.putNowait(tuple(1, w));
  yield* aio.gather(...gs);
  print("getters", got);
});
