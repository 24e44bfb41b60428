import asyncio

# Coroutines given as loop callbacks. In debug mode call_soon, call_later, call_at and
# call_soon_threadsafe reject a coroutine function and a coroutine object with
# "coroutines cannot be used with <method>()" (call_later's check names call_at, which it
# delegates to), after the closed-loop check; a plain function is accepted; nothing was
# scheduled by a rejected call, and the loop keeps running the accepted ones in order. Outside
# debug mode a coroutine function is called like any callback (its coroutine is dropped unrun),
# also as a done callback. Turning debug mode off again lifts the check.
log = []


async def co(*a):
    log.append(("co body ran", a))


def plain(*a):
    print("  plain", a)


loop = asyncio.new_event_loop()


def handler(lp, ctx):
    print("  handler:", ctx["message"][:40], type(ctx.get("exception")).__name__)


loop.set_exception_handler(handler)
methods = [
    ("call_soon", lambda cb, tag: loop.call_soon(cb, tag)),
    ("call_later", lambda cb, tag: loop.call_later(0, cb, tag)),
    ("call_at", lambda cb, tag: loop.call_at(loop.time() - 1, cb, tag)),
    ("call_soon_threadsafe", lambda cb, tag: loop.call_soon_threadsafe(cb, tag)),
]
print("-- debug on")
loop.set_debug(True)
print("get_debug:", loop.get_debug())
for name, f in methods:
    for kind in ("coroutine function", "coroutine object", "plain function"):
        if kind == "coroutine function":
            cb = co
        elif kind == "coroutine object":
            cb = co("obj")
        else:
            cb = plain
        try:
            r = f(cb, name)
            print(name, kind, "-> accepted", type(r).__name__)
        except TypeError as e:
            print(name, kind, "-> TypeError", e)
        if kind == "coroutine object":
            cb.close()
loop.call_soon(loop.stop)
loop.run_forever()
print("log:", log)

print("-- debug off")
loop.set_debug(False)
print("get_debug:", loop.get_debug())
for name, f in methods:
    r = f(co, name)
    print(name, "coroutine function -> accepted", type(r).__name__)
fut = loop.create_future()
fut.add_done_callback(co)
fut.set_result("r")
loop.call_soon(plain, "after")
loop.call_soon(loop.stop)
loop.run_forever()
print("log:", log)

print("-- debug on again, inside a callback")


def switch_on():
    loop.set_debug(True)
    try:
        loop.call_soon(co)
    except TypeError as e:
        print("  in callback: TypeError", e)
    loop.call_soon(plain, "scheduled from the callback")
    loop.set_debug(False)
    print("  call_soon(co) with debug off again:", type(loop.call_soon(co, "x")).__name__)


loop.call_soon(switch_on)
loop.call_soon(loop.stop)
loop.run_forever()
print("log:", log)
loop.close()
print("-- closed, debug on")
loop.set_debug(True)
for name, f in methods:
    try:
        f(co, name)
    except Exception as e:
        print(name, type(e).__name__, e)
