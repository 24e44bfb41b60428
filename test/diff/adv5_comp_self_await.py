# The composition functions given the very task that awaits them: wait([me], timeout) (me stays
# pending), wait_for(shield(me)) (times out; the shield's outer is cancelled, me is not),
# wait_for(gather(me)) (the timeout cancels the gather, which cancels me: the awaiter gets
# CancelledError, not TimeoutError, and counts one cancellation), wait_for(me, timeout) (cancels
# me), as_completed([me], timeout); the callbacks each leaves on the task (reprs, locations
# stripped); the gather settles only when the task ends.
import asyncio
import re


def r(x):
    return re.sub(r"( running)? at [^ ]+:\d+", "", repr(x))


async def selfish(holder):
    me = asyncio.current_task()

    print("-- wait([me]) with a timeout")
    done, pending = await asyncio.wait([me], timeout=0.01)
    print("done", len(done), "pending", len(pending), pending == {me})
    print("me:", r(me))

    print("-- wait_for(shield(me))")
    s = asyncio.shield(me)
    try:
        await asyncio.wait_for(s, 0.01)
    except asyncio.TimeoutError:
        print("TimeoutError; cancelling", me.cancelling(), "shield cancelled", s.cancelled())
    print("me:", r(me))

    print("-- wait_for(gather(me))")
    g = asyncio.gather(me)
    holder.append(g)
    try:
        await asyncio.wait_for(g, 0.01)
    except asyncio.TimeoutError:
        print("TimeoutError", me.cancelling())
    except asyncio.CancelledError as e:
        print("CancelledError", repr(str(e)), "cancelling", me.cancelling(), "g done", g.done())
    print("uncancel ->", me.uncancel())
    print("me:", r(me))

    print("-- wait_for(me, timeout)")
    try:
        await asyncio.wait_for(me, 0.01)
    except asyncio.TimeoutError:
        print("TimeoutError", me.cancelling())
    except asyncio.CancelledError as e:
        print("CancelledError", repr(str(e)), "cancelling", me.cancelling())
    print("uncancel ->", me.uncancel())

    print("-- wait_for(me, 0)")
    try:
        await asyncio.wait_for(me, 0)
    except asyncio.TimeoutError:
        print("TimeoutError", me.cancelling())
    except asyncio.CancelledError as e:
        print("CancelledError", repr(str(e)), "cancelling", me.cancelling())
    print("uncancel ->", me.uncancel())

    print("-- as_completed([me], timeout)")
    try:
        for c in asyncio.as_completed([me], timeout=0.01):
            await c
    except asyncio.TimeoutError:
        print("TimeoutError")
    print("me:", r(me))
    await asyncio.sleep(0)
    print("still running, cancelling", me.cancelling())
    return "selfish done"


async def main():
    holder = []
    t = asyncio.create_task(selfish(holder), name="selfish")
    print("result", await t)
    g = holder[0]
    print("g done", g.done(), "cancelled", g.cancelled())
    await asyncio.sleep(0)
    print("g done", g.done(), "cancelled", g.cancelled(), repr(g.exception()))


asyncio.run(main())
