"""How reliably the EmoLab kernel starts: N starts, each given --timeout seconds to answer.

Starts the kernelspec (default emolab-java, found through JUPYTER_PATH) N times in a row; a start
counts as answered when kernel_info gets a reply within --timeout seconds (a healthy kernel answers
in 1–3 s), then the kernel is shut down. Prints one line per start and a summary line
`starts=N answered=A hung=H median_s=M max_s=X`; exit 0 when every start answered, 1 otherwise.
A measurement program (run it by hand, with the machine otherwise idle), not a unit test:

    JUPYTER_PATH=build/jupyter build/python environment/kernel_start_check.py [-n 30] [--kernel NAME]
"""
import argparse
import statistics
import sys
import time


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", type=int, default=30)
    ap.add_argument("--timeout", type=float, default=15)
    ap.add_argument("--kernel", default="emolab-java")
    a = ap.parse_args()
    from jupyter_client.manager import KernelManager
    times, hung = [], 0
    for i in range(1, a.n + 1):
        km = KernelManager(kernel_name=a.kernel)
        t0 = time.monotonic()
        km.start_kernel()
        kc = km.client()
        kc.start_channels()
        try:
            kc.wait_for_ready(timeout=a.timeout)
            dt = time.monotonic() - t0
            times.append(dt)
            print(f"start {i}: answered in {dt:.2f} s", flush=True)
        except RuntimeError:
            hung += 1
            print(f"start {i}: no answer in {a.timeout:.0f} s (hung)", flush=True)
        finally:
            kc.stop_channels()
            km.shutdown_kernel(now=True)
    med = statistics.median(times) if times else float("nan")
    print(f"starts={a.n} answered={len(times)} hung={hung} median_s={med:.2f} max_s={max(times, default=float('nan')):.2f}")
    return 0 if hung == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
