# CPython test_tasks.py, asyncio.shield(), as printed traces: test_shield_result,
# test_shield_exception, test_shield_cancel_inner, test_shield_cancel_outer,
# test_shield_shortcut, test_shield_effect, test_shield_gather, test_gather_shield,
# test_shield_coroutine_use_running_loop, test_shield_coroutine_use_global_loop.
import asyncio
import re

loop = asyncio.new_event_loop()


async def once():
    pass


def run_briefly():
    # as CPython's test_utils.run_briefly: two iterations (a no-op task, then its done callback)
    loop.run_until_complete(once())


print("== test_shield_result")
inner = loop.create_future()
outer = asyncio.shield(inner)
print("outer on inner's loop", outer.get_loop() is loop, "same", outer is inner)
inner.set_result(42)
print(loop.run_until_complete(outer))

print("== test_shield_exception")
inner = loop.create_future()
outer = asyncio.shield(inner)
run_briefly()
exc = RuntimeError("expected")
inner.set_exception(exc)
run_briefly()
print("outer exception is exc", outer.exception() is exc, repr(outer))

print("== test_shield_cancel_inner")
inner = loop.create_future()
outer = asyncio.shield(inner)
run_briefly()
inner.cancel()
run_briefly()
print("outer cancelled", outer.cancelled(), repr(outer))

print("== test_shield_cancel_outer")
inner = loop.create_future()
outer = asyncio.shield(inner)
run_briefly()
print("before:", re.sub(r" at \S+\.py:\d+", "", repr(inner)))
print("cancel ->", outer.cancel())
run_briefly()
print("outer cancelled", outer.cancelled(), repr(outer), "inner", repr(inner))
inner.cancel()

print("== test_shield_shortcut")
fut = loop.create_future()
fut.set_result(42)
sh = asyncio.shield(fut)
print("same future", sh is fut)
print(loop.run_until_complete(sh))

print("== test_shield_effect")
proof = 0
waiter = loop.create_future()


async def inner_coro():
    global proof
    await waiter
    proof += 1


async def outer_coro():
    global proof
    await asyncio.shield(inner_coro())
    proof += 100


f = asyncio.ensure_future(outer_coro(), loop=loop)
run_briefly()
print("cancel ->", f.cancel())
try:
    loop.run_until_complete(f)
except asyncio.CancelledError:
    print("CancelledError")
waiter.set_result(None)
run_briefly()
print("proof", proof)

print("== test_shield_gather")
child1 = loop.create_future()
child2 = loop.create_future()
parent = asyncio.gather(child1, child2)
outer = asyncio.shield(parent)
run_briefly()
print("cancel ->", outer.cancel())
run_briefly()
print("outer cancelled", outer.cancelled(), "parent done", parent.done())
child1.set_result(1)
child2.set_result(2)
run_briefly()
print("parent result", parent.result())

print("== test_gather_shield")
child1 = loop.create_future()
child2 = loop.create_future()
inner1 = asyncio.shield(child1)
inner2 = asyncio.shield(child2)
parent = asyncio.gather(inner1, inner2)
run_briefly()
print("cancel ->", parent.cancel())
run_briefly()
print("parent exception", type(parent.exception()).__name__, "inner1", inner1.cancelled(),
      "inner2", inner2.cancelled(), "children cancelled", child1.cancelled(), child2.cancelled())
child1.set_result(1)
child2.set_result(2)
run_briefly()
print("children", child1.result(), child2.result())


async def coro():
    return 42


print("== test_shield_coroutine_use_running_loop")


async def test():
    return [asyncio.shield(coro())]


outer = loop.run_until_complete(test())[0]
print("outer on the loop", outer.get_loop() is loop, "done", outer.done())
print(loop.run_until_complete(outer))

print("== test_shield_coroutine_use_global_loop")
asyncio.set_event_loop(loop)
outer = asyncio.shield(coro())
print("outer on the loop", outer.get_loop() is loop, "done", outer.done())
print(loop.run_until_complete(outer))
asyncio.set_event_loop(None)
loop.close()
