import asyncio

# call_later(0, cb) is due at the very next iteration: it runs in that iteration, after the
# callbacks that were already ready, and before anything those callbacks schedule.
loop = asyncio.new_event_loop()
out = []
ROUNDS = 2000

def x(i):
    loop.call_later(0, out.append, "t%d" % i)
    loop.call_soon(y, i)

def y(i):
    out.append("y%d" % i)
    loop.call_soon(z, i)

def z(i):
    out.append("z%d" % i)
    if i < ROUNDS - 1:
        loop.call_soon(x, i + 1)
    else:
        loop.stop()

loop.call_soon(x, 0)
loop.run_forever()
print(" ".join(out[:9]))
bad = [i for i in range(ROUNDS) if out[3 * i:3 * i + 3] != ["y%d" % i, "t%d" % i, "z%d" % i]]
print("rounds", ROUNDS, "out of order", len(bad))

# same with call_at(loop.time()) and with a negative delay
out.clear()
def x2(i):
    loop.call_at(loop.time(), out.append, "a%d" % i)
    loop.call_later(-1, out.append, "n%d" % i)
    loop.call_soon(y2, i)

def y2(i):
    out.append("y%d" % i)
    loop.call_soon(z2, i)

def z2(i):
    out.append("z%d" % i)
    if i < ROUNDS - 1:
        loop.call_soon(x2, i + 1)
    else:
        loop.stop()

loop.call_soon(x2, 0)
loop.run_forever()
print(" ".join(out[:8]))
bad = [i for i in range(ROUNDS) if out[4 * i:4 * i + 4] != ["y%d" % i, "n%d" % i, "a%d" % i, "z%d" % i]]
print("rounds", ROUNDS, "out of order", len(bad))
loop.close()
