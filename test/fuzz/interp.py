"""Differential fuzzing: runs a random asyncio program described by a JSON spec (test/fuzz/spec.mjs).

Every op is interpreted by plain code with no awaits of its own besides the one the op names, so
the aionode interpreters (interp.mjs: generator coroutines, interpasync.mjs: async functions)
reach the same awaits in the same order, and the traces must match line for line.
"""
import asyncio
import json
import sys



class _OrderedTaskSet(dict):
    """TaskGroup keeps its tasks in a set, so it cancels them in an order that depends on their
    memory addresses (hash order): not part of asyncio's semantics, and not reproducible across
    interpreters. The fuzz oracle uses creation order instead, as aionode's TaskGroup does."""

    def add(self, t):
        self[t] = None

    def discard(self, t):
        self.pop(t, None)


_tg_init = asyncio.TaskGroup.__init__


def _tg_init_ordered(self):
    _tg_init(self)
    self._tasks = _OrderedTaskSet()


asyncio.TaskGroup.__init__ = _tg_init_ordered

spec = json.loads(sys.argv[1] if len(sys.argv) > 1 else sys.stdin.read())
tasks = []
events = []
queues = []
locks = []
sems = []
conds = []
barrier = []
children = []  # TaskGroup children, in the order they started
timeouts = {}  # task name -> its stack of entered timeout() context managers
handles = []  # the Handles of cs/cl ops, in the order they were made


def cb(i):
    print("cb", i)


def fmt_exc(e):
    if isinstance(e, BaseExceptionGroup):
        return "ExceptionGroup[" + ", ".join(fmt_exc(x) for x in e.exceptions) + "]"
    return f"{type(e).__name__}({str(e)!r})"


def fmt_val(v):
    if isinstance(v, BaseException):
        return fmt_exc(v)
    if isinstance(v, list):
        return "[" + ", ".join(fmt_val(x) for x in v) + "]"
    return repr(v)


async def do(name, op):
    k = op[0]
    if k == "s":
        await asyncio.sleep(0)
        print(name, "slept")
    elif k == "p":
        print(name, "cancelling", asyncio.current_task().cancelling())
    elif k == "u":
        print(name, "uncancel", asyncio.current_task().uncancel())
    elif k == "c":
        t = tasks[op[1]]
        print(name, "cancel", t.get_name(), t.cancel(op[2]))
    elif k == "a":
        t = tasks[op[1]]
        r = await t
        print(name, "awaited", t.get_name(), fmt_val(r))
    elif k == "g":
        r = await asyncio.gather(*[tasks[j] for j in op[1]], return_exceptions=op[2])
        print(name, "gathered", fmt_val(r))
    elif k == "sh":
        r = await asyncio.shield(tasks[op[1]])
        print(name, "shielded", fmt_val(r))
    elif k == "wf":
        r = await asyncio.wait_for(tasks[op[1]], op[2])
        print(name, "waited_for", fmt_val(r))
    elif k == "w":
        done, pending = await asyncio.wait([tasks[j] for j in op[1]], return_when=op[2])
        print(name, "waited", sorted(t.get_name() for t in done), len(pending))
    elif k == "to":
        async with asyncio.timeout(op[1]) as cm:
            stack = timeouts.setdefault(name, [])
            stack.append(cm)
            try:
                await run_ops(name, op[2])
            finally:
                stack.pop()
        print(name, "timeout_block_done")
    elif k == "tr":
        cm = timeouts[name][-1]
        loop = asyncio.get_running_loop()
        cm.reschedule(None if op[1] is None else loop.time() + (0 if op[1] == "now" else 10))
        print(name, "rescheduled", op[1])
    elif k == "te":
        print(name, "expired", timeouts[name][-1].expired())
    elif k == "tg":
        async with asyncio.TaskGroup() as tg:
            for child in op[1]:
                tg.create_task(actor(child), name=child["name"])
            await run_ops(name, op[2])
        print(name, "taskgroup_done")
    elif k == "catch":
        try:
            await run_ops(name, op[1])
        except asyncio.CancelledError as e:
            print(name, "caught", fmt_exc(e), "cancelling", asyncio.current_task().cancelling())
    elif k == "lk":
        async with locks[op[1]]:
            print(name, "locked", op[1])
            await run_ops(name, op[2])
        print(name, "unlocked", op[1])
    elif k == "ac":
        for f in asyncio.as_completed([tasks[j] for j in op[1]]):
            r = await f
            print(name, "completed", fmt_val(r))
    elif k == "ev":
        await events[op[1]].wait()
        print(name, "event", op[1])
    elif k == "es":
        events[op[1]].set()
    elif k == "qp":
        queues[op[1]].put_nowait(op[2])
    elif k == "qg":
        v = await queues[op[1]].get()
        queues[op[1]].task_done()
        print(name, "got", op[1], v)
    elif k == "qpa":
        await queues[op[1]].put(op[2])
        print(name, "put", op[1], op[2])
    elif k == "qn":
        v = queues[op[1]].get_nowait()
        queues[op[1]].task_done()
        print(name, "got_nowait", op[1], v)
    elif k == "qj":
        await queues[op[1]].join()
        print(name, "joined", op[1])
    elif k == "sem":
        async with sems[op[1]]:
            print(name, "sem_acquired", op[1])
            await run_ops(name, op[2])
        print(name, "sem_released", op[1])
    elif k == "sr":
        sems[op[1]].release()
        print(name, "sem_release", op[1])
    elif k == "cw":
        async with conds[op[1]]:
            await conds[op[1]].wait()
            print(name, "notified", op[1])
    elif k == "cn":
        async with conds[op[1]]:
            if op[2] is None:
                conds[op[1]].notify_all()
            else:
                conds[op[1]].notify(op[2])
        print(name, "notify", op[1], op[2])
    elif k == "bw":
        i = await barrier[0].wait()
        print(name, "barrier", i)
    elif k == "ba":
        await barrier[0].abort()
        print(name, "barrier_abort", barrier[0].broken)
    elif k == "br":
        await barrier[0].reset()
        print(name, "barrier_reset", barrier[0].n_waiting)
    elif k == "cs":
        handles.append(asyncio.get_running_loop().call_soon(cb, len(handles)))
    elif k == "cl":
        handles.append(asyncio.get_running_loop().call_later(op[1], cb, len(handles)))
    elif k == "hc":
        if handles:
            i = op[1] % len(handles)
            handles[i].cancel()
            print(name, "handle_cancel", i)
    else:
        raise AssertionError(op)


async def run_ops(name, ops):
    for op in ops:
        if op[0] == "r":
            raise ValueError(op[1])
        if op[0] == "ret":
            return op[1]
        try:
            await do(name, op)
        except Exception as e:
            print(name, op[0], "raised", fmt_exc(e))
    return None


async def actor(s):
    name = s["name"]
    if asyncio.current_task() not in tasks:
        children.append(asyncio.current_task())
    try:
        r = await run_ops(name, s["ops"])
        print(name, "returns", fmt_val(r))
        return r
    except asyncio.CancelledError as e:
        print(name, "cancelled", fmt_exc(e), "cancelling", asyncio.current_task().cancelling())
        if s["swallow"]:
            return "swallowed"
        raise


async def main():
    events.extend(asyncio.Event() for _ in range(spec["events"]))
    kinds = {"Q": asyncio.Queue, "L": asyncio.LifoQueue, "P": asyncio.PriorityQueue}
    queues.extend(kinds[kind](size) for kind, size in spec["queues"])
    locks.extend(asyncio.Lock() for _ in range(spec["locks"]))
    sems.extend(asyncio.Semaphore(2) if i % 2 == 0 else asyncio.BoundedSemaphore(1) for i in range(spec["sems"]))
    conds.extend(asyncio.Condition() for _ in range(spec["conds"]))
    barrier.append(asyncio.Barrier(spec["parties"]))
    tasks.extend(asyncio.create_task(actor(s), name=s["name"]) for s in spec["tasks"])
    for op in spec["main"]:
        try:
            await do("main", op)
        except (Exception, asyncio.CancelledError) as e:
            print("main", op[0], "raised", fmt_exc(e))
    for e in events:
        e.set()
    for q in queues:
        for _ in range(spec["drain"]):
            if q.full():
                break
            q.put_nowait(-1)
    # Cancel what is left (TaskGroup children too: a group cancels its children only once, and a
    # child may catch that) until everything has ended.
    for _ in range(100):
        left = [t for t in tasks + children if not t.done()]
        if not left:
            break
        for t in left:
            print("main", "final_cancel", t.get_name(), t.cancel())
        await asyncio.sleep(0)
    res = await asyncio.gather(*tasks, return_exceptions=True)
    for t, r in zip(tasks, res):
        print("final", t.get_name(), fmt_val(r))
    # Callbacks still queued (callSoon, callLater(0)) run before main returns.
    await asyncio.sleep(0)
    await asyncio.sleep(0)


asyncio.run(main())
