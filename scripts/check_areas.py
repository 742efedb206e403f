#!/usr/bin/env python3
"""Checks Safeground's land areas against GeographicLib on whole real files (issue 12, SPEC C3).

Needs the real BiH files under ../shared/testdata (not in this repository) and, from PyPI,
`geographiclib` and `shapely` (pip install geographiclib shapely). Usage:

    cargo build --release
    python3 scripts/check_areas.py [--bin target/release/safeground] [FILE.geojson ...]

For each file: imports it into a fresh store with the real CLI, reads every land's stored
`estimated_m2` from `list lands --json`, and computes the reference area of the same feature
independently:

- a valid polygon: GeographicLib's `PolygonArea` (Karney 2013) of each ring, the smaller of the
  two regions a ring bounds (|signed area|), holes subtracted, parts summed;
- a polygon whose rings cross: the same over shapely's `make_valid(method='structure')` (GEOS)
  repair, which is the rule Safeground documents (the area of the repaired form: the region
  the rings enclose, each part counted once).

It prints, per file, the number of lands compared, the largest difference per land, how many
differ by more than 1 m² + 0.1 %, both totals and their ratio, and the largest land. It fails
(exit 1) when a total differs by 1 % or more, when any land is above 100 000 km², or when a
land differs by more than 1 m² + 1 %.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile

try:
    from geographiclib.geodesic import Geodesic
    from geographiclib.polygonarea import PolygonArea
    import shapely
    from shapely.geometry import shape
except ImportError:
    sys.exit("needs geographiclib and shapely: pip install geographiclib shapely")

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_FILES = [
    os.path.join(HERE, "../../shared/testdata/real/bih/suspect_areas_simplyfied.geojson"),
    os.path.join(HERE, "../../shared/testdata/real/bih/cleared_areas_simplyfied.geojson"),
]
MAX_LAND_AREA_M2 = 1.0e11
G = Geodesic.WGS84


def ring_area(coords):
    pts = list(coords)
    if len(pts) > 1 and tuple(pts[0]) == tuple(pts[-1]):
        pts = pts[:-1]
    if len(pts) < 3:
        return 0.0
    pa = PolygonArea(G, False)
    for lon, lat in pts:
        pa.AddPoint(lat, lon)
    _, _, area = pa.Compute(False, True)
    return abs(area)


def polygon_area(poly):
    ext = ring_area(poly.exterior.coords)
    holes = sum(ring_area(r.coords) for r in poly.interiors)
    return max(ext - holes, 0.0)


def reference_area(geom):
    g = shape(geom)
    if not g.is_valid:
        g = shapely.make_valid(g, method="structure", keep_collapsed=False)
    polys = []
    if g.geom_type == "Polygon":
        polys = [g]
    elif g.geom_type in ("MultiPolygon", "GeometryCollection"):
        for part in g.geoms:
            if part.geom_type == "Polygon":
                polys.append(part)
            elif part.geom_type == "MultiPolygon":
                polys.extend(part.geoms)
    return sum(polygon_area(p) for p in polys)


def check(bin_path, path):
    with open(path, encoding="utf-8") as f:
        features = json.load(f)["features"]
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "check.sqlite")
        imp = subprocess.run([bin_path, "--db", db, "import", path], capture_output=True, text=True)
        if imp.returncode != 0:
            print(imp.stdout[-2000:], imp.stderr[-2000:])
            sys.exit(f"import of {path} failed")
        out = subprocess.run([bin_path, "--db", db, "list", "lands", "--json"], capture_output=True, text=True, check=True)
        lands = json.loads(out.stdout)
    ours_total = ref_total = 0.0
    worst = (0.0, None)
    off = 0
    bad = 0
    largest = (0.0, None)
    compared = 0
    for land in lands:
        name = land.get("name", "")
        if not name.startswith("Imported feature "):
            continue
        index = int(name.split()[-1]) - 1
        geom = features[index]["geometry"]
        if not geom:
            continue
        ours = float(land["estimated_m2"])
        ref = reference_area(geom)
        compared += 1
        ours_total += ours
        ref_total += ref
        diff = abs(ours - ref)
        if diff > worst[0]:
            worst = (diff, land["code"], ours, ref)
        if diff > 1.0 + 0.001 * ref:
            off += 1
        if diff > 1.0 + 0.01 * ref:
            bad += 1
        if ours > largest[0]:
            largest = (ours, land["code"])
    ratio = ours_total / ref_total if ref_total else float("nan")
    print(f"{os.path.basename(path)}: {compared} lands compared")
    print(f"  total ours {ours_total / 1e6:,.3f} km², GeographicLib {ref_total / 1e6:,.3f} km², ratio {ratio:.6f}")
    print(f"  lands differing by more than 1 m² + 0.1 %: {off}; by more than 1 m² + 1 %: {bad}")
    if worst[1]:
        print(f"  largest difference: {worst[0]:,.1f} m² on {worst[1]} (ours {worst[2]:,.0f}, reference {worst[3]:,.0f})")
    print(f"  largest land: {largest[1]} {largest[0] / 1e6:,.3f} km²")
    ok = abs(ratio - 1.0) < 0.01 and largest[0] <= MAX_LAND_AREA_M2 and bad == 0
    print("  PASS" if ok else "  FAIL")
    return ok


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bin", default=os.path.join(HERE, "../target/release/safeground"))
    ap.add_argument("files", nargs="*", default=DEFAULT_FILES)
    args = ap.parse_args()
    missing = [f for f in args.files if not os.path.exists(f)]
    if missing:
        sys.exit(f"missing input (the real BiH files live in ../shared/testdata, not in this repository): {missing}")
    ok = all([check(args.bin, f) for f in args.files])
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
