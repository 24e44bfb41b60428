import asyncio

# CPython test_asyncio scenarios (which loop the module functions see; aionode has no policies,
# and its get_event_loop() after set_event_loop(None) makes a new loop, a documented difference):
# test_events.PolicyTests: test_get_event_loop, test_new_event_loop, test_set_event_loop;
# test_events.GetEventLoopTestsMixin: test_get_event_loop_returns_running_loop2 (its parts
#   without set_event_loop(None)).


def attempt(label, fn):
    try:
        print("  ", label, "->", fn())
    except (RuntimeError, TypeError) as e:
        print("  ", label, "raised", type(e).__name__, str(e))


print("== test_get_event_loop")
loop = asyncio.get_event_loop()
print("   an event loop:", isinstance(loop, asyncio.AbstractEventLoop), "same again:", asyncio.get_event_loop() is loop)
print("   running:", loop.is_running(), "closed:", loop.is_closed())

print("== test_new_event_loop")
new = asyncio.new_event_loop()
print("   an event loop:", isinstance(new, asyncio.AbstractEventLoop), "not the current one:", new is not asyncio.get_event_loop())
print("   running:", new.is_running(), "closed:", new.is_closed(), "debug:", new.get_debug())

print("== test_set_event_loop")
old = asyncio.new_event_loop()
asyncio.set_event_loop(old)
for bad in (object(), 42, "loop"):
    try:
        asyncio.set_event_loop(bad)
    except TypeError:
        print("   set_event_loop(%s) raised TypeError" % type(bad).__name__)
print("   still the old one:", asyncio.get_event_loop() is old)
asyncio.set_event_loop(new)
print("   now the new one:", asyncio.get_event_loop() is new, "not the old:", asyncio.get_event_loop() is not old)

print("== test_get_event_loop_returns_running_loop2")
attempt("get_running_loop() outside", lambda: asyncio.get_running_loop())
inner = asyncio.new_event_loop()


async def func():
    print("   inside: get_event_loop() is the running loop:", asyncio.get_event_loop() is inner)
    print("   inside: get_running_loop() is the running loop:", asyncio.get_running_loop() is inner)
    print("   inside: the current loop is not it:", new is not inner)
    return "done"

print("  ", inner.run_until_complete(func()))
print("   after: get_event_loop() is the set one again:", asyncio.get_event_loop() is new)
attempt("get_running_loop() after", lambda: asyncio.get_running_loop())
asyncio.set_event_loop(inner)
print("   set_event_loop(inner):", asyncio.get_event_loop() is inner)
for lp in (inner, new, old, loop):
    lp.close()
