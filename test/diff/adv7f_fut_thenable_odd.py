import asyncio

# ensure_future() of awaitables that misbehave (aionode: thenables whose then() throws at once,
# settles at once, settles several times, settles later, or never): ensure_future never raises
# for them; the wrapping future carries the outcome, compared after a 0.1 s barrier; the loop
# keeps working after each.


class Refuses:
    # aionode: then() throws
    def __await__(self):
        raise ValueError("then refused")
        yield


class Immediate:
    # aionode: then() calls onFulfilled at once (twice, then onRejected)
    def __init__(self, v):
        self.v = v

    def __await__(self):
        return self.v
        yield


class RejectsAtOnce:
    def __await__(self):
        raise ValueError("rejected at once")
        yield


class Later:
    def __init__(self, delay, v, fail=False):
        self.delay, self.v, self.fail = delay, v, fail

    def __await__(self):
        loop = asyncio.get_running_loop()
        f = loop.create_future()
        if self.fail:
            loop.call_later(self.delay, f.set_exception, ValueError(self.v))
        else:
            loop.call_later(self.delay, f.set_result, self.v)
        return (yield from f.__await__())


class Never:
    def __await__(self):
        return (yield from asyncio.get_running_loop().create_future().__await__())


async def report(label, fut):
    await asyncio.sleep(0.1)
    print(label, "isfuture", asyncio.isfuture(fut), "done", fut.done(), "cancelled", fut.cancelled())
    try:
        print("  ->", repr(await fut))
    except asyncio.CancelledError:
        print("  cancelled")
    except Exception as e:
        print("  raised", type(e).__name__, repr(str(e)))


async def main():
    cases = [
        ("then throws", Refuses()),
        ("settles at once", Immediate("now")),
        ("settles at once with None", Immediate(None)),
        ("settles several times", Immediate("first of three")),
        ("rejects at once", RejectsAtOnce()),
        ("settles later", Later(0.05, "later")),
        ("rejects later", Later(0.05, "later failure", fail=True)),
    ]
    for label, aw in cases:
        try:
            fut = asyncio.ensure_future(aw)
        except BaseException as e:
            print(label, "ensure_future raised", type(e).__name__)
            continue
        await report(label, fut)
        print("  loop works", await asyncio.sleep(0, label))
    fut = asyncio.ensure_future(Never())
    try:
        await asyncio.wait_for(fut, 0.1)
    except asyncio.TimeoutError:
        print("never settles: wait_for timed out; wrapper cancelled", fut.cancelled())
    fut = asyncio.ensure_future(Never())
    await asyncio.sleep(0.1)
    print("cancel never-settling wrapper ->", fut.cancel("gave up"))
    try:
        await fut
    except asyncio.CancelledError as e:
        print("  awaiting it: CancelledError", repr(str(e)))
    print("loop still works", await asyncio.sleep(0, "yes"))


asyncio.run(main())
