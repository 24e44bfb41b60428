import asyncio

# PriorityQueue entries whose priority is one and the same NaN object: Python's tuple comparison
# treats identical elements as equal (identity before ==), so the tie is broken by the next
# element; an unrelated NaN never equals another.
async def main():
    nan = float("nan")
    q = asyncio.PriorityQueue()
    for name in ["d", "b", "e", "a", "c"]:
        q.put_nowait((nan, name))
    print("same nan", [q.get_nowait()[1] for _ in range(q.qsize())])

    q = asyncio.PriorityQueue()
    for p, name in [(2, "x"), (nan, "n1"), (1, "y"), (nan, "n0"), (0, "z")]:
        q.put_nowait((p, name))
    print("mixed", [q.get_nowait()[1] for _ in range(q.qsize())])

asyncio.run(main())
