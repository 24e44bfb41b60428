import asyncio
import functools

# iscoroutinefunction() over asyncio's own API, which mixes coroutine functions (sleep, wait,
# wait_for, the acquire/wait methods of the locks, Condition.acquire (its lock's), Barrier's
# wait/reset/abort, the queues' get/put/join, in every queue class) with plain functions that
# return futures or nothing (gather, shield, ensure_future, create_task, as_completed, run,
# timeout, wrap_future, release, set, notify, get_nowait, ...), and over partials (bound
# functions) of both; iscoroutine() over what they return (coroutine objects, futures, tasks);
# a debug-mode loop's call_soon/call_later/call_at refuse the coroutine functions among them,
# partials included, with TypeError, and accept the others; the coroutine functions still work
# when awaited, also through a partial.


async def user_coro(x):
    return x


def plain_returning_coro(x):
    return user_coro(x)


async def agen():
    yield 1


class Holder:
    async def method(self):
        return 1


def row(name, f):
    print("%-28s %s" % (name, asyncio.iscoroutinefunction(f)))


def orow(name, o):
    print("%-28s %s" % (name, asyncio.iscoroutine(o)))
    if asyncio.iscoroutine(o):
        o.close()


async def main():
    loop = asyncio.get_running_loop()
    lock, event, cond = asyncio.Lock(), asyncio.Event(), asyncio.Condition()
    sem, bsem, barrier = asyncio.Semaphore(), asyncio.BoundedSemaphore(), asyncio.Barrier(1)
    q, lq, pq = asyncio.Queue(), asyncio.LifoQueue(), asyncio.PriorityQueue()
    print("== iscoroutinefunction")
    fns = [("sleep", asyncio.sleep), ("wait", asyncio.wait), ("wait_for", asyncio.wait_for),
           ("gather", asyncio.gather), ("shield", asyncio.shield),
           ("ensure_future", asyncio.ensure_future), ("create_task", asyncio.create_task),
           ("as_completed", asyncio.as_completed), ("run", asyncio.run),
           ("timeout", asyncio.timeout), ("wrap_future", asyncio.wrap_future),
           ("current_task", asyncio.current_task),
           ("loop.create_future", loop.create_future), ("loop.call_soon", loop.call_soon),
           ("lock.acquire", lock.acquire), ("lock.release", lock.release),
           ("lock.locked", lock.locked),
           ("event.wait", event.wait), ("event.set", event.set),
           ("cond.acquire", cond.acquire), ("cond.wait", cond.wait),
           ("cond.wait_for", cond.wait_for), ("cond.notify", cond.notify),
           ("cond.release", cond.release),
           ("sem.acquire", sem.acquire), ("sem.release", sem.release),
           ("bsem.acquire", bsem.acquire), ("barrier.wait", barrier.wait),
           ("barrier.reset", barrier.reset), ("barrier.abort", barrier.abort),
           ("q.get", q.get), ("q.put", q.put), ("q.join", q.join),
           ("q.get_nowait", q.get_nowait), ("q.task_done", q.task_done),
           ("lq.get", lq.get), ("pq.put", pq.put),
           ("partial(sleep, 0)", functools.partial(asyncio.sleep, 0)),
           ("partial(lock.acquire)", functools.partial(lock.acquire)),
           ("partial(q.put, 1)", functools.partial(q.put, 1)),
           ("partial(gather)", functools.partial(asyncio.gather)),
           ("user coroutine function", user_coro),
           ("plain fn returning one", plain_returning_coro),
           ("async generator function", agen), ("method", Holder().method),
           ("partial(method)", functools.partial(Holder().method))]
    for name, f in fns:
        row(name, f)

    print("== iscoroutine of what they return")
    fut = loop.create_future()
    done = loop.create_future()
    done.set_result(1)
    objs = [("sleep(0)", asyncio.sleep(0)), ("wait([done])", asyncio.wait([done])),
            ("wait_for(done, 1)", asyncio.wait_for(done, 1)),
            ("lock.acquire()", lock.acquire()), ("event.wait()", event.wait()),
            ("cond.wait_for(pred)", cond.wait_for(lambda: True)),
            ("sem.acquire()", sem.acquire()), ("barrier.wait()", barrier.wait()),
            ("q.get()", q.get()), ("q.put(1)", q.put(1)), ("q.join()", q.join()),
            ("partial(sleep, 0)()", functools.partial(asyncio.sleep, 0)()),
            ("plain fn returning one", plain_returning_coro(1)),
            ("gather(done)", asyncio.gather(done)), ("shield(done)", asyncio.shield(done)),
            ("ensure_future(done)", asyncio.ensure_future(done)),
            ("create_task(...)", asyncio.create_task(user_coro(1))),
            ("a future", fut), ("async generator", agen()), ("None", None), ("42", 42)]
    for name, o in objs:
        orow(name, o)
    await asyncio.sleep(0)

    print("== debug mode: call_soon / call_later / call_at")
    loop.set_debug(True)
    for name, f in [("sleep", asyncio.sleep), ("lock.acquire", lock.acquire),
                    ("q.get", q.get), ("barrier.wait", barrier.wait),
                    ("partial(sleep, 0)", functools.partial(asyncio.sleep, 0)),
                    ("lock.locked", lock.locked), ("event.set", event.set)]:
        out = []
        for how in ("call_soon", "call_later", "call_at"):
            try:
                if how == "call_soon":
                    h = loop.call_soon(f)
                elif how == "call_later":
                    h = loop.call_later(10, f)
                else:
                    h = loop.call_at(loop.time() + 10, f)
                h.cancel()
                out.append("ok")
            except TypeError as e:
                out.append(str(e))
        print("%-20s %s" % (name, " | ".join(out)))
    loop.set_debug(False)

    print("== they still work when awaited")
    print(await asyncio.sleep(0, "slept"), await functools.partial(asyncio.sleep, 0, "p")())
    await functools.partial(lock.acquire)()
    print("locked", lock.locked())
    lock.release()
    await functools.partial(q.put, 7)()
    print("got", await q.get())


asyncio.run(main())
