import asyncio

# Done-callback lists edited in every order (removal of the first, of duplicates, re-adding,
# emptying, adding after emptying), shown through repr and through the order the callbacks run;
# chains of futures completed from each other's done callbacks, with call_soon markers showing
# the iterations; set_result from a future's own done callback.
loop = asyncio.new_event_loop()


class Named:
    def __init__(self, name, fn=None):
        self.__qualname__ = name
        self.fn = fn

    def __call__(self, fut):
        print("  run", self.__qualname__, "state", fut._state)
        if self.fn:
            self.fn(fut)


a, b, c, d, e = (Named(x) for x in "abcde")


def step(label, r):
    print(label, r, repr(F["f"]))


F = {}
F["f"] = f = loop.create_future()
step("empty remove a", f.remove_done_callback(a))
for cb in (a, b, a, c, a):
    f.add_done_callback(cb)
step("added a b a c a", None)
step("remove a", f.remove_done_callback(a))
f.add_done_callback(a)
step("add a", None)
step("remove b (the first)", f.remove_done_callback(b))
f.add_done_callback(d)
step("add d", None)
step("remove c", f.remove_done_callback(c))
step("remove a", f.remove_done_callback(a))
step("remove d", f.remove_done_callback(d))
step("remove d again", f.remove_done_callback(d))
f.add_done_callback(e)
f.add_done_callback(b)
f.add_done_callback(e)
step("add e b e", None)
step("remove b (middle)", f.remove_done_callback(b))
f.add_done_callback(c)
step("add c", None)
f.set_result(1)
step("after set_result", f.remove_done_callback(e))
loop.call_soon(loop.stop)
loop.run_forever()

print("-- chains")
marks = [0]


def mark():
    marks[0] += 1
    print("  -- iteration", marks[0])
    if marks[0] < 6:
        loop.call_soon(mark)


g1 = loop.create_future()
g2 = loop.create_future()
g3 = loop.create_future()


def own(fut):
    try:
        fut.set_result("again")
    except asyncio.InvalidStateError as exc:
        print("  own set_result:", type(exc).__name__, str(exc))
    try:
        fut.set_exception(ValueError("again"))
    except asyncio.InvalidStateError as exc:
        print("  own set_exception:", type(exc).__name__, str(exc))
    print("  own cancel:", fut.cancel("late"), "remove own:", fut.remove_done_callback(OWN))


OWN = Named("own", own)
g1.add_done_callback(Named("g1->g2", lambda fut: g2.set_result(fut.result() + 1)))
g1.add_done_callback(OWN)
g2.add_done_callback(Named("g2->g3", lambda fut: (g3.add_done_callback(Named("g3.late")), g3.set_result(fut.result() * 10))))
g2.add_done_callback(Named("g2.b", lambda fut: g3.add_done_callback(Named("g3.after-done"))))
g3.add_done_callback(Named("g3.first", lambda fut: g1.add_done_callback(Named("g1.added-late"))))
loop.call_soon(mark)
loop.call_soon(g1.set_result, 1)
loop.call_soon(print, "  after set g1")
loop.call_later(0.3, loop.stop)
loop.run_forever()
print("results", g1.result(), g2.result(), g3.result())
loop.close()
