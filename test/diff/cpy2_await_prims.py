import asyncio

# CPython test_locks.py test_lock, test_lock_by_with_statement (LockTests), test_semaphore
# (SemaphoreTests) and test_barrier (BarrierTests), the `await primitive` part: awaiting a
# primitive itself (not one of its coroutines) is a TypeError and leaves it as it was. Only a
# generator twin (`yield* primitive`): in an async function `await` of a non-thenable gives
# the value back, as JavaScript's await does.
def r(x):
    s = repr(x)
    return "<" + type(x).__name__ + " " + s[s.index("["):]


async def main():
    for label, prim in (
        ("test_lock", asyncio.Lock()),
        ("test_lock_by_with_statement Condition", asyncio.Condition()),
        ("test_semaphore", asyncio.Semaphore()),
        ("test_lock_by_with_statement BoundedSemaphore", asyncio.BoundedSemaphore()),
        ("test_barrier", asyncio.Barrier(5)),
        ("Event", asyncio.Event()),
    ):
        print("==", label)
        try:
            await prim
            print("no error?")
        except TypeError:
            print("TypeError", r(prim))
        if hasattr(prim, "locked"):
            print("locked", prim.locked())
    # the primitives still work
    lock = asyncio.Lock()
    try:
        await lock
    except TypeError:
        pass
    async with lock:
        print("with lock", r(lock))
    print("after", r(lock))


asyncio.run(main())
