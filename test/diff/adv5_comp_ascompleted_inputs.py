# as_completed over mixed inputs finishing at distinct iterations (a coroutine, a failing task, a
# future cancelled with a message, a gather, a shield): what each step gives (result, exception,
# the cancelled input's CancelledError with its message, the consumer not cancelled); the
# callbacks it leaves on the inputs (reprs, locations stripped) when the timeout passes or the
# consumer stops early; a consumer cancelled in a step, and the next step taking its completion.
import asyncio
import re


def r(x):
    return re.sub(r"( running)? at [^ ]+:\d+", "", repr(x))


def ticker(loop, n, actions):
    def tick(i):
        if i in actions:
            actions[i]()
        if i < n:
            loop.call_soon(tick, i + 1)
    loop.call_soon(tick, 1)


async def work(name, n, exc=None):
    for _ in range(n):
        await asyncio.sleep(0)
    if exc is not None:
        raise exc
    return name


async def step(c):
    try:
        return ("ok", await c)
    except asyncio.CancelledError as e:
        return ("CancelledError", str(e), asyncio.current_task().cancelling())
    except (ValueError, asyncio.TimeoutError) as e:
        return (type(e).__name__, str(e))


async def main():
    loop = asyncio.get_running_loop()

    print("-- mixed inputs, completions at distinct iterations")
    fc = loop.create_future()
    t = asyncio.create_task(work("t", 1, ValueError("t failed")))
    g = asyncio.gather(work("g1", 3), work("g2", 2))
    s = asyncio.shield(asyncio.create_task(work("s", 7)))
    ticker(loop, 3, {3: lambda: fc.cancel("fc msg")})
    for c in asyncio.as_completed([work("coro", 5), t, fc, g, s]):
        print("step", await step(c))

    print("-- the inputs' callbacks while it waits, after the timeout")
    p1 = loop.create_future()
    p2 = loop.create_future()
    it = iter(asyncio.as_completed([p1, p2], timeout=0.2))
    c = next(it)
    print("p1 before the first step:", r(p1))
    loop.call_soon(lambda: print("  p1 in the step:", r(p1)))
    loop.call_soon(p2.set_result, "p2")
    print("step", await step(c))
    print("p1 after a step:", r(p1))
    print("step", await step(next(it)))
    print("p1 after the timeout:", r(p1), "cancelled", p1.cancelled())
    p1.set_result("late")
    print("more steps", list(it))

    print("-- a consumer that stops early: the rest keep the callbacks, nothing breaks")
    q1 = loop.create_future()
    q2 = loop.create_future()
    q1.set_result("q1")
    for c in asyncio.as_completed([q1, q2]):
        print("step", await step(c))
        break
    print("q2:", r(q2))
    q2.set_result("q2")
    await asyncio.sleep(0)
    print("q2:", r(q2))

    print("-- a consumer cancelled in a step; the next step gets the completion")
    w1 = loop.create_future()
    w2 = loop.create_future()
    steps = iter(asyncio.as_completed([w1, w2]))
    consumer = asyncio.create_task(step(next(steps)))
    await asyncio.sleep(0)
    consumer.cancel("consumer msg")
    w1.set_result("w1")
    try:
        print("consumer got", await consumer)
    except asyncio.CancelledError as e:
        print("consumer cancelled", repr(str(e)))
    print("next step", await step(next(steps)))
    w2.set_result("w2")
    print("steps left", list(steps))

    print("-- the same future three times, and an already-cancelled one")
    d = loop.create_future()
    x = loop.create_future()
    x.cancel("pre")
    loop.call_soon(d.set_result, "d")
    n = 0
    for c in asyncio.as_completed([x, x, x]):
        n += 1
        print("step", await step(c))
    for c in asyncio.as_completed([d, d, d]):
        n += 1
        print("step", await step(c))
    print("steps", n)


asyncio.run(main())
