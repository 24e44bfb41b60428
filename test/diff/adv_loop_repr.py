import asyncio
import re

# repr() of futures and handles in their states, and a done callback's error message (which
# shows the future's repr). Source locations (" at file.py:12") are dropped.
loop = asyncio.new_event_loop()


def show(label, obj):
    text = obj if isinstance(obj, str) else repr(obj)
    print(label, re.sub(r" at \S+:\d+", "", text))


def cb(*args):
    pass


def other(*args):
    pass


f = loop.create_future()
show("pending", f)
f.add_done_callback(cb)
show("one callback", f)
f.add_done_callback(other)
show("two callbacks", f)
f.add_done_callback(cb)
show("three callbacks", f)
f.remove_done_callback(cb)
show("after remove", f)
f.set_result("text")
show("finished str", f)
e1 = loop.create_future()
e1.set_exception(ValueError("it's bad"))
show("failed quote", e1)
e2 = loop.create_future()
e2.set_exception(ValueError)
show("failed no message", e2)
e1.exception(), e2.exception()
c = loop.create_future()
c.cancel("why")
show("cancelled", c)

h = loop.call_soon(cb, 1, "x")
show("handle", h)
h.cancel()
show("handle cancelled", h)
t = loop.call_at(1e9 + 0.5, other, 2)
show("timer", t)
t.cancel()
show("timer cancelled", t)


def handler(lp, ctx):
    show("handler message:", ctx["message"])


def failing_done_cb(fut):
    raise RuntimeError("done callback failed")


loop.set_exception_handler(handler)
d = loop.create_future()
d.add_done_callback(failing_done_cb)
d.set_result(7)
x = loop.create_future()
x.add_done_callback(failing_done_cb)
x.cancel()
loop.call_soon(loop.stop)
loop.run_forever()
loop.close()
