// A minimal test harness for the native tests: CHECK records a failure (file:line, expression)
// and keeps going; the test's main returns report(), non-zero if anything failed.
#ifndef AIONODE_TEST_CHECK_H_
#define AIONODE_TEST_CHECK_H_

#include <cstdio>

namespace aionode_test {

inline int& failures() {
  static int n = 0;
  return n;
}
inline int& checks() {
  static int n = 0;
  return n;
}

inline bool check(bool ok, const char* expr, const char* file, int line) {
  checks()++;
  if (!ok) {
    if (failures() < 50) std::fprintf(stderr, "FAIL %s:%d: %s\n", file, line, expr);
    failures()++;
  }
  return ok;
}

inline int report(const char* name, int cases) {
  std::printf("%s: %d cases, %d checks, %d failures\n", name, cases, checks(), failures());
  return failures() == 0 ? 0 : 1;
}

}  // namespace aionode_test

#define CHECK(expr) ::aionode_test::check(static_cast<bool>(expr), #expr, __FILE__, __LINE__)
#define CHECK_EQ(a, b) ::aionode_test::check((a) == (b), #a " == " #b, __FILE__, __LINE__)

#endif  // AIONODE_TEST_CHECK_H_
