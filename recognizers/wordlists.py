"""The word lists in recognizers/data/ (census names, GeoNames places), read once each.

Data, not dependencies: see recognizers/data/README.md for their sources and licences, and
tools/refresh_wordlists.py for how they are rebuilt."""

from __future__ import annotations

import gzip
from functools import cache
from importlib import resources


@cache
def read(name: str) -> tuple[str, ...]:
    """The entries of `recognizers/data/<name>.txt.gz`, in their order."""
    data = resources.files("recognizers").joinpath("data", f"{name}.txt.gz").read_bytes()
    return tuple(gzip.decompress(data).decode("utf-8").splitlines())
