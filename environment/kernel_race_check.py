"""Shell and control requests racing in the EmoLab kernel: does every request get its own reply?

Jupyter Server "nudges" a kernel when a notebook connects: it sends kernel_info_request on the
shell and on the control channel at the same moment (and again every half second until iopub
answers), while JupyterLab sends its own kernel_info_request and then its first execute_request.
A kernel whose control thread shares the shell thread's reply context answers some of these with
the wrong parent header, on the wrong socket, or not at all — the front end then waits for ever.

This check starts the kernelspec (default emolab-java, found through JUPYTER_PATH) --starts times;
in each kernel it fires --rounds bursts of kernel_info_request on shell and control at once (from
two threads, as a server does), with an execute_request in flight in every other burst, and
checks that each request gets exactly one reply, on its own channel, with its own parent header,
and that the iopub status messages of each request carry that request's parent; at the end a
graceful shutdown_request must get its reply on control and end the kernel process. Prints one line
per start and a summary `starts=N rounds=R requests=Q bad=B`; exit 0 when nothing went wrong.
A measurement program (run it by hand or from a test), not a unit test:

    JUPYTER_PATH=build/jupyter build/python environment/kernel_race_check.py [--starts 3] [--rounds 40]
"""
import argparse
import sys
import threading
import time


def collect(channel, want, timeout):
    """Reads replies from a channel until every msg_id in `want` has one or `timeout` passes."""
    got = {}
    stray = []
    deadline = time.monotonic() + timeout
    while len([k for k in want if k in got]) < len(want) and time.monotonic() < deadline:
        try:
            m = channel.get_msg(timeout=max(0.05, deadline - time.monotonic()))
        except Exception:  # queue.Empty
            continue
        pid = m.get("parent_header", {}).get("msg_id")
        if pid in want:
            if pid in got:
                stray.append(("duplicate reply", m["msg_type"], pid))
            got[pid] = m
        else:
            stray.append(("reply to no request of ours", m["msg_type"], pid))
    return got, stray


def one_start(kernel, rounds, timeout):
    from jupyter_client.manager import KernelManager
    km = KernelManager(kernel_name=kernel)
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    problems = []
    requests = 0
    try:
        kc.wait_for_ready(timeout=60)
        # wait_for_ready may have sent several kernel_info_requests and read one reply: drop the rest
        time.sleep(1.0)
        for ch in (kc.shell_channel, kc.control_channel, kc.iopub_channel):
            while True:
                try:
                    ch.get_msg(timeout=0.2)
                except Exception:
                    break
        for r in range(rounds):
            shell_ids, control_ids = [], []
            barrier = threading.Barrier(2)

            def send_shell():
                barrier.wait()
                if r % 2 == 1:
                    shell_ids.append(kc.execute(f"int emolabRace{r} = {r}; emolabRace{r}", silent=False))
                shell_ids.append(kc.kernel_info())

            def send_control():
                barrier.wait()
                msg = kc.session.msg("kernel_info_request")
                kc.control_channel.send(msg)
                control_ids.append(msg["header"]["msg_id"])

            ts = [threading.Thread(target=send_shell), threading.Thread(target=send_control)]
            for t in ts:
                t.start()
            for t in ts:
                t.join()
            requests += len(shell_ids) + len(control_ids)
            got_s, stray_s = collect(kc.shell_channel, set(shell_ids), timeout)
            got_c, stray_c = collect(kc.control_channel, set(control_ids), timeout)
            for k in shell_ids:
                if k not in got_s:
                    problems.append(f"round {r}: no shell reply to {k}")
            for k in control_ids:
                if k not in got_c:
                    problems.append(f"round {r}: no control reply to {k}")
                elif got_c[k]["msg_type"] != "kernel_info_reply":
                    problems.append(f"round {r}: control answered {got_c[k]['msg_type']}")
            for s in stray_s + stray_c:
                problems.append(f"round {r}: {s[0]} ({s[1]}, parent {s[2]})")
            # every request of ours must see its own 'idle' on iopub
            want_idle = set(shell_ids) | set(control_ids)
            deadline = time.monotonic() + timeout
            while want_idle and time.monotonic() < deadline:
                try:
                    m = kc.iopub_channel.get_msg(timeout=max(0.05, deadline - time.monotonic()))
                except Exception:
                    continue
                if m["msg_type"] == "status" and m["content"].get("execution_state") == "idle":
                    want_idle.discard(m.get("parent_header", {}).get("msg_id"))
            for k in want_idle:
                problems.append(f"round {r}: no iopub idle for {k}")
            if problems:
                break
        if not problems:
            # a graceful shutdown: shutdown_reply on control, then the kernel process ends by itself
            sid = kc.shutdown()
            got, _ = collect(kc.control_channel, {sid}, timeout)
            if sid not in got or got[sid]["msg_type"] != "shutdown_reply":
                problems.append("no shutdown_reply on control")
            deadline = time.monotonic() + timeout
            while km.is_alive() and time.monotonic() < deadline:
                time.sleep(0.1)
            if km.is_alive():
                problems.append(f"kernel still running {timeout:.0f} s after shutdown_reply")
    except RuntimeError as e:
        problems.append(f"kernel did not answer: {e}")
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    return requests, problems


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--starts", type=int, default=3)
    ap.add_argument("--rounds", type=int, default=40)
    ap.add_argument("--timeout", type=float, default=20)
    ap.add_argument("--kernel", default="emolab-java")
    a = ap.parse_args()
    total_requests, bad = 0, 0
    for i in range(1, a.starts + 1):
        t0 = time.monotonic()
        n, problems = one_start(a.kernel, a.rounds, a.timeout)
        total_requests += n
        bad += len(problems)
        state = "ok" if not problems else f"{len(problems)} problem(s)"
        print(f"start {i}: {n} requests, {state} ({time.monotonic() - t0:.1f} s)", flush=True)
        for p in problems[:10]:
            print("  " + p, flush=True)
    print(f"starts={a.starts} rounds={a.rounds} requests={total_requests} bad={bad}")
    return 0 if bad == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
