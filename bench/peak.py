"""Run the storyline CLI and write this process's own peak resident memory (kB) to ``$STORYLINE_PEAK_FILE``.

``bench/read.py`` starts commands through it: the ``ru_maxrss`` a parent reads for its child counts the
pages the child shared with the parent between fork and exec (the benchmark process holds the web app:
about 100 MB), so small peaks all read as the parent's size. ``VmHWM`` in ``/proc/self/status`` is the
high-water mark of this process's own memory since it started.

    STORYLINE_PEAK_FILE=/tmp/peak python bench/peak.py --db corpus.db export -o out.json
"""

from __future__ import annotations

import atexit
import os
import sys


def own_peak_kb() -> int | None:
    """VmHWM of this process (Linux), else None."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


def _report() -> None:
    peak = own_peak_kb()
    target = os.environ.get("STORYLINE_PEAK_FILE")
    if target and peak is not None:
        with open(target, "w", encoding="ascii") as out:
            out.write(str(peak))


if __name__ == "__main__":
    atexit.register(_report)
    from storyline.cli import main

    sys.argv[0] = "storyline"
    main()
