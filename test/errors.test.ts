/**
 * API.md section 8: bad input gets a clear error at the call, of the right class, and never
 * corrupts the loop: after each error, something scheduled on the same loop still runs.
 *
 * Classes: TypeError for wrong types, RangeError for NaN (and out-of-range values),
 * RuntimeError for wrong loop state, InvalidStateError for futures.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import * as aio from "../src/index.js";
import { closeFreshLoops, freshLoop, runGenOn } from "./helpers/loops.js";
import {
  BrokenBarrierError,
  CancelledError,
  EventLoop,
  ExceptionGroup,
  IncompleteReadError,
  InvalidStateError,
  LimitOverrunError,
  QueueEmpty,
  QueueFull,
  QueueShutDown,
  RuntimeError,
  TimeoutError,
} from "../src/index.js";

afterEach(() => {
  vi.restoreAllMocks();
  closeFreshLoops();
});

const runGen = runGenOn;

/** Run a coroutine as a task on `loop` until it completes. */
function runTask<T>(loop: EventLoop, coro: aio.Coroutine<T>): Promise<T> {
  return loop.runUntilComplete<T>(loop.createTask<T>(coro));
}

/** Capture what `fn` throws synchronously (fails the test if it does not throw). */
function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error("expected the call to throw, it returned");
}

/** `fn` throws synchronously an instance of `cls` whose message matches `msg`. */
function expectThrows(fn: () => unknown, cls: new (...a: any[]) => Error, msg?: RegExp): Error {
  const e = thrown(fn);
  expect(e).toBeInstanceOf(cls);
  expect((e as Error).name).toBe(cls.name);
  if (msg !== undefined) expect((e as Error).message).toMatch(msg);
  return e as Error;
}

/**
 * The loop still works: a callSoon callback, a callLater timer and a task all run, in order.
 * Use when the loop is not running.
 */
async function expectUsable(loop: EventLoop): Promise<void> {
  const log: string[] = [];
  loop.callSoon(() => log.push("soon"));
  loop.callLater(0.001, () => log.push("later"));
  const r = await loop.runUntilComplete(
    loop.createTask(
      (function* () {
        log.push("task");
        yield* aio.sleep(0.005);
        return "done";
      })(),
    ),
  );
  expect(r).toBe("done");
  expect(log).toEqual(["soon", "task", "later"]);
}

// ---------------------------------------------------------------------------- loop state

describe("getRunningLoop()", () => {
  // First in this file, before any module-level function could have put the default loop
  // into ambient mode (which counts as running).
  it("throws RuntimeError when no loop runs", async () => {
    expectThrows(() => aio.getRunningLoop(), RuntimeError, /no running event loop/);
    // ... and a loop then runs normally and is the running loop inside.
    const loop = freshLoop();
    const seen = await runGen(loop, function* () {
      yield* aio.sleep(0);
      return aio.getRunningLoop();
    });
    expect(seen).toBe(loop);
  });
});

describe("callSoon / callLater / callAt: bad callbacks and delays", () => {
  const notFunctions: unknown[] = [42, "f", null, undefined, {}, Promise.resolve()];

  it("callSoon with a non-function callback throws TypeError and schedules nothing", async () => {
    const loop = freshLoop();
    for (const bad of notFunctions) {
      expectThrows(() => loop.callSoon(bad as never), TypeError, /callSoon\(\).*function/);
    }
    await expectUsable(loop);
  });

  it("callLater with a non-function callback throws TypeError", async () => {
    const loop = freshLoop();
    for (const bad of notFunctions) {
      expectThrows(() => loop.callLater(0, bad as never), TypeError, /callLater\(\).*function/);
    }
    await expectUsable(loop);
  });

  it("callAt with a non-function callback throws TypeError", async () => {
    const loop = freshLoop();
    for (const bad of notFunctions) {
      expectThrows(() => loop.callAt(loop.time(), bad as never), TypeError, /callAt\(\).*function/);
    }
    await expectUsable(loop);
  });

  it("callLater / callAt with a non-number delay throw TypeError", async () => {
    const loop = freshLoop();
    const cb = () => {};
    for (const bad of ["1", null, undefined, {}, 1n]) {
      expectThrows(() => loop.callLater(bad as never, cb), TypeError, /callLater\(\)/);
      expectThrows(() => loop.callAt(bad as never, cb), TypeError, /callAt\(\)/);
    }
    await expectUsable(loop);
  });

  it("callLater / callAt with NaN throw RangeError", async () => {
    const loop = freshLoop();
    const cb = () => {};
    expectThrows(() => loop.callLater(NaN, cb), RangeError, /NaN/);
    expectThrows(() => loop.callAt(NaN, cb), RangeError, /NaN/);
    await expectUsable(loop);
  });

  it("a negative delay counts as 0: the callback runs, before later timers", async () => {
    const loop = freshLoop();
    const log: string[] = [];
    loop.callLater(-5, () => log.push("negative"));
    loop.callLater(-Infinity, () => log.push("-inf"));
    loop.callAt(loop.time() - 100, () => log.push("past callAt"));
    loop.callLater(0.001, () => {
      log.push("later");
      loop.stop();
    });
    await loop.runForever();
    expect(log).toHaveLength(4);
    expect(new Set(log.slice(0, 3))).toEqual(new Set(["negative", "-inf", "past callAt"]));
    expect(log[3]).toBe("later");
  });

  it("errors thrown while the loop runs leave it running", async () => {
    const loop = freshLoop();
    const log: string[] = [];
    loop.callSoon(() => {
      for (const call of [
        () => loop.callSoon(42 as never),
        () => loop.callLater(NaN, () => {}),
        () => loop.callLater("x" as never, () => {}),
        () => loop.callAt(NaN, () => {}),
      ]) {
        try {
          call();
        } catch (e) {
          log.push((e as Error).name);
        }
      }
      loop.callSoon(() => log.push("soon after"));
      loop.callLater(0, () => {
        log.push("later after");
        loop.stop();
      });
    });
    await loop.runForever();
    expect(log).toEqual(["TypeError", "RangeError", "TypeError", "RangeError", "soon after", "later after"]);
  });
});

describe("calls on a closed loop throw RuntimeError", () => {
  it("callSoon, callLater, callAt, createTask, runForever, runUntilComplete", async () => {
    const loop = aio.newEventLoop();
    loop.close();
    expect(loop.isClosed()).toBe(true);
    const started: string[] = [];
    const gen = (function* () {
      started.push("gen");
    })();
    const coro = aio.coroutine(function* () {
      started.push("coro");
    })();
    expectThrows(() => loop.callSoon(() => {}), RuntimeError, /closed/);
    expectThrows(() => loop.callLater(0, () => {}), RuntimeError, /closed/);
    expectThrows(() => loop.callAt(0, () => {}), RuntimeError, /closed/);
    expectThrows(() => loop.createTask(gen), RuntimeError, /closed/);
    expectThrows(() => loop.createTask(coro), RuntimeError, /closed/);
    // The run methods throw at the call (synchronously), they do not return a rejected promise.
    expectThrows(() => loop.runForever(), RuntimeError, /closed/);
    expectThrows(() => loop.runUntilComplete(aio.sleep(0)), RuntimeError, /closed/);
    // close() again is allowed (no-op).
    loop.close();
    expect(loop.isRunning()).toBe(false);
    expect(started).toEqual([]);
    // Other loops are unaffected.
    await expectUsable(freshLoop());
  });
});

describe("futures of a closed loop", () => {
  it("createFuture works (as asyncio's); completing a future with callbacks throws, the future is done all the same", () => {
    const loop = aio.newEventLoop();
    const withCb = loop.createFuture<number>();
    const ran: string[] = [];
    withCb.addDoneCallback(() => ran.push("cb"));
    loop.close();
    const plain = loop.createFuture<string>();
    plain.setResult("fine");
    expect(plain.result()).toBe("fine");
    expectThrows(() => plain.addDoneCallback(() => ran.push("late")), RuntimeError, /closed/);
    expectThrows(() => withCb.setResult(1), RuntimeError, /closed/);
    expect(withCb.result()).toBe(1);
    expectThrows(() => withCb.setResult(2), InvalidStateError, /invalid state/);
    const cancelled = loop.createFuture();
    cancelled.addDoneCallback(() => ran.push("cancelled cb"));
    expectThrows(() => cancelled.cancel(), RuntimeError, /closed/);
    expect(cancelled.cancelled()).toBe(true);
    expect(cancelled.cancel()).toBe(false);
    expect(ran).toEqual([]);
  });

  it("completions with no caller to throw to (a wrapped promise, a detached async function, an abort signal) do not crash", async () => {
    const loop = aio.newEventLoop();
    let resolveWrapped!: (v: number) => void;
    const wrapped = aio.wrapFuture(new Promise<number>((r) => (resolveWrapped = r)), loop);
    wrapped.addDoneCallback(() => {});
    let resolveForeign!: (v: number) => void;
    const foreign = new Promise<number>((r) => (resolveForeign = r));
    const detached = loop.createTask(
      aio.coroutine(async function () {
        return (await foreign) + 1;
      })(),
    );
    detached.addDoneCallback(() => {});
    const ac = new AbortController();
    const sleeper = loop.createTask(
      aio.coroutine(function* () {
        yield* aio.sleep(10, undefined, { signal: ac.signal });
      })(),
    );
    await loop.runUntilComplete(aio.sleep(0.005));
    loop.close();
    resolveWrapped(1);
    resolveForeign(2);
    ac.abort();
    await new Promise((r) => setTimeout(r, 10));
    expect(wrapped.done()).toBe(false); // as asyncio's wrap_future: a closed loop's future is left pending
    expect(detached.result()).toBe(3);
    expect(sleeper.done()).toBe(false);
  });
});

describe("running a loop that already runs", () => {
  it("runForever / runUntilComplete from inside a callback throw RuntimeError synchronously", async () => {
    const loop = freshLoop();
    const log: string[] = [];
    const coroStarted: string[] = [];
    const coro = aio.coroutine(function* () {
      coroStarted.push("started");
    })();
    loop.callSoon(() => {
      for (const call of [() => loop.runForever(), () => loop.runUntilComplete(coro)]) {
        let result: unknown;
        try {
          result = call();
        } catch (e) {
          log.push(`${(e as Error).name}: ${(e as Error).message}`);
          continue;
        }
        log.push(`returned ${String(result)}`);
        // Do not leave an unhandled rejection behind if it returned a promise.
        (result as Promise<unknown>)?.catch?.(() => {});
      }
      loop.callSoon(() => {
        log.push("still running");
        loop.stop();
      });
    });
    await loop.runForever();
    expect(log).toEqual([
      "RuntimeError: This event loop is already running",
      "RuntimeError: This event loop is already running",
      "still running",
    ]);
    expect(coroStarted).toEqual([]);
    expect(loop.isRunning()).toBe(false);
    await expectUsable(loop);
  });

  it("runUntilComplete twice concurrently: the second call throws", async () => {
    const loop = freshLoop();
    const first = loop.runUntilComplete(aio.sleep(0.001, "first"));
    expectThrows(() => loop.runUntilComplete(aio.sleep(0, "second")), RuntimeError, /already running/);
    expectThrows(() => loop.runForever(), RuntimeError, /already running/);
    expect(await first).toBe("first");
    await expectUsable(loop);
  });

  it("running a second loop while one runs throws RuntimeError, and both stay usable", async () => {
    const loop = freshLoop();
    const other = freshLoop();
    const log: string[] = [];
    const r = await runGen(loop, function* () {
      for (const call of [() => other.runForever(), () => other.runUntilComplete(aio.sleep(0))]) {
        try {
          call();
          log.push("no error");
        } catch (e) {
          log.push(`${(e as Error).name}: ${(e as Error).message}`);
        }
      }
      yield* aio.sleep(0);
      return "main";
    });
    expect(r).toBe("main");
    expect(log).toEqual([
      "RuntimeError: Cannot run the event loop while another loop is running",
      "RuntimeError: Cannot run the event loop while another loop is running",
    ]);
    expect(other.isRunning()).toBe(false);
    await expectUsable(other);
    await expectUsable(loop);
  });

  it("run() inside a running loop throws RuntimeError at the call and does not start main", async () => {
    const loop = freshLoop();
    const started: string[] = [];
    const msg = await runGen(loop, function* () {
      let how = "thrown";
      try {
        const p = aio.run(function* () {
          started.push("main");
        });
        how = "rejected";
        yield p;
        return "no error";
      } catch (e) {
        return `${how} ${(e as Error).name}: ${(e as Error).message}`;
      }
    });
    expect(msg).toMatch(/^thrown RuntimeError: .*running event loop/);
    expect(started).toEqual([]);
    await expectUsable(loop);
  });

  it("close() of a running loop throws RuntimeError; the loop goes on", async () => {
    const loop = freshLoop();
    const log: string[] = [];
    loop.callSoon(() => {
      try {
        loop.close();
        log.push("closed");
      } catch (e) {
        log.push((e as Error).name);
      }
      log.push(`isClosed=${loop.isClosed()}`);
      loop.callSoon(() => {
        log.push("next");
        loop.stop();
      });
    });
    await loop.runForever();
    expect(log).toEqual(["RuntimeError", "isClosed=false", "next"]);
    await expectUsable(loop);
  });
});

// ---------------------------------------------------------------------------- futures and tasks

describe("Future state errors", () => {
  it("setResult / setException twice throw InvalidStateError; the first value stays", async () => {
    const loop = freshLoop();
    const fut = loop.createFuture<number>();
    fut.setResult(1);
    expectThrows(() => fut.setResult(2), InvalidStateError);
    expectThrows(() => fut.setException(new Error("x")), InvalidStateError);
    expect(fut.result()).toBe(1);
    const failed = loop.createFuture<number>();
    failed.setException(new Error("boom"));
    expectThrows(() => failed.setResult(3), InvalidStateError);
    expect(failed.exception()).toBeInstanceOf(Error);
    const cancelled = loop.createFuture<number>();
    cancelled.cancel();
    expectThrows(() => cancelled.setResult(4), InvalidStateError);
    await expectUsable(loop);
  });

  it("result() / exception() on a pending future throw InvalidStateError", async () => {
    const loop = freshLoop();
    const fut = loop.createFuture<number>();
    expectThrows(() => fut.result(), InvalidStateError);
    expectThrows(() => fut.exception(), InvalidStateError);
    // The future still works afterwards.
    fut.setResult(7);
    expect(fut.result()).toBe(7);
    expect(fut.exception()).toBeNull();
    await expectUsable(loop);
  });

  it("result() / exception() on a cancelled future throw CancelledError with the message", async () => {
    const loop = freshLoop();
    const fut = loop.createFuture<number>();
    expect(fut.cancel("because")).toBe(true);
    expectThrows(() => fut.result(), CancelledError, /because/);
    expectThrows(() => fut.exception(), CancelledError);
    await expectUsable(loop);
  });

  it("Task.setResult / setException throw RuntimeError and leave the task running", async () => {
    const loop = freshLoop();
    const log: string[] = [];
    const r = await runGen(loop, function* () {
      const t = aio.createTask(aio.sleep(0.001, "child"));
      for (const call of [() => t.setResult("forced"), () => t.setException(new Error("forced"))]) {
        try {
          call();
        } catch (e) {
          log.push(`${(e as Error).name}: ${(e as Error).message}`);
        }
      }
      log.push(`done=${t.done()}`);
      return yield* t;
    });
    expect(r).toBe("child");
    expect(log).toEqual([
      "RuntimeError: Task does not support set_result operation",
      "RuntimeError: Task does not support set_exception operation",
      "done=false",
    ]);
    await expectUsable(loop);
  });

  it("setException(null / undefined) throws TypeError and leaves the future pending; other values are accepted", async () => {
    const loop = freshLoop();
    const fut = loop.createFuture<number>();
    expectThrows(() => fut.setException(null), TypeError, /invalid exception object: null/);
    expectThrows(() => fut.setException(undefined), TypeError, /invalid exception object: undefined/);
    expect(fut.done()).toBe(false);
    fut.setException("plain string");
    expect(fut.exception()).toBe("plain string");
    // On a done future the state is checked first, as asyncio does.
    expectThrows(() => fut.setException(null), aio.InvalidStateError, /invalid state/);
    // Rejections and thrown values still fail futures whatever they are (JavaScript can throw
    // undefined): only the explicit call is checked.
    const wrapped = aio.wrapFuture(Promise.reject(undefined), loop);
    const thrower = loop.createTask(
      aio.coroutine(function* () {
        yield* aio.sleep(0);
        throw undefined;
      })(),
    );
    await loop.runUntilComplete(aio.gather(wrapped, thrower, { returnExceptions: true }));
    expect(wrapped.done() && thrower.done()).toBe(true);
    expect(() => wrapped.result()).toThrow();
    expect(() => thrower.result()).toThrow();
    await expectUsable(loop);
  });

  it("addDoneCallback with a non-function throws TypeError", async () => {
    const loop = freshLoop();
    const fut = loop.createFuture<number>();
    expectThrows(() => fut.addDoneCallback(42 as never), TypeError);
    const seen: number[] = [];
    fut.addDoneCallback((f) => seen.push(f.result()));
    fut.setResult(5);
    await expectUsable(loop);
    expect(seen).toEqual([5]);
  });
});

describe("awaiting a future of another loop", () => {
  it("yield* inside a generator task: RuntimeError is thrown into the task, which can catch it", async () => {
    const loop = freshLoop();
    const other = freshLoop();
    const foreign = other.createFuture<number>();
    const r = await runGen(loop, function* () {
      let caught: unknown;
      try {
        yield* foreign;
      } catch (e) {
        caught = e;
      }
      // The task goes on normally after the error.
      const v = yield* aio.sleep(0.001, "after");
      return [caught, v] as const;
    });
    expect(r[0]).toBeInstanceOf(RuntimeError);
    expect((r[0] as Error).message).toMatch(/different loop/);
    expect(r[1]).toBe("after");
    expect(foreign.done()).toBe(false);
    await expectUsable(loop);
  });

  it("uncaught, it fails the task with RuntimeError", async () => {
    const loop = freshLoop();
    const other = freshLoop();
    const foreign = other.createFuture<number>();
    const task = loop.createTask(
      (function* () {
        return yield* foreign;
      })(),
    );
    await expect(loop.runUntilComplete(task)).rejects.toThrow(RuntimeError);
    expect(task.exception()).toBeInstanceOf(RuntimeError);
    await expectUsable(loop);
  });

  it("await inside an async-function task: RuntimeError at the await", async () => {
    const loop = freshLoop();
    const other = freshLoop();
    const foreign = other.createFuture<number>();
    const body = aio.coroutine(async () => {
      let caught: unknown;
      try {
        await foreign;
      } catch (e) {
        caught = e;
      }
      const v = await aio.sleep(0.001, "after");
      return [caught, v] as const;
    });
    const r = await runTask(loop, body());
    expect(r[0]).toBeInstanceOf(RuntimeError);
    expect((r[0] as Error).message).toMatch(/different loop/);
    expect(r[1]).toBe("after");
    await expectUsable(loop);
  });
});

describe("a task awaiting itself", () => {
  it("generator task: RuntimeError thrown in", async () => {
    const loop = freshLoop();
    const r = await runGen(loop, function* () {
      const self = aio.currentTask()!;
      try {
        yield* self;
        return "no error";
      } catch (e) {
        return `${(e as Error).name}: ${(e as Error).message}`;
      }
    });
    expect(r).toMatch(/^RuntimeError: Task cannot await on itself/);
    await expectUsable(loop);
  });

  it("async-function task: RuntimeError at the await", async () => {
    const loop = freshLoop();
    const body = aio.coroutine(async () => {
      const self = aio.currentTask()!;
      try {
        await self;
        return "no error";
      } catch (e) {
        return `${(e as Error).name}: ${(e as Error).message}`;
      }
    });
    const r = await runTask(loop, body());
    expect(r).toMatch(/^RuntimeError: Task cannot await on itself/);
    await expectUsable(loop);
  });
});

describe("bad values yielded by a generator task", () => {
  for (const [label, value, shown] of [
    ["a number", 42, /42/],
    ["a string", "hello", /hello/],
    ["a plain object", { a: 1 }, /Object/],
    ["null", null, /null/],
  ] as const) {
    it(`yielding ${label} throws a TypeError naming it into the task`, async () => {
      const loop = freshLoop();
      const r = await runGen(loop, function* () {
        let caught: unknown;
        try {
          yield value;
        } catch (e) {
          caught = e;
        }
        // The task goes on after catching it.
        const v = yield* aio.sleep(0, "after");
        return [caught, v] as const;
      });
      expect(r[0]).toBeInstanceOf(TypeError);
      expect((r[0] as Error).message).toMatch(shown);
      expect(r[1]).toBe("after");
      await expectUsable(loop);
    });
  }

  it("uncaught, it fails the task with the TypeError", async () => {
    const loop = freshLoop();
    const task = loop.createTask(
      (function* () {
        yield 42;
        return "unreachable";
      })(),
    );
    await expect(loop.runUntilComplete(task)).rejects.toThrow(/42/);
    expect(task.exception()).toBeInstanceOf(TypeError);
    await expectUsable(loop);
  });
});

describe("createTask / ensureFuture with a non-coroutine", () => {
  it("loop.createTask and aio.createTask throw TypeError", async () => {
    const loop = freshLoop();
    for (const bad of [42, "x", null, undefined, {}, () => {}, function* () {}]) {
      expectThrows(() => loop.createTask(bad as never), TypeError, /coroutine/);
    }
    const r = await runGen(loop, function* () {
      const names: string[] = [];
      for (const bad of [42, {}, function* () {}, async () => {}]) {
        try {
          aio.createTask(bad as never);
          names.push("no error");
        } catch (e) {
          names.push((e as Error).name);
        }
      }
      try {
        aio.ensureFuture(42);
        names.push("no error");
      } catch (e) {
        names.push((e as Error).name);
      }
      yield* aio.sleep(0);
      return names;
    });
    expect(r).toEqual(["TypeError", "TypeError", "TypeError", "TypeError", "TypeError"]);
    await expectUsable(loop);
  });
});

describe("composition: bad arguments throw at the call", () => {
  it("sleep(non-number) TypeError, sleep(NaN) RangeError, negative sleep completes", async () => {
    const loop = freshLoop();
    expectThrows(() => aio.sleep("x" as never), TypeError, /sleep\(\)/);
    expectThrows(() => aio.sleep(undefined as never), TypeError, /sleep\(\)/);
    expectThrows(() => aio.sleep(NaN), RangeError, /NaN/);
    const r = await runGen(loop, function* () {
      return yield* aio.sleep(-1, "negative ok");
    });
    expect(r).toBe("negative ok");
    await expectUsable(loop);
  });

  it("gather(42) throws TypeError", async () => {
    const loop = freshLoop();
    const r = await runGen(loop, function* () {
      const out: string[] = [];
      for (const call of [() => aio.gather(42 as never), () => aio.gather(aio.sleep(0), "x" as never)]) {
        try {
          call();
          out.push("no error");
        } catch (e) {
          out.push(`${(e as Error).name}: ${(e as Error).message}`);
        }
      }
      const ok = yield* aio.gather(aio.sleep(0, 1), aio.sleep(0, 2));
      out.push(JSON.stringify(ok));
      return out;
    });
    expect(r[0]).toMatch(/^TypeError: .*42/);
    expect(r[1]).toMatch(/^TypeError: .*"x"/);
    expect(r[2]).toBe("[1,2]");
    await expectUsable(loop);
  });

  it("wait([]) RangeError, wait with coroutines TypeError, bad returnWhen RangeError, NaN timeout RangeError", async () => {
    const loop = freshLoop();
    const r = await runGen(loop, function* () {
      const t = aio.createTask(aio.sleep(0, "t"));
      expectThrows(() => aio.wait([]), RangeError, /empty/);
      const coro = aio.sleep(0);
      expectThrows(() => aio.wait([coro as never]), TypeError, /coroutine/);
      expectThrows(() => aio.wait(aio.sleep(0) as never), TypeError);
      expectThrows(() => aio.wait(t as never), TypeError);
      expectThrows(() => aio.wait([t], { returnWhen: "SOMETIMES" as never }), RangeError, /SOMETIMES/);
      expectThrows(() => aio.wait([t], { timeout: NaN }), RangeError, /NaN/);
      expectThrows(() => aio.wait([t], { timeout: "1" as never }), TypeError);
      expectThrows(() => aio.wait([42 as never]), TypeError);
      // The coroutine passed by mistake was not consumed: it can still be awaited.
      yield* coro;
      const [done, pending] = yield* aio.wait([t]);
      return [done.has(t), pending.size, t.result()] as const;
    });
    expect(r).toEqual([true, 0, "t"]);
    await expectUsable(loop);
  });

  it("waitFor with NaN or non-number timeout; waitFor(42)", async () => {
    const loop = freshLoop();
    expectThrows(() => aio.waitFor(aio.sleep(0), NaN), RangeError, /NaN/);
    expectThrows(() => aio.waitFor(aio.sleep(0), "1" as never), TypeError);
    expectThrows(() => aio.waitFor(42 as never, 1), TypeError);
    const r = await runGen(loop, function* () {
      return yield* aio.waitFor(aio.sleep(0, "ok"), null);
    });
    expect(r).toBe("ok");
    await expectUsable(loop);
  });

  it("timeout() / timeoutAt() / taskGroup() with a non-function body throw TypeError; NaN delay RangeError", async () => {
    const loop = freshLoop();
    for (const bad of [42, null, "f", aio.sleep(0)]) {
      expectThrows(() => aio.timeout(1, bad as never), TypeError, /timeout\(\)/);
      expectThrows(() => aio.timeoutAt(1, bad as never), TypeError, /timeoutAt\(\)/);
      expectThrows(() => aio.taskGroup(bad as never), TypeError, /taskGroup\(\)/);
    }
    expectThrows(() => aio.timeout(NaN, function* () {}), RangeError);
    expectThrows(() => aio.timeout("1" as never, function* () {}), TypeError);
    const r = await runGen(loop, function* () {
      const a = yield* aio.timeout(1, function* () {
        return "in time";
      });
      const b = yield* aio.taskGroup(function* (tg) {
        const t = tg.createTask(aio.sleep(0, "child"));
        yield* aio.sleep(0);
        return t;
      });
      return [a, b.result()];
    });
    expect(r).toEqual(["in time", "child"]);
    await expectUsable(loop);
  });

  it("coroutine(42) throws TypeError", () => {
    for (const bad of [42, null, "f", {}]) {
      expectThrows(() => aio.coroutine(bad as never), TypeError, /coroutine\(\)/);
    }
    expectThrows(() => aio.coroutine((async function* () {}) as never), TypeError, /async generator/);
  });

  it("setExceptionHandler(42) throws TypeError and keeps the previous handler", async () => {
    const loop = freshLoop();
    const seen: string[] = [];
    const handler = (_l: EventLoop, ctx: aio.ExceptionContext) => {
      seen.push(ctx.message);
    };
    loop.setExceptionHandler(handler);
    expectThrows(() => loop.setExceptionHandler(42 as never), TypeError);
    expectThrows(() => loop.setExceptionHandler("f" as never), TypeError);
    expect(loop.getExceptionHandler()).toBe(handler);
    loop.callSoon(function failing() {
      throw new Error("boom");
    });
    await expectUsable(loop);
    expect(seen).toEqual(["Exception in callback failing()"]);
  });

  it("setExceptionHandler(undefined) and setExceptionHandler() restore the default, as null does", () => {
    const loop = freshLoop();
    const handler = () => {};
    for (const reset of [() => loop.setExceptionHandler(undefined), () => loop.setExceptionHandler(), () => loop.setExceptionHandler(null)]) {
      loop.setExceptionHandler(handler);
      expect(loop.getExceptionHandler()).toBe(handler);
      reset();
      expect(loop.getExceptionHandler()).toBeNull();
    }
    loop.close();
  });
});

describe("reusing an awaited coroutine", () => {
  it("awaiting a Coroutine twice throws RuntimeError (yield* and await and createTask)", async () => {
    const loop = freshLoop();
    const make = aio.coroutine(function* (x: number) {
      yield* aio.sleep(0);
      return x * 2;
    });
    const r = await runGen(loop, function* () {
      const out: unknown[] = [];
      const c = make(21);
      out.push(yield* c);
      for (const again of [
        () => {
          const it = c[Symbol.iterator]();
          it.next();
        },
        () => aio.createTask(c),
        () => loop.createTask(c),
      ]) {
        try {
          again();
          out.push("no error");
        } catch (e) {
          out.push(`${(e as Error).name}: ${(e as Error).message}`);
        }
      }
      // A fresh coroutine from the same function still works.
      out.push(yield* make(1));
      return out;
    });
    expect(r).toEqual([
      42,
      "RuntimeError: cannot reuse already awaited coroutine",
      "RuntimeError: cannot reuse already awaited coroutine",
      "RuntimeError: cannot reuse already awaited coroutine",
      2,
    ]);
    await expectUsable(loop);
  });

  it("a Coroutine still suspended in its first await: a second awaiter gets the same RuntimeError, the first goes on (README: CPython says 'being awaited already')", async () => {
    const loop = freshLoop();
    const slow = aio.coroutine(function* () {
      yield* aio.sleep(0.01);
      return "slow done";
    });
    const r = await runGen(loop, function* () {
      const c = slow();
      const t1 = aio.createTask(
        aio.coroutine(function* () {
          return yield* c;
        })(),
      );
      yield* aio.sleep(0);
      const t2 = aio.createTask(
        aio.coroutine(function* () {
          try {
            yield* c;
            return "no error";
          } catch (e) {
            return `${(e as Error).name}: ${(e as Error).message}`;
          }
        })(),
      );
      return [yield* t2, yield* t1];
    });
    expect(r).toEqual(["RuntimeError: cannot reuse already awaited coroutine", "slow done"]);
    await expectUsable(loop);
  });

  it("an async-body Coroutine awaited twice with await: the second await rejects with RuntimeError", async () => {
    const loop = freshLoop();
    let runs = 0;
    const make = aio.coroutine(async () => {
      runs++;
      await aio.sleep(0);
      return "v";
    });
    const body = aio.coroutine(async () => {
      const c = make();
      const first = await c;
      let second: string;
      try {
        await c;
        second = "no error";
      } catch (e) {
        second = `${(e as Error).name}`;
      }
      return [first, second];
    });
    const r = await runTask(loop, body());
    expect(r).toEqual(["v", "RuntimeError"]);
    expect(runs).toBe(1);
    await expectUsable(loop);
  });

  it("a sleep() coroutine awaited twice throws RuntimeError", async () => {
    const loop = freshLoop();
    const r = await runGen(loop, function* () {
      const s = aio.sleep(0, "once");
      const v = yield* s;
      try {
        yield* s;
        return [v, "no error"];
      } catch (e) {
        return [v, (e as Error).name];
      }
    });
    expect(r).toEqual(["once", "RuntimeError"]);
    await expectUsable(loop);
  });
});

// ---------------------------------------------------------------------------- error classes

describe("error classes", () => {
  const instances: [Function, Error][] = [
    [CancelledError, new CancelledError("m")],
    [TimeoutError, new TimeoutError("m")],
    [InvalidStateError, new InvalidStateError("m")],
    [QueueEmpty, new QueueEmpty("m")],
    [QueueFull, new QueueFull("m")],
    [QueueShutDown, new QueueShutDown("m")],
    [BrokenBarrierError, new BrokenBarrierError("m")],
    [IncompleteReadError, new IncompleteReadError(new Uint8Array(3), 10)],
    [LimitOverrunError, new LimitOverrunError("m", 4)],
    [ExceptionGroup, new ExceptionGroup("m", [new Error("a")])],
    [RuntimeError, new RuntimeError("m")],
  ];

  for (const [cls, e] of instances) {
    it(`${cls.name}: instanceof Error, name is the class name, has a stack`, () => {
      expect(e).toBeInstanceOf(Error);
      expect(e).toBeInstanceOf(cls);
      expect(e.name).toBe(cls.name);
      expect(Object.prototype.toString.call(e)).toBe("[object Error]");
      expect(String(e)).toMatch(new RegExp(`^${cls.name}`));
      expect(typeof e.stack).toBe("string");
    });
  }

  it("error classes are distinct (no class is a subclass of another)", () => {
    for (const [a, ea] of instances) {
      for (const [b] of instances) {
        if (a !== b) expect(ea instanceof (b as never)).toBe(false);
      }
    }
  });

  it("messages: as given; IncompleteReadError and LimitOverrunError carry their data", () => {
    expect(new CancelledError("why").message).toBe("why");
    expect(new CancelledError().message).toBe("");
    const ire = new IncompleteReadError(new Uint8Array([1, 2]), 5);
    expect(ire.partial).toEqual(new Uint8Array([1, 2]));
    expect(ire.expected).toBe(5);
    expect(ire.message).toMatch(/2 bytes read on a total of 5 expected bytes/);
    const lo = new LimitOverrunError("too long", 9);
    expect(lo.message).toBe("too long");
    expect(lo.consumed).toBe(9);
  });

  it("ExceptionGroup extends AggregateError and holds .errors", () => {
    const a = new Error("a");
    const b = new TypeError("b");
    const g = new ExceptionGroup("several", [a, b]);
    expect(g).toBeInstanceOf(AggregateError);
    expect(g).toBeInstanceOf(Error);
    expect(g.errors).toEqual([a, b]);
    expect(g.errors[0]).toBe(a);
    expect(g.name).toBe("ExceptionGroup");
    expect(g.message).toMatch(/several/);
  });

  it("ExceptionGroup takes any iterable, counts what it holds, and refuses an empty one or a non-iterable", () => {
    const a = new Error("a");
    const b = new Error("b");
    const g = new ExceptionGroup("set", new Set([a, b]));
    expect(g.errors).toEqual([a, b]);
    expect(g.message).toBe("set (2 sub-exceptions)");
    expectThrows(() => new ExceptionGroup("none", []), RangeError, /non-empty sequence/);
    expectThrows(() => new ExceptionGroup("none", new Set()), RangeError, /non-empty sequence/);
    expectThrows(() => new ExceptionGroup("bad", 42 as never), TypeError, /must be an iterable/);
    expectThrows(() => new ExceptionGroup("bad", null as never), TypeError, /must be an iterable/);
  });

  it("a TaskGroup failure is an ExceptionGroup holding the child errors", async () => {
    const loop = freshLoop();
    const boom = new Error("boom");
    const r = await runGen(loop, function* () {
      try {
        yield* aio.taskGroup(function* (tg) {
          tg.createTask(
            (function* () {
              yield* aio.sleep(0);
              throw boom;
            })(),
          );
          yield* aio.sleep(1);
        });
        return null;
      } catch (e) {
        return e;
      }
    });
    expect(r).toBeInstanceOf(ExceptionGroup);
    expect(r).toBeInstanceOf(AggregateError);
    expect((r as ExceptionGroup).errors).toEqual([boom]);
    await expectUsable(loop);
  });

  it("future.exception() is null when there is none", async () => {
    const loop = freshLoop();
    const t = loop.createTask(aio.sleep(0, 1));
    await loop.runUntilComplete(t);
    expect(t.exception()).toBeNull();
  });
});

// ---------------------------------------------------------------------------- debug mode

describe("debug mode", () => {
  it("coroutine functions as callSoon / callLater / callAt callbacks throw TypeError", async () => {
    const loop = freshLoop();
    loop.setDebug(true);
    expect(loop.getDebug()).toBe(true);
    const coroFns: Function[] = [async function a() {}, function* g() {}, aio.coroutine(function* c() {})];
    for (const fn of coroFns) {
      expectThrows(() => loop.callSoon(fn as never), TypeError, /coroutines cannot be used with callSoon\(\)/);
      // (asyncio's call_later delegates to call_at, whose check names call_at)
      expectThrows(() => loop.callLater(0, fn as never), TypeError, /coroutines cannot be used with callAt\(\)/);
      expectThrows(() => loop.callAt(0, fn as never), TypeError, /coroutines cannot be used with callAt\(\)/);
    }
    // A coroutine object gets the same message in debug mode, as in asyncio.
    const coro = aio.coroutine(function* c() {})();
    expectThrows(() => loop.callSoon(coro as never), TypeError, /coroutines cannot be used with callSoon\(\)/);
    expectThrows(() => loop.callSoonThreadsafe(coro as never), TypeError, /coroutines cannot be used with callSoonThreadsafe\(\)/);
    expectThrows(() => loop.callLater(0, coro as never), TypeError, /coroutines cannot be used with callAt\(\)/);
    await expectUsable(loop);
  });

  it("the same callbacks are accepted outside debug mode (they merely create a coroutine)", async () => {
    const loop = freshLoop();
    const calls: string[] = [];
    loop.callSoon(function* g() {
      calls.push("never: a generator function only creates a generator");
    });
    await expectUsable(loop);
    expect(calls).toEqual([]);
  });

  it("a slow callback is reported with console.warn, naming it", async () => {
    const loop = freshLoop();
    loop.setDebug(true);
    loop.slowCallbackDuration = 0.001;
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    loop.callSoon(function busyWaitingCallback() {
      const end = performance.now() + 20;
      while (performance.now() < end) {
        /* busy */
      }
    });
    loop.callSoon(function quickCallback() {});
    loop.callSoon(() => loop.stop());
    await loop.runForever();
    const messages = warn.mock.calls.map((args) => args.map(String).join(" "));
    const slow = messages.filter((m) => m.includes("busyWaitingCallback"));
    expect(slow).toHaveLength(1);
    expect(slow[0]).toMatch(/took \d+\.\d+ seconds/);
    // Where it was scheduled is part of the report (this file).
    expect(slow[0]).toMatch(/errors\.test\.ts/);
    warn.mockRestore();
    await expectUsable(loop);
  });

  it("a slow timer callback is reported naming the timer's callback", async () => {
    const loop = freshLoop();
    loop.setDebug(true);
    loop.slowCallbackDuration = 0.001;
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    loop.callLater(0, function slowTimerCallback() {
      const end = performance.now() + 20;
      while (performance.now() < end) {
        /* busy */
      }
      loop.stop();
    });
    await loop.runForever();
    const messages = warn.mock.calls.map((args) => args.map(String).join(" "));
    expect(messages.filter((m) => m.includes("slowTimerCallback"))).toHaveLength(1);
    warn.mockRestore();
  });

  it("a slow task step is reported naming the task", async () => {
    const loop = freshLoop();
    loop.setDebug(true);
    loop.slowCallbackDuration = 0.001;
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    function* slowStepBody() {
      const end = performance.now() + 20;
      while (performance.now() < end) {
        /* busy */
      }
      yield* aio.sleep(0);
    }
    await loop.runUntilComplete(loop.createTask(slowStepBody(), { name: "slowStepTask" }));
    const messages = warn.mock.calls.map((args) => args.map(String).join(" "));
    // asyncio: "Executing <Task pending name='slowStepTask' coro=<slowStepBody() ...>> took ..."
    expect(messages.filter((m) => /slowStepTask|slowStepBody/.test(m.split("\n")[0]!)).length).toBeGreaterThanOrEqual(1);
    warn.mockRestore();
  });

  it("no report outside debug mode", async () => {
    const loop = freshLoop();
    loop.slowCallbackDuration = 0.001;
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    loop.callSoon(function busyWaitingCallback() {
      const end = performance.now() + 10;
      while (performance.now() < end) {
        /* busy */
      }
      loop.stop();
    });
    await loop.runForever();
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
  });
});

describe("the task registry", () => {
  it("closing a loop lets go of its pending tasks: allTasks() no longer lists them, other loops' tasks stay", async () => {
    const a = aio.newEventLoop();
    const b = aio.newEventLoop();
    const never = aio.coroutine(function* () {
      yield* a.createFuture();
    });
    const ta = [a.createTask(never()), a.createTask(never())];
    const tb = b.createTask(
      aio.coroutine(function* () {
        yield* aio.sleep(0);
        return "b";
      })(),
    );
    await a.runUntilComplete(aio.sleep(0));
    const before = [aio.allTasks(a).size, aio.allTasks(b).size];
    a.close();
    const after = aio.allTasks(a).size;
    const result = await b.runUntilComplete(tb);
    b.close();
    expect([before, after, ta.every((t) => !t.done()), result]).toEqual([[2, 1], 0, true, "b"]);
  }, 10_000);
});
