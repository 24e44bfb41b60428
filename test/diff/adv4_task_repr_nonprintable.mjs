import * as aio from "aionode";
import { print } from "./pyfmt.mjs";
import { ValueError } from "./task_util.mjs";

// Python's repr() escapes every character str.isprintable() rejects, not only ASCII control
// characters: a no-break space (\xa0), C1 controls (\x85), a soft hyphen (\xad), a zero-width
// space (\u200b), a line separator (\u2028), a byte-order mark (\ufeff), a private-use
// character (\ue000) and a lone surrogate (\ud800). Task reprs show names, results (reprlib)
// and exception messages that way; printable non-ASCII (é, an emoji, a combining accent) stays.

function show(label, obj) {
  print(label, String(obj));
}

const give = aio.coroutine(function* give(v) {
  return v;
});

const fail = aio.coroutine(function* fail(msg) {
  throw new ValueError(msg);
});

const main = aio.coroutine(function* main() {
  const names = ["nb\xa0sp", "c1\x85", "soft\xadhyphen", "zw\u200bsp", "ls\u2028", "bom\ufeff", "pua\ue000", "lone\ud800", "ok-é-😀-e\u0301"];
  for (const n of names) {
    const t = aio.createTask(give(Array.from(n).length), { name: n });
    show("name", t);
    print("  length", yield* t);
  }
  let r = aio.createTask(give("nb\xa0sp and zw\u200bsp"));
  yield* r;
  show("result", r);
  r = aio.createTask(give("😀".repeat(40)));
  yield* r;
  show("long emoji result", r);
  r = aio.createTask(give("\u200b".repeat(40)));
  yield* r;
  show("long zero-width result", r);
  const e = aio.createTask(fail("bad\xa0thing\u2028here"));
  yield* aio.wait([e]);
  show("exception", e);
  e.exception();
});

await aio.run(main);
