import asyncio

# Sets and dicts (JavaScript Sets and Maps) as results and callback arguments in asyncio's reprs,
# which show them through reprlib: sorted when their items compare (all numbers, or all strings),
# at most six set items and four dict entries, 'set()' and '{}' when empty, '{...}' past six
# levels of nesting, each item cut as reprlib cuts it.
async def main():
    loop = asyncio.get_running_loop()
    values = [
        {3, 1, 2},
        set(),
        {9, 8, 7, 6, 5, 4, 3, 2, 1, 0},
        {"pear", "apple", "fig"},
        {"x" * 40},
        {2.5, -1, 1e-07},
        {"b": 1, "a": [1, 2], "c": None},
        {},
        {5: "e", 4: "d", 3: "c", 2: "b", 1: "a"},
        {"k": {"n": {1, 2}}},
        [{1}, [{2}, [{3}, [{4}, [{5}, [{6}, [{7}]]]]]]],
        [{"a": [{"b": [{"c": [{"d": 1}]}]}]}],
    ]
    print("-- future results")
    for v in values:
        f = loop.create_future()
        f.set_result(v)
        print(f)
    print("-- callback arguments")
    h = loop.call_soon(print, {2, 1}, {"z": 0, "y": {3, 2}})
    print(h)
    h.cancel()
    t = loop.call_at(-3.5, print, set(), {})
    print(t)
    t.cancel()
    print(t)
    print("-- results of tasks, gathered")
    async def collect(i):
        await asyncio.sleep(0)
        return {"done": set(range(i, 0, -1)), "count": i}
    res = await asyncio.gather(collect(3), collect(0))
    f = loop.create_future()
    f.set_result(res)
    print(f)

asyncio.run(main())
