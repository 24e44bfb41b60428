// Twin of harness_repr.py: the formatter every twin uses (pyfmt.mjs) against Python's repr().
import { print, pyFloat, repr, tuple } from "./pyfmt.mjs";

const floats = [0.0, -0.0, 1.0, -2.0, 0.5, 1e-4, 1e-5, 1.5e-5, 0.0001234, 1e15, 1e16, 1.5e16,
  123456789012345.6, 1e21, 1e22, 1.5e300, 5e-324, 0.1 + 0.2, -2.5e-7,
  NaN, Infinity, -Infinity, 2 ** 53, 2.0 ** 60, 1 / 3];
for (const x of floats) print("float", pyFloat(x));
for (let e = -8; e < 24; e++) {
  const x = Number(`1e${e}`);
  print("1e", e, pyFloat(x), pyFloat(-3.25 * x));
}

const strings = ["", "plain", "it's", 'say "hi"', "both ' and \"", "back\\slash", "tab\tnew\nret\r",
  "\x00\x01\x1f\x7f\x80\x9f", "\xa0nbsp", "\u00ad soft hyphen", "\u2028\u2029",
  "\u200b zero width", "\ufeff bom", "\ue000 private", "caf\u00e9 \u4e2d\u6587",
  "\u{1f600} emoji", "\u{e0001} tag", "\u3000 ideographic space"];
for (const s of strings) print("str", repr(s));
print("list", repr([1, 2.5, "x", null, true, [NaN]]));
print("tuple", repr(tuple(1)), repr(tuple(1, "a")));
