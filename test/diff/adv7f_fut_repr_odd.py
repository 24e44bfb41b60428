import asyncio

# Reprs of finished futures whose results reprlib must shorten or escape: strings full of
# escapes (cut in the middle of an escape), backslashes, astral characters, format and control
# characters, lone surrogates, strings right at the 30-character limit, nested and long lists,
# lists holding strings, errors and futures, futures whose result is another future, an error as
# a result, and exceptions with odd messages (an exception's repr is never shortened).
loop = asyncio.new_event_loop()


def show(v):
    f = loop.create_future()
    f.set_result(v)
    print(repr(f))


def show_exc(e):
    f = loop.create_future()
    f.set_exception(e)
    print(repr(f))
    f.exception()


print("-- strings")
for v in [
    "",
    "\n" * 20,
    "\\" * 20,
    "\\" * 13 + "x" * 20,
    "a" * 14 + "\t" + "b" * 20,
    "\U0001F600" * 40,
    "e\u0301" * 20,
    "\x00\x01\x7f\x80\x9f\xa0\xad",
    "\u200b\u2028\u2029\ufeff",
    "\ud800" + "x" * 5,
    "x" * 25 + "\ud83d",
    "y" * 28,
    "y" * 29,
    "'" * 28,
    "'" * 29,
    "'" * 10 + '"',
    '"' * 40,
    "a'b" * 15,
    "\u00e9" * 35,
]:
    show(v)
print("-- lists")
for v in [
    [],
    [[]],
    [1, 2, 3, 4, 5, 6],
    [1, 2, 3, 4, 5, 6, 7],
    [[[[[[[1]]]]]]],
    [[[[[[[]]]]]]],
    [[[[[[1]]]]]],
    ["a" * 40, "b"],
    [None, True, False, 0.5, -0.0, 1e-7],
    [[1, 2, 3, 4, 5, 6, 7, 8], [9]],
    [float("nan"), float("inf")],
    [ValueError("in a list")],
]:
    show(v)
print("-- futures and errors as results")
inner = loop.create_future()
show(inner)
inner.add_done_callback(print)
show(inner)
inner.set_result(5)
show(inner)
show([inner])
show(ValueError("x"))
show(ValueError("a long message that is over thirty characters"))
show(123456789012345)
show(-1.5e-300)
print("-- exceptions")
show_exc(ValueError("a long message that is over thirty characters and then some"))
show_exc(ValueError("new\nline and 'quote'"))
show_exc(ValueError("both ' and \""))
show_exc(KeyError("k"))
show_exc(RuntimeError("\x00\u2028"))
show_exc(asyncio.InvalidStateError("odd"))
show_exc(TypeError)
loop.run_until_complete(asyncio.sleep(0))
loop.close()
