#!/usr/bin/env bash
# Builds and runs the native core's C++ tests (timer wheel, MPSC queue, cross-thread channel):
#   (a) each test under AddressSanitizer + UndefinedBehaviorSanitizer (no recovery),
#   (b) the queue and channel tests under ThreadSanitizer,
#   (c) each test as a plain -O2 build.
# Every build uses the addon's flags (C++17, -fno-exceptions, -fno-rtti) and must be free of
# warnings under -Wall -Wextra -Wpedantic -Wconversion -Werror. One line per run; exits non-zero
# if any build or run fails. Needs g++ (or CXX=...) with libasan, libubsan and libtsan.
set -u

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cxx="${CXX:-g++}"
out="$(mktemp -d)"  # a fresh directory under $TMPDIR (or /tmp)
trap 'rm -rf "$out"' EXIT

common=(-std=c++17 -Wall -Wextra -Wpedantic -Wconversion -Werror -fno-exceptions -fno-rtti -pthread)
asan=(-O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all)
tsan=(-O1 -g -fsanitize=thread)
plain=(-O2 -DNDEBUG)

export ASAN_OPTIONS="${ASAN_OPTIONS:-abort_on_error=0:detect_leaks=1:strict_string_checks=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
export TSAN_OPTIONS="${TSAN_OPTIONS:-halt_on_error=1:second_deadlock_stack=1}"

failed=0

# run NAME MODE "ARGS" FLAGS... : build test/NAME.cc with FLAGS, run it with ARGS (a hang counts
# as a failure after 120 s), print one line (PASS or FAIL, which the end of this script counts).
run() {
  local name="$1" mode="$2" args="$3"
  shift 3
  local bin="$out/$name.$mode" log="$out/$name.$mode.log" start end rc
  start=$(date +%s.%N)
  if ! "$cxx" "${common[@]}" "$@" "$here/$name.cc" -o "$bin" >"$log" 2>&1; then
    echo "FAIL $name [$mode]: build failed"
    sed 's/^/    /' "$log" | head -40
    return
  fi
  # shellcheck disable=SC2086
  timeout 120 "$bin" $args >"$log" 2>&1
  rc=$?
  end=$(date +%s.%N)
  local secs
  secs=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f", b - a }')
  if [ "$rc" -eq 0 ]; then
    echo "PASS $name [$mode] ${secs}s: $(tail -n 1 "$log")"
  else
    [ "$rc" -eq 124 ] && echo "FAIL $name [$mode] ${secs}s: timed out" || echo "FAIL $name [$mode] ${secs}s: exit $rc"
    sed 's/^/    /' "$log" | head -60
  fi
}

# Arguments: wheel_test SEEDS OPS, mpsc_test MESSAGES_PER_PRODUCER,
# channel_test RECORDS_PER_PRODUCER.
# Two lanes of about equal length run side by side (a build plus a run each time, mostly one core
# apiece); each run's lines go to a numbered file, printed in this order when both are done.
lane1() {
  run channel_test asan+ubsan "2000" "${asan[@]}" >"$out/r3" 2>&1
  run channel_test O2 "4000" "${plain[@]}" >"$out/r8" 2>&1
}
lane2() {
  run wheel_test asan+ubsan "400 3000" "${asan[@]}" >"$out/r1" 2>&1
  run mpsc_test asan+ubsan "10000" "${asan[@]}" >"$out/r2" 2>&1
  run mpsc_test tsan "4000" "${tsan[@]}" >"$out/r4" 2>&1
  run channel_test tsan "2000" "${tsan[@]}" >"$out/r5" 2>&1
  run wheel_test O2 "400 3000" "${plain[@]}" >"$out/r6" 2>&1
  run mpsc_test O2 "20000" "${plain[@]}" >"$out/r7" 2>&1
  run channel_test O2 "repro-remaining" "${plain[@]}" >"$out/r9" 2>&1
}
lane1 &
lane2 &
wait
for i in 1 2 3 4 5 6 7 8 9; do
  cat "$out/r$i"
  grep -q '^FAIL' "$out/r$i" && failed=1
done

if [ "$failed" -ne 0 ]; then
  echo "native tests: FAILED"
  exit 1
fi
echo "native tests: all passed"
