import * as aio from "aionode";
import { print } from "./pyfmt.mjs";
import { errorClass, ValueError } from "./task_util.mjs";

// Reprs of finished futures whose results reprlib must shorten or escape: strings full of
// escapes (cut in the middle of an escape), backslashes, astral characters, format and control
// characters, lone surrogates, strings right at the 30-character limit, nested and long lists,
// lists holding strings, errors and futures, futures whose result is another future, an error as
// a result, and exceptions with odd messages (an exception's repr is never shortened).
const KeyError = errorClass("KeyError");
const RuntimeError = errorClass("RuntimeError");
const loop = aio.newEventLoop();

function show(v) {
  const f = loop.createFuture();
  f.setResult(v);
  print(String(f));
}

function showExc(e) {
  const f = loop.createFuture();
  f.setException(e);
  print(String(f));
  f.exception();
}

print("-- strings");
for (const v of [
  "",
  "\n".repeat(20),
  "\\".repeat(20),
  "\\".repeat(13) + "x".repeat(20),
  "a".repeat(14) + "\t" + "b".repeat(20),
  "\u{1F600}".repeat(40),
  "e\u0301".repeat(20),
  "\x00\x01\x7f\x80\x9f\xa0\xad",
  "\u200b\u2028\u2029\ufeff",
  "\ud800" + "x".repeat(5),
  "x".repeat(25) + "\ud83d",
  "y".repeat(28),
  "y".repeat(29),
  "'".repeat(28),
  "'".repeat(29),
  "'".repeat(10) + '"',
  '"'.repeat(40),
  "a'b".repeat(15),
  "\u00e9".repeat(35),
]) {
  show(v);
}
print("-- lists");
for (const v of [
  [],
  [[]],
  [1, 2, 3, 4, 5, 6],
  [1, 2, 3, 4, 5, 6, 7],
  [[[[[[[1]]]]]]],
  [[[[[[[]]]]]]],
  [[[[[[1]]]]]],
  ["a".repeat(40), "b"],
  [null, true, false, 0.5, -0, 1e-7],
  [[1, 2, 3, 4, 5, 6, 7, 8], [9]],
  [NaN, Infinity],
  [new ValueError("in a list")],
]) {
  show(v);
}
print("-- futures and errors as results");
const inner = loop.createFuture();
show(inner);
inner.addDoneCallback(print);
show(inner);
inner.setResult(5);
show(inner);
show([inner]);
show(new ValueError("x"));
show(new ValueError("a long message that is over thirty characters"));
show(123456789012345);
show(-1.5e-300);
print("-- exceptions");
showExc(new ValueError("a long message that is over thirty characters and then some"));
showExc(new ValueError("new\nline and 'quote'"));
showExc(new ValueError("both ' and \""));
showExc(new KeyError("k"));
showExc(new RuntimeError("\x00\u2028"));
showExc(new aio.InvalidStateError("odd"));
showExc(TypeError);
await loop.runUntilComplete(aio.sleep(0));
loop.close();
