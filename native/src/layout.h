// The shared-buffer layout between the TypeScript loop and the native core.
//
// HOW: JS owns three typed arrays per timer core and hands them to the addon once, at creation.
//   commands  Float64Array[kCmdCapacity * 2]   pairs (word, deadline):
//                word >= 0        schedule timer `word` at `deadline` (integer µs tick)
//                word <  0        cancel timer `-1 - word` (deadline unused), for word >= -2^31
//                kCmdSyncTime     the wheel holds no timer: move its time to `deadline` (a tick)
//   out       Int32Array (the loop's "fired" buffer, any length)   ids written by advance
//   state     Float64Array[kStateWords]   written by every native call:
//                [kStateNextDeadline]  the wheel's next deadline (lower bound), -1 when none
//                [kStateSize]          pending timers in the wheel
//                [kStateBytes]         bytes the wheel holds (for the bytes-per-timer figure)
// JS appends commands; the loop makes one native call per iteration, advance(n, now, max), which
// applies the n commands in order, advances the wheel and writes the expired ids. When the command
// buffer fills between iterations JS calls flush(n), once per kCmdCapacity commands.
//
// WHY a version and a mirror: src/backend/layout.ts repeats these numbers; the loader compares
// the addon's exported `layout` object with it and falls back to the js backend on a mismatch,
// so a stale prebuild can never misread the buffers.
#ifndef AIONODE_LAYOUT_H_
#define AIONODE_LAYOUT_H_

#include <cstdint>

namespace aionode {
namespace layout {

constexpr int32_t kVersion = 2;
constexpr int32_t kCmdCapacity = 4096;  // commands per buffer (2 doubles each)
constexpr double kCmdSyncTime = -4294967296.0;  // -2^32: below every cancel word
constexpr int32_t kStateWords = 4;
constexpr int32_t kStateNextDeadline = 0;
constexpr int32_t kStateSize = 1;
constexpr int32_t kStateBytes = 2;
// Cross-thread posts (callSoonThreadsafe): records of four doubles (header, three arguments),
// see src/threads/types.ts.
constexpr int32_t kRecordWords = 4;
// 2^53 - 1: the largest tick; larger deadlines are clamped to it.
constexpr double kMaxTick = 9007199254740991.0;

}  // namespace layout
}  // namespace aionode

#endif  // AIONODE_LAYOUT_H_
