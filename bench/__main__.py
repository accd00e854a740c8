"""`make bench`: run every benchmark module in this folder and print its figures.

Benchmarks report numbers (and ratios, because this machine is shared and noisy); they do
not pass or fail. Each runs against its own throw-away database."""

import importlib
import pkgutil
import sys
from pathlib import Path


def main() -> None:
    here = Path(__file__).parent
    names = [m.name for m in pkgutil.iter_modules([str(here)]) if m.name.startswith("bench_")]
    only = sys.argv[1:]
    for name in sorted(names):
        if only and name not in only:
            continue
        print(f"== {name}")
        importlib.import_module(f"bench.{name}").run()


if __name__ == "__main__":
    main()
