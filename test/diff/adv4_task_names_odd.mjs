import * as aio from "aionode";
import { print, repr } from "./pyfmt.mjs";

// Task names that are not plain identifiers: setName() and name with ints, floats, negative
// and zero values, the empty string, quotes of both kinds, backslashes, control characters,
// and a long name (names are shown in full, never cut). The Task-N counter across
// createTask(name 0), loop.createTask(name ""), tg.createTask(name null), and renaming a
// task to another task's default name.

function show(label, obj) {
  print(label, String(obj));
}

const nap = aio.coroutine(function* nap() {
  yield* aio.sleep(0);
  return 1;
});

function pyType(v) {
  // The Python type of the value set_name() received.
  return typeof v === "string" ? "str" : Number.isInteger(v) ? "int" : "float";
}

const main = aio.coroutine(function* main() {
  const loop = aio.getRunningLoop();
  print("main", aio.currentTask().getName());
  const a = aio.createTask(nap(), { name: 0 });
  print("name=0", repr(a.getName()));
  const b = loop.createTask(nap(), { name: "" });
  print("name=''", repr(b.getName()));
  show("empty name repr", b);
  const c = aio.createTask(nap());
  print("next default", c.getName());
  for (const v of [-5, 2.5, 0.1, 12345678901234, "it's", 'say "hi"', "both ' and \"", "back\\slash", "line\nbreak\r\x01\x7f", "x".repeat(50)]) {
    c.setName(v);
    print("set_name", pyType(v), c.getName() === String(v), c.getName().length);
    show("  repr", c);
  }
  c.setName(a.getName());
  print("renamed to a's name", c.getName(), a.getName());
  const d = aio.createTask(nap());
  print("after renames, next default", d.getName());
  let e, f, g;
  yield* aio.taskGroup(function* (tg) {
    e = tg.createTask(nap(), { name: null });
    f = tg.createTask(nap(), { name: "tg-named" });
    g = tg.createTask(nap(), { name: 7 });
  });
  print("tg names", e.getName(), f.getName(), repr(g.getName()));
  const h = aio.ensureFuture(nap());
  print("ensure_future", h.getName());
  h.setName("Task-1");
  print("two tasks may share a name", h.getName(), aio.currentTask().getName());
  yield* aio.gather(a, b, c, d, h);
  show("done with shared name", h);
});

await aio.run(main);
