"""The Python side of the bindings' call overhead (see overhead.c): the same
small query (answer decoded to a dict) and the same ranking (numpy arrays,
outputs given with out=). Prints "<name> <median ns per call>".
usage: overhead.py EXAMPLE.textproto"""

import statistics
import sys
import time

import numpy

import chuangwen

UNITS, INDICATORS = 1_000_000, 20


def main():
    with chuangwen.Campaign.from_file(sys.argv[1]) as c:
        samples = []
        for _ in range(31):
            t0 = time.perf_counter_ns()
            for _ in range(2000):
                c.task_parties("1.1")
            samples.append((time.perf_counter_ns() - t0) / 2000)
        print(f"small_query {statistics.median(samples):.0f}")
        raw = []
        for _ in range(31):
            t0 = time.perf_counter_ns()
            for _ in range(2000):
                c.query_bytes("task_parties", "1.1", fmt="binary")
            raw.append((time.perf_counter_ns() - t0) / 2000)
        print(f"small_query_raw {statistics.median(raw):.0f}")

    # Scores like overhead.c's: 0.00 to 100.00 in steps of 0.01.
    rng = numpy.random.default_rng(12345)
    x = rng.integers(0, 10001, size=(UNITS, INDICATORS)) / 100.0
    weights = numpy.full(INDICATORS, 1.0 / INDICATORS)
    out = (numpy.empty(UNITS, numpy.int32), None, numpy.empty(UNITS, numpy.float64))
    with chuangwen.RankWorkspace() as ws:
        samples = []
        for _ in range(11):
            t0 = time.perf_counter_ns()
            ws.rank_arrays(x, weights, normalize_weights=True, out=out)
            samples.append(time.perf_counter_ns() - t0)
    print(f"rank_1e6x20 {statistics.median(samples):.0f}")


if __name__ == "__main__":
    main()
