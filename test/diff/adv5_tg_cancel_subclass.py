import asyncio

# A subclass of CancelledError in a TaskGroup: raised by the body it is not a cancellation (asyncio
# tests `et is CancelledError`) but an error the group collects after aborting the children (the
# group is a BaseExceptionGroup in Python, an ExceptionGroup in aionode: only membership is
# printed); raised by a child it cancels that child (no error, no abort); the plain class raised by
# the body still propagates as a cancellation.

class MyCancel(asyncio.CancelledError):
    pass

def desc(e):
    if isinstance(e, BaseExceptionGroup):
        return "group(%r, [%s])" % (str(e), ", ".join(desc(x) for x in e.exceptions))
    return "%s(%r)" % (type(e).__name__, str(e))

async def ticks(n):
    for _ in range(n):
        await asyncio.sleep(0)

async def worker(name, n, raise_at_end=None):
    try:
        await ticks(n)
    except asyncio.CancelledError as e:
        print("  ", name, "cancelled", type(e).__name__, repr(str(e)))
        raise
    if raise_at_end is not None:
        print("  ", name, "raises", desc(raise_at_end))
        raise raise_at_end
    print("  ", name, "finished")
    return name

async def body_case(title, children, body_ticks, body_exc):
    print("--", title)
    me = asyncio.current_task()
    kids = []
    try:
        async with asyncio.TaskGroup() as tg:
            for name, coro in children:
                kids.append(tg.create_task(coro, name=name))
            try:
                await ticks(body_ticks)
            except asyncio.CancelledError as e:
                print("  body cancelled", type(e).__name__, me.cancelling())
                if body_exc is not None:
                    print("  body converts it to", desc(body_exc))
                    raise body_exc
                raise
            if body_exc is not None:
                print("  body raises", desc(body_exc))
                raise body_exc
        print("  group exited normally")
    except BaseException as e:
        print("  raised", desc(e), "is cancel", isinstance(e, asyncio.CancelledError))
    print("  kids", [(k.get_name(), k.cancelled()) for k in kids], "cancelling", me.cancelling())

async def main():
    await body_case("body raises the subclass", [("w", worker("w", 5))], 1, MyCancel("mine"))
    await body_case("body raises the plain class", [("w", worker("w", 5))], 1, asyncio.CancelledError("plain"))
    await body_case("body raises the subclass, no children", [], 0, MyCancel("alone"))
    await body_case("a child raises the subclass", [("m", worker("m", 1, MyCancel("child's"))), ("w", worker("w", 3))], 0, None)
    await body_case("a child fails, the body turns its cancellation into the subclass",
                    [("f", worker("f", 1, ValueError("boom"))), ("w", worker("w", 5))], 3, MyCancel("converted"))
    await body_case("a child fails after the body raised the subclass",
                    [("f", worker("f", 2, ValueError("boom")))], 1, MyCancel("first"))
    print("-- loop still works", await asyncio.sleep(0, "yes"))

asyncio.run(main())
