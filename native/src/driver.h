// Driver: the libuv handles that wake the loop (DESIGN.md rule 4).
//
// HOW: on Linux a timerfd (CLOCK_MONOTONIC, nanosecond resolution) watched by a uv_poll handle
// wakes the loop at the next deadline to the microsecond; elsewhere a uv_timer (millisecond
// resolution, rounded up, never early). A uv_async handle wakes the loop for cross-thread posts:
// any number of posts that arrive before the loop runs coalesce into one wake-up.
// Both handles are referenced only while they have something to do: the timer while armed,
// the async while a threadsafe port is open (ref()/unref()), so a process with an idle loop exits.
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
  static constexpr int kWakeAsync = 2;

  // Returns nullptr (and sets *err to a message) when libuv refuses.
  static Driver* Create(uv_loop_t* loop, WakeFn fn, void* data, const char** err);

  // Wake after `delay_us` microseconds (>= 0); replaces any earlier arming.
  void Arm(double delay_us);
  void Disarm();
  // Thread-safe: wake the loop thread (coalesced).
  void Signal();
  // The async handle keeps the process alive only while referenced.
  void RefAsync(bool ref);
  // Closes the handles; the object frees itself once libuv is done with them. No callbacks after.
  void Close();
  bool precise() const { return precise_; }

 private:
  Driver() = default;
  static void OnPoll(uv_poll_t* h, int status, int events);
  static void OnTimer(uv_timer_t* h);
  static void OnAsync(uv_async_t* h);
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
  uv_async_t async_{};
};

}  // namespace aionode

#endif  // AIONODE_DRIVER_H_
