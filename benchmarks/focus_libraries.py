"""What the focus checker's libraries cost: import and data loading in a fresh Jupyter kernel
(as a Voilà page pays them), and `analyze` on a typical pitch once loaded.

    python benchmarks/focus_libraries.py [--kernels 3] [--runs 500]

Prints, per fresh kernel: `import simplemma`, `import wordfreq`, `warm_up("fr")` (French
lemmas and both frequency lists), `warm_up("en")`, and the first `analyze` after warm-up;
then the median and p95 of `analyze` on a typical pitch in this process.
Targets: `analyze` under 5 ms on a typical pitch; the loading paid once while the page
builds (never on a keystroke).
"""

from __future__ import annotations

import argparse
import json
import statistics
import time

from jupyter_client.manager import start_new_kernel

TYPICAL = ("Je suis contrôleur de gestion industriel. Mon terrain : l'agroalimentaire. J'aide "
           "les DAF de PME industrielles à régler un problème précis : des clôtures qui "
           "traînent. Ce que j'apporte : je ramène la clôture de 10 à 5 jours. Ma différence : "
           "10 ans en usine avant la finance.")

KERNEL_CODE = f"""
import json, time
t = {{}}
s = time.perf_counter(); import simplemma; t["import simplemma"] = time.perf_counter() - s
s = time.perf_counter(); import wordfreq; t["import wordfreq"] = time.perf_counter() - s
s = time.perf_counter(); import workbook.domain.positioning as p
t["import workbook.domain.positioning"] = time.perf_counter() - s
s = time.perf_counter(); p.warm_up("fr"); t['warm_up("fr")'] = time.perf_counter() - s
s = time.perf_counter(); p.warm_up("en"); t['warm_up("en")'] = time.perf_counter() - s
s = time.perf_counter(); p.analyze({TYPICAL!r}, "fr")
t["first analyze after warm-up"] = time.perf_counter() - s
print(json.dumps(t))
"""


def in_kernel() -> dict[str, float]:
    manager, client = start_new_kernel(kernel_name="python3")
    try:
        printed = []

        def output(message):
            if message["msg_type"] == "stream":
                printed.append(message["content"]["text"])

        client.execute_interactive(KERNEL_CODE, timeout=120, output_hook=output)
        return json.loads("".join(printed))
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kernels", type=int, default=3)
    parser.add_argument("--runs", type=int, default=500)
    args = parser.parse_args()
    runs = [in_kernel() for _ in range(args.kernels)]
    print(f"In a fresh kernel (median of {args.kernels} kernels, ms):")
    for name in runs[0]:
        values = sorted(1000 * run[name] for run in runs)
        print(f"  {name:<36} {statistics.median(values):8.1f}   "
              f"(min {values[0]:.1f}, max {values[-1]:.1f})")

    from workbook.domain.positioning import analyze, warm_up

    warm_up("fr")
    analyze(TYPICAL, "fr")
    samples = []
    for index in range(args.runs):
        text = TYPICAL.replace("10 à 5", f"10 à {index % 9}")  # not a cached text each time
        start = time.perf_counter()
        analyze(text, "fr")
        samples.append(1000 * (time.perf_counter() - start))
    samples.sort()
    print(f"analyze() on a typical pitch ({len(TYPICAL)} chars), {args.runs} runs: "
          f"median {statistics.median(samples):.2f} ms, p95 "
          f"{samples[int(0.95 * (len(samples) - 1))]:.2f} ms   target < 5 ms")


if __name__ == "__main__":
    main()
