"""The production settings as deployed (config.settings.prod), for bench_pages: only the
collected static files go to a temporary folder instead of the working tree."""

import os
from pathlib import Path

from config.settings.prod import *  # noqa: F403

STATIC_ROOT = Path(os.environ["STERK_BENCH_STATIC_ROOT"])
