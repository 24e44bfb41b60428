import asyncio

# PriorityQueue orders strings as Python does: by code point. Characters above U+FFFF
# (emoji, U+10000...) come after every BMP character, U+E000-U+FFFF included; also as the
# tie-breaker of (priority, name) tuples, and with getters waiting. Strings are printed as
# their code points in hex.
def cps(s):
    return "-".join(f"{ord(c):x}" for c in s)

async def main():
    words = ["\U0001F600", "\uFF01", "a", "\u00e9", "\U00010000", "\uE000", "z\U0001F600", "z\uFFFD"]
    q = asyncio.PriorityQueue()
    for w in words:
        q.put_nowait(w)
    print("strings", [cps(q.get_nowait()) for _ in range(q.qsize())])

    q = asyncio.PriorityQueue()
    for i, w in enumerate(words):
        q.put_nowait((i // 6, w))
    print("tuples", [(p, cps(w)) for p, w in (q.get_nowait() for _ in range(q.qsize()))])

    q = asyncio.PriorityQueue()
    got = []
    async def getter():
        p, w = await q.get()
        got.append(cps(w))
    gs = [asyncio.create_task(getter()) for _ in range(3)]
    await asyncio.sleep(0)
    for w in ["\U0001F600", "\uFF01", "\uE000"]:
        q.put_nowait((1, w))
    await asyncio.gather(*gs)
    print("getters", got)

asyncio.run(main())
