# CPython test_futures.py, done callbacks and unretrieved exceptions, as printed traces:
# BaseFutureDoneCallbackTests (test_callbacks_remove_first_callback,
# test_callbacks_remove_first_and_second_callback, test_callbacks_remove_third_callback,
# test_callbacks_invoked_on_set_result, test_callbacks_invoked_on_set_exception,
# test_remove_done_callback, test_schedule_callbacks_list_mutation_1) and BaseFutureTests'
# test_tb_logger_abandoned, test_tb_logger_not_called_after_cancel,
# test_tb_logger_result_unretrieved, test_tb_logger_result_retrieved,
# test_tb_logger_exception_unretrieved, test_tb_logger_exception_retrieved,
# test_tb_logger_exception_result_retrieved, test_future_exception_never_retrieved(_debug).
# (Python reports when the future is collected, aionode at the latest when its loop closes: the
# reports are printed after the close.)
import asyncio
import gc

loop = asyncio.new_event_loop()


def run_briefly():
    loop.run_until_complete(asyncio.sleep(0))


def make_callback(bag, thing):
    def bag_appender(future):
        bag.append(thing)
    return bag_appender


def three(bag):
    return make_callback(bag, 42), make_callback(bag, 17), make_callback(bag, 100)


for name, removals in [
    ("test_callbacks_remove_first_callback", (0, 0)),
    ("test_callbacks_remove_first_and_second_callback", (0, 1, 0)),
    ("test_callbacks_remove_third_callback", (2, 2)),
]:
    print("==", name)
    bag = []
    f = loop.create_future()
    cbs = three(bag)
    for cb in cbs:
        f.add_done_callback(cb)
    print("removed", [f.remove_done_callback(cbs[i]) for i in removals])
    print("bag before", bag)
    f.set_result("foo")
    run_briefly()
    print("bag", bag, "result", f.result())

print("== test_callbacks_invoked_on_set_result")
bag = []
f = loop.create_future()
f.add_done_callback(make_callback(bag, 42))
f.add_done_callback(make_callback(bag, 17))
f.set_result("foo")
print("bag right after set_result", bag)
run_briefly()
print("bag", bag, "result", f.result())

print("== test_callbacks_invoked_on_set_exception")
bag = []
f = loop.create_future()
f.add_done_callback(make_callback(bag, 100))
exc = RuntimeError()
f.set_exception(exc)
print("bag right after set_exception", bag)
run_briefly()
print("bag", bag, "exception is exc", f.exception() is exc)

print("== test_remove_done_callback")
bag = []
f = loop.create_future()
cb1, cb2, cb3 = make_callback(bag, 1), make_callback(bag, 2), make_callback(bag, 3)
f.add_done_callback(cb1)
f.add_done_callback(cb2)
print("remove cb2 ->", f.remove_done_callback(cb2))
print("remove cb3 ->", f.remove_done_callback(cb3))
f.add_done_callback(cb2)
for i in range(5):
    f.add_done_callback(cb1)
print("remove cb1 ->", f.remove_done_callback(cb1))
f.set_result("foo")
run_briefly()
print("bag", bag, "result", f.result())

print("== test_schedule_callbacks_list_mutation_1")
bag = []


def mut(fut):
    bag.append("mut")
    print("  mut removes", fut.remove_done_callback(second))


def second(fut):
    bag.append("second")


f = loop.create_future()
f.add_done_callback(mut)
f.add_done_callback(second)
f.add_done_callback(second)
f.set_result(1)
run_briefly()
print("bag", bag)

reports = []


def handler(lp, context):
    reports.append(context)


def show_reports():
    for ctx in reports:
        print("  report:", ctx["message"], repr(ctx["exception"]), "future" in ctx,
              "source_traceback" in ctx)
    print("  reports:", len(reports))
    reports.clear()


def tb_case(name, setup):
    print("==", name)
    lp = asyncio.new_event_loop()
    lp.set_exception_handler(handler)
    setup(lp)
    gc.collect()
    lp.close()
    show_reports()


def abandoned(lp):
    lp.create_future()


def not_called_after_cancel(lp):
    fut = lp.create_future()
    fut.set_exception(Exception())
    print("  cancel ->", fut.cancel())


def result_unretrieved(lp):
    lp.create_future().set_result(42)


def result_retrieved(lp):
    fut = lp.create_future()
    fut.set_result(42)
    fut.result()


def exception_unretrieved(lp):
    fut = lp.create_future()
    fut.set_exception(RuntimeError("boom"))


def exception_retrieved(lp):
    fut = lp.create_future()
    fut.set_exception(RuntimeError("boom"))
    print("  exception()", repr(fut.exception()))


def exception_result_retrieved(lp):
    fut = lp.create_future()
    fut.set_exception(RuntimeError("boom"))
    try:
        fut.result()
    except RuntimeError as e:
        print("  result() raised", repr(e))


tb_case("test_tb_logger_abandoned", abandoned)
tb_case("test_tb_logger_not_called_after_cancel", not_called_after_cancel)
tb_case("test_tb_logger_result_unretrieved", result_unretrieved)
tb_case("test_tb_logger_result_retrieved", result_retrieved)
tb_case("test_tb_logger_exception_unretrieved", exception_unretrieved)
tb_case("test_tb_logger_exception_retrieved", exception_retrieved)
tb_case("test_tb_logger_exception_result_retrieved", exception_result_retrieved)


def never_retrieved(debug):
    def setup(lp):
        lp.set_debug(debug)
        fut = lp.create_future()
        fut.set_exception(MemoryError())
        lp.run_until_complete(asyncio.sleep(0))
    return setup


tb_case("test_future_exception_never_retrieved", never_retrieved(False))
tb_case("test_future_exception_never_retrieved_debug", never_retrieved(True))

loop.close()
