#include "driver.h"

#include <cmath>
#include <new>

#if defined(__linux__)
#include <sys/timerfd.h>
#include <unistd.h>
#include <cerrno>
#endif

namespace aionode {

Driver* Driver::Create(uv_loop_t* loop, WakeFn fn, void* data, const char** err) {
  Driver* d = new (std::nothrow) Driver();
  if (d == nullptr) {
    *err = "out of memory";
    return nullptr;
  }
  d->fn_ = fn;
  d->data_ = data;
#if defined(__linux__)
  d->tfd_ = timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK | TFD_CLOEXEC);
  if (d->tfd_ >= 0 && uv_poll_init(loop, &d->poll_, d->tfd_) == 0) {
    d->precise_ = true;
    d->poll_.data = d;
    d->pending_closes_++;
  } else if (d->tfd_ >= 0) {
    close(d->tfd_);
    d->tfd_ = -1;
  }
#endif
  if (!d->precise_) {
    if (uv_timer_init(loop, &d->timer_) != 0) {
      *err = "uv_timer_init failed";
      delete d;
      return nullptr;
    }
    d->timer_.data = d;
    d->pending_closes_++;
  }
  return d;
}

void Driver::Arm(double delay_us) {
  if (closing_) return;
  if (!(delay_us >= 0)) delay_us = 0;
#if defined(__linux__)
  if (precise_) {
    // Relative arming with nanosecond resolution; a zero it_value would disarm, so at least 1 ns.
    double ns = std::ceil(delay_us * 1000.0);
    if (ns < 1) ns = 1;
    itimerspec spec{};
    spec.it_value.tv_sec = static_cast<time_t>(ns / 1e9);
    spec.it_value.tv_nsec = static_cast<long>(ns - static_cast<double>(spec.it_value.tv_sec) * 1e9);
    timerfd_settime(tfd_, 0, &spec, nullptr);
    if (!armed_) uv_poll_start(&poll_, UV_READABLE, &Driver::OnPoll);
    armed_ = true;
    return;
  }
#endif
  // uv_timer counts whole milliseconds from the loop's cached time: round up, never early (the
  // loop re-arms if it still wakes before the deadline).
  uint64_t ms = static_cast<uint64_t>(std::ceil(delay_us / 1000.0));
  if (ms < 1) ms = 1;
  uv_update_time(timer_.loop);
  uv_timer_start(&timer_, &Driver::OnTimer, ms, 0);
  armed_ = true;
}

void Driver::Disarm() {
  if (!armed_ || closing_) return;
  armed_ = false;
#if defined(__linux__)
  if (precise_) {
    itimerspec spec{};
    timerfd_settime(tfd_, 0, &spec, nullptr);
    uv_poll_stop(&poll_);
    return;
  }
#endif
  uv_timer_stop(&timer_);
}

void Driver::OnPoll(uv_poll_t* h, int status, int /*events*/) {
  Driver* d = static_cast<Driver*>(h->data);
#if defined(__linux__)
  uint64_t expirations = 0;
  ssize_t r = read(d->tfd_, &expirations, sizeof expirations);
  (void)r;
#endif
  if (status < 0 || d->closing_) return;
  d->armed_ = false;
  uv_poll_stop(&d->poll_);
  d->fn_(d->data_, kWakeTimer);
}

void Driver::OnTimer(uv_timer_t* h) {
  Driver* d = static_cast<Driver*>(h->data);
  if (d->closing_) return;
  d->armed_ = false;
  d->fn_(d->data_, kWakeTimer);
}

void Driver::Close() {
  if (closing_) return;
  closing_ = true;
  armed_ = false;
  if (pending_closes_ == 0) {
    delete this;
    return;
  }
#if defined(__linux__)
  if (precise_) {
    uv_poll_stop(&poll_);
    uv_close(reinterpret_cast<uv_handle_t*>(&poll_), &Driver::OnClosed);
  }
#endif
  if (!precise_) uv_close(reinterpret_cast<uv_handle_t*>(&timer_), &Driver::OnClosed);
}

void Driver::OnClosed(uv_handle_t* h) {
  Driver* d = static_cast<Driver*>(h->data);
  if (--d->pending_closes_ > 0) return;
#if defined(__linux__)
  if (d->tfd_ >= 0) close(d->tfd_);
#endif
  delete d;
}

}  // namespace aionode
