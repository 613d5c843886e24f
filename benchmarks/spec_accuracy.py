"""How well figures are read against the Recognizers-Text English Dimension and Currency
specifications (tests/fixtures/specs/), scored as tests/test_surface_specs.py scores them:
accuracy over all cases and over the in-scope ones, read by the figure reader alone and
through the whole engine (the claims users get), and with --wrong every case missed.

    python benchmarks/spec_accuracy.py [--wrong] [--engine] [--spec dimension|currency]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from test_surface_specs import OUT_OF_SCOPE, accuracy, outcomes


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--wrong", action="store_true", help="list every case read wrong")
    ap.add_argument("--engine", action="store_true", help="with --wrong, list the engine's misses, not the reader's")
    ap.add_argument("--spec", choices=["dimension", "currency"], action="append")
    args = ap.parse_args()
    for spec in args.spec or ["dimension", "currency"]:
        for through_engine in (False, True):
            results = outcomes(spec, through_engine)
            scoped = [o for o in results if (spec, o.case.index) not in OUT_OF_SCOPE]
            print(
                f"{spec:10s} {'engine' if through_engine else 'reader':6s}"
                f" all {accuracy(results, False):6.1%} ({sum(o.right for o in results)}/{len(results)})"
                f"   in scope {accuracy(results, True):6.1%} ({sum(o.right for o in scoped)}/{len(scoped)})"
            )
        results = outcomes(spec, args.engine)
        if args.wrong:
            for o in results:
                if not o.right:
                    scope = "  [out of scope]" if (spec, o.case.index) in OUT_OF_SCOPE else ""
                    print(f"  {o.case.index:3d}{scope} {o.case.text[:110]!r}")
                    if o.missing:
                        print(f"       missing {', '.join(o.missing)}")
                    if o.extra:
                        print(f"       extra   {', '.join(o.extra)}")


if __name__ == "__main__":
    main()
