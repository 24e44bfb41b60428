// The N-API surface of the native core, nothing else (DESIGN.md).
//
// Exports:
//   layout                  the numbers of layout.h, compared with src/backend/layout.ts at load
//   TimerCore(cmds, state)  a TimerWheel fed from the shared command buffer:
//       .setOut(int32Array)         where advance() writes expired ids
//       .advance(n, now, max) -> k  apply n commands, fire what is due at `now` (at most max)
//       .flush(n)                   apply n commands only (the buffer filled up)
//       .clear()
//   Driver(onWake)          libuv wake-ups for one loop (driver.h):
//       .arm(delayUs) .disarm() .close() .precise
//
// Per-environment state (worker threads each load the addon): every live Driver is registered in
// the environment's instance data, and an environment cleanup hook closes those still open, so a
// worker that exits never leaves libuv handles behind.
#include <napi.h>
#include <uv.h>

#include <cmath>
#include <unordered_set>

#include "driver.h"
#include "layout.h"
#include "threadsafe.h"
#include "timer_wheel.h"

namespace aionode {
namespace {

// Objects that hold libuv handles register here so the environment's cleanup hook can close them.
class Closable {
 public:
  virtual void Shutdown() = 0;

 protected:
  ~Closable() = default;
};

struct EnvState {
  std::unordered_set<Closable*> live;
};

// Calls a JS function from a libuv callback with napi_make_callback: microtasks queued by the
// call run before libuv goes on, as after any I/O callback, and an exception becomes an uncaught
// exception of the process. Raw N-API on purpose: while a worker is being terminated every call
// fails, and node-addon-api's error path (building an Error object) would then abort the process.
// `arg` < 0: no argument.
void CallBack(napi_env env, const Napi::FunctionReference& fn, napi_async_context ctx, int32_t arg) {
  napi_handle_scope scope;
  if (napi_open_handle_scope(env, &scope) != napi_ok) return;
  napi_value argv[1];
  size_t argc = 0;
  if (arg >= 0 && napi_create_int32(env, arg, &argv[0]) == napi_ok) argc = 1;
  napi_value func;
  napi_value global;
  if (napi_get_reference_value(env, fn, &func) == napi_ok && func != nullptr && napi_get_global(env, &global) == napi_ok) {
    napi_value result;
    if (napi_make_callback(env, ctx, global, func, argc, argv, &result) != napi_ok) {
      bool pending = false;
      if (napi_is_exception_pending(env, &pending) == napi_ok && pending) {
        napi_value exc;
        // During termination this fails too, and the exception is dropped with the environment.
        if (napi_get_and_clear_last_exception(env, &exc) == napi_ok) napi_fatal_exception(env, exc);
      }
    }
  }
  napi_close_handle_scope(env, scope);
}

// A JS function that libuv callbacks call (with its async context), and its owner's registration
// with the environment's cleanup hook. Driver and Consumer each hold one.
class LoopCallback {
 public:
  void Init(Napi::Env env, Napi::Function fn, const char* name, Closable* owner) {
    fn_ = Napi::Persistent(fn);
    ctx_ = new Napi::AsyncContext(env, name);
    owner_ = owner;
    state_ = env.GetInstanceData<EnvState>();
    if (state_ != nullptr) state_->live.insert(owner);
  }
  void Call(Napi::Env env, int32_t arg) {
    if (ctx_ != nullptr && !fn_.IsEmpty()) CallBack(env, fn_, *ctx_, arg);
  }
  // No calls after this; the owner leaves the cleanup list.
  void Stop() {
    if (state_ != nullptr) {
      state_->live.erase(owner_);
      state_ = nullptr;
    }
    delete ctx_;
    ctx_ = nullptr;
  }
  // Also let go of the function (an explicit close from JS).
  void Release() {
    Stop();
    fn_.Reset();
  }

 private:
  Napi::FunctionReference fn_;
  Napi::AsyncContext* ctx_ = nullptr;
  Closable* owner_ = nullptr;
  EnvState* state_ = nullptr;
};

// ------------------------------------------------------------------ TimerCore

class TimerCoreWrap : public Napi::ObjectWrap<TimerCoreWrap> {
 public:
  static Napi::Function Init(Napi::Env env) {
    return DefineClass(env, "TimerCore",
                       {InstanceMethod<&TimerCoreWrap::SetOut>("setOut"),
                        InstanceMethod<&TimerCoreWrap::Advance>("advance"),
                        InstanceMethod<&TimerCoreWrap::Flush>("flush"),
                        InstanceMethod<&TimerCoreWrap::Clear>("clear")});
  }

  explicit TimerCoreWrap(const Napi::CallbackInfo& info) : Napi::ObjectWrap<TimerCoreWrap>(info) {
    Napi::Env env = info.Env();
    if (info.Length() < 2 || !info[0].IsTypedArray() || !info[1].IsTypedArray()) {
      Napi::TypeError::New(env, "TimerCore(commands: Float64Array, state: Float64Array)").ThrowAsJavaScriptException();
      return;
    }
    Napi::TypedArray cmds = info[0].As<Napi::TypedArray>();
    Napi::TypedArray state = info[1].As<Napi::TypedArray>();
    if (cmds.TypedArrayType() != napi_float64_array || cmds.ElementLength() < 2u * layout::kCmdCapacity ||
        state.TypedArrayType() != napi_float64_array || state.ElementLength() < static_cast<size_t>(layout::kStateWords)) {
      Napi::TypeError::New(env, "TimerCore: buffers do not match the layout").ThrowAsJavaScriptException();
      return;
    }
    cmds_ = cmds.As<Napi::Float64Array>().Data();
    state_ = state.As<Napi::Float64Array>().Data();
    // Keep the buffers alive as long as this object holds their data pointers.
    cmds_ref_ = Napi::Persistent(cmds);
    state_ref_ = Napi::Persistent(state);
    Publish();
  }

 private:
  void Apply(uint32_t n) {
    if (n > static_cast<uint32_t>(layout::kCmdCapacity)) n = layout::kCmdCapacity;
    const double* c = cmds_;
    for (uint32_t i = 0; i < n; i++, c += 2) {
      double word = c[0];
      // Ids come from JS's free list (small non-negative integers); anything else is ignored.
      if (word >= 0 && word < TimerWheel::kIdLimit) {
        wheel_.schedule(static_cast<uint32_t>(word), TimerWheel::deadline_from_double(c[1]));
      } else if (word < 0 && word >= -static_cast<double>(TimerWheel::kIdLimit)) {
        wheel_.cancel(static_cast<uint32_t>(-1.0 - word));
      } else if (word == layout::kCmdSyncTime) {
        wheel_.sync_time(TimerWheel::time_from_double(c[1]));
      }
    }
  }

  void Publish() {
    state_[layout::kStateNextDeadline] = static_cast<double>(wheel_.next_deadline());
    state_[layout::kStateSize] = static_cast<double>(wheel_.size());
    state_[layout::kStateBytes] = static_cast<double>(wheel_.memory_bytes());
  }

  Napi::Value SetOut(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    if (info.Length() < 1 || !info[0].IsTypedArray() ||
        info[0].As<Napi::TypedArray>().TypedArrayType() != napi_int32_array) {
      Napi::TypeError::New(env, "setOut(out: Int32Array)").ThrowAsJavaScriptException();
      return env.Undefined();
    }
    Napi::Int32Array out = info[0].As<Napi::Int32Array>();
    out_ = out.Data();
    out_len_ = static_cast<uint32_t>(out.ElementLength());
    out_ref_ = Napi::Persistent(static_cast<Napi::TypedArray>(out));
    return env.Undefined();
  }

  // The one call per loop iteration.
  Napi::Value Advance(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    uint32_t n = info[0].As<Napi::Number>().Uint32Value();
    double now = info[1].As<Napi::Number>().DoubleValue();
    uint32_t max = info[2].As<Napi::Number>().Uint32Value();
    Apply(n);
    uint32_t k = 0;
    if (out_ != nullptr) {
      if (max > out_len_) max = out_len_;
      k = wheel_.advance(TimerWheel::time_from_double(now), out_, max);
    }
    Publish();
    return Napi::Number::New(env, k);
  }

  Napi::Value Flush(const Napi::CallbackInfo& info) {
    Apply(info[0].As<Napi::Number>().Uint32Value());
    Publish();
    return info.Env().Undefined();
  }

  Napi::Value Clear(const Napi::CallbackInfo& info) {
    wheel_.clear();
    Publish();
    return info.Env().Undefined();
  }

  TimerWheel wheel_{1024};
  double* cmds_ = nullptr;
  double* state_ = nullptr;
  int32_t* out_ = nullptr;
  uint32_t out_len_ = 0;
  Napi::Reference<Napi::TypedArray> cmds_ref_;
  Napi::Reference<Napi::TypedArray> state_ref_;
  Napi::Reference<Napi::TypedArray> out_ref_;
};

// ------------------------------------------------------------------ Driver

class DriverWrap : public Napi::ObjectWrap<DriverWrap>, public Closable {
 public:
  static Napi::Function Init(Napi::Env env) {
    return DefineClass(env, "Driver",
                       {InstanceMethod<&DriverWrap::Arm>("arm"), InstanceMethod<&DriverWrap::Disarm>("disarm"),
                        InstanceMethod<&DriverWrap::Close>("close"),
                        InstanceAccessor<&DriverWrap::Precise>("precise")});
  }

  explicit DriverWrap(const Napi::CallbackInfo& info) : Napi::ObjectWrap<DriverWrap>(info) {
    Napi::Env env = info.Env();
    if (info.Length() < 1 || !info[0].IsFunction()) {
      Napi::TypeError::New(env, "Driver(onWake: (reason: number) => void)").ThrowAsJavaScriptException();
      return;
    }
    uv_loop_t* loop = nullptr;
    if (napi_get_uv_event_loop(env, &loop) != napi_ok || loop == nullptr) {
      Napi::Error::New(env, "napi_get_uv_event_loop failed").ThrowAsJavaScriptException();
      return;
    }
    const char* err = nullptr;
    driver_ = Driver::Create(loop, &DriverWrap::OnWake, this, &err);
    if (driver_ == nullptr) {
      Napi::Error::New(env, std::string("aionode driver: ") + err).ThrowAsJavaScriptException();
      return;
    }
    on_wake_.Init(env, info[0].As<Napi::Function>(), "aionode.Driver", this);
  }

  ~DriverWrap() override { Shutdown(); }

  // Called by the environment cleanup hook too.
  void Shutdown() override {
    if (driver_ != nullptr) {
      driver_->Close();
      driver_ = nullptr;
    }
    on_wake_.Stop();
  }

 private:
  static void OnWake(void* data, int reason) {
    DriverWrap* self = static_cast<DriverWrap*>(data);
    if (self->driver_ != nullptr) self->on_wake_.Call(self->Env(), reason);
  }

  Napi::Value Arm(const Napi::CallbackInfo& info) {
    if (driver_ != nullptr) driver_->Arm(info[0].As<Napi::Number>().DoubleValue());
    return info.Env().Undefined();
  }
  Napi::Value Disarm(const Napi::CallbackInfo& info) {
    if (driver_ != nullptr) driver_->Disarm();
    return info.Env().Undefined();
  }
  Napi::Value Close(const Napi::CallbackInfo& info) {
    Shutdown();
    on_wake_.Release();
    return info.Env().Undefined();
  }
  Napi::Value Precise(const Napi::CallbackInfo& info) {
    return Napi::Boolean::New(info.Env(), driver_ != nullptr && driver_->precise());
  }

  Driver* driver_ = nullptr;
  LoopCallback on_wake_;
};


// ------------------------------------------------------------------ cross-thread channel

// The loop-thread side of a Channel (threadsafe.h): Consumer(capacity, onPosts).
//   .token .capacity .drain(out: Float64Array, max) .arm() .close() .remaining() .settle(ms)
class ConsumerWrap : public Napi::ObjectWrap<ConsumerWrap>, public Closable {
 public:
  static Napi::Function Init(Napi::Env env) {
    return DefineClass(env, "Consumer",
                       {InstanceMethod<&ConsumerWrap::Drain>("drain"), InstanceMethod<&ConsumerWrap::Arm>("arm"),
                        InstanceMethod<&ConsumerWrap::Close>("close"),
                        InstanceMethod<&ConsumerWrap::Remaining>("remaining"),
                        InstanceMethod<&ConsumerWrap::Settle>("settle"),
                        InstanceAccessor<&ConsumerWrap::Token>("token"),
                        InstanceAccessor<&ConsumerWrap::Capacity>("capacity")});
  }

  explicit ConsumerWrap(const Napi::CallbackInfo& info) : Napi::ObjectWrap<ConsumerWrap>(info) {
    Napi::Env env = info.Env();
    if (info.Length() < 2 || !info[0].IsNumber() || !info[1].IsFunction()) {
      Napi::TypeError::New(env, "Consumer(capacity: number, onPosts: () => void)").ThrowAsJavaScriptException();
      return;
    }
    double cap = info[0].As<Napi::Number>().DoubleValue();
    if (!(cap >= 2 && cap <= 1 << 22)) {
      Napi::RangeError::New(env, "Consumer: capacity must be in [2, 2^22]").ThrowAsJavaScriptException();
      return;
    }
    channel_ = std::make_shared<Channel>(static_cast<size_t>(cap));
    if (!channel_->ok()) {
      Napi::Error::New(env, "Consumer: out of memory").ThrowAsJavaScriptException();
      return;
    }
    uv_loop_t* loop = nullptr;
    napi_get_uv_event_loop(env, &loop);
    async_ = new uv_async_t();
    if (loop == nullptr || uv_async_init(loop, async_, &ConsumerWrap::OnAsync) != 0) {
      delete async_;
      async_ = nullptr;
      Napi::Error::New(env, "Consumer: uv_async_init failed").ThrowAsJavaScriptException();
      return;
    }
    async_->data = this;
    // The handle never keeps the process alive by itself (threads.ts keeps a handle alive on
    // purpose, with ref()/unref()).
    uv_unref(reinterpret_cast<uv_handle_t*>(async_));
    channel_->Attach([](void* h) { uv_async_send(static_cast<uv_async_t*>(h)); }, async_);
    token_ = ChannelRegistry::Add(channel_);
    on_posts_.Init(env, info[1].As<Napi::Function>(), "aionode.Threadsafe", this);
  }

  ~ConsumerWrap() override { Shutdown(); }

  void Shutdown() override {
    if (channel_ != nullptr) {
      channel_->Close();
      ChannelRegistry::Remove(token_);
    }
    if (async_ != nullptr) {
      async_->data = nullptr;
      uv_close(reinterpret_cast<uv_handle_t*>(async_), [](uv_handle_t* h) { delete reinterpret_cast<uv_async_t*>(h); });
      async_ = nullptr;
    }
    on_posts_.Stop();
  }

 private:
  static void OnAsync(uv_async_t* h) {
    ConsumerWrap* self = static_cast<ConsumerWrap*>(h->data);
    if (self != nullptr) self->on_posts_.Call(self->Env(), -1);
  }

  Napi::Value Drain(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    if (channel_ == nullptr || info.Length() < 2 || !info[0].IsTypedArray() ||
        info[0].As<Napi::TypedArray>().TypedArrayType() != napi_float64_array) {
      return Napi::Number::New(env, 0);
    }
    Napi::Float64Array out = info[0].As<Napi::Float64Array>();
    size_t max = info[1].As<Napi::Number>().Uint32Value();
    size_t fit = out.ElementLength() / 4;
    if (max > fit) max = fit;
    size_t n = channel_->Drain(reinterpret_cast<Record*>(out.Data()), max);
    return Napi::Number::New(env, static_cast<double>(n));
  }
  Napi::Value Arm(const Napi::CallbackInfo& info) {
    return Napi::Boolean::New(info.Env(), channel_ != nullptr && channel_->Arm());
  }
  // Closing refuses later posts; the channel stays registered until this object goes away, so a
  // worker that connects late still finds it and learns from its first post that it is closed
  // (as with the js transport).
  Napi::Value Close(const Napi::CallbackInfo& info) {
    if (channel_ != nullptr) channel_->Close();
    return info.Env().Undefined();
  }
  Napi::Value Remaining(const Napi::CallbackInfo& info) {
    return Napi::Number::New(info.Env(), channel_ == nullptr ? 0 : static_cast<double>(channel_->Remaining()));
  }
  Napi::Value Settle(const Napi::CallbackInfo& info) {
    double ms = info.Length() > 0 && info[0].IsNumber() ? info[0].As<Napi::Number>().DoubleValue() : 0;
    return Napi::Boolean::New(info.Env(), channel_ == nullptr || channel_->Settle(ms));
  }
  Napi::Value Token(const Napi::CallbackInfo& info) { return Napi::Number::New(info.Env(), token_); }
  Napi::Value Capacity(const Napi::CallbackInfo& info) {
    return Napi::Number::New(info.Env(), channel_ == nullptr ? 0 : static_cast<double>(channel_->capacity()));
  }

  std::shared_ptr<Channel> channel_;
  uint32_t token_ = 0;
  uv_async_t* async_ = nullptr;
  LoopCallback on_posts_;
};

// The producer side, in any thread: Producer(token). .push(records: Float64Array, n)
// .consumerClosed() .statusWord(): an Int32Array over the channel's closed flag (0 open, 1 closed),
// so JS checks it per post with a plain load instead of a native call.
class ProducerWrap : public Napi::ObjectWrap<ProducerWrap> {
 public:
  static Napi::Function Init(Napi::Env env) {
    return DefineClass(env, "Producer",
                       {InstanceMethod<&ProducerWrap::Push>("push"),
                        InstanceMethod<&ProducerWrap::ConsumerClosed>("consumerClosed"),
                        InstanceMethod<&ProducerWrap::StatusWord>("statusWord")});
  }

  explicit ProducerWrap(const Napi::CallbackInfo& info) : Napi::ObjectWrap<ProducerWrap>(info) {
    Napi::Env env = info.Env();
    if (info.Length() < 1 || !info[0].IsNumber()) {
      Napi::TypeError::New(env, "Producer(token: number)").ThrowAsJavaScriptException();
      return;
    }
    channel_ = ChannelRegistry::Find(info[0].As<Napi::Number>().Uint32Value());
    if (channel_ == nullptr) {
      Napi::Error::New(env, "the loop's threadsafe handle is closed").ThrowAsJavaScriptException();
    }
  }

 private:
  Napi::Value Push(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    if (channel_ == nullptr || info.Length() < 2 || !info[0].IsTypedArray() ||
        info[0].As<Napi::TypedArray>().TypedArrayType() != napi_float64_array) {
      return Napi::Number::New(env, 0);
    }
    Napi::Float64Array recs = info[0].As<Napi::Float64Array>();
    size_t n = info[1].As<Napi::Number>().Uint32Value();
    size_t fit = recs.ElementLength() / 4;
    if (n > fit) n = fit;
    size_t done = channel_->Push(reinterpret_cast<const Record*>(recs.Data()), n);
    return Napi::Number::New(env, static_cast<double>(done));
  }
  Napi::Value ConsumerClosed(const Napi::CallbackInfo& info) {
    return Napi::Boolean::New(info.Env(), channel_ == nullptr || channel_->closed());
  }
  Napi::Value StatusWord(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    if (channel_ == nullptr) return env.Null();
    // The buffer keeps its own reference to the channel, released when V8 collects it.
    auto* keep = new std::shared_ptr<Channel>(channel_);
    Napi::ArrayBuffer ab = Napi::ArrayBuffer::New(
        env, static_cast<void*>(channel_->closed_word()), sizeof(int32_t),
        [](Napi::Env, void*, std::shared_ptr<Channel>* hint) { delete hint; }, keep);
    return Napi::Int32Array::New(env, 1, ab, 0);
  }

  std::shared_ptr<Channel> channel_;
};

// ------------------------------------------------------------------ module

void KeepEnvState(Napi::Env, EnvState*) {}

Napi::Object Layout(Napi::Env env) {
  Napi::Object o = Napi::Object::New(env);
  o.Set("version", layout::kVersion);
  o.Set("cmdCapacity", layout::kCmdCapacity);
  o.Set("stateWords", layout::kStateWords);
  o.Set("stateNextDeadline", layout::kStateNextDeadline);
  o.Set("stateSize", layout::kStateSize);
  o.Set("stateBytes", layout::kStateBytes);
  o.Set("recordWords", layout::kRecordWords);
  o.Set("maxTick", layout::kMaxTick);
  o.Set("cmdSyncTime", layout::kCmdSyncTime);
  return o;
}

Napi::Object Init(Napi::Env env, Napi::Object exports) {
  EnvState* state = new EnvState();
  env.SetInstanceData<EnvState, &KeepEnvState>(state);
  // Environment teardown (process exit, worker exit): close every driver still open, then free
  // the state (here and not in the instance-data finalizer, whose order against cleanup hooks is
  // not specified).
  env.AddCleanupHook([state]() {
    while (!state->live.empty()) (*state->live.begin())->Shutdown();
    delete state;
  });
  exports.Set("layout", Layout(env));
  exports.Set("TimerCore", TimerCoreWrap::Init(env));
  exports.Set("Driver", DriverWrap::Init(env));
  exports.Set("Consumer", ConsumerWrap::Init(env));
  exports.Set("Producer", ProducerWrap::Init(env));
  return exports;
}

}  // namespace
}  // namespace aionode

static Napi::Object InitModule(Napi::Env env, Napi::Object exports) { return aionode::Init(env, exports); }

NODE_API_MODULE(aionode, InitModule)
