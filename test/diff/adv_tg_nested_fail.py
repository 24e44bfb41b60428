import asyncio

async def ticks(n):
    for _ in range(n):
        await asyncio.sleep(0)

async def worker(name, fail_at=None, on_cancel=None, exc=ValueError):
    # fail_at None: sleep until cancelled; else fail after that many ticks.
    try:
        if fail_at is None:
            await asyncio.sleep(10)
        else:
            await ticks(fail_at)
            print("  fail", name)
            raise exc(name)
    except asyncio.CancelledError:
        print("  cancelled", name, "cancelling", asyncio.current_task().cancelling())
        if on_cancel is not None:
            raise on_cancel(name + "-cleanup")
        raise
    return name

def fmt(e):
    if isinstance(e, BaseExceptionGroup):
        return type(e).__name__ + "(" + repr(str(e)) + ", [" + ", ".join(fmt(x) for x in e.exceptions) + "])"
    return type(e).__name__ + "(" + repr(str(e)) + ")"

async def scenario(label, coro):
    print("--", label)
    async def runner():
        me = asyncio.current_task()
        try:
            r = await coro
            print("  result", repr(r))
        except asyncio.CancelledError as e:
            print("  CancelledError", repr(str(e)))
        except BaseException as e:
            print("  raised", fmt(e))
        # 3.11 uncancels the parent only when its group starts exiting: a child failing after
        # that leaves the parent's count raised.
        print("  cancelling", me.cancelling())
    await asyncio.create_task(runner())

async def main():
    async def a1():
        async with asyncio.TaskGroup() as outer:
            outer.create_task(worker("o1"))
            async with asyncio.TaskGroup() as inner:
                inner.create_task(worker("i1", 1))
                inner.create_task(worker("i2"))
                await ticks(5)
            print("  not reached a1")
    await scenario("inner child fails first: outer gets the inner group as its body error", a1())

    async def a2():
        async with asyncio.TaskGroup() as outer:
            outer.create_task(worker("o1", 1))
            async with asyncio.TaskGroup() as inner:
                inner.create_task(worker("i1", None, OSError))
                inner.create_task(asyncio.sleep(10))  # silent: the order of an abort's cancels follows a set's order
                await ticks(5)
            print("  not reached a2")
    await scenario("outer child fails first; an inner child turns its cancellation into an error", a2())

    async def a3():
        async with asyncio.TaskGroup() as outer:
            outer.create_task(worker("o1"))
            async with asyncio.TaskGroup() as inner:
                inner.create_task(worker("i1", None))
                await ticks(5)
            print("  not reached a3")
    async def a3_wrap():
        async with asyncio.TaskGroup() as outer:
            outer.create_task(worker("o0", 1, None, KeyError))
            await a3()
    await scenario("outer child fails, inner group ends cleanly cancelled", a3_wrap())

    async def a4():
        async with asyncio.TaskGroup() as outer:
            outer.create_task(worker("o1", 1))
            async with asyncio.TaskGroup() as inner:
                inner.create_task(worker("i1", 1))
                await ticks(5)
            print("  not reached a4")
    await scenario("inner and outer children fail in the same iteration (outer created first)", a4())

    async def a5():
        async with asyncio.TaskGroup() as outer:
            async with asyncio.TaskGroup() as inner:
                inner.create_task(worker("i1", 1))
                outer.create_task(worker("o1", 1))
                await ticks(5)
            print("  not reached a5")
    await scenario("same iteration, inner child created first", a5())

    async def a6():
        async with asyncio.TaskGroup() as outer:
            outer.create_task(worker("o1", 3))
            try:
                async with asyncio.TaskGroup() as inner:
                    inner.create_task(worker("i1", 1, exc=LookupError))
                    await ticks(5)
            except ExceptionGroup as eg:
                print("  outer body caught", fmt(eg))
            print("  outer body goes on")
            await ticks(5)
            print("  not reached a6")
    await scenario("outer body catches the inner group, then an outer child fails", a6())

    async def a7():
        async with asyncio.TaskGroup() as outer:
            outer.create_task(worker("o1"))
            async with asyncio.TaskGroup() as inner:
                inner.create_task(worker("i1"))
                await ticks(1)
                raise TypeError("inner body")
    await scenario("inner body raises: both groups wrap it", a7())

    async def a8():
        async with asyncio.TaskGroup() as g1:
            g1.create_task(worker("l1", 4))
            async with asyncio.TaskGroup() as g2:
                g2.create_task(worker("l2", 2, exc=KeyError))
                async with asyncio.TaskGroup() as g3:
                    g3.create_task(worker("l3", 1, exc=IndexError))
                    await ticks(10)
    await scenario("three levels, innermost fails first", a8())

    async def a9():
        async with asyncio.TaskGroup() as g1:
            g1.create_task(worker("l1", 1))
            async with asyncio.TaskGroup() as g2:
                g2.create_task(worker("l2", None, KeyError))
                async with asyncio.TaskGroup() as g3:
                    g3.create_task(worker("l3", None, IndexError))
                    await ticks(10)
    await scenario("three levels, outermost fails first, inner cleanups fail", a9())

    async def child_group(name, fail_at):
        async with asyncio.TaskGroup() as g:
            g.create_task(worker(name + "a", fail_at))
            g.create_task(worker(name + "b", None))
        return name

    async def a10():
        async with asyncio.TaskGroup() as outer:
            outer.create_task(child_group("x", 1))
            outer.create_task(child_group("y", 2))
            outer.create_task(worker("z", 3))
        print("  not reached a10")
    await scenario("children that run their own groups: group errors from children", a10())

    async def a11():
        async with asyncio.TaskGroup() as outer:
            outer.create_task(worker("c2", 2, exc=KeyError))
            outer.create_task(worker("c1", 1, exc=IndexError))
            outer.create_task(worker("c3", None, OSError))
            outer.create_task(worker("c4", 1, exc=LookupError))
            await ticks(5)
    await scenario("error order: completion order, cleanup errors after", a11())

    async def a12():
        async with asyncio.TaskGroup() as outer:
            outer.create_task(worker("c1", 0))
            outer.create_task(worker("c2", 0, exc=KeyError))
            raise IndexError("body")
    await scenario("body raises before children start; children fail at their first step", a12())

asyncio.run(main())
