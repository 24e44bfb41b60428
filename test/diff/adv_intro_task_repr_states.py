import asyncio
import re

# repr() of Tasks in the states where aionode's text matches asyncio's: before the first step,
# running (repr of itself), after set_name() with a number, with one, two and three done
# callbacks, finished with a result, with an exception (quotes and empty message), cancelled.
# asyncio's source locations (" running at f.py:12", " done, defined at f.py:3", and
# "first() at f.py:7" in cb=[...]) are dropped, as the README documents.


def show(label, obj):
    text = repr(obj)
    text = re.sub(r" (running at|done, defined at|at) \S+:\d+", "", text)
    print(label, text)


def first(fut):
    pass


def second(fut):
    pass


async def child(v):
    await asyncio.sleep(0)
    return v


async def fails(msg):
    await asyncio.sleep(0)
    raise ValueError(msg) if msg else ValueError()


async def selfie():
    show("running, self", asyncio.current_task())
    await asyncio.sleep(0)
    return "selfie"


async def main():
    t = asyncio.create_task(child("abc"))
    show("before start", t)
    t.set_name(42)
    show("renamed 42", t)
    t.add_done_callback(first)
    show("one callback", t)
    t.add_done_callback(second)
    show("two callbacks", t)
    t.add_done_callback(first)
    show("three callbacks", t)
    print("removed", t.remove_done_callback(first))
    show("after remove", t)
    await t
    show("finished", t)
    n = asyncio.create_task(child(12345), name=7)
    await n
    show("finished int named 7", n)
    e1 = asyncio.create_task(fails("it's bad"), name="e1")
    e2 = asyncio.create_task(fails(""), name="e2")
    e3 = asyncio.create_task(fails('say "hi"'), name="e3")
    await asyncio.wait([e1, e2, e3])
    show("failed quote", e1)
    show("failed empty", e2)
    show("failed double quote", e3)
    for e in (e1, e2, e3):
        e.exception()
    c = asyncio.create_task(child(1), name="c")
    c.cancel("why")
    await asyncio.sleep(0)
    show("cancelled", c)
    s = asyncio.create_task(selfie(), name="selfie")
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    show("selfie done", s)


asyncio.run(main())
