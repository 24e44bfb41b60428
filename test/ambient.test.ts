/**
 * API.md section 1, ambient mode: used from plain Node code while no loop runs, the module-level
 * functions work on the default loop, which runs beside Node's loop while it has work and parks
 * itself when idle. Closing a loop drops its callbacks and timers, which then neither fire nor
 * keep the process alive.
 *
 * The in-process tests are plain async functions (vitest's test bodies): no aionode loop runs.
 * Process-lifetime behaviour is checked in child processes running the current src/ (transpiled by
 * test/helpers/child.ts); a child that does not exit by itself is killed after a generous limit
 * (far longer than the work it does, far shorter than the timers it must not wait for).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as aio from "../src/index.js";
import { CancelledError, TimeoutError } from "../src/index.js";
import { buildAionode, runModule, type Built } from "./helpers/child.js";

function foreignDelay<T>(ms: number, value: T): Promise<T> {
  return new Promise((resolve) => setTimeout(() => resolve(value), ms));
}

describe("module-level functions from plain async code (no loop running)", () => {
  it("await aio.sleep(0.01) resolves to its result", async () => {
    expect(aio.getEventLoop().isRunning()).toBe(false);
    expect(await aio.sleep(0.01, "slept")).toBe("slept");
    expect(await aio.sleep(0)).toBeUndefined();
    expect(await aio.sleep(-1, "negative")).toBe("negative");
  });

  it("await aio.gather(...) gives results in argument order", async () => {
    const r = await aio.gather(aio.sleep(0.02, "slow"), aio.sleep(0.005, "fast"), foreignDelay(1, "promise"));
    expect(r).toEqual(["slow", "fast", "promise"]);
  });

  it("await aio.createTask(coro) for generator and async coroutines", async () => {
    const log: string[] = [];
    const gen = aio.coroutine(function* (x: number) {
      log.push("gen start");
      yield* aio.sleep(0.005);
      log.push("gen end");
      return x + 1;
    });
    const asy = aio.coroutine(async (x: number) => {
      log.push("async start");
      await aio.sleep(0.01);
      log.push("async end");
      return x * 2;
    });
    const t1 = aio.createTask(gen(1));
    const t2 = aio.createTask(asy(5));
    expect(log).toEqual([]); // tasks start on the next loop iteration
    expect(await t1).toBe(2);
    expect(await t2).toBe(10);
    expect(log).toEqual(["gen start", "async start", "gen end", "async end"]);
    // A task awaited from plain code reports itself as current inside, nothing outside.
    const seen = await aio.createTask(
      aio.coroutine(async () => {
        await aio.sleep(0);
        return aio.currentTask()?.getName();
      })(),
      { name: "ambient-task" },
    );
    expect(seen).toBe("ambient-task");
    expect(aio.currentTask()).toBeNull();
  });

  it("await aio.createTask(generator object) and createTask(promise)", async () => {
    const t = aio.createTask(
      (function* () {
        yield* aio.sleep(0.001);
        return "generator";
      })(),
    );
    expect(await t).toBe("generator");
    expect(await aio.createTask(foreignDelay(1, "promise"))).toBe("promise");
  });

  it("await aio.waitFor(...) resolves in time and throws TimeoutError (cancelling the inner task) when late", async () => {
    expect(await aio.waitFor(aio.sleep(0.005, "in time"), 5)).toBe("in time");
    const inner = aio.createTask(aio.sleep(10, "late"));
    await expect(aio.waitFor(inner, 0.01)).rejects.toBeInstanceOf(TimeoutError);
    expect(inner.cancelled()).toBe(true);
  });

  it("await aio.timeout(...) with async and generator bodies; TimeoutError when it passes", async () => {
    const a = await aio.timeout(5, async (cm) => {
      await aio.sleep(0.001);
      return `async ${cm.expired()}`;
    });
    const g = await aio.timeout(5, function* (cm) {
      yield* aio.sleep(0.001);
      return `gen ${cm.expired()}`;
    });
    expect([a, g]).toEqual(["async false", "gen false"]);
    const log: string[] = [];
    const marker = setTimeout(() => log.push("marker"), 500);
    await expect(
      aio.timeout(0.01, async () => {
        try {
          await aio.sleep(3);
        } catch (e) {
          log.push((e as Error).name);
          throw e;
        }
      }),
    ).rejects.toBeInstanceOf(TimeoutError);
    clearTimeout(marker);
    // The deadline interrupted the body's await (long before the marker).
    expect(log).toEqual(["CancelledError"]);
    const glog: string[] = [];
    await expect(
      aio.timeout(0.01, function* () {
        try {
          yield* aio.sleep(3);
        } catch (e) {
          glog.push((e as Error).name);
          throw e;
        }
      }),
    ).rejects.toBeInstanceOf(TimeoutError);
    expect(glog).toEqual(["CancelledError"]);
  });

  it("await aio.taskGroup(...) and aio.shield(...)", async () => {
    const r = await aio.taskGroup(async (tg) => {
      const a = tg.createTask(aio.sleep(0.005, "a"));
      const b = tg.createTask(aio.sleep(0.001, "b"));
      return [a, b] as const;
    });
    expect(r.map((t) => t.result())).toEqual(["a", "b"]);
    expect(await aio.shield(aio.sleep(0.001, "shielded"))).toBe("shielded");
  });

  it("await aio.wait(...) and for await over aio.asCompleted(...)", async () => {
    const never = aio.createTask(aio.sleep(10, "never"));
    const quick = aio.createTask(aio.sleep(0.001, "quick"));
    const [done, pending] = await aio.wait([never, quick], { returnWhen: aio.FIRST_COMPLETED });
    // (identity checks: deep equality would iterate the futures)
    expect(done.size === 1 && done.has(quick)).toBe(true);
    expect(pending.size === 1 && pending.has(never)).toBe(true);
    never.cancel();
    // All three start in the same loop iteration: they complete in deadline order.
    const t1 = aio.createTask(aio.sleep(0.02, "slow"));
    const out: string[] = [];
    for await (const v of aio.asCompleted<string>([t1, aio.sleep(0.005, "mid"), aio.sleep(0.04, "last")])) out.push(v);
    expect(out).toEqual(["mid", "slow", "last"]);
  });

  it("a future of the default loop resolved from a Node timer wakes an await", async () => {
    const fut = aio.getEventLoop().createFuture<string>();
    setTimeout(() => fut.setResult("from node"), 2);
    expect(await fut).toBe("from node");
  });

  it("cancelling an ambient task: awaiting it throws CancelledError", async () => {
    const t = aio.createTask(aio.sleep(10));
    await aio.sleep(0.001);
    t.cancel("stop");
    await expect(t).rejects.toBeInstanceOf(CancelledError);
    expect(t.cancelled()).toBe(true);
  });

  it("plain code awaiting a future while an ambient async task starts: the await is not taken for the task's", async () => {
    const t = aio.createTask(
      aio.coroutine(async () => {
        try {
          await aio.sleep(0.05);
          return "slept";
        } catch (e) {
          return `task caught ${(e as Error).name}`;
        }
      })(),
    );
    const other = aio.getEventLoop().createFuture<string>();
    // This await's then() runs in a microtask, right when the task's first step may be running.
    const plain = (async () => {
      try {
        return await other;
      } catch (e) {
        return `plain code got ${(e as Error).name}`;
      }
    })();
    await foreignDelay(10, null);
    t.cancel();
    let tr: string;
    try {
      tr = await t;
    } catch (e) {
      tr = `task ${(e as Error).name}`;
    }
    expect(tr).toBe("task caught CancelledError");
    expect(other.cancelled()).toBe(false);
    other.setResult("other's value");
    expect(await plain).toBe("other's value");
  });

  it("two plain async functions interleave on the default loop, one sleep(0) iteration at a time", async () => {
    const log: string[] = [];
    const worker = async (name: string, n: number) => {
      for (let i = 1; i <= n; i++) {
        await aio.sleep(0);
        log.push(`${name}${i}`);
      }
      return name;
    };
    const r = await Promise.all([worker("a", 3), worker("b", 2)]);
    expect(r).toEqual(["a", "b"]);
    expect(log).toEqual(["a1", "b1", "a2", "b2", "a3"]);
  });

  it("run() still works after ambient use, and ambient use works after run()", async () => {
    await aio.sleep(0.001);
    const r = await aio.run(function* () {
      yield* aio.sleep(0.001);
      return "main";
    });
    expect(r).toBe("main");
    expect(await aio.sleep(0.001, "after run")).toBe("after run");
  });

  it("ambient tasks pending while plain code runs another loop wait for that run to end, then go on on their own loop", async () => {
    const log: string[] = [];
    const bg = aio.coroutine(function* () {
      for (let i = 0; i < 3; i++) {
        log.push(`bg ${i} ${aio.getRunningLoop() === home ? "home" : "other"}`);
        yield* aio.sleep(0.001);
      }
      return "bg";
    });
    const t = aio.ensureFuture(bg());
    const home = t.getLoop();
    const r = await aio.run(function* () {
      for (let i = 0; i < 3; i++) {
        log.push(`main ${i}`);
        yield* aio.sleep(0.002);
      }
      return "main";
    });
    expect(r).toBe("main");
    expect(await t).toBe("bg");
    // One loop runs at a time: the ambient task did not step (on the wrong loop) during the run.
    expect(log).toEqual(["main 0", "main 1", "main 2", "bg 0 home", "bg 1 home", "bg 2 home"]);
  });

  it("plain code awaiting futures of a run's loop when run() ends: cancelled at its shutdown, as tasks are", async () => {
    const log: string[] = [];
    let userFut: aio.Future<string> | undefined;
    const plain = async (label: string, aw: () => PromiseLike<unknown>) => {
      try {
        log.push(`${label} resolved ${String(await aw())}`);
      } catch (e) {
        log.push(`${label} ${(e as Error).name}`);
      }
    };
    const handlers: Promise<void>[] = [];
    const r = await aio.run(function* () {
      const loop = aio.getRunningLoop();
      userFut = loop.createFuture<string>();
      // Node callbacks (no task) using module-level functions: they get the running loop.
      setTimeout(() => {
        handlers.push(plain("sleep", () => aio.sleep(5, "late")));
        handlers.push(plain("future", () => userFut!));
        handlers.push(plain("quick", () => aio.sleep(0, "quick")));
      }, 1);
      yield* aio.sleep(0.05);
      return "main";
    });
    await Promise.all(handlers);
    expect(r).toBe("main");
    expect(log.sort()).toEqual(["future CancelledError", "quick resolved quick", "sleep CancelledError"]);
    expect(userFut!.cancelled()).toBe(true);
  });

  it("plain code awaiting a future of a loop that is closed: the await throws RuntimeError('Event loop is closed')", async () => {
    const loop = aio.newEventLoop();
    const fut = loop.createFuture<number>();
    const waited = (async () => {
      try {
        return await fut;
      } catch (e) {
        return e;
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, 1));
    loop.close();
    const e = (await waited) as Error;
    expect(e).toBeInstanceOf(aio.RuntimeError);
    expect(e.message).toBe("Event loop is closed");
    expect(fut.done()).toBe(false);
  });

  it("run() or running another loop from inside an ambient task or callback is a RuntimeError", async () => {
    const errors: string[] = [];
    const attempt = (fn: () => unknown) => {
      try {
        const p = fn() as Promise<unknown>;
        p.then(
          () => errors.push("ran"),
          (e: Error) => errors.push(e.message),
        );
      } catch (e) {
        errors.push((e as Error).message);
      }
    };
    const inner = aio.coroutine(function* () {
      yield* aio.sleep(0);
    });
    await aio.createTask(
      aio.coroutine(function* () {
        attempt(() => aio.run(inner));
        attempt(() => aio.newEventLoop().runUntilComplete(aio.sleep(0)));
        attempt(() => aio.getEventLoop().runForever());
        yield* aio.sleep(0);
      })(),
    );
    await aio.createTask(
      aio.coroutine(async function () {
        await aio.sleep(0);
        attempt(() => aio.run(inner));
      })(),
    );
    const done = aio.getEventLoop().createFuture();
    aio.getEventLoop().callSoon(() => {
      attempt(() => aio.run(inner));
      done.setResult(null);
    });
    await done;
    await aio.sleep(0.001);
    // (each refusal is thrown at the call, run()'s too, so they come in call order)
    expect(errors).toEqual([
      "asyncio.run() cannot be called from a running event loop",
      "Cannot run the event loop while another loop is running",
      "This event loop is already running",
      "asyncio.run() cannot be called from a running event loop",
      "asyncio.run() cannot be called from a running event loop",
    ]);
  });
});

describe("process lifetime (child processes)", () => {
  let built: Built;

  beforeAll(() => {
    built = buildAionode();
  });

  afterAll(() => {
    built?.cleanup();
  });

  it("await aio.sleep(0.01) then print: exits by itself with code 0", async () => {
    const r = await runModule(
      built,
      `import * as aio from AIO;
await aio.sleep(0.01);
console.log("done");
`,
    );
    expect(r.killed).toBe(false);
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe("done\n");
    expect(r.code).toBe(0);
  });

  it("allTasks() in plain code with no loop running is a query: the default loop stays out of ambient mode", async () => {
    const r = await runModule(
      built,
      `import * as aio from AIO;
const loop = aio.newEventLoop();
aio.setEventLoop(loop);
const running = () => { try { aio.getRunningLoop(); return "a loop"; } catch (e) { return e.message; } };
console.log(aio.allTasks().size, running());
const t = loop.createTask(aio.sleep(0, "r"));
console.log(aio.allTasks().size, aio.allTasks(loop).has(t), running(), t.done());
console.log(await loop.runUntilComplete(t), aio.allTasks().size, running());
loop.close();
`,
    );
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe("0 no running event loop\n1 true no running event loop false\nr 0 no running event loop\n");
    expect(r.code).toBe(0);
  });

  it("ambient work of every kind, then nothing left: exits by itself", async () => {
    const r = await runModule(
      built,
      `import * as aio from AIO;
const a = await aio.gather(aio.sleep(0.01, 1), aio.sleep(0, 2));
const t = await aio.createTask(aio.coroutine(async () => { await aio.sleep(0.005); return 3; })());
const w = await aio.waitFor(aio.sleep(0.001, 4), 10);
const o = await aio.timeout(10, async () => 5);
console.log(JSON.stringify([...a, t, w, o]));
`,
    );
    expect(r.killed).toBe(false);
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe("[1,2,3,4,5]\n");
    expect(r.code).toBe(0);
  });

  it("a pending ambient task keeps the process alive until it is done", async () => {
    const r = await runModule(
      built,
      `import * as aio from AIO;
aio.createTask(aio.sleep(0.05, "late")).then((v) => console.log(v));
console.log("main done");
`,
    );
    expect(r.killed).toBe(false);
    expect(r.stdout).toBe("main done\nlate\n");
    expect(r.code).toBe(0);
  });

  it("a cancelled far-future sleep does not keep the process alive", async () => {
    const r = await runModule(
      built,
      `import * as aio from AIO;
const t = aio.createTask(aio.sleep(3600));
await aio.sleep(0.01);
t.cancel();
try { await t; } catch (e) { console.log(e.name); }
console.log("done");
`,
    );
    expect(r.killed).toBe(false);
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe("CancelledError\ndone\n");
    expect(r.code).toBe(0);
  });

  it("a cancelled far-future callLater on the ambient default loop does not keep the process alive", async () => {
    const r = await runModule(
      built,
      `import * as aio from AIO;
await aio.sleep(0.001);
const loop = aio.getEventLoop();
const h = loop.callLater(3600, () => console.log("fired"));
const h2 = loop.callAt(loop.time() + 7200, () => console.log("fired at"));
h.cancel();
h2.cancel();
console.log("done");
`,
    );
    expect(r.killed).toBe(false);
    expect(r.stdout).toBe("done\n");
    expect(r.code).toBe(0);
  });

  it("cancelling the far timer while a near one remains: the near one fires, then the process exits", async () => {
    const r = await runModule(
      built,
      `import * as aio from AIO;
await aio.sleep(0.001);
const loop = aio.getEventLoop();
const far = loop.callLater(3600, () => console.log("far"));
loop.callLater(0.02, () => console.log("near"));
far.cancel();
console.log("main done");
`,
    );
    expect(r.killed).toBe(false);
    expect(r.stdout).toBe("main done\nnear\n");
    expect(r.code).toBe(0);
  });

  it("closing the ambient default loop drops its timers and callbacks: they neither fire nor keep the process alive", async () => {
    const r = await runModule(
      built,
      `import * as aio from AIO;
await aio.sleep(0.001);
const loop = aio.getEventLoop();
loop.callLater(0.02, () => console.log("near timer fired"));
loop.callLater(3600, () => console.log("far timer fired"));
loop.callSoon(() => console.log("callSoon ran"));
loop.close();
setTimeout(() => console.log("done"), 100);
`,
    );
    expect(r.killed).toBe(false);
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe("done\n");
    expect(r.code).toBe(0);
  });

  it("closing the ambient default loop from its own task steps or callbacks is refused, as for a running loop", async () => {
    const r = await runModule(
      built,
      `import * as aio from AIO;
const tryClose = (where) => {
  const loop = aio.getRunningLoop();
  try {
    loop.close();
    console.log(where, "closed");
  } catch (e) {
    console.log(where, e.name, e.message, loop.isClosed());
  }
};
await aio.createTask(aio.coroutine(function* () {
  tryClose("generator step");
  yield* aio.sleep(0.001);
  tryClose("generator step 2");
})());
await aio.createTask(aio.coroutine(async function () {
  await aio.sleep(0.001);
  tryClose("async step after await");
})());
const f = aio.getEventLoop().createFuture();
aio.getEventLoop().callSoon(() => { tryClose("callback"); f.setResult(1); });
await f;
aio.getEventLoop().close();
console.log("closed from plain code", aio.getEventLoop() !== undefined);
`,
    );
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe(
      [
        "generator step RuntimeError Cannot close a running event loop false",
        "generator step 2 RuntimeError Cannot close a running event loop false",
        "async step after await RuntimeError Cannot close a running event loop false",
        "callback RuntimeError Cannot close a running event loop false",
        "closed from plain code true",
        "",
      ].join("\n"),
    );
    expect(r.code).toBe(0);
  });

  it("isRunning() of the ambient default loop: true in its own task steps and callbacks, false in plain code", async () => {
    const r = await runModule(
      built,
      `import * as aio from AIO;
const loop = aio.getEventLoop();
console.log("plain before", loop.isRunning());
await aio.createTask(aio.coroutine(function* () {
  console.log("generator step", loop.isRunning());
  yield* aio.sleep(0.001);
  console.log("generator step 2", loop.isRunning());
})());
await aio.createTask(aio.coroutine(async function () {
  await aio.sleep(0.001);
  console.log("async step after await", loop.isRunning());
})());
const f = loop.createFuture();
loop.callSoon(() => { console.log("callback", loop.isRunning()); f.setResult(1); });
await f;
console.log("plain after", loop.isRunning(), aio.getRunningLoop() === loop);
await aio.run(function* () {
  console.log("default loop inside another loop's run", loop.isRunning());
});
`,
    );
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe(
      [
        "plain before false",
        "generator step true",
        "generator step 2 true",
        "async step after await true",
        "callback true",
        "plain after false true",
        "default loop inside another loop's run false",
        "",
      ].join("\n"),
    );
    expect(r.code).toBe(0);
  });

  it("closing the ambient default loop while it waits for a far-future timer: the process exits", async () => {
    const r = await runModule(
      built,
      `import * as aio from AIO;
await aio.sleep(0.001);
const loop = aio.getEventLoop();
loop.callLater(3600, () => console.log("far timer fired"));
loop.close();
console.log("closed");
`,
    );
    expect(r.killed).toBe(false);
    expect(r.stdout).toBe("closed\n");
    expect(r.code).toBe(0);
  });

  it("closing a stopped loop drops its pending timers", async () => {
    const r = await runModule(
      built,
      `import * as aio from AIO;
const loop = aio.newEventLoop();
loop.callLater(0.01, () => { console.log("stop"); loop.stop(); });
loop.callLater(1, () => console.log("near timer fired"));
loop.callLater(3600, () => console.log("far timer fired"));
await loop.runForever();
loop.close();
setTimeout(() => console.log("done"), 100);
`,
    );
    expect(r.killed).toBe(false);
    expect(r.stdout).toBe("stop\ndone\n");
    expect(r.code).toBe(0);
  });

  it("a closed loop's dropped sleep does not keep the process alive; plain code awaiting its task gets 'Event loop is closed'", async () => {
    const r = await runModule(
      built,
      `import * as aio from AIO;
const loop = aio.getEventLoop();
const t = aio.createTask(aio.sleep(3600, "never"));
t.then((v) => console.log("resolved", v), (e) => console.log("rejected", e.name, e.message));
await aio.sleep(0.005);
loop.close();
console.log("closed", t.done());
`,
    );
    expect(r.killed).toBe(false);
    expect(r.stdout).toBe("closed false\nrejected RuntimeError Event loop is closed\n");
    expect(r.code).toBe(0);
  });
});
