/**
 * AsyncLocalStorage context propagation, adversarially (README "JavaScript additions" and "Async
 * functions"): what tasks capture, what callbacks capture or inherit, composition helpers,
 * wake-ups by queues and locks, enterWith() isolation, several stores, nested run(), and
 * trackAsyncTasks(true). Where the README says it follows contextvars, the asyncio result is
 * noted beside the expectation.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { afterEach, describe, expect, it } from "vitest";
import * as aio from "../src/index.js";
import { closeFreshLoops, freshLoop } from "./helpers/loops.js";

afterEach(() => {
  aio.trackAsyncTasks(false);
  closeFreshLoops();
});

/** A promise Node settles by itself (not an aionode awaitable). */
function foreignTick<T>(value: T): Promise<T> {
  return new Promise((resolve) => setImmediate(() => resolve(value)));
}

describe("tasks capture their creator's context", () => {
  it("a task created inside als.run() within a running callback sees that store; the callback's later callSoon does not", async () => {
    const als = new AsyncLocalStorage<string>();
    const loop = freshLoop();
    const seen: string[] = [];
    const done = loop.createFuture<null>();
    als.run("outer", () =>
      loop.callSoon(() => {
        const t = als.run("inner", () =>
          loop.createTask(
            aio.coroutine(function* () {
              seen.push(`task ${als.getStore()}`);
              yield* aio.sleep(0);
              seen.push(`task after sleep ${als.getStore()}`);
            })(),
          ),
        );
        // Inside the callback, als.run() is seen by the code in it...
        als.run("inner", () => seen.push(`sync ${als.getStore()}`));
        // ...but a callback scheduled there inherits the running callback's context (README).
        als.run("inner", () => loop.callSoon(() => seen.push(`soon ${als.getStore()}`)));
        t.addDoneCallback(() => done.setResult(null));
      }),
    );
    await loop.runUntilComplete(done);
    expect(seen).toEqual(["sync inner", "task inner", "soon outer", "task after sleep inner"]);
  });

  it("a value set before createTask is seen, later sets of the creator are not, the task's own sets reach neither creator nor sibling", async () => {
    const als = new AsyncLocalStorage<string>();
    const loop = freshLoop();
    const r = await loop.runUntilComplete(
      loop.createTask(
        aio.coroutine(function* () {
          const log: string[] = [];
          als.enterWith("before");
          const child = (label: string) =>
            aio.coroutine(function* () {
              log.push(`${label} start ${als.getStore()}`);
              als.enterWith(label);
              yield* aio.sleep(0);
              log.push(`${label} after ${als.getStore()}`);
            })();
          const a = aio.createTask(child("a"));
          const b = aio.createTask(child("b"));
          als.enterWith("after");
          yield* aio.sleep(0);
          yield* aio.sleep(0);
          yield* a;
          yield* b;
          log.push(`parent ${als.getStore()}`);
          return log;
        })(),
      ),
    );
    // asyncio gives the same.
    expect(r).toEqual(["a start before", "b start before", "a after a", "b after b", "parent after"]);
  });

  it("an async-function task keeps a store it set itself across aionode and foreign awaits, and its creator never sees it", async () => {
    const als = new AsyncLocalStorage<string>();
    const loop = freshLoop();
    const r = await loop.runUntilComplete(
      loop.createTask(
        aio.coroutine(async () => {
          als.enterWith("parent");
          const child = aio.createTask(
            aio.coroutine(async () => {
              const out: (string | undefined)[] = [als.getStore()];
              als.enterWith("child");
              await aio.sleep(0);
              out.push(als.getStore());
              await foreignTick(null);
              out.push(als.getStore());
              await aio.sleep(0.001);
              out.push(als.getStore());
              return out;
            })(),
          );
          await aio.sleep(0);
          const mid = als.getStore();
          const childSaw = await child;
          return [mid, als.getStore(), ...childSaw];
        })(),
      ),
    );
    expect(r).toEqual(["parent", "parent", "parent", "child", "child", "child"]);
  });

  it("run()'s main task copies the context run() is called in; a main's enterWith() does not leak out of run()", async () => {
    const als = new AsyncLocalStorage<string>();
    const r = await als.run("caller", () =>
      aio.run(
        aio.coroutine(function* () {
          const first = als.getStore();
          als.enterWith("main");
          yield* aio.sleep(0);
          return [first, als.getStore()];
        })(),
      ),
    );
    expect(r).toEqual(["caller", "main"]);
    expect(als.getStore()).toBeUndefined();
  });

  it("several AsyncLocalStorage instances are captured together, nested run() restores the outer store", async () => {
    const user = new AsyncLocalStorage<string>();
    const req = new AsyncLocalStorage<number>();
    const loop = freshLoop();
    const mk = () =>
      aio.coroutine(function* () {
        const a = `${user.getStore()}/${req.getStore()}`;
        yield* aio.sleep(0);
        return `${a} ${user.getStore()}/${req.getStore()}`;
      })();
    const tasks = user.run("alice", () => [
      loop.createTask(mk()),
      req.run(1, () => [
        loop.createTask(mk()),
        user.run("bob", () => loop.createTask(mk())),
        // Back in alice after the nested run().
        loop.createTask(mk()),
      ]),
      req.run(2, () => user.run("carol", () => req.run(3, () => loop.createTask(mk())))),
    ]).flat();
    const r = await loop.runUntilComplete(aio.gather(...tasks));
    expect(r).toEqual([
      "alice/undefined alice/undefined",
      "alice/1 alice/1",
      "bob/1 bob/1",
      "alice/1 alice/1",
      "carol/3 carol/3",
    ]);
    expect(user.getStore()).toBeUndefined();
    expect(req.getStore()).toBeUndefined();
  });

  it("als.exit() around createTask makes a task that sees no store", async () => {
    const als = new AsyncLocalStorage<string>();
    const loop = freshLoop();
    const t = als.run("S", () =>
      als.exit(() =>
        loop.createTask(
          aio.coroutine(function* () {
            yield* aio.sleep(0);
            return als.getStore();
          })(),
        ),
      ),
    );
    expect(await loop.runUntilComplete(t)).toBeUndefined();
  });
});

describe("callbacks", () => {
  it("a callback scheduled from outside the loop captures the context at scheduling time, not a later enterWith", async () => {
    const als = new AsyncLocalStorage<string>();
    const loop = freshLoop();
    const seen: string[] = [];
    await als.run("first", async () => {
      loop.callSoon(() => seen.push(`soon ${als.getStore()}`));
      loop.callLater(0, () => seen.push(`later ${als.getStore()}`));
      const f = loop.createFuture<null>();
      f.addDoneCallback(() => seen.push(`done ${als.getStore()}`));
      als.enterWith("second");
      loop.callSoon(() => seen.push(`soon2 ${als.getStore()}`));
      loop.callSoon(() => f.setResult(null));
      await loop.runUntilComplete(aio.sleep(0.002));
    });
    expect(seen.sort()).toEqual(["done first", "later first", "soon first", "soon2 second"]);
  });

  it("a callback's enterWith() is not seen by callbacks scheduled from outside the loop in another context", async () => {
    const als = new AsyncLocalStorage<string>();
    const loop = freshLoop();
    const seen: string[] = [];
    als.run("A", () => loop.callSoon(() => als.enterWith("A-changed")));
    als.run("A", () => loop.callSoon(() => seen.push(`A2 ${als.getStore()}`)));
    als.run("B", () => loop.callSoon(() => seen.push(`B ${als.getStore()}`)));
    loop.callSoon(() => seen.push(`none ${als.getStore()}`));
    await loop.runUntilComplete(aio.sleep(0));
    // Each outside-scheduled callback has its own copy: A2 does not see A's set.
    expect(seen).toEqual(["A2 A", "B B", "none undefined"]);
    expect(als.getStore()).toBeUndefined();
  });

  it("a timer scheduled from a generator task step shares the step's context (README difference), and a timer from outside sees its own", async () => {
    const als = new AsyncLocalStorage<string>();
    const loop = freshLoop();
    const seen: string[] = [];
    als.run("outside", () => loop.callAt(loop.time(), () => seen.push(`at ${als.getStore()}`)));
    const r = await loop.runUntilComplete(
      als.run("task", () =>
        loop.createTask(
          aio.coroutine(function* () {
            loop.callLater(0.001, () => seen.push(`later ${als.getStore()}`));
            als.enterWith("task-2");
            yield* aio.sleep(0.003);
            return als.getStore();
          })(),
        ),
      ),
    );
    expect(r).toBe("task-2");
    // asyncio: "later task" (a copy taken at scheduling time).
    expect(seen).toEqual(["at outside", "later task-2"]);
  });

  it("a done callback added from an async task after its first await runs in a copy; the task's later set is not seen", async () => {
    const als = new AsyncLocalStorage<string>();
    const loop = freshLoop();
    const seen: string[] = [];
    await loop.runUntilComplete(
      loop.createTask(
        aio.coroutine(async () => {
          await aio.sleep(0);
          als.enterWith("x");
          const f = loop.createFuture<null>();
          f.addDoneCallback(() => {
            seen.push(`done ${als.getStore()}`);
            als.enterWith("set by done callback");
          });
          als.enterWith("y");
          f.setResult(null);
          await aio.sleep(0);
          await aio.sleep(0);
          seen.push(`task ${als.getStore()}`);
        })(),
      ),
    );
    expect(seen).toEqual(["done x", "task y"]);
  });

  it("a Future's then() from a generator step shares the step's context like callSoon (an als.run() around it is not seen); from outside the loop it captures", async () => {
    const als = new AsyncLocalStorage<string>();
    const loop = freshLoop();
    const seen: string[] = [];
    const outside = loop.createFuture<number>();
    als.run("outside", () => outside.then(() => seen.push(`outside then ${als.getStore()}`)));
    const r = await loop.runUntilComplete(
      als.run("task", () =>
        loop.createTask(
          aio.coroutine(function* () {
            const f = loop.createFuture<number>();
            const p = Promise.resolve(1);
            als.run("inner", () => {
              f.then(() => seen.push(`future then ${als.getStore()}`));
              p.then(() => seen.push(`promise then ${als.getStore()}`));
            });
            als.enterWith("task-later");
            loop.callSoon(() => f.setResult(1));
            loop.callSoon(() => outside.setResult(1));
            yield* aio.sleep(0);
            yield foreignTick(null);
            return als.getStore();
          })(),
        ),
      ),
    );
    expect(r).toBe("task-later");
    // A Promise's reaction keeps the als.run() store; a Future's shares the step's context, as a
    // callSoon there would (README: no per-callback context object). asyncio has no then().
    expect(seen.sort()).toEqual(["future then task-later", "outside then outside", "promise then inner"]);
  });

  it("an async function awaiting a Future inside als.run() within a task step sees the store after the await", async () => {
    const als = new AsyncLocalStorage<string>();
    const loop = freshLoop();
    const r = await loop.runUntilComplete(
      als.run("task", () =>
        loop.createTask(
          aio.coroutine(async () => {
            const f = loop.createFuture<string>();
            loop.callSoon(() => f.setResult("v"));
            const inner = await als.run("inner", async () => {
              const v = await f;
              const a = als.getStore();
              await aio.sleep(0);
              return `${v} ${a} ${als.getStore()}`;
            });
            return [inner, als.getStore()];
          })(),
        ),
      ),
    );
    expect(r).toEqual(["v inner inner", "task"]);
  });

  it("from an async function after its first await, callSoon inside als.run() captures that store (a copy)", async () => {
    const als = new AsyncLocalStorage<string>();
    const loop = freshLoop();
    const seen: string[] = [];
    const r = await loop.runUntilComplete(
      als.run("task", () =>
        loop.createTask(
          aio.coroutine(async () => {
            // Before the first await: the step's context, the als.run() is not seen.
            als.run("inner0", () => loop.callSoon(() => seen.push(`before await ${als.getStore()}`)));
            await aio.sleep(0);
            als.run("inner1", () => loop.callSoon(() => seen.push(`after await ${als.getStore()}`)));
            loop.callSoon(() => als.enterWith("callback set"));
            await aio.sleep(0);
            await aio.sleep(0);
            return als.getStore();
          })(),
        ),
      ),
    );
    expect(seen).toEqual(["before await task", "after await inner1"]);
    expect(r).toBe("task");
  });

  it("the exception handler runs in the context runUntilComplete() was called in, not the failing callback's", async () => {
    const als = new AsyncLocalStorage<string>();
    const loop = freshLoop();
    const seen: string[] = [];
    loop.setExceptionHandler((_l, ctx) => seen.push(`${(ctx.exception as Error).message} ${als.getStore()}`));
    als.run("cb", () =>
      loop.callSoon(() => {
        throw new Error("boom");
      }),
    );
    await als.run("runner", () => loop.runUntilComplete(aio.sleep(0.001)));
    expect(seen).toEqual(["boom runner"]);
  });
});

describe("composition helpers", () => {
  it("gather children made from coroutines copy the gathering task's context; their sets stay inside", async () => {
    const als = new AsyncLocalStorage<string>();
    const loop = freshLoop();
    const r = await loop.runUntilComplete(
      loop.createTask(
        aio.coroutine(function* () {
          als.enterWith("P");
          const child = (label: string) =>
            aio.coroutine(function* () {
              const start = als.getStore();
              als.enterWith(label);
              yield* aio.sleep(0);
              return `${label}: ${start}->${als.getStore()}`;
            })();
          const asyncChild = aio.coroutine(async () => {
            const start = als.getStore();
            als.enterWith("z");
            await aio.sleep(0);
            await foreignTick(null);
            return `z: ${start}->${als.getStore()}`;
          });
          const out = (yield* aio.gather(child("x"), child("y"), asyncChild())) as string[];
          return [...out, `P after ${als.getStore()}`];
        })(),
      ),
    );
    expect(r).toEqual(["x: P->x", "y: P->y", "z: P->z", "P after P"]);
  });

  it("shield, waitFor, ensureFuture and timeout bodies: the inner task copies the awaiting task's context", async () => {
    const als = new AsyncLocalStorage<string>();
    const loop = freshLoop();
    const probe = (label: string) =>
      aio.coroutine(function* () {
        const s = als.getStore();
        als.enterWith(`${label}-set`);
        yield* aio.sleep(0);
        return `${label} ${s} ${als.getStore()}`;
      })();
    const r = await loop.runUntilComplete(
      als.run("T", () =>
        loop.createTask(
          aio.coroutine(function* () {
            const out: string[] = [];
            out.push((yield* aio.shield(probe("shield"))) as string);
            out.push(`after shield ${als.getStore()}`);
            out.push((yield* aio.waitFor(probe("waitFor"), 5)) as string);
            out.push(`after waitFor ${als.getStore()}`);
            out.push((yield* aio.ensureFuture(probe("ensure"))) as string);
            out.push(`after ensure ${als.getStore()}`);
            return out;
          })(),
        ),
      ),
    );
    expect(r).toEqual([
      "shield T shield-set",
      "after shield T",
      "waitFor T waitFor-set",
      "after waitFor T",
      "ensure T ensure-set",
      "after ensure T",
    ]);
  });

  it("TaskGroup children copy the context current at tg.createTask, including an als.run() around it and the body's own set", async () => {
    const als = new AsyncLocalStorage<string>();
    const loop = freshLoop();
    const log: string[] = [];
    const child = (label: string) =>
      aio.coroutine(function* () {
        log.push(`${label} sees ${als.getStore()}`);
        als.enterWith(`${label}-own`);
        yield* aio.sleep(0);
      })();
    const r = await loop.runUntilComplete(
      als.run("T", () =>
        loop.createTask(
          aio.coroutine(function* () {
            yield* aio.taskGroup(function* (tg) {
              tg.createTask(child("a"));
              als.run("wrapped", () => tg.createTask(child("b")));
              als.enterWith("body");
              tg.createTask(child("c"));
              yield* aio.sleep(0);
            });
            // A generator body runs in the task's context: its set is seen after it (README).
            return als.getStore();
          })(),
        ),
      ),
    );
    expect(log).toEqual(["a sees T", "b sees wrapped", "c sees body"]);
    expect(r).toBe("body");
  });

  it("asCompleted: results come back into the iterating task's context, whichever context completed the inputs", async () => {
    const als = new AsyncLocalStorage<string>();
    const loop = freshLoop();
    const f1 = loop.createFuture<string>();
    const f2 = loop.createFuture<string>();
    als.run("completer", () => {
      loop.callSoon(() => f2.setResult(`f2 set in ${als.getStore()}`));
      loop.callLater(0.001, () => f1.setResult(`f1 set in ${als.getStore()}`));
    });
    const r = await loop.runUntilComplete(
      als.run("iter", () =>
        loop.createTask(
          aio.coroutine(async () => {
            const out: string[] = [];
            for await (const v of aio.asCompleted([f1, f2])) out.push(`${v}, read in ${als.getStore()}`);
            for (const next of aio.asCompleted([aio.sleep(0, "s")])) out.push(`${await next} ${als.getStore()}`);
            return out;
          })(),
        ),
      ),
    );
    expect(r).toEqual(["f2 set in completer, read in iter", "f1 set in completer, read in iter", "s iter"]);
  });
});

describe("wake-ups by queues and locks", () => {
  it("a consumer woken by a producer in another context keeps its own context (queue get and put wake-ups)", async () => {
    const als = new AsyncLocalStorage<string>();
    const loop = freshLoop();
    const log: string[] = [];
    const q = new aio.Queue<number>({ maxsize: 1 });
    const consumer = als.run("consumer", () =>
      loop.createTask(
        aio.coroutine(async () => {
          for (let i = 0; i < 3; i++) {
            const v = await q.get();
            log.push(`got ${v} in ${als.getStore()}`);
          }
        })(),
      ),
    );
    const producer = als.run("producer", () =>
      loop.createTask(
        aio.coroutine(function* () {
          for (let i = 0; i < 3; i++) {
            yield* q.put(i);
            log.push(`put ${i} in ${als.getStore()}`);
          }
        })(),
      ),
    );
    await loop.runUntilComplete(aio.gather(consumer, producer));
    expect(log.filter((l) => l.startsWith("got"))).toEqual(["got 0 in consumer", "got 1 in consumer", "got 2 in consumer"]);
    expect(log.filter((l) => l.startsWith("put"))).toEqual(["put 0 in producer", "put 1 in producer", "put 2 in producer"]);
  });

  it("lock and event waiters resume in their own context, not the releaser's", async () => {
    const als = new AsyncLocalStorage<string>();
    const loop = freshLoop();
    const log: string[] = [];
    const lock = new aio.Lock();
    const ev = new aio.Event();
    let waiting = 0;
    const waiter = (label: string) =>
      als.run(label, () =>
        loop.createTask(
          aio.coroutine(async () => {
            await lock.acquire();
            log.push(`${label} holds lock in ${als.getStore()}`);
            await aio.sleep(0);
            lock.release();
            waiting++;
            await ev.wait();
            log.push(`${label} saw event in ${als.getStore()}`);
          })(),
        ),
      );
    const a = waiter("a");
    const b = waiter("b");
    const setter = als.run("setter", () =>
      loop.createTask(
        aio.coroutine(function* () {
          while (waiting < 2) yield* aio.sleep(0);
          als.enterWith("setter-changed");
          ev.set();
        })(),
      ),
    );
    await loop.runUntilComplete(aio.gather(a, b, setter));
    expect(log).toEqual(["a holds lock in a", "b holds lock in b", "a saw event in a", "b saw event in b"]);
  });
});

describe("trackAsyncTasks(true)", () => {
  it("every callback gets its own copy (as asyncio): a step's later set is not seen, a callback's set does not reach the task", async () => {
    aio.trackAsyncTasks(true);
    const als = new AsyncLocalStorage<string>();
    const loop = freshLoop();
    const seen: string[] = [];
    const r = await loop.runUntilComplete(
      loop.createTask(
        aio.coroutine(function* () {
          als.enterWith("one");
          loop.callSoon(() => {
            seen.push(`cb ${als.getStore()} task=${aio.currentTask()}`);
            als.enterWith("from callback");
          });
          als.enterWith("two");
          yield* aio.sleep(0);
          yield* aio.sleep(0);
          return als.getStore();
        })(),
      ),
    );
    expect(seen).toEqual(["cb one task=null"]);
    expect(r).toBe("two");
  });

  it("a Future's then() from a step gets a copy too, like callSoon and addDoneCallback (it used to share the step's context)", async () => {
    aio.trackAsyncTasks(true);
    const als = new AsyncLocalStorage<string>();
    const loop = freshLoop();
    const seen: string[] = [];
    const r = await loop.runUntilComplete(
      als.run("task", () =>
        loop.createTask(
          aio.coroutine(function* () {
            const f = loop.createFuture<number>();
            als.run("inner", () => {
              f.then(() => {
                seen.push(`then ${als.getStore()} ${aio.currentTask()}`);
                als.enterWith("set by then");
              });
              loop.callSoon(() => seen.push(`soon ${als.getStore()}`));
              f.addDoneCallback(() => seen.push(`done ${als.getStore()}`));
            });
            als.enterWith("later");
            f.setResult(1);
            yield* aio.sleep(0);
            yield* aio.sleep(0);
            return als.getStore();
          })(),
        ),
      ),
    );
    // Bug fixed: the then() reaction saw "later" and its enterWith() reached the task.
    expect(seen).toEqual(["soon inner", "then inner null", "done inner"]);
    expect(r).toBe("later");
  });

  it("an async task identifies itself after foreign awaits, and a task it creates from there still copies its store", async () => {
    aio.trackAsyncTasks(true);
    const als = new AsyncLocalStorage<string>();
    const loop = freshLoop();
    const r = await loop.runUntilComplete(
      als.run("outer", () =>
        loop.createTask(
          aio.coroutine(async () => {
            const me = aio.currentTask();
            await foreignTick(null);
            const same = aio.currentTask() === me;
            als.enterWith("after foreign");
            const child = aio.createTask(
              aio.coroutine(async () => {
                await foreignTick(null);
                return `${als.getStore()} ${aio.currentTask() !== me && aio.currentTask() !== null}`;
              })(),
            );
            return [same, await child, als.getStore()];
          })(),
        ),
      ),
    );
    expect(r).toEqual([true, "after foreign true", "after foreign"]);
  });

  it("a callback started async function belongs to no task, and a Node timer set in a task still carries the task's store", async () => {
    aio.trackAsyncTasks(true);
    const als = new AsyncLocalStorage<string>();
    const loop = freshLoop();
    const seen: string[] = [];
    await loop.runUntilComplete(
      als.run("T", () =>
        loop.createTask(
          aio.coroutine(function* () {
            loop.callSoon(() => {
              void (async () => {
                await null;
                seen.push(`cb-async ${als.getStore()} ${aio.currentTask()}`);
              })();
            });
            const f = loop.createFuture<null>();
            setImmediate(() => {
              seen.push(`immediate ${als.getStore()}`);
              f.setResult(null);
            });
            yield* f;
          })(),
        ),
      ),
    );
    expect(seen).toEqual(["cb-async T null", "immediate T"]);
  });
});

describe("more edges", () => {
  it("timers from outside the loop that come due together still run each in its own context", async () => {
    const als = new AsyncLocalStorage<string>();
    const loop = freshLoop();
    const seen: string[] = [];
    const when = loop.time() + 0.001;
    als.run("A", () =>
      loop.callAt(when, () => {
        seen.push(`A ${als.getStore()}`);
        als.enterWith("A-changed");
      }),
    );
    als.run("B", () => loop.callAt(when, () => seen.push(`B ${als.getStore()}`)));
    als.run("A", () => loop.callAt(when, () => seen.push(`A2 ${als.getStore()}`)));
    loop.callAt(when, () => seen.push(`none ${als.getStore()}`));
    als.run("C", () => loop.callSoon(() => seen.push(`C ${als.getStore()}`)));
    await loop.runUntilComplete(aio.sleep(0.003));
    expect(seen).toEqual(["C C", "A A", "B B", "A2 A", "none undefined"]);
  });

  it("a throwing callback does not disturb the context of the callbacks after it", async () => {
    const als = new AsyncLocalStorage<string>();
    const loop = freshLoop();
    const seen: string[] = [];
    loop.setExceptionHandler((_l, ctx) => seen.push(`handler ${(ctx.exception as Error).message} ${als.getStore()}`));
    als.run("A", () =>
      loop.callSoon(() => {
        als.enterWith("A-set");
        throw new Error("a");
      }),
    );
    als.run("A", () => loop.callSoon(() => seen.push(`A ${als.getStore()}`)));
    als.run("B", () =>
      loop.callLater(0, () => {
        throw new Error("b");
      }),
    );
    als.run("B", () => loop.callLater(0, () => seen.push(`B ${als.getStore()}`)));
    await loop.runUntilComplete(
      als.run("T", () =>
        loop.createTask(
          aio.coroutine(function* () {
            loop.callSoon(() => {
              als.enterWith("shared-set");
              throw new Error("t");
            });
            loop.callSoon(() => seen.push(`T-cb ${als.getStore()}`));
            yield* aio.sleep(0);
            yield* aio.sleep(0);
            seen.push(`task ${als.getStore()}`);
          })(),
        ),
      ),
    );
    // The two callbacks of the task step share its context (README difference), so the second
    // sees the first's set, and so does the task; asyncio: "T-cb T", "task T".
    expect(seen).toEqual([
      "handler a undefined",
      "A A",
      "handler b undefined",
      "B B",
      "handler t undefined",
      "T-cb shared-set",
      "task shared-set",
    ]);
  });

  it("a task created by a callback scheduled from outside copies the callback's context; the callback's later set is not seen", async () => {
    const als = new AsyncLocalStorage<string>();
    const loop = freshLoop();
    let t: aio.Task<string | undefined> | undefined;
    als.run("cb", () =>
      loop.callSoon(() => {
        t = loop.createTask(
          aio.coroutine(function* () {
            yield* aio.sleep(0);
            return als.getStore();
          })(),
        );
        als.enterWith("cb-later");
      }),
    );
    await loop.runUntilComplete(aio.sleep(0));
    expect(await loop.runUntilComplete(t!)).toBe("cb");
  });

  it("awaited coroutines: a generator coroutine's set is seen by a generator task, an async one's is not (README)", async () => {
    const als = new AsyncLocalStorage<string>();
    const loop = freshLoop();
    const genSet = aio.coroutine(function* (v: string) {
      als.enterWith(v);
      yield* aio.sleep(0);
      return als.getStore();
    });
    const asyncSet = aio.coroutine(async (v: string) => {
      als.enterWith(v);
      await aio.sleep(0);
      return als.getStore();
    });
    const fromGen = await loop.runUntilComplete(
      loop.createTask(
        aio.coroutine(function* () {
          als.enterWith("task");
          const a = yield* genSet("g");
          const afterGen = als.getStore();
          const b = yield* asyncSet("a");
          return [a, afterGen, b, als.getStore()];
        })(),
      ),
    );
    // asyncio: ["g", "g", "a", "a"]
    expect(fromGen).toEqual(["g", "g", "a", "g"]);
    const fromAsync = await loop.runUntilComplete(
      loop.createTask(
        aio.coroutine(async () => {
          als.enterWith("task");
          const a = await genSet("g");
          const afterGen = als.getStore();
          const b = await asyncSet("a");
          return [a, afterGen, b, als.getStore()];
        })(),
      ),
    );
    // asyncio: ["g", "g", "a", "a"]
    expect(fromAsync).toEqual(["g", "task", "a", "task"]);
  });

  it("a thousand tasks each created in its own als.run() each see their own store after a sleep", async () => {
    const als = new AsyncLocalStorage<number>();
    const loop = freshLoop();
    const body = aio.coroutine(function* () {
      yield* aio.sleep(0);
      const a = als.getStore();
      yield* aio.sleep(0);
      return a === als.getStore() ? a : -1;
    });
    const tasks = Array.from({ length: 1000 }, (_, i) => als.run(i, () => loop.createTask(body())));
    const r = (await loop.runUntilComplete(aio.gather(...tasks))) as number[];
    expect(r).toEqual(Array.from({ length: 1000 }, (_, i) => i));
  });

  it("callSoonThreadsafe from outside the loop captures the caller's context", async () => {
    const als = new AsyncLocalStorage<string>();
    const loop = freshLoop();
    const seen: string[] = [];
    als.run("ts", () => loop.callSoonThreadsafe(() => seen.push(`ts ${als.getStore()}`)));
    await loop.runUntilComplete(aio.sleep(0));
    expect(seen).toEqual(["ts ts"]);
  });

  it("ambient mode: a task created from plain code inside als.run() sees the store, and awaiting it there returns in the caller's store", async () => {
    const als = new AsyncLocalStorage<string>();
    const r = await als.run("plain", async () => {
      const t = aio.createTask(
        aio.coroutine(async () => {
          const a = als.getStore();
          als.enterWith("inside");
          await aio.sleep(0);
          return `${a} ${als.getStore()}`;
        })(),
      );
      const v = await t;
      const after = als.getStore();
      const w = await aio.sleep(0, "s");
      return [v, after, w, als.getStore()];
    });
    expect(r).toEqual(["plain inside", "plain", "s", "plain"]);
  });

  it("trackAsyncTasks can be switched off again: tasks created afterwards still copy their context", async () => {
    const als = new AsyncLocalStorage<string>();
    const loop = freshLoop();
    aio.trackAsyncTasks(true);
    const body = aio.coroutine(async () => {
      await foreignTick(null);
      await aio.sleep(0);
      return als.getStore();
    });
    const tracked = als.run("tracked", () => loop.createTask(body()));
    aio.trackAsyncTasks(false);
    const untracked = als.run("untracked", () => loop.createTask(body()));
    expect(await loop.runUntilComplete(aio.gather(tracked, untracked))).toEqual(["tracked", "untracked"]);
  });
});

describe("trackAsyncTasks(true) and work a task leaves running", () => {
  it("async work a task started and left running sees the task's store, but no current task once the task is done", async () => {
    aio.trackAsyncTasks(true);
    const als = new AsyncLocalStorage<string>();
    const loop = freshLoop();
    const log: string[] = [];
    let detached: Promise<void> | undefined;
    const t = als.run("T", () =>
      loop.createTask(
        aio.coroutine(async () => {
          const gate = loop.createFuture<null>();
          detached = (async () => {
            await foreignTick(null);
            log.push(`while pending: ${aio.currentTask()?.getName()} ${als.getStore()}`);
            gate.setResult(null);
            await foreignTick(null);
            await foreignTick(null);
            // Bug fixed: this was the finished task (asyncio's current_task() is never one), and
            // the await below was attached to it.
            log.push(`after done: ${aio.currentTask()} ${als.getStore()}`);
            log.push(`slept ${await aio.sleep(0, "ok")} ${aio.currentTask()} ${als.getStore()}`);
          })();
          await gate;
          return "t";
        })(),
        { name: "T1" },
      ),
    );
    expect(await loop.runUntilComplete(t)).toBe("t");
    while (log.length < 3) await loop.runUntilComplete(aio.sleep(0.001));
    await detached;
    expect(log).toEqual(["while pending: T1 T", "after done: null T", "slept ok null T"]);
  });
});
