import asyncio
import re

# Python's repr() escapes every character str.isprintable() rejects, not only ASCII control
# characters: a no-break space (\xa0), C1 controls (\x85), a soft hyphen (\xad), a zero-width
# space (\u200b), a line separator (\u2028), a byte-order mark (\ufeff), a private-use
# character (\ue000) and a lone surrogate (\ud800). Task reprs show names, results (reprlib)
# and exception messages that way; printable non-ASCII (é, an emoji, a combining accent) stays.


def show(label, obj):
    text = repr(obj)
    text = re.sub(r" (running at|done, defined at|at) \S+:\d+", "", text)
    print(label, text)


async def give(v):
    return v


async def fail(msg):
    raise ValueError(msg)


async def main():
    names = ["nb\xa0sp", "c1\x85", "soft\xadhyphen", "zw\u200bsp", "ls\u2028", "bom\ufeff", "pua\ue000", "lone\ud800", "ok-é-😀-e\u0301"]
    for n in names:
        t = asyncio.create_task(give(len(n)), name=n)
        show("name", t)
        print("  length", await t)
    r = asyncio.create_task(give("nb\xa0sp and zw\u200bsp"))
    await r
    show("result", r)
    r = asyncio.create_task(give("😀" * 40))
    await r
    show("long emoji result", r)
    r = asyncio.create_task(give("\u200b" * 40))
    await r
    show("long zero-width result", r)
    e = asyncio.create_task(fail("bad\xa0thing\u2028here"))
    await asyncio.wait([e])
    show("exception", e)
    e.exception()


asyncio.run(main())
