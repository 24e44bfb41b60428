import asyncio

# Compositions used inside the cleanup code of a task that is being cancelled (a finally clause
# or an except CancelledError clause): timeout() expiring there (3.11 compares cancelling() with
# the count at entry, so the expiry still becomes TimeoutError, which replaces the
# cancellation), timeout() not expiring but hit by a second cancel, wait_for timing out and
# completing, a TaskGroup whose child fails (its group replaces the cancellation) or whose
# children succeed, gather, and shield hit by a second cancel (the inner goes on). For each: what
# the composition raised or returned, cancelling() inside and after, and how the task ends.


class AppError(ValueError):
    pass


def desc(e):
    return f"{type(e).__name__}({str(e)!r})"


def final(label, t):
    if t.cancelled():
        try:
            t.result()
        except asyncio.CancelledError as e:
            print(" ", label, "ends cancelled", desc(e), "cancelling", t.cancelling())
    elif t.exception() is not None:
        print(" ", label, "ends with", desc(t.exception()), "cancelling", t.cancelling())
    else:
        print(" ", label, "ends with result", repr(t.result()), "cancelling", t.cancelling())


async def fail_soon(msg):
    await asyncio.sleep(0.01)
    raise AppError(msg)


async def case_timeout_expires():
    try:
        await asyncio.sleep(10)
    finally:
        me = asyncio.current_task()
        print("  cleanup: cancelling", me.cancelling())
        async with asyncio.timeout(0.05) as cm:
            await asyncio.sleep(1)
        print("  never here")


async def case_timeout_expires_caught():
    try:
        await asyncio.sleep(10)
    finally:
        me = asyncio.current_task()
        try:
            async with asyncio.timeout(0.05) as cm:
                await asyncio.sleep(1)
        except TimeoutError as e:
            print("  cleanup caught", desc(e), "expired", cm.expired(), "cancelling", me.cancelling())


async def case_timeout_uncancelled():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        me = asyncio.current_task()
        print("  uncancel ->", me.uncancel())
        try:
            async with asyncio.timeout(0.05):
                await asyncio.sleep(1)
        except TimeoutError as e:
            print("  cleanup caught", desc(e), "cancelling", me.cancelling())
        raise


async def case_timeout_second_cancel():
    try:
        await asyncio.sleep(10)
    finally:
        me = asyncio.current_task()
        try:
            async with asyncio.timeout(5) as cm:
                await asyncio.sleep(1)
        except BaseException as e:
            print("  cleanup timeout raised", desc(e), "expired", cm.expired(), "cancelling", me.cancelling())
            raise


async def case_wait_for_times_out():
    try:
        await asyncio.sleep(10)
    finally:
        me = asyncio.current_task()
        try:
            await asyncio.wait_for(asyncio.sleep(1), 0.05)
        except TimeoutError as e:
            print("  cleanup wait_for raised", desc(e), "cause", desc(e.__cause__), "cancelling", me.cancelling())


async def case_wait_for_completes():
    try:
        await asyncio.sleep(10)
    finally:
        print("  cleanup wait_for ->", await asyncio.wait_for(asyncio.sleep(0.01, "quick"), 1))


async def case_group_fails():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        me = asyncio.current_task()
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail_soon("cleanup child"))
            tg.create_task(asyncio.sleep(1))
        print("  never here")


async def case_group_ok():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        me = asyncio.current_task()
        async with asyncio.TaskGroup() as tg:
            a = tg.create_task(asyncio.sleep(0.01, "a"))
            b = tg.create_task(asyncio.sleep(0.02, "b"))
        print("  cleanup group ->", a.result(), b.result(), "cancelling", me.cancelling())
        raise


async def case_gather():
    try:
        await asyncio.sleep(10)
    finally:
        print("  cleanup gather ->", await asyncio.gather(asyncio.sleep(0.01, 1), asyncio.sleep(0, 2)))


shielded_inner = []


async def case_shield_second_cancel():
    try:
        await asyncio.sleep(10)
    finally:
        inner = asyncio.ensure_future(asyncio.sleep(0.2, "inner result"))
        shielded_inner.append(inner)
        try:
            await asyncio.shield(inner)
        except asyncio.CancelledError as e:
            print("  cleanup shield raised", desc(e), "inner done", inner.done())
            raise


async def run(label, fn, second=None):
    print(label)
    t = asyncio.get_running_loop().create_task(fn(), name=label)
    await asyncio.sleep(0)
    print("  cancel ->", t.cancel("first"))
    if second is not None:
        await asyncio.sleep(0.02)
        print("  second cancel ->", t.cancel(second))
    try:
        print("  await ->", repr(await t))
    except BaseException as e:
        print("  await raised", desc(e))
    final(label, t)


async def main():
    await run("timeout expires in finally", case_timeout_expires)
    await run("timeout expires in finally, caught", case_timeout_expires_caught)
    await run("timeout after uncancel()", case_timeout_uncancelled)
    await run("timeout in finally, second cancel", case_timeout_second_cancel, "second")
    await run("wait_for times out in finally", case_wait_for_times_out)
    await run("wait_for completes in finally", case_wait_for_completes)
    await run("TaskGroup fails in except", case_group_fails)
    await run("TaskGroup succeeds in except", case_group_ok)
    await run("gather in finally", case_gather)
    await run("shield in finally, second cancel", case_shield_second_cancel, "second")
    print("shielded inner ->", await shielded_inner[0])
    print("main cancelling", asyncio.current_task().cancelling())


asyncio.run(main())
