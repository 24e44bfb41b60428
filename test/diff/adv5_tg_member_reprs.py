import asyncio, re

# What the members of a TaskGroup's ExceptionGroup look like: a child raising an ExceptionGroup of
# its own (kept as one member, not flattened), a TimeoutError from wait_for() and one from
# timeout(), messages with quotes, a newline, non-ASCII and an empty one, many members (the task's
# repr is not shortened), and the group's str() counts.

def clean(s):
    return re.sub(r" (running at|done, defined at) [^>]*", "", s)

async def raiser(exc, n=1):
    for _ in range(n):
        await asyncio.sleep(0)
    raise exc

async def wf_timeout():
    await asyncio.wait_for(asyncio.sleep(1), 0.001)

async def cm_timeout():
    async with asyncio.timeout(0.001):
        await asyncio.sleep(1)

async def group(children):
    async with asyncio.TaskGroup() as tg:
        for c in children:
            tg.create_task(c)

async def case(title, children):
    print("--", title)
    t = asyncio.create_task(group(children), name="G")
    try:
        await t
    except ExceptionGroup as eg:
        print("  str", repr(str(eg)))
        print("  members", [(type(e).__name__, str(e)) for e in eg.exceptions])
        print("  task", clean(repr(t)))

async def main():
    await case("a child raises its own ExceptionGroup",
               [raiser(ExceptionGroup("mine", [ValueError("x"), TypeError("y")]))])
    await case("an empty-message group, a sibling cancelled before its error",
               [raiser(ExceptionGroup("", [ValueError("only")])), raiser(ValueError("plain"), 2)])
    await case("wait_for() timing out in a child", [wf_timeout()])
    await case("timeout() in a child", [cm_timeout()])
    await case("odd messages",
               [raiser(ValueError("it's")), raiser(ValueError('say "hi"')), raiser(ValueError("both ' and \"")),
                raiser(ValueError("line1\nline2")), raiser(ValueError("caf\u00e9 \u2603")), raiser(ValueError())])
    await case("twelve members", [raiser(ValueError("e%d" % i)) for i in range(12)])
    print("-- loop still works", await asyncio.sleep(0, "yes"))

asyncio.run(main())
