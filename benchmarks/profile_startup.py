"""Where a page's start-up goes in its kernel: the notebook's one cell (imports included)
run under pyinstrument in a fresh process, as a fresh kernel runs it, on a profile of the
current WORKBOOK_HOME (e.g. the one `page_startup.py --keep` leaves, or any real one).

    python benchmarks/profile_startup.py home [--profile large] [--html out.html]
"""

from __future__ import annotations

import argparse
import sys

import IPython  # noqa: F401  (a kernel has IPython and ipykernel loaded before the cell runs)
from pyinstrument import Profiler


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("page")
    parser.add_argument("--profile", default="large")
    parser.add_argument("--lang", default="en")
    parser.add_argument("--html")
    args = parser.parse_args()
    profiler = Profiler(interval=0.002)
    profiler.start()
    import workbook.ui as ui

    getattr(ui, f"build_{args.page}")(args.profile, args.lang)
    profiler.stop()
    if args.html:
        profiler.write_html(args.html)
    print(profiler.output_text(unicode=True, color=False, show_all=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
