/**
 * API.md section 11 and the README's "JavaScript additions": AbortSignal integration, which has
 * no Python oracle. Each task's `signal` (when it aborts, with which reason, for generator and
 * async tasks, before they start, across uncancel()), `{ signal }` on sleep / wait / waitFor /
 * gather (aborted before, during and after the wait; every kind of abort reason; the 'abort'
 * listener removed once the wait is over, so a long-lived signal does not collect them),
 * waitFor(x, null, { signal }) around the synchronization primitives, cancel chains through a
 * task's signal, plain code on the ambient default loop, and bad signal values.
 */
import { getEventListeners } from "node:events";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import * as aio from "../src/index.js";
import { CancelledError, type Task } from "../src/index.js";
import { buildAionode, runModule, type Built } from "./helpers/child.js";
import { closeFreshLoops, freshLoop, runGenOn } from "./helpers/loops.js";

afterEach(() => {
  closeFreshLoops();
});

function runGen<T>(body: () => Generator<unknown, T, any>): Promise<T> {
  return runGenOn(freshLoop(), body);
}

function listeners(signal: AbortSignal): number {
  return getEventListeners(signal, "abort").length;
}

/** "Name: message" of what `body` throws, or "ok <value>". */
function* outcome(body: () => Iterable<unknown>): Generator<unknown, string, any> {
  try {
    const v = yield* body() as Iterable<unknown>;
    return `ok ${String(v)}`;
  } catch (e) {
    return `${(e as Error).name}: ${(e as Error).message}`;
  }
}

/** Give the other tasks a number of loop iterations (no clock involved) to reach their waits. */
function* settle(iterations = 8): Generator<unknown, void, any> {
  for (let i = 0; i < iterations; i++) yield* aio.sleep(0);
}

// ---------------------------------------------------------------------------- task.signal

describe("task.signal", () => {
  it("aborts synchronously inside cancel(), before the generator coroutine sees its CancelledError", async () => {
    const r = await runGen(function* () {
      const log: string[] = [];
      const t: Task<void> = aio.createTask(
        aio.coroutine(function* () {
          try {
            yield* aio.sleep(10);
          } catch (e) {
            log.push(`coro caught ${(e as Error).name}: ${(e as Error).message}`);
            throw e;
          }
        })(),
      );
      yield* aio.sleep(0);
      const sig = t.signal;
      sig.addEventListener("abort", () => {
        const reason = sig.reason as Error;
        log.push(`abort ${reason.name}: ${reason.message} cancelling=${t.cancelling()} done=${t.done()}`);
      });
      log.push(`cancel -> ${t.cancel("stop")}`);
      log.push(`second cancel -> ${t.cancel("again")} reason=${(sig.reason as Error).message}`);
      log.push(yield* outcome(() => t));
      return log;
    });
    expect(r).toEqual([
      "abort CancelledError: stop cancelling=1 done=false",
      "cancel -> true",
      "second cancel -> true reason=stop",
      "coro caught CancelledError: stop",
      "CancelledError: stop",
    ]);
  });

  it("an async task's signal aborts at cancel() even while it awaits a foreign promise", async () => {
    const r = await runGen(function* () {
      const log: string[] = [];
      let release!: () => void;
      const foreign = new Promise<void>((res) => (release = res));
      const t = aio.createTask(
        aio.coroutine(async () => {
          await foreign;
          log.push("body resumed");
        })(),
      );
      yield* aio.sleep(0);
      t.signal.addEventListener("abort", () => log.push(`abort: ${(t.signal.reason as Error).message}`));
      t.cancel("bye");
      log.push(`after cancel aborted=${t.signal.aborted}`);
      release();
      log.push(yield* outcome(() => t));
      return log;
    });
    expect(r).toEqual(["abort: bye", "after cancel aborted=true", "body resumed", "CancelledError: bye"]);
  });

  it("a task cancelled before its first step: aborted at cancel(), read before or after; the body never runs", async () => {
    const r = await runGen(function* () {
      const log: string[] = [];
      const body = aio.coroutine(function* () {
        log.push("body ran");
      });
      const early = aio.createTask(body());
      const late = aio.createTask(body());
      const sig = early.signal;
      early.cancel("early");
      late.cancel("late");
      log.push(`early aborted=${sig.aborted} late aborted=${late.signal.aborted}`);
      log.push(yield* outcome(() => early), yield* outcome(() => late));
      log.push(`${(early.signal.reason as Error).message} ${(late.signal.reason as Error).message} same=${early.signal === sig}`);
      return log;
    });
    expect(r).toEqual(["early aborted=true late aborted=true", "CancelledError: early", "CancelledError: late", "early late same=true"]);
  });

  it("read for the first time after the task ended cancelled: aborted with the CancelledError it ended with", async () => {
    const r = await runGen(function* () {
      const t = aio.createTask(aio.sleep(10));
      const own = aio.createTask(
        aio.coroutine(function* () {
          yield* aio.sleep(0);
          throw new CancelledError("raised");
        })(),
      );
      yield* aio.sleep(0);
      t.cancel("while waiting");
      yield* aio.wait([t, own]);
      const reasons = [t.signal.reason, own.signal.reason] as Error[];
      let thrown: unknown;
      try {
        t.result();
      } catch (e) {
        thrown = e;
      }
      return [...reasons.map((e) => `${e.name}: ${e.message}`), thrown === reasons[0]];
    });
    expect(r).toEqual(["CancelledError: while waiting", "CancelledError: raised", true]);
  });

  it("never aborts for a task that returns or fails, read before or after it ends", async () => {
    const r = await runGen(function* () {
      const ok = aio.createTask(aio.sleep(0.001, "v"));
      const bad = aio.createTask(
        aio.coroutine(function* () {
          yield* aio.sleep(0);
          throw new Error("boom");
        })(),
      );
      const eager = [ok.signal, bad.signal];
      yield* aio.wait([ok, bad]);
      bad.exception();
      // A cancel() after the end is refused: nothing aborts.
      const refused = [ok.cancel(), bad.cancel()];
      return [...eager.map((s) => s.aborted), ok.signal.aborted, bad.signal.aborted, ...refused];
    });
    expect(r).toEqual([false, false, false, false, false, false]);
  });

  it("a coroutine that raises CancelledError itself (no cancel() call) ends the task cancelled and aborts its signal", async () => {
    const r = await runGen(function* () {
      const t = aio.createTask(
        aio.coroutine(function* () {
          yield* aio.sleep(0);
          throw new CancelledError("self");
        })(),
      );
      const sig = t.signal;
      const outcomeText = yield* outcome(() => t);
      return [outcomeText, t.cancelled(), sig.aborted, sig.reason instanceof CancelledError, t.signal.aborted];
    });
    expect(r).toEqual(["CancelledError: self", true, true, true, true]);
  });

  it("uncancel() back to zero: the task goes on with a fresh signal, however early it was first read", async () => {
    const r = await runGen(function* () {
      const log: string[] = [];
      const body = aio.coroutine(function* () {
        const me = aio.currentTask()!;
        try {
          yield* aio.sleep(10);
        } catch (e) {
          log.push(`${me.getName()} caught ${(e as Error).message}; uncancel -> ${me.uncancel()}`);
        }
        // The task carries on: a wait bound to its signal runs to its end.
        const v = yield* aio.sleep(0.001, "slept", { signal: me.signal });
        log.push(`${me.getName()} ${v} aborted=${me.signal.aborted}`);
        done.push(me);
        yield* aio.sleep(10, undefined, { signal: me.signal });
      });
      const done: Task<unknown>[] = [];
      const eager = aio.createTask(body(), { name: "eager" });
      const lazy = aio.createTask(body(), { name: "lazy" });
      const first = eager.signal;
      yield* aio.sleep(0);
      eager.cancel("one");
      lazy.cancel("one");
      while (done.length < 2) yield* aio.sleep(0.001);
      const fresh = eager.signal;
      log.push(`old aborted=${first.aborted} fresh=${fresh !== first} fresh aborted=${fresh.aborted} lazy aborted=${lazy.signal.aborted}`);
      // A second cancellation aborts the new signal (and the wait bound to it).
      eager.cancel("two");
      lazy.cancel("two");
      log.push(`fresh aborted=${fresh.aborted} reason=${(fresh.reason as Error).message}`);
      log.push(yield* outcome(() => eager), yield* outcome(() => lazy));
      return log;
    });
    expect(r).toEqual([
      "eager caught one; uncancel -> 0",
      "lazy caught one; uncancel -> 0",
      "eager slept aborted=false",
      "lazy slept aborted=false",
      "old aborted=true fresh=true fresh aborted=false lazy aborted=false",
      "fresh aborted=true reason=two",
      "CancelledError: two",
      "CancelledError: two",
    ]);
  });

  it("uncancel() back to zero before the request is delivered keeps it, as in Python 3.11 (3.13 drops it), and the signal stays aborted", async () => {
    const r = await runGen(function* () {
      const log: string[] = [];
      const t = aio.createTask(
        aio.coroutine(function* () {
          yield* aio.sleep(0); // a bare yield: the cancel below can only be delivered at the next step
          log.push(`stepped; cancelling=${aio.currentTask()!.cancelling()}`);
          return yield* aio.sleep(0.001, "finished", { signal: aio.currentTask()!.signal });
        })(),
      );
      yield* aio.sleep(0);
      const sig = t.signal;
      t.cancel("withdrawn");
      log.push(`uncancel -> ${t.uncancel()} old aborted=${sig.aborted} new aborted=${t.signal.aborted}`);
      log.push(yield* outcome(() => t));
      return log;
    });
    expect(r).toEqual(["uncancel -> 0 old aborted=true new aborted=true", "CancelledError: withdrawn"]);
  });

  it("timeout() around an async body detached on a foreign promise: no CancelledError is left for the task's next await", async () => {
    const r = await runGen(function* () {
      const me = aio.currentTask()!;
      // The deadline's cancel() cannot interrupt the foreign await (README: detached); the body
      // ends normally after it, so there is no TimeoutError, as in asyncio for a body that
      // swallows the cancellation, and the task's later awaits are its own.
      const a = yield* outcome(() =>
        aio.timeout(0.001, async () => {
          await new Promise((res) => setTimeout(res, 5));
          return "body done";
        }),
      );
      const b = yield* outcome(() => aio.sleep(0.001, "next"));
      return [a, b, me.cancelling(), me.signal.aborted];
    });
    expect(r).toEqual(["ok body done", "ok next", 0, false]);
  });

  it("while a cancellation is still pending (caught, not uncancelled) the signal stays aborted, read early or late", async () => {
    const r = await runGen(function* () {
      const hold = aio.getRunningLoop().createFuture<void>();
      const body = aio.coroutine(function* () {
        try {
          yield* aio.sleep(10);
        } catch {
          /* swallowed without uncancel() */
        }
        yield* hold;
        return aio.currentTask()!.cancelling();
      });
      const eager = aio.createTask(body());
      const lazy = aio.createTask(body());
      const sig = eager.signal;
      yield* aio.sleep(0);
      eager.cancel();
      lazy.cancel();
      yield* settle();
      const states = [sig.aborted, eager.signal === sig, lazy.signal.aborted];
      hold.setResult();
      return [...states, yield* eager, yield* lazy];
    });
    expect(r).toEqual([true, true, true, 1, 1]);
  });

  it("timeout(): the deadline aborts the task's signal for the body's waits; after TimeoutError the task's signal works again", async () => {
    const r = await runGen(function* () {
      const log: string[] = [];
      const me = aio.currentTask()!;
      const outer = me.signal;
      // A Node-style consumer of the task's signal inside the timeout body.
      const text = yield* outcome(() =>
        aio.timeout(0.002, async () => {
          await new Promise<void>((_res, rej) => me.signal.addEventListener("abort", () => rej(me.signal.reason)));
        }),
      );
      log.push(text, `outer aborted=${outer.aborted} cancelling=${me.cancelling()}`);
      // The task was not cancelled for good: Node APIs fed its signal now must not abort at once.
      log.push(`now aborted=${me.signal.aborted}`);
      log.push(yield* outcome(() => aio.sleep(0.001, "later", { signal: me.signal })));
      log.push(`listeners=${listeners(me.signal)}`);
      return log;
    });
    expect(r).toEqual(["TimeoutError: ", "outer aborted=true cancelling=0", "now aborted=false", "ok later", "listeners=0"]);
  });

  it("a task's own signal bound to its own wait: one cancel() is delivered once, and the task can go on", async () => {
    const r = await runGen(function* () {
      const log: string[] = [];
      const t = aio.createTask(
        aio.coroutine(function* () {
          const me = aio.currentTask()!;
          try {
            yield* aio.sleep(10, undefined, { signal: me.signal });
          } catch (e) {
            log.push(`caught ${(e as Error).message} cancelling=${me.cancelling()}`);
          }
          log.push(`then ${yield* aio.sleep(0.001, "went on")}`);
          return "done";
        })(),
      );
      yield* aio.sleep(0);
      t.cancel("self-bound");
      log.push(yield* outcome(() => t));
      return log;
    });
    expect(r).toEqual(["caught self-bound cancelling=1", "then went on", "ok done"]);
  });
});

// ---------------------------------------------------------------------------- cancel chains

describe("a task's signal handed to other waits", () => {
  it("cancelling a parent cancels the waits of other tasks bound to its signal, with its message", async () => {
    const r = await runGen(function* () {
      const log: string[] = [];
      const parent = aio.createTask(aio.sleep(10));
      const sig = parent.signal;
      const worker = (name: string, make: () => Iterable<unknown>) =>
        aio.createTask(
          aio.coroutine(function* () {
            log.push(`${name}: ${yield* outcome(make)}`);
          })(),
        );
      const inner = aio.createTask(aio.sleep(10, "inner"));
      const workers = [
        worker("sleep", () => aio.sleep(10, undefined, { signal: sig })),
        worker("waitFor", () => aio.waitFor(inner, null, { signal: sig })),
        worker("gather", () => aio.gather(aio.sleep(10), { signal: sig })),
        worker("chained", () => aio.sleep(10, undefined, { signal: AbortSignal.any([new AbortController().signal, sig]) })),
      ];
      yield* aio.sleep(0);
      parent.cancel("parent gone");
      yield* aio.gather(...workers);
      log.sort();
      log.push(`inner cancelled=${inner.cancelled()} parent=${yield* outcome(() => parent)}`);
      return log;
    });
    expect(r).toEqual([
      "chained: CancelledError: parent gone",
      "gather: CancelledError: parent gone",
      "sleep: CancelledError: parent gone",
      "waitFor: CancelledError: parent gone",
      "inner cancelled=true parent=CancelledError: parent gone",
    ]);
  });
});

// ---------------------------------------------------------------------------- { signal } on waits

const REASONS: [string, () => unknown, string][] = [
  ["no reason (AbortError)", () => undefined, "This operation was aborted"],
  ["a string", () => "why", "why"],
  ["a number", () => 42, "42"],
  ["null", () => null, "null"],
  ["an Error", () => new RangeError("range"), "range"],
  ["a CancelledError", () => new CancelledError("from a task"), "from a task"],
  ["a DOMException", () => new DOMException("dom", "TimeoutError"), "dom"],
  ["a symbol", () => Symbol("sym"), "Symbol(sym)"],
  ["a plain object", () => ({ code: 1 }), "[object Object]"],
  ["a null-prototype object", () => Object.create(null), "[object Object]"],
  ["an object whose toString throws", () => ({ toString: () => { throw new Error("no"); } }), "[object Object]"],
];

describe("abort reasons: every kind gives a CancelledError with a clear message", () => {
  it.each(REASONS)("%s, aborted during the wait and before it", async (_label, make, message) => {
    const r = await runGen(function* () {
      const loop = aio.getRunningLoop();
      const during = new AbortController();
      loop.callSoon(() => during.abort(make()));
      const a = yield* outcome(() => aio.sleep(10, undefined, { signal: during.signal }));
      const before = new AbortController();
      before.abort(make());
      const b = yield* outcome(() => aio.waitFor(aio.sleep(10), 5, { signal: before.signal }));
      return [a, b, listeners(during.signal), listeners(before.signal)];
    });
    expect(r).toEqual([`CancelledError: ${message}`, `CancelledError: ${message}`, 0, 0]);
  });

  it("AbortSignal.timeout() works as a signal (CancelledError, its message)", async () => {
    const r = await runGen(function* () {
      return yield* outcome(() => aio.sleep(10, undefined, { signal: AbortSignal.timeout(1) }));
    });
    expect(r).toBe("CancelledError: The operation was aborted due to timeout");
  });
});

describe("{ signal } on sleep / wait / waitFor / gather", () => {
  it("the 'abort' listener is gone once each wait is over: completed, timed out, aborted or cancelled from outside", async () => {
    const r = await runGen(function* () {
      const counts: [string, number][] = [];
      const ac = new AbortController();
      const signal = ac.signal;
      const note = (what: string) => counts.push([what, listeners(signal)]);
      yield* aio.sleep(0.001, undefined, { signal });
      note("sleep done");
      yield* aio.sleep(0, undefined, { signal });
      note("sleep(0) done");
      yield* aio.waitFor(aio.sleep(0.001), null, { signal });
      note("waitFor done");
      yield* outcome(() => aio.waitFor(aio.sleep(10), 0.001, { signal }));
      note("waitFor timed out");
      const t = aio.createTask(aio.sleep(10));
      yield* aio.wait([t], { timeout: 0.001, signal });
      note("wait timed out");
      t.cancel();
      yield* aio.wait([t], { signal });
      note("wait done");
      yield* aio.gather(aio.sleep(0.001), aio.sleep(0), { signal });
      note("gather done");
      yield* outcome(() => aio.gather(aio.sleep(0), aio.coroutine(function* () { throw new Error("x"); })(), { signal }));
      note("gather failed");
      // Cancelled from outside while waiting on the signal (the signal itself never aborts).
      const waiters = [
        aio.createTask(aio.sleep(10, undefined, { signal })),
        aio.createTask(aio.waitFor(aio.sleep(10), null, { signal })),
        aio.createTask(aio.wait([aio.createTask(aio.sleep(10))], { signal })),
        aio.createTask(aio.gather(aio.sleep(10), { signal })),
      ];
      yield* aio.sleep(0);
      note("four waiting");
      for (const w of aio.allTasks()) if (w !== aio.currentTask()) w.cancel();
      yield* aio.gather(...waiters, { returnExceptions: true });
      note("four cancelled");
      // Many waits on one long-lived signal do not collect listeners.
      for (let i = 0; i < 200; i++) yield* aio.sleep(i % 2 === 0 ? 0 : 1e-6, undefined, { signal });
      note("200 sleeps");
      return counts;
    });
    expect(r).toEqual([
      ["sleep done", 0],
      ["sleep(0) done", 0],
      ["waitFor done", 0],
      ["waitFor timed out", 0],
      ["wait timed out", 0],
      ["wait done", 0],
      ["gather done", 0],
      ["gather failed", 0],
      ["four waiting", 4],
      ["four cancelled", 0],
      ["200 sleeps", 0],
    ]);
  });

  it("aborting after the wait is over changes nothing (result kept, no error anywhere)", async () => {
    const r = await runGen(function* () {
      const ac = new AbortController();
      const signal = ac.signal;
      const a = yield* aio.sleep(0.001, "a", { signal });
      const b = yield* aio.waitFor(aio.sleep(0, "b"), 1, { signal });
      const g = aio.gather(aio.sleep(0, "c"), { signal });
      const c = yield* g;
      ac.abort("late");
      yield* aio.sleep(0);
      return [a, b, c, g.cancelled(), g.result()];
    });
    expect(r).toEqual(["a", "b", ["c"], false, ["c"]]);
  });

  it("sleep(0) with a signal aborted during its one iteration: CancelledError from yield* and from await alike", async () => {
    const r = await runGen(function* () {
      const loop = aio.getRunningLoop();
      const gen = new AbortController();
      loop.callSoon(() => gen.abort("gen"));
      const a = yield* outcome(() => aio.sleep(0, "v", { signal: gen.signal }));
      const asy = new AbortController();
      const t = aio.createTask(
        aio.coroutine(async () => {
          try {
            return `ok ${await aio.sleep(0, "v", { signal: asy.signal })}`;
          } catch (e) {
            return `${(e as Error).name}: ${(e as Error).message}`;
          }
        })(),
      );
      loop.callSoon(() => loop.callSoon(() => asy.abort("async")));
      yield* aio.sleep(0);
      return [a, yield* t];
    });
    // (The async await may see its one iteration end before the abort lands: both outcomes are
    // single and clean, never a hang or a double settle.)
    expect(r[0]).toBe("CancelledError: gen");
    expect(["CancelledError: async", "ok v"]).toContain(r[1]);
  });

  it("an aborted signal ends waitFor in CancelledError also with a timeout of 0 (not TimeoutError), cancelling the inner", async () => {
    const r = await runGen(function* () {
      const inner = aio.createTask(aio.sleep(10, "inner"));
      const text = yield* outcome(() => aio.waitFor(inner, 0, { signal: AbortSignal.abort("gone") }));
      const done = aio.getRunningLoop().createFuture<string>();
      done.setResult("ready");
      // An awaitable that is already done still gives its result, as with any timeout.
      const ready = yield* outcome(() => aio.waitFor(done, 0, { signal: AbortSignal.abort("gone") }));
      return [text, inner.cancelled(), ready];
    });
    expect(r).toEqual(["CancelledError: gone", true, "ok ready"]);
  });

  it.each([
    [false, "CancelledError: stop all"],
    // asyncio too: a cancelled gather with return_exceptions=True raises a bare CancelledError().
    [true, "CancelledError: "],
  ])("gather (returnExceptions %s): an abort cancels every pending child and the gather ends CancelledError", async (returnExceptions, expected) => {
    const r = await runGen(function* () {
      const loop = aio.getRunningLoop();
      const ac = new AbortController();
      const a = aio.createTask(aio.sleep(10, "a"));
      const b = aio.createTask(aio.sleep(0, "b"));
      b.addDoneCallback(() => loop.callSoon(() => ac.abort("stop all")));
      const text = yield* outcome(() => aio.gather(a, b, { returnExceptions, signal: ac.signal }));
      return [text, a.cancelled(), b.result(), listeners(ac.signal)];
    });
    expect(r).toEqual([expected, true, "b", 0]);
  });

  it("wait: an abort ends the wait only; the awaited tasks run on to their results", async () => {
    const r = await runGen(function* () {
      const loop = aio.getRunningLoop();
      const ac = new AbortController();
      const go = loop.createFuture<string>();
      const t = aio.createTask(aio.coroutine(function* () {
        return yield* go;
      })());
      loop.callLater(0.001, () => ac.abort(new Error("enough")));
      const text = yield* outcome(() => aio.wait([t], { signal: ac.signal }));
      const state = t.done();
      go.setResult("t");
      return [text, state, yield* t];
    });
    expect(r).toEqual(["CancelledError: enough", false, "t"]);
  });

  it("a loop closed while a wait is bound to a signal: a later abort neither throws nor reports an error", async () => {
    const loop = freshLoop();
    const ac = new AbortController();
    const errors: unknown[] = [];
    loop.setExceptionHandler((_l, ctx) => errors.push(ctx.message));
    const main = loop.createTask(aio.sleep(0.001));
    const t = loop.createTask(
      aio.coroutine(function* () {
        yield* aio.sleep(10, undefined, { signal: ac.signal });
      })(),
    );
    await loop.runUntilComplete(main);
    loop.close();
    expect(() => ac.abort("after close")).not.toThrow();
    expect(t.done()).toBe(false);
    expect(errors).toEqual([]);
  });
});

// ---------------------------------------------------------------------------- primitives

describe("waitFor(x, null, { signal }) around the synchronization primitives leaves them consistent", () => {
  it("Event.wait: the aborted waiter leaves, the others wake on set()", async () => {
    const r = await runGen(function* () {
      const log: string[] = [];
      const ev = new aio.Event();
      const ac = new AbortController();
      const waiter = (name: string, signal?: AbortSignal) =>
        aio.createTask(
          aio.coroutine(function* () {
            log.push(`${name}: ${yield* outcome(() => aio.waitFor(ev.wait(), null, signal ? { signal } : {}))}`);
          })(),
        );
      const ws = [waiter("a", ac.signal), waiter("b")];
      yield* settle();
      ac.abort("leave");
      yield* settle();
      ev.set();
      yield* aio.gather(...ws);
      return log.sort();
    });
    expect(r).toEqual(["a: CancelledError: leave", "b: ok true"]);
  });

  it("Condition.wait: the aborted waiter gets its CancelledError holding the lock again; notify() reaches the next", async () => {
    const r = await runGen(function* () {
      const log: string[] = [];
      const cond = new aio.Condition();
      const ac = new AbortController();
      const waiter = (name: string, signal?: AbortSignal) =>
        aio.createTask(
          aio.coroutine(function* () {
            yield* cond.acquire();
            try {
              log.push(`${name}: ${yield* outcome(() => aio.waitFor(cond.wait(), null, signal ? { signal } : {}))} locked=${cond.locked()}`);
            } finally {
              cond.release();
            }
          })(),
        );
      const ws = [waiter("a", ac.signal), waiter("b")];
      yield* settle();
      ac.abort("leave");
      yield* settle();
      yield* cond.acquire();
      cond.notify(1);
      cond.release();
      yield* aio.gather(...ws);
      log.push(`end locked=${cond.locked()}`);
      return log;
    });
    expect(r).toEqual(["a: CancelledError: leave locked=true", "b: ok true locked=true", "end locked=false"]);
  });

  it("Semaphore.acquire: an abort landing in the same callback as release() passes the unit on, FIFO, none lost", async () => {
    const r = await runGen(function* () {
      const log: string[] = [];
      const sem = new aio.Semaphore(1);
      yield* sem.acquire();
      const ac = new AbortController();
      const taker = (name: string, signal?: AbortSignal) =>
        aio.createTask(
          aio.coroutine(function* () {
            const text = yield* outcome(() => aio.waitFor(sem.acquire(), null, signal ? { signal } : {}));
            log.push(`${name}: ${text}`);
            if (text.startsWith("ok")) sem.release();
          })(),
        );
      const ts = [taker("a", ac.signal), taker("b"), taker("c")];
      yield* settle();
      aio.getRunningLoop().callSoon(() => {
        sem.release(); // wakes a
        ac.abort("too late"); // ... which is aborted in the same breath
      });
      yield* aio.gather(...ts);
      // b and c took the unit in turn (FIFO); a's CancelledError lands after its waitFor's cleanup.
      log.push(`locked=${sem.locked()}`);
      return log;
    });
    expect(r).toEqual(["b: ok true", "c: ok true", "a: CancelledError: too late", "locked=false"]);
  });

  it.each([
    // Aborted while waiting: a leaves the queue of waiters; the release goes to b.
    ["before the release", false, ["a CancelledError: This operation was aborted", "released", "b ok true", "locked=true"]],
    // The release hands the lock to a and a's abort lands in the same breath: as asyncio's
    // wait_for, the inner acquire that already finished wins; a holds the lock, b gets it next.
    ["in the release's breath", true, ["a ok true", "released", "b ok true", "locked=true"]],
  ])("Lock.acquire aborted %s: the lock is never lost nor held twice", async (_label, sameBreath, expected) => {
    const r = await runGen(function* () {
      const log: string[] = [];
      const lock = new aio.Lock();
      yield* lock.acquire();
      const ac = new AbortController();
      const a = aio.createTask(aio.waitFor(lock.acquire(), null, { signal: ac.signal }));
      yield* settle(); // a waits first
      const b = aio.createTask(lock.acquire());
      yield* settle();
      if (sameBreath) {
        lock.release();
        ac.abort();
      } else {
        ac.abort();
        yield* settle();
        lock.release();
      }
      const aText = yield* outcome(() => a);
      log.push(`a ${aText}`);
      if (aText.startsWith("ok")) lock.release();
      log.push("released", `b ${yield* outcome(() => b)}`, `locked=${lock.locked()}`);
      lock.release();
      return log;
    });
    expect(r).toEqual(expected);
  });

  it("Queue.get and a full Queue.put: aborted waits lose no item and add none", async () => {
    const r = await runGen(function* () {
      const q = new aio.Queue<string>(1);
      const idle = new AbortController();
      const idleGetter = aio.createTask(aio.waitFor(q.get(), null, { signal: idle.signal }));
      const getAbort = new AbortController();
      const getter = aio.createTask(aio.waitFor(q.get(), null, { signal: getAbort.signal }));
      yield* settle();
      idle.abort("idle");
      const i = yield* outcome(() => idleGetter);
      // The item arrives and the getter is aborted in the same breath: as asyncio's wait_for, the
      // getter that already has the item returns it; either way the item is not lost.
      q.putNowait("x");
      getAbort.abort("no more");
      const g = yield* outcome(() => getter);
      q.putNowait("full");
      const putAbort = new AbortController();
      const putter = aio.createTask(aio.waitFor(q.put("y"), null, { signal: putAbort.signal }));
      yield* settle();
      putAbort.abort("no room");
      const p = yield* outcome(() => putter);
      const rest: string[] = [];
      while (!q.empty()) rest.push(q.getNowait());
      return [i, g, p, rest];
    });
    expect(r).toEqual(["CancelledError: idle", "ok x", "CancelledError: no room", ["full"]]);
  });

  it("Barrier.wait: an aborted party leaves without breaking the barrier; the next full round passes", async () => {
    const r = await runGen(function* () {
      const b = new aio.Barrier(2);
      const ac = new AbortController();
      const first = aio.createTask(aio.waitFor(b.wait(), null, { signal: ac.signal }));
      yield* settle();
      const waitingBefore = b.nWaiting;
      ac.abort("leave");
      const text = yield* outcome(() => first);
      const after = [b.nWaiting, b.broken];
      const results = yield* aio.gather(b.wait(), b.wait());
      return [waitingBefore, text, ...after, [...results].sort()];
    });
    expect(r).toEqual([1, "CancelledError: leave", 0, false, [0, 1]]);
  });
});

// ---------------------------------------------------------------------------- ambient

describe("signals from plain code on the ambient default loop", () => {
  it("plain awaits of sleep / gather / waitFor abort from a Node timer, with the reason's message; no listener left", async () => {
    const ac = new AbortController();
    setTimeout(() => ac.abort(new Error("plain abort")), 1);
    const results = await Promise.allSettled([
      aio.sleep(10, undefined, { signal: ac.signal }),
      aio.gather(aio.sleep(10), { signal: ac.signal }),
      aio.waitFor(aio.sleep(10), null, { signal: ac.signal }),
    ]);
    expect(results.map((s) => (s.status === "rejected" ? `${s.reason.name}: ${s.reason.message}` : "fulfilled"))).toEqual([
      "CancelledError: plain abort",
      "CancelledError: plain abort",
      "CancelledError: plain abort",
    ]);
    expect(listeners(ac.signal)).toBe(0);
    const kept = new AbortController();
    expect(await aio.sleep(0.001, "v", { signal: kept.signal })).toBe("v");
    expect(await aio.gather(aio.sleep(0, "g"), { signal: kept.signal })).toEqual(["g"]);
    expect(listeners(kept.signal)).toBe(0);
  });

  it("an ambient task's signal serves plain Node code: cancelling the task from plain code aborts it", async () => {
    const t = aio.createTask(aio.sleep(10), { name: "ambient-signal" });
    const seen = new Promise<string>((resolve) => {
      t.signal.addEventListener("abort", () => resolve(`${(t.signal.reason as Error).name}: ${(t.signal.reason as Error).message}`));
    });
    await aio.sleep(0);
    expect(t.cancel("plain cancel")).toBe(true);
    expect(await seen).toBe("CancelledError: plain cancel");
    await expect(t).rejects.toThrow(CancelledError);
  });
});

// ---------------------------------------------------------------------------- bad values

describe("bad signal values", () => {
  const bad: [string, unknown][] = [
    ["null", null],
    ["a plain object", {}],
    ["an AbortController (not its signal)", new AbortController()],
    ["a duck-typed signal", { aborted: false, addEventListener() {}, removeEventListener() {} }],
    ["a string", "abort"],
    ["true", true],
  ];

  it.each(bad)("%s: a TypeError at the call naming the function and the option, before anything starts", async (_label, value) => {
    const r = await runGen(function* () {
      const before = aio.allTasks().size;
      const errors: string[] = [];
      let ran = false;
      const body = aio.coroutine(function* () {
        ran = true;
      });
      const t = aio.createTask(aio.sleep(0));
      const calls: (() => unknown)[] = [
        () => aio.sleep(1, undefined, { signal: value as never }),
        () => aio.wait([t], { signal: value as never }),
        () => aio.waitFor(body(), 1, { signal: value as never }),
        () => aio.gather(body(), body(), { signal: value as never }),
      ];
      for (const call of calls) {
        try {
          call();
          errors.push("no error");
        } catch (e) {
          errors.push(`${(e as Error).name}: ${/^(\w+)\(\): options\.signal must be an AbortSignal/.exec((e as Error).message)?.[1]}`);
        }
      }
      yield* t;
      yield* aio.sleep(0);
      return { errors, ran, tasks: aio.allTasks().size - before };
    });
    expect(r).toEqual({
      errors: ["TypeError: sleep", "TypeError: wait", "TypeError: waitFor", "TypeError: gather"],
      ran: false,
      tasks: 0,
    });
  });

  it("signal: undefined (spelled out) means none", async () => {
    const r = await runGen(function* () {
      const a = yield* aio.sleep(0.001, "a", { signal: undefined });
      const b = yield* aio.waitFor(aio.sleep(0, "b"), null, { signal: undefined });
      const c = yield* aio.gather(aio.sleep(0, "c"), { signal: undefined });
      return [a, b, c];
    });
    expect(r).toEqual(["a", "b", ["c"]]);
  });
});

// ---------------------------------------------------------------------------- closed loops

describe("a wait bound to a signal when its loop is closed", () => {
  let built: Built;
  beforeAll(() => {
    built = buildAionode();
  });
  afterAll(() => {
    built?.cleanup();
  });

  it("the signal does not keep the closed loop's future alive, its listener goes with the future, and a later abort is harmless", async () => {
    // Child process: it needs gc(). The wait never completes (its loop is closed), so its abort
    // listener stays on the long-lived signal; it must not hold the future, and through it the loop.
    const r = await runModule(
      built,
      `import * as aio from AIO;
       import v8 from "node:v8";
       import vm from "node:vm";
       v8.setFlagsFromString("--expose-gc");
       const gc = vm.runInNewContext("gc");
       const ac = new AbortController();
       let collected = 0;
       const registry = new FinalizationRegistry(() => collected++);
       // (In a function: a suspended module body may keep its last local in a register.)
       const leave = async (i) => {
         const loop = aio.newEventLoop();
         const t = loop.createTask(aio.sleep(10, undefined, { signal: ac.signal }));
         await loop.runUntilComplete(loop.createTask(aio.sleep(0.001)));
         loop.close();
         registry.register(loop, i);
         registry.register(t, i);
       };
       for (let i = 0; i < 5; i++) await leave(i);
       for (let k = 0; k < 50 && collected < 10; k++) {
         gc();
         await new Promise((r) => setTimeout(r, 5));
       }
       console.log("collected", collected);
       // Once the futures are collected, their listeners are removed too.
       const { getEventListeners } = await import("node:events");
       for (let k = 0; k < 50 && getEventListeners(ac.signal, "abort").length > 0; k++) {
         gc();
         await new Promise((r) => setTimeout(r, 5));
       }
       console.log("listeners", getEventListeners(ac.signal, "abort").length);
       ac.abort("late");
       console.log("aborted", ac.signal.aborted);
`,
    );
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe("collected 10\nlisteners 0\naborted true\n");
    expect(r.code).toBe(0);
  });
});
