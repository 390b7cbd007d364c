#!/usr/bin/python3
"""Times commands interleaved: round i runs every command once, in order, so that the minute-to-
minute speed swings of a shared VM (20-30% here) hit all of them alike. Prints the median, the
quartiles and the minimum wall time per command, and each command's speed-up over the first.

  bench/interleaved.py 40 'build/crosscheck dedup --quiet -j 1 F' 'build/crosscheck dedup --quiet -j 2 F'
"""
import shlex
import statistics
import subprocess
import sys
import time


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    rounds = int(sys.argv[1])
    commands = [shlex.split(c) for c in sys.argv[2:]]
    times = [[] for _ in commands]
    for _ in range(2):  # warm-up: page cache, CPU frequency
        for c in commands:
            subprocess.run(c, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    for _ in range(rounds):
        for k, c in enumerate(commands):
            start = time.perf_counter()
            r = subprocess.run(c, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
            times[k].append(time.perf_counter() - start)
            if r.returncode not in (0, 1):
                sys.exit("interleaved: %s exited with %d" % (" ".join(c), r.returncode))
    base = statistics.median(times[0])
    for k, c in enumerate(commands):
        ts = sorted(times[k])
        med = statistics.median(ts)
        print("%s\n  median %.1f ms  p25 %.1f  p75 %.1f  min %.1f  (%.2fx the first)" % (
            " ".join(c), 1000 * med, 1000 * ts[len(ts) // 4], 1000 * ts[(3 * len(ts)) // 4],
            1000 * ts[0], base / med))


if __name__ == "__main__":
    main()
