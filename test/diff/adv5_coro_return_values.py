import asyncio

# Odd return values carried up a four-level delegation chain and out through a task, gather
# (also with return_exceptions), wait_for, shield, a done callback and as_completed: None
# (also a bare return and falling off the end), falsy values, nan and -0.0, containers, and
# exception instances returned rather than raised (a ValueError, a CancelledError, a
# TimeoutError): none of them must be taken for a failure or a cancellation.

VALUES = [
    ("none", None),
    ("zero", 0),
    ("empty", ""),
    ("false", False),
    ("nan", float("nan")),
    ("negzero", -0.0),
    ("list", [1, [2, None]]),
    ("dict", {"k": [False]}),
    ("valueerror", ValueError("returned, not raised")),
    ("cancelled", asyncio.CancelledError("returned cancel")),
    ("timeout", asyncio.TimeoutError()),
]


async def leaf(key, how):
    await asyncio.sleep(0)
    if how == "bare":
        return
    if how == "end":
        pass
    else:
        return dict(VALUES)[key]


async def level(i, key, how):
    if i == 0:
        return await leaf(key, how)
    r = await level(i - 1, key, how)
    return r


async def main():
    loop = asyncio.get_running_loop()
    for key, _ in VALUES:
        print("==", key)
        print(" inline:", repr(await level(3, key, "value")))
        t = asyncio.create_task(level(3, key, "value"))
        seen = []
        t.add_done_callback(lambda f: seen.append(repr(f.result())))
        r = await t
        print(" task:", repr(r), "done", t.done(), "cancelled", t.cancelled(), "exception", t.exception())
        await asyncio.sleep(0)
        print(" done callback saw:", seen)
        print(" gather:", await asyncio.gather(level(2, key, "value"), level(1, key, "value")))
        print(" gather rx:", await asyncio.gather(level(2, key, "value"), return_exceptions=True))
        print(" wait_for:", repr(await asyncio.wait_for(level(3, key, "value"), 5)))
        print(" shield:", repr(await asyncio.shield(level(3, key, "value"))))
        for f in asyncio.as_completed([level(1, key, "value")]):
            print(" as_completed:", repr(await f))
        fut = loop.create_future()
        fut.set_result(await level(0, key, "value"))
        if key != "dict":  # a JS object's repr is util.inspect's (a documented difference)
            print(" future:", fut)
    print("== bare return and falling off the end")
    print(" bare:", await level(3, "x", "bare"), " end:", await level(3, "x", "end"))
    t = asyncio.create_task(level(2, "x", "end"))
    await t
    print(" task result:", repr(t.result()), "cancelled", t.cancelled(), "exception", t.exception())
    print("loop still works:", await asyncio.sleep(0, "yes"))


asyncio.run(main())
