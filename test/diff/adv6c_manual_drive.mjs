import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";
import { ValueError } from "./task_util.mjs";

// A coroutine object driven by hand, outside any task, as a task would drive it: send(None)
// runs it to its first suspension and yields the future it waits on (also through two levels
// of nested coroutines; sleep(0) yields None); throw() raises at the innermost await and the
// coroutine may catch it and suspend again; close() runs the finally clauses of every level;
// throw() and close() on a coroutine never started run nothing; the result arrives in
// StopIteration. Any such coroutine, awaited afterwards, raises 'cannot reuse already awaited
// coroutine'; the loop then runs a task as usual.
// (Python's send(None) / throw(e) / close() are the generator's next() / throw(e) / return(),
// the generator taken from the coroutine object with [Symbol.iterator]().)

class KeyError extends Error {
  name = "KeyError";
}

const loop = aio.newEventLoop();

const inner = aio.coroutine(function* (tag, fut) {
  try {
    const v = yield* fut;
    print(" ", tag, "inner got", repr(v));
    return v;
  } finally {
    print(" ", tag, "inner finally");
  }
});

const body = aio.coroutine(function* (tag, f1, f2, f3) {
  print(" ", tag, "starts");
  try {
    const v = yield* f1;
    print(" ", tag, "got", repr(v));
    const w = yield* inner(tag, f2);
    return v + w;
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    print(" ", tag, "caught ValueError", repr(str(e)));
    const v = yield* f3;
    return "recovered " + v;
  } finally {
    print(" ", tag, "finally");
  }
});

const sleeper = aio.coroutine(function* (tag) {
  print(" ", tag, "before sleep(0)");
  const r = yield* aio.sleep(0, "zero");
  print(" ", tag, "sleep(0) gave", repr(r));
  return "slept";
});

function futs() {
  return [loop.createFuture(), loop.createFuture(), loop.createFuture()];
}

function which(y, fs) {
  for (let i = 0; i < fs.length; i++) if (y === fs[i]) return `f${i + 1}`;
  return repr(y);
}

const gens = new Map();
function gen(c) {
  if (!gens.has(c)) gens.set(c, c[Symbol.iterator]());
  return gens.get(c);
}

function step(tag, c, fs, how, arg) {
  const g = gen(c);
  let r;
  try {
    if (how === "send") r = g.next();
    else if (how === "throw") r = g.throw(arg);
    else {
      g.return();
      print(tag, "close ->", "None");
      return;
    }
  } catch (e) {
    print(tag, how, "-> raised", e.constructor.name, repr(str(e)));
    return;
  }
  if (r.done) print(tag, how, "-> StopIteration", repr(r.value));
  else print(tag, how, "-> yielded", which(r.value, fs));
}

const awaitAgain = aio.coroutine(function* (tag, c) {
  try {
    yield* c;
    print(tag, "awaited again?");
  } catch (e) {
    if (!(e instanceof aio.RuntimeError)) throw e;
    print(tag, "awaited again ->", e.constructor.name, repr(str(e)));
  }
});

const leftovers = [];
let fs;
let c;

print("== all the way through");
fs = futs();
c = body("A", ...fs);
step("A", c, fs, "send");
fs[0].setResult(10);
step("A", c, fs, "send");
fs[1].setResult(5);
step("A", c, fs, "send");
leftovers.push(["A", c]);

print("== throw into the nested await, caught, suspends again");
fs = futs();
c = body("B", ...fs);
step("B", c, fs, "send");
fs[0].setResult(1);
step("B", c, fs, "send");
step("B", c, fs, "throw", new ValueError("thrown in"));
print("B f2 still pending", !fs[1].done());
fs[2].setResult("ok");
step("B", c, fs, "send");
leftovers.push(["B", c]);

print("== throw something it does not catch");
fs = futs();
c = body("C", ...fs);
step("C", c, fs, "send");
step("C", c, fs, "throw", new KeyError("'nope'"));
leftovers.push(["C", c]);

print("== close while suspended two levels down");
fs = futs();
c = body("D", ...fs);
step("D", c, fs, "send");
fs[0].setResult(2);
step("D", c, fs, "send");
step("D", c, fs, "close");
step("D", c, fs, "close");
leftovers.push(["D", c]);

print("== never started: throw, close");
fs = futs();
c = body("E", ...fs);
step("E", c, fs, "throw", new ValueError("early"));
leftovers.push(["E", c]);
c = body("F", ...fs);
step("F", c, fs, "close");
leftovers.push(["F", c]);

print("== a done future does not suspend: straight to StopIteration");
fs = futs();
fs[0].setResult(3);
fs[1].setResult(4);
c = body("G", ...fs);
step("G", c, fs, "send");
leftovers.push(["G", c]);

print("== sleep(0) yields None");
c = sleeper("H");
step("H", c, [], "send");
step("H", c, [], "send");
leftovers.push(["H", c]);

print("== a failed future: the exception comes out of send()");
fs = futs();
fs[0].setException(new ValueError("from the future"));
c = body("I", ...fs);
step("I", c, fs, "send");
fs[2].setResult("late");
step("I", c, fs, "send");
leftovers.push(["I", c]);

await loop.runUntilComplete(
  aio.coroutine(function* () {
    print("== each driven coroutine awaited again in a task");
    for (const [tag, co] of leftovers) yield* awaitAgain(tag, co);
    const fs = futs();
    fs[0].setResult(100);
    loop.callSoon((v) => fs[1].setResult(v), 1);
    print("fresh body in a task ->", yield* aio.createTask(body("J", ...fs)));
  })(),
);
loop.close();
print("closed", loop.isClosed());
