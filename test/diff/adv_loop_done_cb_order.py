import asyncio

# Done-callback ordering corners: registrations before/after done, duplicates, removal counts,
# callbacks that register callbacks, removal from inside callbacks.
loop = asyncio.new_event_loop()
it = [0]


def say(*args):
    print(*args)


def tick():
    it[0] += 1
    print("== iteration", it[0])
    if it[0] < 6:
        loop.call_soon(tick)
    else:
        loop.stop()


f = loop.create_future()
g = loop.create_future()


def a(fut):
    print("a sees", fut.result())
    fut.add_done_callback(c)           # f is done: scheduled now, runs next iteration
    g.add_done_callback(d)             # g pending: registered
    print("a removes b (already scheduled):", fut.remove_done_callback(b))
    print("a removes d from g:", g.remove_done_callback(d), "then", g.remove_done_callback(d))
    g.add_done_callback(d)
    g.add_done_callback(d)
    loop.call_soon(say, "soon from a")


def b(fut):
    print("b sees", fut.result())


def c(fut):
    print("c sees", fut.result())
    if not g.done():
        g.set_result("G")
        print("c set g; g callbacks scheduled")
        loop.call_soon(say, "soon from c")


def d(fut):
    print("d sees", fut.result())


def e(fut):
    print("e sees", fut.result())


f.add_done_callback(a)
f.add_done_callback(b)
f.add_done_callback(a)
f.add_done_callback(b)
f.add_done_callback(e)
print("remove a ->", f.remove_done_callback(a))
print("remove a again ->", f.remove_done_callback(a))
print("remove unknown ->", f.remove_done_callback(d))
f.add_done_callback(a)  # now after b, b, e
g.add_done_callback(e)


def setter():
    print("setter: set_result")
    f.set_result("F")
    print("setter: remove e after set ->", f.remove_done_callback(e))
    f.add_done_callback(d)  # done already: scheduled right away, after the others
    loop.call_soon(say, "soon from setter")


loop.call_soon(tick)
loop.call_soon(setter)
loop.call_soon(say, "same iteration as setter")
loop.run_forever()
print("f callbacks left", f.remove_done_callback(a), "g callbacks left", g.remove_done_callback(d))
loop.close()
