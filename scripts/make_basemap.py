#!/usr/bin/env python3
"""Build Safeground's offline basemap, assets/basemap/countries-50m.sgb, from world-atlas.

NEEDS: Python 3.9+ (standard library only) and the npm package `world-atlas@2.0.2`
(ISC licence; Natural Earth 4.1.0 Admin 0 countries, public domain, as TopoJSON):

    mkdir -p /tmp/wa && cd /tmp/wa && npm install world-atlas@2.0.2

RUN from anywhere (output paths are relative to this file):

    python3 scripts/make_basemap.py /tmp/wa/node_modules/world-atlas/countries-50m.json
    python3 scripts/make_basemap.py --check /tmp/wa/node_modules/world-atlas/countries-50m.json

The first form (re)writes assets/basemap/countries-50m.sgb; `--check` only rebuilds in memory and
exits 1 if the committed file differs. Either way the script re-reads the bytes it built, checks
they decode to exactly what it meant to write, and prints counts, size and SHA-256 (copy them
into assets/basemap/README.md).

What it does:

* decodes the TopoJSON `countries` object itself (quantised, delta-encoded arcs + transform; a
  negative arc index ~i means arc i reversed; consecutive arcs of a ring share an end point);
* keeps every country and every polygon, rings in source order (first ring of each polygon is the
  exterior, the others are holes), each ring closed (first point == last point); rings with fewer
  than 4 points are dropped (there are none in 2.0.2);
* cuts the few polygons that world-atlas stitched across the antimeridian back into planar
  pieces at +/-180 degrees (see "Antimeridian" below: 3 polygons become 6, and Antarctica's coast
  is closed along the south pole's parallel, dropping world-atlas' zero-area polar-cap ring);
* orients rings for planar lon/lat: exteriors counter-clockwise, holes clockwise (as GeoJSON
  RFC 7946); drops consecutive repeated points after quantisation;
* expands the abbreviations of Natural Earth's short `name` field (ABBREVIATIONS below, e.g.
  "Bosnia and Herz." -> "Bosnia and Herzegovina"); no other name is changed;
* quantises coordinates to i32 units of 1e-5 degree (about 1.1 m; the source grid is 0.0036 deg
  of longitude by 0.0017 deg of latitude, so this adds no visible error);
* writes countries sorted by name (Unicode code point order), in the format documented byte by
  byte in assets/basemap/README.md (summary: little-endian, "SGBM" + u16 version 1 + u32 country
  count, then per country u16 name length, UTF-8 name, 4 x i32 bbox, u32 polygon count, per
  polygon u32 ring count, per ring u32 point count then point count x (i32 lon, i32 lat)).

The output is deterministic: same input, same bytes.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "assets" / "basemap" / "countries-50m.sgb"

MAGIC = b"SGBM"
VERSION = 1
UNITS_PER_DEGREE = 100_000
EXPECTED_PACKAGE = ("world-atlas", "2.0.2")

# Natural Earth's `NAME` field abbreviates long names. Only abbreviations are expanded here; the
# spelling and choice of name are otherwise Natural Earth's (e.g. "Macedonia", "Faeroe").
ABBREVIATIONS = {
    "Antigua and Barb.": "Antigua and Barbuda",
    "Ashmore and Cartier Is.": "Ashmore and Cartier Islands",
    "Bosnia and Herz.": "Bosnia and Herzegovina",
    "Br. Indian Ocean Ter.": "British Indian Ocean Territory",
    "British Virgin Is.": "British Virgin Islands",
    "Cayman Is.": "Cayman Islands",
    "Central African Rep.": "Central African Republic",
    "Cook Is.": "Cook Islands",
    "Dem. Rep. Congo": "Democratic Republic of the Congo",
    "Dominican Rep.": "Dominican Republic",
    "Eq. Guinea": "Equatorial Guinea",
    "Faeroe Is.": "Faeroe Islands",
    "Falkland Is.": "Falkland Islands",
    "Fr. Polynesia": "French Polynesia",
    "Fr. S. Antarctic Lands": "French Southern and Antarctic Lands",
    "Heard I. and McDonald Is.": "Heard Island and McDonald Islands",
    "Indian Ocean Ter.": "Indian Ocean Territories",
    "Marshall Is.": "Marshall Islands",
    "N. Cyprus": "Northern Cyprus",
    "N. Mariana Is.": "Northern Mariana Islands",
    "Pitcairn Is.": "Pitcairn Islands",
    "S. Geo. and the Is.": "South Georgia and the Islands",
    "S. Sudan": "South Sudan",
    "Solomon Is.": "Solomon Islands",
    "St-Barthélemy": "Saint-Barthélemy",
    "St-Martin": "Saint-Martin",
    "St. Kitts and Nevis": "Saint Kitts and Nevis",
    "St. Pierre and Miquelon": "Saint Pierre and Miquelon",
    "St. Vin. and Gren.": "Saint Vincent and the Grenadines",
    "Turks and Caicos Is.": "Turks and Caicos Islands",
    "U.S. Virgin Is.": "United States Virgin Islands",
    "W. Sahara": "Western Sahara",
    "Wallis and Futuna Is.": "Wallis and Futuna Islands",
}

LON_MAX = 180 * UNITS_PER_DEGREE
LAT_MAX = 90 * UNITS_PER_DEGREE


def fail(msg: str) -> None:
    sys.exit(f"make_basemap.py: {msg}")


def check_package(source: Path) -> None:
    """Refuse a different world-atlas release (the README's counts and hashes would be wrong)."""
    pkg = source.parent / "package.json"
    if not pkg.exists():
        print(f"warning: {pkg} not found; cannot confirm world-atlas {EXPECTED_PACKAGE[1]}",
              file=sys.stderr)
        return
    meta = json.loads(pkg.read_text(encoding="utf-8"))
    found = (meta.get("name"), meta.get("version"))
    if found != EXPECTED_PACKAGE:
        fail(f"expected {EXPECTED_PACKAGE[0]}@{EXPECTED_PACKAGE[1]}, found {found[0]}@{found[1]}")


def decode_arcs(topo: dict) -> list[list[tuple[float, float]]]:
    """Absolute lon/lat (degrees, f64) of every arc."""
    transform = topo.get("transform")
    if transform is None:
        fail("expected a quantised TopoJSON (with a transform)")
    kx, ky = transform["scale"]
    dx, dy = transform["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for qx, qy in arc:
            x += qx
            y += qy
            points.append((x * kx + dx, y * ky + dy))  # as topojson-client does
        arcs.append(points)
    return arcs


def quantise(lon: float, lat: float) -> tuple[int, int]:
    qx = round(lon * UNITS_PER_DEGREE)
    qy = round(lat * UNITS_PER_DEGREE)
    # The source translate/scale can overshoot 180 deg by a few 1e-12 deg; round() absorbs it.
    if not (-LON_MAX <= qx <= LON_MAX and -LAT_MAX <= qy <= LAT_MAX):
        fail(f"coordinate out of range: {lon}, {lat}")
    return qx, qy


Ring = list[tuple[float, float]]  # closed: first point == last point


def ring_points(indices: list[int], arcs: list[Ring]) -> Ring:
    points: Ring = []
    for i in indices:
        arc = arcs[i] if i >= 0 else arcs[~i][::-1]
        points.extend(arc if not points else arc[1:])
    if points and points[0] != points[-1]:
        points.append(points[0])
    return points


# --- Antimeridian ------------------------------------------------------------------------------
# world-atlas "stitches" Natural Earth's polygons back together across the antimeridian (spherical
# geometry for d3-geo). Read as planar lon/lat, such a ring jumps from +180 to -180 and encloses a
# band around the whole world. Safeground draws and tests points in planar lon/lat, so the script
# cuts those rings again at +/-180, as the Natural Earth shapefile has them:
# * a ring crossing twice (Fiji, Chukotka, Wrangel Island) becomes two polygons, one each side,
#   closed along the meridian;
# * a ring crossing once encircles a pole (Antarctica's coast): it is closed along +/-180 and the
#   pole's parallel; the zero-area "polar cap" ring world-atlas adds next to it is dropped.
# Anything else fails loudly (it does not occur in 2.0.2).


def crossings(ring: Ring) -> list[int]:
    return [k for k in range(len(ring) - 1) if abs(ring[k + 1][0] - ring[k][0]) > 180.0]


def crossing_point(p: tuple[float, float], q: tuple[float, float]) -> tuple[float, float]:
    """Where segment p -> q (the short way round) meets the antimeridian, on p's side."""
    (x1, y1), (x2, y2) = p, q
    side = 180.0 if x1 > 0 else -180.0
    x2u = x2 + 360.0 if side > 0 else x2 - 360.0
    if x2u == x1:
        return side, y1
    t = (side - x1) / (x2u - x1)
    return side, y1 + t * (y2 - y1)


def split_at_antimeridian(ring: Ring) -> list[Ring]:
    """Open chains between crossings; each starts and ends on the antimeridian."""
    n = len(ring) - 1
    k0 = crossings(ring)[0]
    seq = [ring[(k0 + 1 + i) % n] for i in range(n)]
    seq.append(seq[0])  # the segment seq[n-1] -> seq[n] is the crossing k0
    side, lat = crossing_point(seq[n - 1], seq[n])
    current: Ring = [(-side, lat)]
    chains: list[Ring] = []
    for i in range(n):
        p, q = seq[i], seq[i + 1]
        if current[-1] != p:
            current.append(p)
        if abs(q[0] - p[0]) > 180.0:
            side, lat = crossing_point(p, q)
            if current[-1] != (side, lat):
                current.append((side, lat))
            chains.append(current)
            current = [(-side, lat)]
    return chains


def is_polar_cap(ring: Ring) -> bool:
    lats = {lat for _, lat in ring}
    return len(lats) == 1 and abs(next(iter(lats))) > 89.9


def planarise(name: str, rings: list[Ring]) -> tuple[list[list[Ring]], int]:
    """One source polygon -> planar polygons; also the number of polar-cap rings dropped."""
    counts = [len(crossings(r)) for r in rings]
    if not any(counts):
        return [rings], 0
    caps = [r for r in rings if is_polar_cap(r)]
    kept = [r for r in rings if not is_polar_cap(r)]
    counts = [len(crossings(r)) for r in kept]
    if counts == [2] and not caps:
        return [[chain + [chain[0]]] for chain in split_at_antimeridian(kept[0])], 0
    if len(caps) == 1 and counts.count(1) == 1 and sum(counts) == 1:
        polar = kept.pop(counts.index(1))
        (chain,) = split_at_antimeridian(polar)
        pole = -90.0 if sum(lat for _, lat in chain) < 0 else 90.0
        (start_lon, _), (end_lon, _) = chain[0], chain[-1]
        exterior = chain + [(end_lon, pole), (start_lon, pole), chain[0]]
        return [[exterior] + kept], 1
    fail(f"{name}: antimeridian case not handled (crossings per ring {counts}, caps {len(caps)})")
    raise AssertionError  # unreachable


def signed_area(ring: list[tuple[float, float]] | list[tuple[int, int]]) -> float:
    return sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:])) / 2.0


def finish_ring(ring: Ring, exterior: bool) -> list[tuple[int, int]]:
    """Quantise, drop repeated points, orient (exterior counter-clockwise, holes clockwise)."""
    out: list[tuple[int, int]] = []
    for lon, lat in ring:
        q = quantise(lon, lat)
        if not out or out[-1] != q:
            out.append(q)
    if (signed_area(out) < 0) == exterior:
        out.reverse()
    return out


def build_countries(topo: dict) -> tuple[list[dict], dict]:
    arcs = decode_arcs(topo)
    countries = []
    stats = {"source polygons": 0, "source rings": 0, "short rings dropped": 0,
             "polar cap rings dropped": 0, "polygons split at the antimeridian": 0}
    seen_abbrev = set()
    for geom in topo["objects"]["countries"]["geometries"]:
        name = geom["properties"]["name"]
        if name in ABBREVIATIONS:
            seen_abbrev.add(name)
            name = ABBREVIATIONS[name]
        if geom["type"] == "Polygon":
            polys_arcs = [geom["arcs"]]
        elif geom["type"] == "MultiPolygon":
            polys_arcs = geom["arcs"]
        else:
            fail(f"{name}: unexpected geometry type {geom['type']}")
        polygons = []
        for poly_arcs in polys_arcs:
            stats["source polygons"] += 1
            stats["source rings"] += len(poly_arcs)
            planar, caps = planarise(name, [ring_points(r, arcs) for r in poly_arcs])
            stats["polar cap rings dropped"] += caps
            if len(planar) > 1:
                stats["polygons split at the antimeridian"] += 1
            for source_rings in planar:
                rings = []
                for i, ring in enumerate(source_rings):
                    done = finish_ring(ring, exterior=(i == 0))
                    if len(done) < 4:
                        if i == 0:
                            fail(f"{name}: exterior ring with fewer than 4 points")
                        stats["short rings dropped"] += 1
                        continue
                    if any(abs(x2 - x1) > LON_MAX and not abs(y1) == abs(y2) == LAT_MAX
                           for (x1, y1), (x2, y2) in zip(done, done[1:])):
                        fail(f"{name}: ring still jumps across the antimeridian")
                    rings.append(done)
                polygons.append(rings)
        pts = [p for rings in polygons for ring in rings for p in ring]
        bbox = (min(p[0] for p in pts), min(p[1] for p in pts),
                max(p[0] for p in pts), max(p[1] for p in pts))
        countries.append({"name": name, "bbox": bbox, "polygons": polygons})
    missing = set(ABBREVIATIONS) - seen_abbrev
    if missing:
        fail(f"abbreviation table has names absent from the source: {sorted(missing)}")
    names = [c["name"] for c in countries]
    if len(set(names)) != len(names):
        fail("duplicate country names after expansion")
    countries.sort(key=lambda c: c["name"])
    return countries, stats


def encode(countries: list[dict]) -> bytes:
    out = bytearray()
    out += MAGIC
    out += struct.pack("<HI", VERSION, len(countries))
    for c in countries:
        name = c["name"].encode("utf-8")
        if len(name) > 0xFFFF:
            fail(f"name too long: {c['name']}")
        out += struct.pack("<H", len(name)) + name
        out += struct.pack("<4i", *c["bbox"])
        out += struct.pack("<I", len(c["polygons"]))
        for rings in c["polygons"]:
            out += struct.pack("<I", len(rings))
            for ring in rings:
                out += struct.pack("<I", len(ring))
                out += struct.pack(f"<{2 * len(ring)}i", *(v for p in ring for v in p))
    return bytes(out)


def decode(data: bytes) -> list[dict]:
    """Independent re-read of the format (mirrors src/basemap.rs) to check the writer."""
    pos = 0

    def take(fmt: str) -> tuple:
        nonlocal pos
        size = struct.calcsize(fmt)
        if pos + size > len(data):
            fail(f"round trip: truncated at byte {pos}")
        vals = struct.unpack_from(fmt, data, pos)
        pos += size
        return vals

    if data[:4] != MAGIC:
        fail("round trip: bad magic")
    pos = 4
    version, n_countries = take("<HI")
    if version != VERSION:
        fail("round trip: bad version")
    countries = []
    for _ in range(n_countries):
        (name_len,) = take("<H")
        name = data[pos:pos + name_len].decode("utf-8")
        pos += name_len
        bbox = take("<4i")
        (n_polys,) = take("<I")
        polygons = []
        for _ in range(n_polys):
            (n_rings,) = take("<I")
            rings = []
            for _ in range(n_rings):
                (n_pts,) = take("<I")
                flat = take(f"<{2 * n_pts}i")
                rings.append(list(zip(flat[0::2], flat[1::2])))
            polygons.append(rings)
        countries.append({"name": name, "bbox": tuple(bbox), "polygons": polygons})
    if pos != len(data):
        fail("round trip: trailing bytes")
    return countries


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path, help="world-atlas countries-50m.json")
    parser.add_argument("--out", type=Path, default=OUT, help=f"output (default {OUT})")
    parser.add_argument("--check", action="store_true",
                        help="do not write; exit 1 if the output file differs")
    args = parser.parse_args()

    check_package(args.source)
    topo = json.loads(args.source.read_text(encoding="utf-8"))
    countries, stats = build_countries(topo)
    data = encode(countries)
    if decode(data) != [{**c, "bbox": tuple(c["bbox"])} for c in countries]:
        fail("round trip: decoded file differs from what was written")

    n_polys = sum(len(c["polygons"]) for c in countries)
    n_rings = sum(len(r) for c in countries for r in c["polygons"])
    n_points = sum(len(ring) for c in countries for r in c["polygons"] for ring in r)
    digest = hashlib.sha256(data).hexdigest()
    print(f"countries {len(countries)}, polygons {n_polys}, rings {n_rings}, points {n_points}")
    print(", ".join(f"{k} {v}" for k, v in stats.items()))
    print(f"{len(data)} bytes, sha256 {digest}")

    if args.check:
        current = args.out.read_bytes() if args.out.exists() else b""
        if current != data:
            print(f"{args.out} is out of date", file=sys.stderr)
            return 1
        print(f"{args.out} is up to date")
        return 0
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(data)
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
