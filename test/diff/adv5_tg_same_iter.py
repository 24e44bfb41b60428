import asyncio, re

# Children of a TaskGroup failing in the same loop iteration: the order of the errors in the
# ExceptionGroup (completion order), its str() with the count, its message, the repr of the task
# that holds it, the body's cancellation and the parent's cancelling() count before and after.

def clean(s):
    return re.sub(r" (running at|done, defined at) [^>]*", "", s)

def desc(e):
    if isinstance(e, BaseExceptionGroup):
        return "%s(%r, [%s])" % (type(e).__name__, str(e), ", ".join(desc(x) for x in e.exceptions))
    return "%s(%r)" % (type(e).__name__, str(e))

class AError(Exception): pass
class BError(Exception): pass

async def fail_after(n, exc):
    for _ in range(n):
        await asyncio.sleep(0)
    print("  raise", desc(exc))
    raise exc

async def sleeper(name):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError as e:
        print("  ", name, "cancelled", repr(str(e)))
        raise
    return name

async def group(spec, body_wait):
    me = asyncio.current_task()
    async with asyncio.TaskGroup() as tg:
        for name, n, exc in spec:
            if exc is None:
                tg.create_task(sleeper(name), name=name)
            else:
                tg.create_task(fail_after(n, exc), name=name)
        print("  body created", repr(tg))
        if body_wait:
            try:
                await asyncio.sleep(10)
            except asyncio.CancelledError as e:
                print("  body cancelled", repr(str(e)), me.cancelling(), repr(tg))
                raise
    return "unreached"

async def run_case(title, spec, body_wait=True):
    print("--", title)
    me = asyncio.current_task()
    t = asyncio.create_task(group(spec, body_wait), name="G")
    try:
        await t
    except ExceptionGroup as eg:
        print("  caught", desc(eg))
        print("  message", repr(eg.message), len(eg.exceptions))
        print("  task", clean(repr(t)))
        print("  same", t.exception() is eg, [type(e).__name__ for e in eg.exceptions])
    print("  cancelling", t.cancelling(), me.cancelling())

async def main():
    await run_case("three fail in one iteration", [("A", 1, AError("a")), ("B", 1, BError("b")), ("C", 1, ValueError("c"))])
    await run_case("created in reverse order", [("C", 1, ValueError("c")), ("B", 1, BError("b")), ("A", 1, AError("a"))])
    await run_case("two fail, a sleeper is cancelled", [("A", 2, AError("a")), ("S", None, None), ("B", 2, BError("b"))])
    await run_case("one fails a tick later than the other", [("A", 2, AError("a")), ("B", 1, BError("b"))])
    await run_case("fail immediately (no await), body does not wait", [("A", 0, AError("a")), ("B", 0, BError("b"))], False)
    await run_case("one failure, empty messages", [("A", 0, AError()), ("S", None, None)], False)
    await run_case("the same exception object twice", [("A", 1, shared), ("B", 1, shared)])
    print("-- loop still works", await asyncio.sleep(0, "yes"))

shared = ValueError("shared")
asyncio.run(main())
