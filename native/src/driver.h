// Driver: the libuv handles that wake the loop (DESIGN.md rule 4).
//
// HOW: on Linux a timerfd (CLOCK_MONOTONIC, nanosecond resolution) watched by a uv_poll handle
// wakes the loop at the next deadline to the microsecond; elsewhere a uv_timer (millisecond
// resolution, rounded up, never early). The handle is referenced only while armed, so a process
// whose loops have no pending timers can exit. (Cross-thread posts wake the loop through the
// uv_async handle of their own channel: threadsafe.h and the Consumer in addon.cc.)
//
// WHY one JS call per wake-up: the callback (`onWake(reason)`) runs the loop's batch; everything
// per timer or per message stays in shared buffers.
#ifndef AIONODE_DRIVER_H_
#define AIONODE_DRIVER_H_

#include <uv.h>

#include <cstdint>

namespace aionode {

class Driver {
 public:
  using WakeFn = void (*)(void* data, int reason);
  static constexpr int kWakeTimer = 1;

  // Returns nullptr (and sets *err to a message) when libuv refuses.
  static Driver* Create(uv_loop_t* loop, WakeFn fn, void* data, const char** err);

  // Wake after `delay_us` microseconds (>= 0); replaces any earlier arming.
  void Arm(double delay_us);
  void Disarm();
  // Closes the handles; the object frees itself once libuv is done with them. No callbacks after.
  void Close();
  bool precise() const { return precise_; }

 private:
  Driver() = default;
  static void OnPoll(uv_poll_t* h, int status, int events);
  static void OnTimer(uv_timer_t* h);
  static void OnClosed(uv_handle_t* h);

  WakeFn fn_ = nullptr;
  void* data_ = nullptr;
  bool precise_ = false;
  bool armed_ = false;
  bool closing_ = false;
  int pending_closes_ = 0;
  int tfd_ = -1;
  uv_poll_t poll_{};
  uv_timer_t timer_{};
};

}  // namespace aionode

#endif  // AIONODE_DRIVER_H_
