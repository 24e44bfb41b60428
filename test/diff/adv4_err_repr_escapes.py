import asyncio
import re

# The "Exception in callback ..." message shows the callback's arguments with repr(): characters
# that Python does not consider printable are escaped (C1 controls, no-break and other special
# spaces, soft hyphen, line/paragraph separators, format characters, lone surrogates, private
# use and unassigned code points), printable non-ASCII is kept (accents, combining marks,
# emoji), also inside reprlib's shortening and inside a future's repr (result and exception).
loop = asyncio.new_event_loop()


def handler(lp, ctx):
    print("H |", re.sub(r" at \S+\.py:\d+$", "", ctx["message"]))


loop.set_exception_handler(handler)


class AppError(Exception):
    pass


def boom(*a):
    raise AppError("boom")


cases = [
    ("C1", "\x85\x9f"),
    ("nbsp", "a\xa0b"),
    ("soft hyphen", "\xad"),
    ("separators", "\u2028\u2029"),
    ("zero width", "\u200b\u200d"),
    ("bom", "\ufeff"),
    ("lone surrogate", "\ud800"),
    ("tag char", "\U000e0001"),
    ("ideographic space", "\u3000"),
    ("noncharacter", "\uffff"),
    ("private use", "\ue000"),
    ("printable", "\u00e9 a\u0301 \u4e2d \U0001f600"),
    ("escape seq", "\x1b[31mred\x1b[0m"),
]
for name, s in cases:
    loop.call_soon(boom, name, s)
loop.call_soon(boom, "x\xa0" * 20)
loop.call_soon(boom, "\U0001f600" * 40)
loop.call_soon(boom, ["\u2028", "\x85" * 40])
f = loop.create_future()
f.add_done_callback(boom)
f.set_result("\xa0\u2028")
g = loop.create_future()
g.add_done_callback(boom)
g.set_exception(AppError("\x85"))
loop.call_soon(loop.stop)
loop.run_forever()
g.exception()
loop.close()
