import asyncio

# set_name() and create_task(name=) store str() of the value: None gives 'None' (set_name;
# name=None means "no name" at creation), small floats keep Python's exponent form
# ('1e-05', '1e-07'), booleans and lists their Python spelling.


async def nap():
    await asyncio.sleep(0)


async def main():
    t = asyncio.create_task(nap())
    print("default", t.get_name())
    for v in (None, 1e-05, 1e-07, 2.5e-08, True, False, [1, "a"]):
        t.set_name(v)
        print("set_name", repr(v), "->", repr(t.get_name()))
    for v in (1e-05, True, False):
        u = asyncio.create_task(nap(), name=v)
        print("name=", repr(v), "->", repr(u.get_name()))
        await u
    await t


asyncio.run(main())
