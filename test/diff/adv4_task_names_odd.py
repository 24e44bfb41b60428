import asyncio
import re

# Task names that are not plain identifiers: set_name() and name= with ints, floats, negative
# and zero values, the empty string, quotes of both kinds, backslashes, control characters,
# and a long name (names are shown in full, never cut). The Task-N counter across
# create_task(name=0), loop.create_task(name=""), TaskGroup.create_task(name=None), and
# renaming a task to another task's default name.


def show(label, obj):
    text = repr(obj)
    text = re.sub(r" (running at|done, defined at|at) \S+:\d+", "", text)
    print(label, text)


async def nap():
    await asyncio.sleep(0)
    return 1


async def main():
    loop = asyncio.get_running_loop()
    print("main", asyncio.current_task().get_name())
    a = asyncio.create_task(nap(), name=0)
    print("name=0", repr(a.get_name()))
    b = loop.create_task(nap(), name="")
    print("name=''", repr(b.get_name()))
    show("empty name repr", b)
    c = asyncio.create_task(nap())
    print("next default", c.get_name())
    for v in (-5, 2.5, 0.1, 12345678901234, "it's", 'say "hi"', "both ' and \"", "back\\slash", "line\nbreak\r\x01\x7f", "x" * 50):
        c.set_name(v)
        print("set_name", type(v).__name__, c.get_name() == str(v), len(c.get_name()))
        show("  repr", c)
    c.set_name(a.get_name())
    print("renamed to a's name", c.get_name(), a.get_name())
    d = asyncio.create_task(nap())
    print("after renames, next default", d.get_name())
    async with asyncio.TaskGroup() as tg:
        e = tg.create_task(nap(), name=None)
        f = tg.create_task(nap(), name="tg-named")
        g = tg.create_task(nap(), name=7)
    print("tg names", e.get_name(), f.get_name(), repr(g.get_name()))
    h = asyncio.ensure_future(nap())
    print("ensure_future", h.get_name())
    h.set_name("Task-1")
    print("two tasks may share a name", h.get_name(), asyncio.current_task().get_name())
    await asyncio.gather(a, b, c, d, h)
    show("done with shared name", h)


asyncio.run(main())
