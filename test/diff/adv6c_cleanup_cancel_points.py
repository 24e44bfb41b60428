import asyncio

# A task three coroutines deep, each level with a finally clause that itself suspends (a
# sleep(0), a future set by a callback, a nested coroutine): cancelled after k iterations for
# every k until it finishes first, once, or twice (the second request landing one iteration
# later, typically while a finally clause is awaiting, which replaces the exception in
# flight). The trace shows the cleanup order, cancelling() seen inside each finally, what the
# awaiter gets, and that a finally clause's own awaits complete unless a second cancel hits.

loop = None


def setter(fut, v):
    if not fut.done():
        fut.set_result(v)


def log(*a):
    print("   ", *a)


async def tidy(tag):
    for i in range(2):
        await asyncio.sleep(0)
        log(tag, "tidy", i)
    return "tidied"


async def leaf(tag):
    try:
        await asyncio.sleep(0)
        log(tag, "leaf after first sleep")
        await asyncio.sleep(0)
        log(tag, "leaf after second sleep")
        return "L"
    finally:
        log(tag, "leaf finally, cancelling", asyncio.current_task().cancelling())
        await asyncio.sleep(0)
        log(tag, "leaf finally done")


async def mid(tag):
    fut = loop.create_future()
    loop.call_soon(setter, fut, "F")
    try:
        r = await leaf(tag)
        log(tag, "mid got", r)
        v = await fut
        log(tag, "mid got", v)
        return r + v
    finally:
        log(tag, "mid finally, cancelling", asyncio.current_task().cancelling())
        clean = loop.create_future()
        loop.call_soon(setter, clean, "clean")
        log(tag, "mid finally awaited", await clean)


async def top(tag):
    try:
        r = await mid(tag)
        log(tag, "top got", r)
        return r
    except asyncio.CancelledError as e:
        log(tag, "top sees CancelledError", repr(str(e)))
        raise
    finally:
        log(tag, "top finally ->", await tidy(tag))


async def main():
    global loop
    loop = asyncio.get_running_loop()
    for times in (1, 2):
        k = 0
        while True:
            tag = "%d/%d" % (times, k)
            print("== cancel", times, "time(s) after", k, "iterations")
            t = asyncio.create_task(top(tag))
            for _ in range(k):
                await asyncio.sleep(0)
            print("cancel ->", t.cancel("first"))
            if times == 2:
                await asyncio.sleep(0)
                print("second cancel ->", t.cancel("second"), "cancelling", t.cancelling())
            try:
                r = await t
                print("result", repr(r))
            except asyncio.CancelledError as e:
                print("awaiter: CancelledError", repr(str(e)), "cancelled", t.cancelled())
            if not t.cancelled():
                break
            k += 1
    print("the loop goes on:", await asyncio.sleep(0, "ok"))


asyncio.run(main())
