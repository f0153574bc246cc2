#!/usr/bin/python3
"""Runs one command and prints the CPU and wall seconds it took, as measured by the kernel.

usage: cputime.py PROGRAM [ARG...]

The command's standard output and error pass through unchanged; then one line is printed:
    cpu_s=<user+sys> user_s=<s> sys_s=<s> wall_s=<s> max_rss_mb=<MB>
CPU seconds come from os.wait4 (the child's rusage, all its threads, start-up included), so both sides of
a benchmark pair are measured the same way whatever language they are written in; wall seconds from the
start to the end of the child. Exits with the command's exit code (without the line if it failed).
Standard library only; Unix (wait4).
"""
import os
import subprocess
import sys
import time


def main():
    if len(sys.argv) < 2:
        sys.stderr.write('usage: cputime.py PROGRAM [ARG...]\n')
        return 2
    started = time.perf_counter()
    try:
        child = subprocess.Popen(sys.argv[1:])
    except OSError as err:
        sys.stderr.write(f'cputime.py: cannot run {sys.argv[1]}: {err}\n')
        return 127
    # wait4 reaps the child itself and returns its own resource usage, not that of any other child.
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    wall_s = time.perf_counter() - started
    sys.stdout.flush()
    if child.returncode != 0:
        return child.returncode if child.returncode > 0 else 128 - child.returncode
    # ru_maxrss is in kilobytes on Linux, in bytes on macOS.
    rss_mb = usage.ru_maxrss / (1024 * 1024 if sys.platform == 'darwin' else 1024)
    print(f'cpu_s={usage.ru_utime + usage.ru_stime:.3f} user_s={usage.ru_utime:.3f} sys_s={usage.ru_stime:.3f} '
          f'wall_s={wall_s:.3f} max_rss_mb={rss_mb:.1f}', flush=True)
    return 0


if __name__ == '__main__':
    sys.exit(main())
