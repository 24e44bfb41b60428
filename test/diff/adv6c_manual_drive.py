import asyncio

# A coroutine object driven by hand, outside any task, as a task would drive it: send(None)
# runs it to its first suspension and yields the future it waits on (also through two levels
# of nested coroutines; sleep(0) yields None); throw() raises at the innermost await and the
# coroutine may catch it and suspend again; close() runs the finally clauses of every level;
# throw() and close() on a coroutine never started run nothing; the result arrives in
# StopIteration. Any such coroutine, awaited afterwards, raises 'cannot reuse already awaited
# coroutine'; the loop then runs a task as usual.

loop = asyncio.new_event_loop()


async def inner(tag, fut):
    try:
        v = await fut
        print(" ", tag, "inner got", repr(v))
        return v
    finally:
        print(" ", tag, "inner finally")


async def body(tag, f1, f2, f3):
    print(" ", tag, "starts")
    try:
        v = await f1
        print(" ", tag, "got", repr(v))
        w = await inner(tag, f2)
        return v + w
    except ValueError as e:
        print(" ", tag, "caught ValueError", repr(str(e)))
        v = await f3
        return "recovered " + v
    finally:
        print(" ", tag, "finally")


async def sleeper(tag):
    print(" ", tag, "before sleep(0)")
    r = await asyncio.sleep(0, "zero")
    print(" ", tag, "sleep(0) gave", repr(r))
    return "slept"


def futs():
    return loop.create_future(), loop.create_future(), loop.create_future()


def which(y, fs):
    for i, f in enumerate(fs):
        if y is f:
            return "f%d" % (i + 1)
    return repr(y)


def step(tag, c, fs, how, arg=None):
    try:
        if how == "send":
            y = c.send(None)
        elif how == "throw":
            y = c.throw(arg)
        else:
            print(tag, "close ->", repr(c.close()))
            return
        print(tag, how, "-> yielded", which(y, fs))
    except StopIteration as e:
        print(tag, how, "-> StopIteration", repr(e.value))
    except Exception as e:
        print(tag, how, "-> raised", type(e).__name__, repr(str(e)))


async def await_again(tag, c):
    try:
        await c
        print(tag, "awaited again?")
    except RuntimeError as e:
        print(tag, "awaited again ->", type(e).__name__, repr(str(e)))


leftovers = []

print("== all the way through")
fs = futs()
c = body("A", *fs)
step("A", c, fs, "send")
fs[0].set_result(10)
step("A", c, fs, "send")
fs[1].set_result(5)
step("A", c, fs, "send")
leftovers.append(("A", c))

print("== throw into the nested await, caught, suspends again")
fs = futs()
c = body("B", *fs)
step("B", c, fs, "send")
fs[0].set_result(1)
step("B", c, fs, "send")
step("B", c, fs, "throw", ValueError("thrown in"))
print("B f2 still pending", not fs[1].done())
fs[2].set_result("ok")
step("B", c, fs, "send")
leftovers.append(("B", c))

print("== throw something it does not catch")
fs = futs()
c = body("C", *fs)
step("C", c, fs, "send")
step("C", c, fs, "throw", KeyError("nope"))
leftovers.append(("C", c))

print("== close while suspended two levels down")
fs = futs()
c = body("D", *fs)
step("D", c, fs, "send")
fs[0].set_result(2)
step("D", c, fs, "send")
step("D", c, fs, "close")
step("D", c, fs, "close")
leftovers.append(("D", c))

print("== never started: throw, close")
fs = futs()
c = body("E", *fs)
step("E", c, fs, "throw", ValueError("early"))
leftovers.append(("E", c))
c = body("F", *fs)
step("F", c, fs, "close")
leftovers.append(("F", c))

print("== a done future does not suspend: straight to StopIteration")
fs = futs()
fs[0].set_result(3)
fs[1].set_result(4)
c = body("G", *fs)
step("G", c, fs, "send")
leftovers.append(("G", c))

print("== sleep(0) yields None")
c = sleeper("H")
step("H", c, (), "send")
step("H", c, (), "send")
leftovers.append(("H", c))

print("== a failed future: the exception comes out of send()")
fs = futs()
fs[0].set_exception(ValueError("from the future"))
c = body("I", *fs)
step("I", c, fs, "send")
fs[2].set_result("late")
step("I", c, fs, "send")
leftovers.append(("I", c))


async def main():
    print("== each driven coroutine awaited again in a task")
    for tag, c in leftovers:
        await await_again(tag, c)
    fs = futs()
    fs[0].set_result(100)
    loop.call_soon(fs[1].set_result, 1)
    print("fresh body in a task ->", await asyncio.create_task(body("J", *fs)))


loop.run_until_complete(main())
loop.close()
print("closed", loop.is_closed())
