"""Positioning page: cost of the live feedback that runs once typing pauses.

Times (median and p95 over `--runs`) the focus analyser on a typical pitch, on a long pasted
text and on a 20,000-character paste (capped at `MAX_ANALYSED_CHARS`), and one whole
debounced refresh of the page (compose the card, analyse, render, keep the draft) built in
this process as the kernel would, on a temporary profile.

    python benchmarks/positioning_feedback.py [--runs 200]

Target: the refresh well under the 350 ms debounce (it runs on the kernel's event loop), and
a 20,000-character paste no dearer than ~20× a typical pitch.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time


def _times(action, runs: int) -> tuple[float, float]:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return statistics.median(samples), samples[int(0.95 * (len(samples) - 1))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200)
    args = parser.parse_args()
    os.environ["WORKBOOK_HOME"] = tempfile.mkdtemp(prefix="workbook-bench-")

    from workbook.domain.positioning import MAX_ANALYSED_CHARS, analyze
    from workbook.ui.common import open_page_context
    from workbook.ui.positioning import PositioningPage

    typical = ("Je suis contrôleur de gestion industriel. Mon terrain : l'agroalimentaire. J'aide "
               "les DAF de PME industrielles à régler un problème précis : des clôtures qui traînent. "
               "Ce que j'apporte : je ramène la clôture de 10 à 5 jours. Ma différence : 10 ans "
               "en usine avant la finance.")
    long_text = typical * 8
    paste = ("Polyvalent <b>touche-à-tout</b> 🚀 ouvert à toute opportunité, dynamique. "
             * 400)[:20_000]
    rows = []
    for label, text in (("typical pitch", typical), ("long text", long_text),
                        ("20,000-char paste", paste)):
        median, p95 = _times(lambda t=text: analyze(t, "fr"), args.runs)
        rows.append((label, len(text), median, p95))
    base = rows[0][2]
    print(f"analyze() over {args.runs} runs (reads at most {MAX_ANALYSED_CHARS} characters)")
    for label, size, median, p95 in rows:
        print(f"  {label:<18} {size:>6} chars  median {median:7.3f} ms  p95 {p95:7.3f} ms"
              f"  ×{median / base:5.1f} typical")

    page = PositioningPage(open_page_context("bench", "fr"))
    for name, value in (("target_role", "Contrôleur de gestion industriel"),
                        ("sector", "l'agroalimentaire"), ("problem", "des clôtures qui traînent"),
                        ("audience", "les DAF de PME industrielles"),
                        ("difference", "10 ans en usine avant la finance")):
        page.form.step_inputs[name].value = value
    words = iter(range(10**9))

    def keystroke_then_pause():
        page.form.step_inputs["deliverable"].value = f"je ramène la clôture de 10 à {next(words)} jours"

    median, p95 = _times(keystroke_then_pause, max(20, args.runs // 4))
    print(f"whole refresh (compose + analyse + render + draft): median {median:.2f} ms,"
          f" p95 {p95:.2f} ms")


if __name__ == "__main__":
    main()
