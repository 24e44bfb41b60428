# The twins' formatter (test/diff/pyfmt.mjs) against Python's own repr(): floats at every
# exponent and edge, strings with every kind of escape. Not asyncio: this pins the harness that
# every other trace depends on.
import math

floats = [0.0, -0.0, 1.0, -2.0, 0.5, 1e-4, 1e-5, 1.5e-5, 0.0001234, 1e15, 1e16, 1.5e16,
          123456789012345.6, 1e21, 1e22, 1.5e300, 5e-324, 0.1 + 0.2, -2.5e-7,
          math.nan, math.inf, -math.inf, 2.0 ** 53, 2.0 ** 60, 1 / 3]
for x in floats:
    print("float", repr(x))
for e in range(-8, 24):
    x = float(f"1e{e}")
    print("1e", e, repr(x), repr(-3.25 * x))

strings = ["", "plain", "it's", 'say "hi"', "both ' and \"", "back\\slash", "tab\tnew\nret\r",
           "\x00\x01\x1f\x7f\x80\x9f", "\xa0nbsp", "\u00ad soft hyphen", "\u2028\u2029",
           "\u200b zero width", "\ufeff bom", "\ue000 private", "caf\u00e9 \u4e2d\u6587",
           "\U0001f600 emoji", "\U000e0001 tag", "\u3000 ideographic space"]
for s in strings:
    print("str", repr(s))
print("list", repr([1, 2.5, "x", None, True, [float("nan")]]))
print("tuple", repr((1,)), repr((1, "a")))
