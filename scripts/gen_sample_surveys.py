#!/usr/bin/env python3
"""Generate Safeground's demo data set, sample_surveys/programme.geojson, and check it.

NEEDS: Python 3.11+, `geographiclib` (geodesy: traverse vertices with Geodesic.WGS84.Direct,
areas with Geodesic.WGS84.Polygon) and `pyproj` (UTM/MGRS text of GPS fixes, UTM grid
convergence). Both install offline from PyPI:

    pip install geographiclib pyproj

RUN from the repository root (or anywhere: paths are relative to this file):

    python3 scripts/gen_sample_surveys.py           # (re)write sample_surveys/programme.geojson, then check it
    python3 scripts/gen_sample_surveys.py --check   # only check the existing file

The output is deterministic: no clock, no unseeded randomness (every random choice comes from a
`random.Random` seeded with the record's code), UUIDs are uuid5 from a fixed namespace. The check
re-reads the written file and enforces the rules of docs/geojson-schema.md and the importer's
lifecycle (src/domain/lifecycle.rs, ledger.rs, activity.rs); it exits 1 if any rule is broken and
prints a per-land summary table.

Everything in the programme is fictional: the NGO, donors, projects, teams, people, phone numbers,
hazard areas and findings. Only the region and the settlement names are real; coordinates are
synthetic and say nothing about real contamination.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import random
import re
import sys
import uuid
from pathlib import Path

try:
    from geographiclib.geodesic import Geodesic
except ImportError:  # pragma: no cover - message for people
    sys.exit("gen_sample_surveys.py needs geographiclib: pip install geographiclib")
try:
    from pyproj import Proj, Transformer
except ImportError:  # pragma: no cover
    sys.exit("gen_sample_surveys.py needs pyproj: pip install pyproj")

GEOD = Geodesic.WGS84
ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "sample_surveys" / "programme.geojson"
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://safeground.invalid/sample_surveys/programme")

# ---------------------------------------------------------------------------------------------
# Programme (all fictional)
# ---------------------------------------------------------------------------------------------

ORG = "Terra Libera Demining"
NLRF = ("Nordic Land Release Fund", "NLRF-BIH-24 Bosna Valley Land Release")
FH = ("Fondation Horizon", "FH-2025-03 Safe Fields Tešanj–Teslić")
SBCT = ("Sava Basin Community Trust", "SBCT-EOD-25 Rapid EOD Response, Doboj region")
T_NTS, T_MAN, T_MDD, T_MECH, T_EOD = (
    "NTS Team 1", "Manual Team Alpha", "MDD Team 2", "Mechanical Team 1", "EOD Team 1")

RS, ZDK = "Republika Srpska", "Zenica-Doboj Canton"
DECLINATION_DEG = 4.9  # east, central Bosnia, 2025 (magnetic model value, rounded)

# Vocabulary (machine codes, src/domain/vocab.rs)
CLASSIFICATIONS = {"indication", "sha", "cha", "ammunition_storage", "eod_spot_task"}
STATUSES = ["open", "worked_on", "closed", "handed_over"]
EVIDENCE = {"direct", "indirect", "none", "not_specified"}
MODALITIES = {"visual", "verbal", "records"}
HAZARD_TYPES = {"ap_mines", "at_mines", "cmr", "uxo", "axo", "ied", "booby_traps"}
EO_CATEGORIES = {"ap_mine", "at_mine", "cmr", "uxo", "axo", "ied", "booby_trap", "saa", "other"}
DISPOSALS = {"destroyed_in_situ", "removed_destroyed", "handed_over", "pending"}
ACTIVITY_KINDS = ["nts", "ts", "clearance", "bac", "eod_spot_task", "progress_report",
                  "cancellation_report", "completion_report", "handover_certificate",
                  "post_clearance_inspection"]
METHODS = {"manual", "mechanical", "mdd", "other"}
PRIORITIES = {"high", "medium", "low"}
VALIDATION = {"draft", "submitted", "approved", "returned"}
HR_STATUSES = ["reported", "verified", "destroyed_removed", "no_item_found"]
CONDITIONS = {"intact", "damaged", "fragments", "unknown"}
POINT_KINDS = {"reference", "benchmark", "start", "turning", "intermediate", "end", "evidence", "usage"}
PERIMETER = {"start", "turning", "intermediate", "end"}
COORD_FORMATS = {"dd", "dms", "ddm", "utm", "mgrs"}
INSTRUMENTS = {"compass_tape", "laser_rangefinder", "total_station", "other"}
BUCKETS = ["cancelled_m2", "reduced_with_asset_m2", "reduced_without_asset_m2", "cleared_m2"]
ALLOWED = {  # activity.rs allowed_buckets: (cancelled, reduced, cleared)
    "nts": (True, False, False), "cancellation_report": (True, False, False),
    "ts": (False, True, False),
    "clearance": (False, False, True), "bac": (False, False, True), "eod_spot_task": (False, False, True),
    "progress_report": (False, True, True), "completion_report": (True, True, True),
    "handover_certificate": (False, False, False), "post_clearance_inspection": (False, False, False),
}
STARTS_WORK = {"ts", "clearance", "bac", "progress_report"}


# Records whose location is not safe to publish (domain.md §5: the Syria HA form's "Is it safe to
# record a geo location?"): one land beside a contested property line, one sighting reported from
# a private yard. Donor exports keep the land without geometry; public exports leave both out.
GEO_UNSAFE = {"HA-0011", "HR-0009"}


def person(name, role, phone_prefix, seed):
    """A fictional key informant; numbers use the +387 6x 555 xxx shape (555: fiction marker)."""
    n = random.Random(f"phone:{seed}:{name}").randrange(100, 1000)
    return {"name": name, "role": role, "phone": f"+387 {phone_prefix} 555 {n:03d}"}


def ev(kind, modality, description):
    return {"kind": kind, "modality": modality, "description": description}


def dev(category, type_model, quantity, disposal="destroyed_in_situ"):
    return {"category": category, "type_model": type_model, "quantity": quantity, "disposal": disposal}


# Release specs: a fraction of the estimated area (rounded to 10 m²), "rest" = what remains,
# "all" = the whole estimated area.
def act(kind, start, end=None, team=None, method=None, rel=None, **extra):
    return {"kind": kind, "start": start, "end": end if end is not None else start,
            "team": team, "method": method, "rel": rel or {}, **extra}


# Lands. `geo` describes how the polygon was surveyed:
#   ("gps", fmt, n_turning, n_intermediate)  GPS fixes for every vertex, entered in `fmt`
#   ("traverse", spec)                        a bearing/distance traverse from a GPS benchmark
#   ("none", fmt)                             EOD spot task known by its points only
LANDS = [
    dict(code="HA-0001", settlement="Kotorsko", admin1=RS, admin2="Doboj", pcode="BA-RS-DOB-017",
         centre=(44.7905, 18.0712), area=38000, elong=1.6, rot=20,
         name="Kotorsko – Bosna terrace fields", classification="sha", evidence="indirect",
         evidence_items=[
             ev("Former combatant zone", "records", "1992–95 confrontation line along the terrace edge (brigade sketch map)"),
             ev("Productive land not in use", "visual", "Fields abandoned since 1992, blackberry and young alder"),
             ev("Mine/ERW accident with unknown location", "verbal", "Cow killed by a blast in 2019; exact place not known")],
         hazard_types=["ap_mines"], priority="high",
         blockage="Blocks 4 ha of arable land and the path to the river pumping station",
         beneficiaries=140, terrain="Flat river terrace, clay loam; dense blackberry and alder on the eastern edge; slope under 5°",
         informants=[person("Mehmed Halilović", "president of the local community", "65", "HA-0001"),
                     person("Nada Jovanović", "landowner", "66", "HA-0001")],
         donor=NLRF, team=T_NTS, doi="2025-02-10", validation="approved",
         ref_note="Bus shelter at the junction of the village road and the M-17",
         notes="Perimeter fixed by compass-and-tape traverse in mils from BM1 (GPS under open sky); "
               "the team's military compass reads mils, declination taken from the 2025 model.",
         geo=("traverse", dict(unit="mil", reference="magnetic", instrument="compass_tape",
                               n_turning=5, n_intermediate=1, bearing_res=10, dist_res=0.1,
                               slopes=None, misclosure=1.6, fmt="dd")),
         evidence_points=[("EV1", 0.35, 140, "PMA-2 seen in a plough furrow (HR-0005)", "dms")],
         activities=[
             act("nts", "2025-02-10", "2025-02-12", T_NTS, rel={"cancelled_m2": 0.15}, deminer_days=6,
                 notes="Interviews with 7 residents; the western strip has been grazed since 2004 and is cancelled."),
             act("ts", "2025-04-07", "2025-04-18", T_MDD, "mdd", rel={"reduced_with_asset_m2": 0.25},
                 deminer_days=22, asset_days=9, direct_evidence_confirmed=True,
                 devices=[dev("ap_mine", "PMA-2", 1)],
                 notes="Dog indications in lanes 6 and 7; a PMA-2 confirmed by manual excavation: SHA → CHA."),
             act("clearance", "2025-05-05", "2025-07-25", T_MAN, "manual", rel={"cleared_m2": 0.45},
                 deminer_days=310, depth_cm=15,
                 devices=[dev("ap_mine", "PMA-2", 6), dev("ap_mine", "PMA-3", 3),
                          dev("ap_mine", "PROM-1", 1, "removed_destroyed")]),
             act("completion_report", "2025-08-04", rel={"cleared_m2": "rest"}),
             act("handover_certificate", "2025-09-16", team=T_NTS,
                 handover=dict(men=9, women=6, boys=3, girls=2,
                               residual_risk_note="Residual risk rests with the municipality of Doboj after handover; "
                                                  "the NGO remains liable for items found within the cleared depth (15 cm) for 12 months.")),
             act("post_clearance_inspection", "2026-05-12", team=T_NTS,
                 notes="Spring ploughing inspected; no items found. Markers SP, TP2 and TP4 re-painted."),
         ]),
    dict(code="HA-0002", settlement="Johovac", admin1=RS, admin2="Doboj", pcode="BA-RS-DOB-022",
         centre=(44.8180, 18.0305), area=60000, elong=1.3, rot=70,
         name="Johovac – hillside orchards", classification="sha", evidence="indirect",
         evidence_items=[ev("Former combatant zone", "records", "Front line 1992–95, trenches visible on the ridge"),
                         ev("Verbal reports", "verbal", "Villagers avoid the upper orchard since 1996")],
         hazard_types=["ap_mines", "at_mines"], priority="medium",
         blockage="Plum orchards and the forest track to the upper hamlet", beneficiaries=85,
         terrain="South-facing hillside, 10–15° slope; abandoned plum orchard, hazel scrub, forest edge to the north",
         informants=[person("Dragan Savić", "hunting association", "65", "HA-0002")],
         donor=NLRF, team=T_NTS, doi="2024-03-11", validation="submitted",
         ref_note="Orthodox church, Johovac",
         geo=("gps", "dms", 7, 2), low_accuracy={"TP3": 13.5},
         activities=[
             act("nts", "2024-03-11", "2024-03-15", T_NTS, rel={"cancelled_m2": 0.25}, deminer_days=8),
             act("ts", "2024-06-03", "2024-06-28", T_MECH, "mechanical",
                 rel={"reduced_with_asset_m2": 0.12, "reduced_without_asset_m2": 0.15},
                 deminer_days=40, asset_days=8, notes="Flail on the lower orchard; no evidence found."),
             act("progress_report", "2025-09-01", "2025-10-31", T_MAN, "manual", rel={"cleared_m2": 0.15},
                 deminer_days=150, depth_cm=13),
             act("clearance", "2026-04-06", "2026-06-26", T_MAN, "manual", rel={"cleared_m2": 0.10},
                 deminer_days=120, depth_cm=13,
                 devices=[dev("saa", "7.62 mm rifle cartridges", 140, "removed_destroyed")]),
         ]),
    dict(code="HA-0003", settlement="Osječani", admin1=RS, admin2="Doboj", pcode="BA-RS-DOB-031",
         centre=(44.8250, 18.1500), area=9000, elong=1.2, rot=0,
         name="Osječani – stream meadow", classification="indication", evidence="not_specified",
         evidence_items=[ev("Verbal reports", "verbal", "A shepherd reports a 'mine-like object' near the stream (HR-0007)")],
         hazard_types=["ap_mines"], priority="low", blockage="Hay meadow", beneficiaries=12,
         terrain="Wet meadow on a stream bank, willows", informants=[], donor=NLRF, team=T_NTS,
         doi="2026-07-20", validation="draft", ref_note="Concrete bridge over the stream",
         geo=("gps", "utm", 5, 0), activities=[]),
    dict(code="HA-0004", settlement="Grapska Gornja", admin1=RS, admin2="Doboj", pcode="BA-RS-DOB-040",
         centre=(44.7680, 18.1580), area=22000, elong=1.8, rot=110,
         name="Grapska – road embankment minefield", classification="cha", evidence="direct",
         evidence_items=[ev("Mine signs, fencing", "visual", "Old red skull signs on the embankment"),
                         ev("Mine/ERW accident with known location", "records", "Tractor hit an AT mine in 1998")],
         hazard_types=["ap_mines", "at_mines"], priority="high",
         blockage="Local road shoulder and access to three houses", beneficiaries=60,
         terrain="Road embankment and adjacent field; gravel and clay", donor=NLRF, team=T_NTS,
         informants=[person("Milorad Petković", "farmer", "65", "HA-0004"),
                     person("Jelena Marić", "teacher", "66", "HA-0004")],
         doi="2025-03-20", validation="approved", ref_note="Railway crossing, Grapska",
         geo=("gps", "utm", 6, 1),
         evidence_points=[("EV1", 0.3, 200, "TMM-1 fuze well visible after rain", "utm")],
         activities=[
             act("clearance", "2025-04-01", "2025-06-27", T_MECH, "mechanical", rel={"cleared_m2": 0.70},
                 deminer_days=160, asset_days=18, depth_cm=20,
                 devices=[dev("at_mine", "TMM-1", 2, "removed_destroyed"), dev("ap_mine", "PMA-3", 4)]),
             act("completion_report", "2025-07-08", rel={"cleared_m2": "rest"},
                 notes="Clearance complete to 20 cm; area handed back to the road authority pending certificate."),
         ]),
    dict(code="HA-0005", settlement="Bukovica Velika", admin1=RS, admin2="Doboj", pcode="BA-RS-DOB-008",
         centre=(44.7420, 17.9998), area=45000, elong=1.4, rot=45,
         name="Bukovica – Vis plateau", classification="sha", evidence="indirect",
         evidence_items=[ev("Mine/ERW records (low reliability)", "records", "Minefield record with no coordinates, 1994")],
         hazard_types=["ap_mines"], priority="low", blockage="Pasture", beneficiaries=40,
         terrain="Plateau pasture and maize fields", donor=NLRF, team=T_NTS,
         informants=[person("Stevo Lukić", "president of the local community", "65", "HA-0005"),
                     person("Ranka Simić", "landowner", "66", "HA-0005")],
         doi="2024-05-13", validation="approved", ref_note="Village school, Bukovica Velika",
         geo=("gps", "mgrs", 6, 0),
         activities=[
             act("nts", "2024-05-13", "2024-05-24", T_NTS, rel={"cancelled_m2": "all"}, deminer_days=12,
                 notes="The 1994 record cannot be matched to the ground; landowners have farmed the whole "
                       "plateau since 2003 without incident. The whole area is cancelled."),
         ]),
    dict(code="HA-0006", settlement="Rječica", admin1=RS, admin2="Doboj", pcode="BA-RS-DOB-044",
         centre=(44.7000, 18.1300), area=15000, elong=1.3, rot=150,
         name="Rječica – former artillery ammunition point", classification="ammunition_storage", evidence="direct",
         evidence_items=[ev("Visual observations", "visual", "Mortar bombs and cartridge cases on the surface"),
                         ev("Detonations", "verbal", "The dump burned and exploded in 1995")],
         hazard_types=["uxo", "axo"], priority="high", blockage="Forest track and firewood collection",
         beneficiaries=200, terrain="Oak forest clearing with blast craters", donor=SBCT, team=T_EOD,
         informants=[person("Zoran Stojanović", "forestry worker", "65", "HA-0006")],
         doi="2025-08-25", validation="approved", ref_note="Forest road barrier",
         geo=("gps", "ddm", 5, 1),
         activities=[
             act("bac", "2025-09-08", "2025-11-21", T_EOD, "manual", rel={"cleared_m2": 0.40}, deminer_days=240,
                 devices=[dev("uxo", "82 mm mortar bomb", 14, "removed_destroyed"),
                          dev("uxo", "M-75 hand grenade", 31, "removed_destroyed"),
                          dev("uxo", "120 mm mortar bomb", 3, "removed_destroyed"),
                          dev("saa", "7.62 mm cartridges", 1450, "removed_destroyed")]),
             act("progress_report", "2026-03-02", "2026-03-31", T_EOD, "manual", rel={"cleared_m2": 0.20},
                 deminer_days=75),
         ]),
    dict(code="HA-0007", settlement="Kostajnica", admin1=RS, admin2="Doboj", pcode="BA-RS-DOB-051",
         centre=(44.6550, 18.0950), estimate=2500,
         name="Kostajnica – mortar bomb in a garden", classification="eod_spot_task", evidence="direct",
         evidence_items=[ev("Visual observations", "visual", "82 mm mortar bomb and two grenades in a garden wall")],
         hazard_types=["uxo"], priority="high", blockage="Family garden next to the house", beneficiaries=5,
         terrain="Village garden", donor=SBCT, team=T_EOD, informants=[],
         doi="2024-09-30", validation="approved", ref_note="Kostajnica mosque",
         geo=("none", "dd"),
         evidence_points=[("EV1", None, 120, "Items in the garden wall (HR-0001)", "dd")],
         activities=[
             act("eod_spot_task", "2024-10-08", team=T_EOD, method="manual", rel={"cleared_m2": "all"},
                 deminer_days=2, devices=[dev("uxo", "82 mm mortar bomb", 1), dev("uxo", "M-75 hand grenade", 2)]),
             act("completion_report", "2024-10-09", team=T_EOD, rel={"cleared_m2": "rest"}),
         ]),
    dict(code="HA-0008", settlement="Sjenina", admin1=RS, admin2="Doboj", pcode="BA-RS-DOB-063",
         centre=(44.6600, 18.1650), area=35000, elong=1.5, rot=80,
         name="Sjenina – Brijest ridge", classification="sha", evidence="indirect",
         evidence_items=[ev("Former combatant zone", "records", "Trench line on the ridge")],
         hazard_types=["ap_mines"], priority="medium", blockage="Forest and a spring used for water",
         beneficiaries=30, terrain="Forest edge, 15–20° slope", donor=NLRF, team=T_NTS,
         informants=[person("Slavko Đurić", "former soldier (1992–95)", "66", "HA-0008")],
         doi="2026-02-16", validation="submitted", ref_note="Spring and water tank",
         geo=("gps", "dd", 6, 1),
         activities=[
             act("nts", "2026-02-16", "2026-02-20", T_NTS, rel={"cancelled_m2": 0.30}, deminer_days=7),
         ]),
    dict(code="HA-0009", settlement="Donja Bočinja", admin1=ZDK, admin2="Maglaj", pcode="BA-ZD-MAG-004",
         centre=(44.6180, 18.0600), area=30000, elong=1.5, rot=130,
         name="Bočinja – creek bank and slope", classification="sha", evidence="indirect",
         evidence_items=[ev("Former combatant zone", "records", "Frontline 1993–95 along the creek"),
                         ev("Productive land not in use", "visual", "Terraced fields abandoned")],
         hazard_types=["ap_mines"], priority="high", blockage="Return of 6 families; fields and the creek ford",
         beneficiaries=28, terrain="Creek bank rising to a 15° slope; grass and hazel", donor=NLRF, team=T_NTS,
         informants=[person("Safet Hodžić", "returnee, landowner", "61", "HA-0009"),
                     person("Amra Mujkić", "teacher", "62", "HA-0009")],
         doi="2025-03-03", validation="approved", ref_note="Footbridge over the creek",
         notes="Perimeter by compass-and-tape traverse in degrees from BM1; distances on the slope "
               "were taped along the ground and reduced with the clinometer angle.",
         geo=("traverse", dict(unit="deg", reference="magnetic", instrument="compass_tape",
                               n_turning=6, n_intermediate=1, bearing_res=0.5, dist_res=0.1,
                               slopes=[None, 8.0, 12.0, None, -6.0, -10.0, None, 4.0, None], misclosure=2.1,
                               fmt="mgrs")),
         activities=[
             act("ts", "2025-03-10", "2025-03-28", T_MAN, "manual", rel={"reduced_without_asset_m2": 0.20},
                 deminer_days=48, direct_evidence_confirmed=True, devices=[dev("ap_mine", "PROM-1", 1)],
                 notes="PROM-1 with tripwire in the third breaching lane: SHA → CHA."),
             act("clearance", "2025-04-07", "2025-06-27", T_MAN, "manual", rel={"cleared_m2": 0.35},
                 deminer_days=260, depth_cm=15,
                 devices=[dev("ap_mine", "PROM-1", 3), dev("ap_mine", "PMA-2", 5), dev("ap_mine", "PMR-2A", 2)]),
             act("progress_report", "2025-07-01", "2025-08-29", T_MAN, "manual", rel={"cleared_m2": 0.30},
                 deminer_days=190, depth_cm=15),
             act("completion_report", "2025-09-12", rel={"cleared_m2": "rest"}),
             act("handover_certificate", "2025-10-15",
                 handover=dict(men=7, women=8, boys=4, girls=5,
                               residual_risk_note="Handed over to the Maglaj municipality and the landowners; "
                                                  "residual risk and marker maintenance rest with the municipality.")),
         ]),
    dict(code="HA-0010", settlement="Novi Šeher", admin1=ZDK, admin2="Maglaj", pcode="BA-ZD-MAG-016",
         centre=(44.5120, 18.0300), area=85000, elong=1.7, rot=35,
         name="Novi Šeher – Ozren foothill fields", classification="cha", evidence="direct",
         evidence_items=[ev("Mine/ERW records (high reliability)", "records", "Minefield record 1995 with 3 rows of TMA-4"),
                         ev("Mine signs, fencing", "visual", "Remains of a minefield fence")],
         hazard_types=["ap_mines", "at_mines"], priority="high", blockage="60 ha farm access road and fields",
         beneficiaries=320, terrain="Gentle slope, meadow and maize stubble, hedgerows", donor=NLRF, team=T_NTS,
         informants=[person("Kemal Begović", "farmer", "61", "HA-0010"),
                     person("Ivo Jurić", "parish council", "63", "HA-0010")],
         doi="2025-04-22", validation="approved", ref_note="Crossroads at the Novi Šeher church",
         geo=("gps", "dd", 7, 2), low_accuracy={"IP1": 12.0},
         activities=[
             act("clearance", "2025-05-05", "2025-10-31", T_MECH, "mechanical", rel={"cleared_m2": 0.35},
                 deminer_days=380, asset_days=45, depth_cm=20,
                 devices=[dev("at_mine", "TMA-4", 3, "removed_destroyed"), dev("at_mine", "TMM-1", 1),
                          dev("ap_mine", "PMA-3", 4)]),
             act("progress_report", "2026-04-01", "2026-06-30", T_MECH, "mechanical",
                 rel={"cleared_m2": 0.15, "reduced_with_asset_m2": 0.10}, deminer_days=160, asset_days=30,
                 depth_cm=20),
         ]),
    dict(code="HA-0011", settlement="Moševac", admin1=ZDK, admin2="Maglaj", pcode="BA-ZD-MAG-015",
         centre=(44.5920, 18.0850), area=9000, elong=1.3, rot=10,
         name="Moševac – riverside pasture", classification="indication", evidence="none",
         evidence_items=[ev("Verbal reports", "verbal", "Rumour of a mined bunker by the river")],
         hazard_types=["ap_mines"], priority="low", blockage="Pasture on the Bosna bank", beneficiaries=15,
         terrain="River bank pasture", donor=NLRF, team=T_NTS,
         informants=[person("Senad Alić", "landowner", "61", "HA-0011")],
         doi="2024-06-17", validation="approved", ref_note="Railway halt, Moševac",
         geo=("gps", "dms", 5, 0),
         activities=[
             act("nts", "2024-06-17", "2024-06-19", T_NTS, rel={"cancelled_m2": 0.20}, deminer_days=4),
             act("cancellation_report", "2024-07-15", team=T_NTS, rel={"cancelled_m2": "rest"},
                 notes="The 'bunker' is a pump house used daily; landowners signed statements. Remaining area cancelled."),
         ]),
    dict(code="HA-0012", settlement="Liješnica", admin1=ZDK, admin2="Maglaj", pcode="BA-ZD-MAG-011",
         centre=(44.5700, 18.0500), area=28000, elong=1.4, rot=60,
         name="Liješnica – forest edge above the hamlet", classification="sha", evidence="indirect",
         evidence_items=[ev("Former combatant zone", "records", "Front line 1993")],
         hazard_types=["ap_mines"], priority="medium", blockage="Firewood and mushroom collection",
         beneficiaries=45, terrain="Beech forest edge, 20° slope", donor=NLRF, team=T_NTS,
         informants=[person("Hasan Salihović", "forestry worker", "62", "HA-0012")],
         doi="2025-11-24", validation="submitted", ref_note="Hamlet water fountain",
         geo=("gps", "mgrs", 6, 0), activities=[]),
    dict(code="HA-0013", settlement="Jablanica", admin1=ZDK, admin2="Maglaj", pcode="BA-ZD-MAG-008",
         centre=(44.5300, 18.1400), area=18000, elong=1.5, rot=100,
         name="Jablanica – school field", classification="cha", evidence="direct",
         evidence_items=[ev("Mine/ERW accident with known location", "records", "Child injured in 1997"),
                         ev("Mine signs, fencing", "visual", "Signs and a wire fence")],
         hazard_types=["ap_mines"], priority="high", blockage="Field next to the primary school", beneficiaries=210,
         terrain="Flat field and orchard", donor=NLRF, team=T_MAN,
         informants=[person("Emina Kovačević", "school headteacher", "61", "HA-0013")],
         doi="2024-02-26", validation="approved", ref_note="Primary school gate",
         geo=("gps", "ddm", 5, 1),
         activities=[
             act("clearance", "2024-03-04", "2024-06-14", T_MAN, "manual", rel={"cleared_m2": 0.85},
                 deminer_days=290, depth_cm=15, devices=[dev("ap_mine", "PMA-2", 9), dev("ap_mine", "PMA-3", 2)]),
             act("completion_report", "2024-06-21", rel={"cleared_m2": "rest"}),
             act("post_clearance_inspection", "2024-07-10", team=T_NTS,
                 notes="QC sampling of 5 % of the area; no items. Markers checked."),
             act("handover_certificate", "2024-08-20",
                 handover=dict(men=12, women=15, boys=10, girls=11,
                               residual_risk_note="Handed over to the school and the local community; the municipality "
                                                  "owns the residual risk. Pupils briefed by the risk education team.")),
         ]),
    dict(code="HA-0014", settlement="Misurići", admin1=ZDK, admin2="Maglaj", pcode="BA-ZD-MAG-013",
         centre=(44.4950, 18.1200), area=2800, elong=1.2, rot=0,
         name="Misurići – KB-1 strike in a meadow", classification="eod_spot_task", evidence="direct",
         evidence_items=[ev("Visual observations", "visual", "KB-1 submunitions in a meadow after mowing")],
         hazard_types=["cmr"], priority="high", blockage="Meadow behind houses", beneficiaries=18,
         terrain="Meadow", donor=SBCT, team=T_EOD, informants=[],
         doi="2025-07-01", validation="approved", ref_note="Village shop",
         geo=("gps", "dd", 4, 0),
         evidence_points=[("EV1", 0.3, 45, "KB-1 cluster (HR-0002)", "dd")],
         usage_point=("UP1", 0.5, 330, "Verified target point: crater of the dispenser", "dd"),
         activities=[
             act("eod_spot_task", "2025-07-14", "2025-07-16", T_EOD, "manual", rel={"cleared_m2": "all"},
                 deminer_days=9, devices=[dev("cmr", "KB-1 submunition", 7)]),
             act("completion_report", "2025-07-18", team=T_EOD, rel={"cleared_m2": "rest"}),
         ]),
    dict(code="HA-0015", settlement="Čobe", admin1=ZDK, admin2="Maglaj", pcode="BA-ZD-MAG-005",
         centre=(44.5600, 18.0150), area=6000, elong=1.2, rot=40,
         name="Čobe – collapsed bunker cache", classification="ammunition_storage", evidence="direct",
         evidence_items=[ev("Visual observations", "visual", "Crates of rifle grenades in a collapsed bunker")],
         hazard_types=["axo"], priority="medium", blockage="Hilltop path", beneficiaries=10,
         terrain="Hilltop, scrub", donor=SBCT, team=T_EOD, informants=[],
         doi="2026-06-03", validation="approved", ref_note="TV mast",
         geo=("gps", "utm", 5, 0), activities=[]),
    dict(code="HA-0016", settlement="Kalošević", admin1=ZDK, admin2="Tešanj", pcode="BA-ZD-TSJ-014",
         centre=(44.5850, 17.9300), area=50000, elong=1.4, rot=75,
         name="Kalošević – Usora valley slopes", classification="sha", evidence="indirect",
         evidence_items=[ev("Former combatant zone", "records", "Front line 1992–95"),
                         ev("Verbal reports", "verbal", "Mines laid by both sides around the spring")],
         hazard_types=["ap_mines"], priority="high", blockage="Fields above the Usora road", beneficiaries=120,
         terrain="Fields and scrub on a 5–10° slope", donor=FH, team=T_NTS,
         informants=[person("Nedžad Mehmedović", "president of the local community", "61", "HA-0016"),
                     person("Marija Perić", "landowner", "63", "HA-0016")],
         doi="2025-02-17", validation="submitted", ref_note="Usora bridge",
         notes="Perimeter by laser rangefinder traverse from BM1 with grid bearings (UTM 33T); true azimuth = "
               "grid bearing + meridian convergence at each leg's from-point.",
         geo=("traverse", dict(unit="deg", reference="grid", instrument="laser_rangefinder",
                               n_turning=7, n_intermediate=1, bearing_res=0.1, dist_res=0.1,
                               slopes=None, misclosure=0.9, fmt="utm")),
         activities=[
             act("nts", "2025-02-17", "2025-02-21", T_NTS, rel={"cancelled_m2": 0.20}, deminer_days=8),
             act("ts", "2025-05-12", "2025-05-30", T_MDD, "mdd", rel={"reduced_with_asset_m2": 0.25},
                 deminer_days=30, asset_days=14, notes="Dog search of the lower fields: no indications."),
             act("ts", "2026-07-06", "2026-07-24", T_MECH, "mechanical", rel={"reduced_with_asset_m2": 0.10},
                 deminer_days=36, asset_days=10, direct_evidence_confirmed=True,
                 devices=[dev("ap_mine", "PMA-3", 2)], notes="Two PMA-3 near the spring: SHA → CHA."),
         ]),
    dict(code="HA-0017", settlement="Jelah", admin1=ZDK, admin2="Tešanj", pcode="BA-ZD-TSJ-011",
         centre=(44.6550, 17.9550), area=12000, elong=1.6, rot=5,
         name="Jelah – railway embankment", classification="cha", evidence="direct",
         evidence_items=[ev("Mine signs, fencing", "visual", "Signs along the old railway")],
         hazard_types=["ap_mines"], priority="high", blockage="Footpath to the market", beneficiaries=400,
         terrain="Disused railway embankment and ditch", donor=FH, team=T_MAN,
         informants=[person("Jasmin Husić", "local community secretary", "62", "HA-0017")],
         doi="2024-07-29", validation="approved", ref_note="Jelah railway station",
         geo=("gps", "mgrs", 6, 0),
         activities=[
             act("clearance", "2024-08-05", "2024-11-15", T_MAN, "manual", rel={"cleared_m2": 0.88},
                 deminer_days=230, depth_cm=15, devices=[dev("ap_mine", "PMA-3", 3), dev("ap_mine", "PMA-2", 1)]),
             act("completion_report", "2024-12-03", rel={"cleared_m2": "rest"}),
             act("handover_certificate", "2025-04-10",
                 handover=dict(men=14, women=11, boys=6, girls=4,
                               residual_risk_note="Handed over to the Tešanj municipality (land registry owner); "
                                                  "residual risk with the municipality.")),
         ]),
    dict(code="HA-0018", settlement="Medakovo", admin1=ZDK, admin2="Tešanj", pcode="BA-ZD-TSJ-020",
         centre=(44.6400, 17.9050), area=70000, elong=1.9, rot=140,
         name="Medakovo – Crni Vrh slope", classification="sha", evidence="indirect",
         evidence_items=[ev("Evidence from old survey", "records", "Level 1 survey 2003 polygon")],
         hazard_types=["ap_mines", "at_mines"], priority="medium", blockage="Pasture and forest", beneficiaries=70,
         terrain="Pasture and young forest", donor=FH, team=T_NTS,
         informants=[person("Adnan Ibrahimović", "shepherd", "61", "HA-0018")],
         doi="2025-06-09", validation="submitted", ref_note="Medakovo mosque",
         geo=("gps", "dms", 8, 1),
         activities=[
             act("nts", "2025-06-09", "2025-06-13", T_NTS, rel={"cancelled_m2": 0.30}, deminer_days=8),
             act("ts", "2025-09-01", "2025-09-26", T_MDD, "mdd",
                 rel={"reduced_with_asset_m2": 0.12, "reduced_without_asset_m2": 0.08},
                 deminer_days=40, asset_days=16),
         ]),
    dict(code="HA-0019", settlement="Piljužići", admin1=ZDK, admin2="Tešanj", pcode="BA-ZD-TSJ-027",
         centre=(44.6000, 18.0300), area=5500, elong=1.3, rot=90,
         name="Piljužići – orchard", classification="indication", evidence="none",
         evidence_items=[ev("Verbal reports", "verbal", "An old man remembered soldiers digging")],
         hazard_types=["ap_mines"], priority="low", blockage="Orchard", beneficiaries=8,
         terrain="Orchard", donor=FH, team=T_NTS, informants=[],
         doi="2024-09-16", validation="approved", ref_note="Piljužići crossroads",
         geo=("gps", "utm", 4, 0),
         activities=[
             act("nts", "2024-09-16", "2024-09-17", T_NTS, rel={"cancelled_m2": "all"}, deminer_days=2,
                 notes="The digging was a 1993 water pipeline. Whole area cancelled."),
         ]),
    dict(code="HA-0020", settlement="Mrkotić", admin1=ZDK, admin2="Tešanj", pcode="BA-ZD-TSJ-023",
         centre=(44.6280, 17.9750), area=24000, elong=1.3, rot=25,
         name="Mrkotić – ridge meadows", classification="sha", evidence="indirect",
         evidence_items=[ev("Former combatant zone", "records", "Observation post 1994")],
         hazard_types=["ap_mines"], priority="medium", blockage="Meadows", beneficiaries=25,
         terrain="Ridge meadows", donor=FH, team=T_NTS, informants=[],
         doi="2026-08-10", validation="draft", ref_note="Water reservoir",
         geo=("gps", "ddm", 5, 0), activities=[]),
    dict(code="HA-0021", settlement="Novi Miljanovci", admin1=ZDK, admin2="Tešanj", pcode="BA-ZD-TSJ-024",
         centre=(44.6800, 17.9850), area=26000, elong=1.5, rot=160,
         name="Novi Miljanovci – brook meadow", classification="cha", evidence="direct",
         evidence_items=[ev("Mine/ERW records (high reliability)", "records", "Minefield record 1993, 2 rows")],
         hazard_types=["ap_mines"], priority="high", blockage="Meadow and brook crossing", beneficiaries=55,
         terrain="Meadow on a brook bank", donor=FH, team=T_MDD,
         informants=[person("Sead Mešić", "farmer", "62", "HA-0021")],
         doi="2025-07-28", validation="approved", ref_note="Village cemetery gate",
         geo=("gps", "dd", 6, 1),
         activities=[
             act("ts", "2025-08-04", "2025-08-22", T_MDD, "mdd", rel={"reduced_with_asset_m2": 0.35},
                 deminer_days=24, asset_days=12),
             act("clearance", "2025-09-01", "2025-12-12", T_MAN, "manual", rel={"cleared_m2": 0.50},
                 deminer_days=240, depth_cm=15, devices=[dev("ap_mine", "PMA-2", 4), dev("ap_mine", "PMR-2A", 1)]),
             act("completion_report", "2026-01-20", rel={"split": 0.4}),
         ]),
    dict(code="HA-0022", settlement="Raduša", admin1=ZDK, admin2="Tešanj", pcode="BA-ZD-TSJ-029",
         centre=(44.6000, 17.9600), estimate=2000,
         name="Raduša – grenades in a ruined barn", classification="eod_spot_task", evidence="direct",
         evidence_items=[ev("Visual observations", "visual", "Two corroded M-75 grenades (HR-0003)")],
         hazard_types=["uxo"], priority="high", blockage="Barn next to a house", beneficiaries=4,
         terrain="Farmyard", donor=SBCT, team=T_EOD, informants=[],
         doi="2026-08-12", validation="draft", ref_note="Raduša bus stop",
         geo=("none", "mgrs"),
         evidence_points=[("EV1", None, 90, "Grenades in the ruined barn (HR-0003)", "mgrs")],
         activities=[]),
    dict(code="HA-0023", settlement="Buletić", admin1=RS, admin2="Teslić", pcode="BA-RS-TSL-006",
         centre=(44.6600, 17.8950), area=40000, elong=1.6, rot=55,
         name="Buletić – Usora terraces", classification="sha", evidence="indirect",
         evidence_items=[ev("Former combatant zone", "records", "Front line 1992–95"),
                         ev("Productive land not in use", "visual", "Terraces overgrown")],
         hazard_types=["ap_mines", "at_mines"], priority="high", blockage="Terraced fields", beneficiaries=90,
         terrain="River terraces and slope", donor=FH, team=T_NTS,
         informants=[person("Goran Nikolić", "forester", "65", "HA-0023"),
                     person("Mira Tomić", "landowner", "66", "HA-0023")],
         doi="2024-04-01", validation="approved", ref_note="Buletić church",
         geo=("gps", "dms", 7, 1),
         activities=[
             act("ts", "2024-04-08", "2024-04-26", T_MDD, "mdd", rel={"reduced_with_asset_m2": 0.20},
                 deminer_days=30, asset_days=13, direct_evidence_confirmed=True,
                 devices=[dev("ap_mine", "PMA-2", 2)], notes="PMA-2 pair found on the second terrace: SHA → CHA."),
             act("clearance", "2024-05-06", "2024-10-25", T_MAN, "manual", rel={"cleared_m2": 0.65},
                 deminer_days=420, depth_cm=15,
                 devices=[dev("ap_mine", "PMA-2", 12), dev("ap_mine", "PROM-1", 2, "removed_destroyed"),
                          dev("at_mine", "TMA-4", 1, "removed_destroyed")]),
             act("completion_report", "2024-11-08", rel={"cleared_m2": "rest"}),
             act("handover_certificate", "2025-03-19",
                 handover=dict(men=10, women=9, boys=2, girls=3,
                               residual_risk_note="Handed over to the Teslić municipality; landowners informed that "
                                                  "deep ploughing beyond 15 cm was not covered by clearance.")),
             act("post_clearance_inspection", "2025-09-23", team=T_NTS, notes="One year on: land in use, no items."),
         ]),
    dict(code="HA-0024", settlement="Barići", admin1=RS, admin2="Teslić", pcode="BA-RS-TSL-002",
         centre=(44.6900, 17.8600), area=100000, elong=1.5, rot=120,
         name="Barići – large minefield on the plateau", classification="cha", evidence="direct",
         evidence_items=[ev("Mine/ERW records (high reliability)", "records", "Minefield records 1993–94, 4 rows"),
                         ev("Mine/ERW accident with known location", "records", "Two accidents 2001 and 2007")],
         hazard_types=["ap_mines", "at_mines"], priority="high", blockage="Plateau fields of three villages",
         beneficiaries=560, terrain="Plateau, grass and scrub", donor=FH, team=T_MECH,
         informants=[person("Dušan Popović", "president of the local community", "65", "HA-0024")],
         doi="2026-03-16", validation="submitted", ref_note="Crossroads by the old school",
         geo=("gps", "utm", 9, 3),
         evidence_points=[("EV1", 0.4, 260, "TMA-4 exposed by erosion (HR-0011)", "utm")],
         activities=[
             act("clearance", "2026-04-06", "2026-08-28", T_MECH, "mechanical", rel={"cleared_m2": 0.18},
                 deminer_days=300, asset_days=60, depth_cm=20,
                 devices=[dev("at_mine", "TMA-4", 4, "removed_destroyed"), dev("ap_mine", "PMA-2", 7)]),
             act("progress_report", "2026-09-01", "2026-09-30", T_MECH, "mechanical", rel={"cleared_m2": 0.07},
                 deminer_days=70, asset_days=15, depth_cm=20),
         ]),
    dict(code="HA-0025", settlement="Stenjak", admin1=RS, admin2="Teslić", pcode="BA-RS-TSL-029",
         centre=(44.6200, 17.7800), area=12000, elong=1.3, rot=30,
         name="Stenjak – ruined house and yard", classification="indication", evidence="not_specified",
         evidence_items=[ev("Verbal reports", "verbal", "Improvised device reported in a ruin (HR-0019)")],
         hazard_types=["ied", "booby_traps"], priority="medium", blockage="Yard and path", beneficiaries=6,
         terrain="Ruin and overgrown yard", donor=SBCT, team=T_NTS, informants=[],
         doi="2026-02-25", validation="submitted", ref_note="Stenjak crossroads",
         geo=("gps", "mgrs", 5, 0), activities=[]),
    dict(code="HA-0026", settlement="Vrućica", admin1=RS, admin2="Teslić", pcode="BA-RS-TSL-033",
         centre=(44.5800, 17.8650), area=8000, elong=1.2, rot=70,
         name="Vrućica – burnt ammunition store", classification="ammunition_storage", evidence="direct",
         evidence_items=[ev("Visual observations", "visual", "Fragments and intact mortar bombs")],
         hazard_types=["uxo", "axo"], priority="high", blockage="Forest road", beneficiaries=150,
         terrain="Forest clearing", donor=SBCT, team=T_EOD,
         informants=[person("Branko Petrović", "hunter", "66", "HA-0026")],
         doi="2024-10-07", validation="approved", ref_note="Forest road junction",
         geo=("gps", "dd", 5, 0),
         activities=[
             act("bac", "2024-10-14", "2024-12-13", T_EOD, "manual", rel={"cleared_m2": 0.90}, deminer_days=180,
                 devices=[dev("uxo", "82 mm mortar bomb", 22, "removed_destroyed"),
                          dev("uxo", "120 mm mortar bomb", 4, "removed_destroyed"),
                          dev("uxo", "M-75 hand grenade", 40, "removed_destroyed"),
                          dev("saa", "7.62 mm cartridges", 2300, "removed_destroyed")]),
             act("completion_report", "2025-01-17", rel={"cleared_m2": "rest"}),
         ]),
    dict(code="HA-0027", settlement="Kamenica", admin1=RS, admin2="Teslić", pcode="BA-RS-TSL-014",
         centre=(44.5600, 17.8100), area=55000, elong=1.6, rot=15,
         name="Kamenica – valley fields", classification="sha", evidence="indirect",
         evidence_items=[ev("Evidence from old survey", "records", "Systematic survey 2008")],
         hazard_types=["ap_mines"], priority="medium", blockage="Fields", beneficiaries=65,
         terrain="Valley fields and stream", donor=FH, team=T_NTS,
         informants=[person("Vesna Đukić", "landowner", "65", "HA-0027")],
         doi="2025-04-14", validation="draft", ref_note="Stream ford",
         geo=("gps", "ddm", 7, 0),
         activities=[
             act("nts", "2025-04-14", "2025-04-18", T_NTS, rel={"cancelled_m2": 0.33}, deminer_days=8),
             act("ts", "2025-11-03", "2025-11-21", T_MAN, "manual", rel={"reduced_without_asset_m2": 0.15},
                 deminer_days=45),
         ]),
    dict(code="HA-0028", settlement="Blatnica", admin1=RS, admin2="Teslić", pcode="BA-RS-TSL-004",
         centre=(44.5150, 17.8300), area=32000, elong=1.4, rot=95,
         name="Blatnica – Borja forest road", classification="cha", evidence="direct",
         evidence_items=[ev("Mine/ERW records (high reliability)", "records", "Minefield record 1994")],
         hazard_types=["ap_mines"], priority="medium", blockage="Forest road", beneficiaries=35,
         terrain="Forest road and margins", donor=FH, team=T_NTS, informants=[],
         doi="2026-04-27", validation="returned",
         validation_comment="BM1 and TP3 do not match the sketch map: re-check the MGRS entries and attach "
                            "the community focal point's statement before resubmitting.",
         ref_note="Sawmill gate", geo=("gps", "mgrs", 6, 1), activities=[]),
    dict(code="HA-0029", settlement="Komušina", admin1=RS, admin2="Teslić", pcode="BA-RS-TSL-012",
         centre=(44.5400, 17.9050), area=32000, elong=1.3, rot=45,
         name="Komušina – pilgrim path meadows", classification="sha", evidence="indirect",
         evidence_items=[ev("Evidence from old survey", "records", "Level 1 survey 2002")],
         hazard_types=["ap_mines"], priority="medium", blockage="Pilgrim path and meadows", beneficiaries=300,
         terrain="Meadows", donor=FH, team=T_NTS,
         informants=[person("Marko Barišić", "parish council", "65", "HA-0029"),
                     person("Ljiljana Vasić", "landowner", "66", "HA-0029")],
         doi="2024-07-08", validation="approved", ref_note="Shrine car park",
         geo=("gps", "utm", 6, 0),
         activities=[
             act("nts", "2024-07-08", "2024-07-19", T_NTS, rel={"cancelled_m2": "all"}, deminer_days=10,
                 notes="Meadows mown every year since 1999; 2002 polygon drawn from memory. Whole area cancelled."),
             act("handover_certificate", "2024-10-03",
                 markers=["None: cancelled land, temporary marking removed after the NTS"],
                 handover=dict(men=20, women=18, boys=5, girls=6,
                               residual_risk_note="Cancelled land handed back to the parish and landowners; "
                                                  "residual risk with the Teslić municipality.")),
         ]),
    dict(code="HA-0030", settlement="Jezero", admin1=RS, admin2="Teslić", pcode="BA-RS-TSL-010",
         centre=(44.6400, 17.8000), area=3200, elong=1.2, rot=0,
         name="Jezero – mortar impact area", classification="eod_spot_task", evidence="direct",
         evidence_items=[ev("Visual observations", "visual", "60 mm mortar bomb tail fins")],
         hazard_types=["uxo"], priority="medium", blockage="Garden", beneficiaries=6,
         terrain="Garden and field", donor=SBCT, team=T_EOD, informants=[],
         doi="2026-04-27", validation="approved", ref_note="Jezero community hall",
         geo=("gps", "dms", 4, 0),
         evidence_points=[("EV1", 0.3, 10, "60 mm mortar bomb (HR-0004)", "dms")],
         activities=[
             act("eod_spot_task", "2026-05-18", "2026-05-20", T_EOD, "manual", rel={"cleared_m2": "all"},
                 deminer_days=6, devices=[dev("uxo", "60 mm mortar bomb", 1), dev("uxo", "M-75 hand grenade", 1)]),
             act("completion_report", "2026-05-22", team=T_EOD, rel={"cleared_m2": "rest"}),
         ]),
]

# Hazard reports: (code, land or None, position (lat, lon) or None = inside/at the land,
#  eo_category, type_model, quantity, condition, status, reported_on, reporter, phone prefix, accuracy, notes)
HAZARD_REPORTS = [
    ("HR-0001", "HA-0007", None, "uxo", "82 mm mortar bomb", 1, "damaged", "destroyed_removed", "2024-09-27",
     "Ismet Karić", "65", 4.0, "Found by the owner while repairing the garden wall; EOD task HA-0007."),
    ("HR-0002", "HA-0014", None, "cmr", "KB-1 submunition", 3, "intact", "destroyed_removed", "2025-06-30",
     "Alma Softić", "61", 5.0, "Seen after mowing; area marked by the reporter with sticks."),
    ("HR-0003", "HA-0022", None, "uxo", "M-75 hand grenade", 2, "damaged", "reported", "2026-08-11",
     "Edin Mustafić", "62", 6.0, "In the ruined barn, under roof tiles."),
    ("HR-0004", "HA-0030", None, "uxo", "60 mm mortar bomb", 1, "intact", "destroyed_removed", "2026-04-22",
     "Dragana Ilić", "66", 3.5, ""),
    ("HR-0005", "HA-0001", None, "ap_mine", "PMA-2", 1, "intact", "destroyed_removed", "2025-01-20",
     "Refik Omerović", "65", 4.5, "Seen in a plough furrow at the field edge; destroyed in situ during TS AC-0002."),
    ("HR-0006", None, (44.7358, 18.0921), "saa", "7.62 mm ammunition in a box", 250, "intact", "destroyed_removed",
     "2024-02-14", "Nikola Stanković", "65", 3.0, "Found in a garage in Doboj during renovation."),
    ("HR-0007", "HA-0003", None, "ap_mine", "Unknown, 'round and green'", 1, "unknown", "reported", "2026-07-08",
     "Petar Radić", "66", 14.8, "Shepherd's report, position from his phone; not yet visited."),
    ("HR-0008", None, (44.6012, 17.8310), "uxo", "M-60 rifle grenade", 1, "damaged", "no_item_found", "2024-11-05",
     "Milan Bogdanović", "65", 5.5, "Team searched 50 m around the point; nothing found."),
    ("HR-0009", "HA-0016", None, "ap_mine", "PMA-3", 1, "intact", "destroyed_removed", "2026-06-15",
     "Hamza Čaušević", "61", 4.0, "Near the spring; led to the second TS, which destroyed it in situ."),
    ("HR-0010", None, (44.7612, 18.0488), "at_mine", "TMM-1", 1, "damaged", "destroyed_removed", "2025-03-18",
     "Željko Vuković", "66", 3.8, "Ploughed up on a field; removed by EOD Team 1."),
    ("HR-0011", "HA-0024", None, "at_mine", "TMA-4", 1, "intact", "verified", "2026-03-09",
     "Slobodan Janković", "65", 5.0, "Exposed by erosion on the plateau edge; marked, in a lane not yet cleared."),
    ("HR-0012", None, (44.5405, 18.0702), "axo", "120 mm mortar bombs, abandoned in a barn", 6, "intact",
     "destroyed_removed", "2025-10-02", "Fikret Hadžić", "61", 4.2, "Stored since 1995; owner asked for removal."),
    ("HR-0013", None, (44.6448, 17.9402), "booby_trap", "Tripwire with an M-75 hand grenade", 1, "damaged",
     "reported", "2026-08-20", "Lejla Dedić", "62", 7.0, "Hunters saw a wire across a forest path."),
    ("HR-0014", "HA-0028", None, "ap_mine", "PROM-1", 1, "intact", "reported", "2026-05-04",
     "Rade Kovač", "66", 6.5, "Fuze head visible by the forest road."),
    ("HR-0015", None, (44.5803, 18.1297), "other", "Metal object, possibly a fuze", 1, "unknown", "no_item_found",
     "2025-05-27", "Sanela Zukić", "61", 5.2, "Scrap metal (a tractor part)."),
    ("HR-0016", None, (44.5049, 18.0898), "cmr", "KB-1 submunition", 1, "unknown", "no_item_found", "2024-04-15",
     "Mirza Omerbegović", "63", 4.8, "Searched with detectors; nothing found."),
    ("HR-0017", "HA-0012", None, "ap_mine", "PMR-2A", 1, "damaged", "verified", "2026-01-12",
     "Tarik Bešić", "62", 5.0, "Stake mine seen from the forest track; marked."),
    ("HR-0018", None, (44.7003, 18.0699), "uxo", "82 mm mortar bomb", 1, "intact", "verified", "2026-08-28",
     "Sonja Milić", "65", 3.9, "In a stream bed after the flood; verified and marked by EOD Team 1, disposal planned."),
    ("HR-0019", "HA-0025", None, "ied", "Improvised device: hand grenade with TNT block", 1, "damaged", "verified",
     "2026-02-23", "Dejan Marković", "66", 4.4, "In the ruin's cellar; area fenced by the police."),
    ("HR-0020", None, (44.5302, 17.8601), "uxo", "40 mm grenade", 1, "unknown", "no_item_found", "2025-08-14",
     "Aida Halilagić", "61", 6.0, "Children's report; not found after a search."),
]

# ---------------------------------------------------------------------------------------------
# Geodesy and coordinate notation
# ---------------------------------------------------------------------------------------------


def direct(lat, lon, azi, dist):
    g = GEOD.Direct(lat, lon, azi, dist)
    return g["lat2"], g["lon2"]


def inverse(lat1, lon1, lat2, lon2):
    g = GEOD.Inverse(lat1, lon1, lat2, lon2)
    return g["s12"], g["azi1"], g["azi2"]


def ring_area(lonlats):
    """Signed geodesic area (m², + for counter-clockwise) and perimeter of an open ring [(lon, lat)]."""
    poly = GEOD.Polygon()
    for lon, lat in lonlats:
        poly.AddPoint(lat, lon)
    _, perimeter, area = poly.Compute(False, True)
    return area, perimeter


_FWD, _INV = {}, {}


def utm_zone(lon):
    return int((lon + 180.0) // 6.0) + 1


def band(lat):
    return "CDEFGHJKLMNPQRSTUVWX"[int((lat + 80.0) // 8.0)]


def to_utm(lat, lon, zone=None):
    zone = zone or utm_zone(lon)
    if zone not in _FWD:
        _FWD[zone] = Transformer.from_crs("EPSG:4326", f"EPSG:{32600 + zone}", always_xy=True)
    e, n = _FWD[zone].transform(lon, lat)
    return zone, e, n


def from_utm(zone, e, n):
    if zone not in _INV:
        _INV[zone] = Transformer.from_crs(f"EPSG:{32600 + zone}", "EPSG:4326", always_xy=True)
    lon, lat = _INV[zone].transform(e, n)
    return lat, lon


MGRS_ROWS = "ABCDEFGHJKLMNPQRSTUV"


def mgrs_cols(zone):
    return {1: "ABCDEFGH", 2: "JKLMNPQR", 0: "STUVWXYZ"}[zone % 3]


def grid_convergence(lat, lon):
    """UTM meridian convergence gamma (deg) at a point: bearing of grid north clockwise from true
    north, so true azimuth = grid bearing + gamma (GeographicLib's convention)."""
    zone = utm_zone(lon)
    la1, lo1 = direct(lat, lon, 180.0, 5.0)
    la2, lo2 = direct(lat, lon, 0.0, 5.0)
    _, e1, n1 = to_utm(la1, lo1, zone)
    _, e2, n2 = to_utm(la2, lo2, zone)
    return -math.degrees(math.atan2(e2 - e1, n2 - n1))


def fmt_dms(lat, lon):
    def part(v, pos, neg, width):
        hs = round(abs(v) * 360000)  # hundredths of a second
        d, rem = divmod(hs, 360000)
        m, s = divmod(rem, 6000)
        return f"{d:0{width}d}°{m:02d}'{s / 100:05.2f}\"{pos if v >= 0 else neg}"
    return f"{part(lat, 'N', 'S', 2)} {part(lon, 'E', 'W', 2)}"


def fmt_ddm(lat, lon):
    def part(v, pos, neg):
        tm = round(abs(v) * 600000)  # 1/10 000 of a minute
        d, rem = divmod(tm, 600000)
        return f"{d:02d}°{rem / 10000:07.4f}'{pos if v >= 0 else neg}"
    return f"{part(lat, 'N', 'S')} {part(lon, 'E', 'W')}"


def fmt_utm(lat, lon):
    zone, e, n = to_utm(lat, lon)
    return f"{zone}{band(lat)} {round(e)} {round(n)}"


def fmt_mgrs(lat, lon):
    zone, e, n = to_utm(lat, lon)
    e_i, n_i = math.floor(e), math.floor(n)  # MGRS truncates (the square's lower-left corner)
    col = mgrs_cols(zone)[e_i // 100000 - 1]
    row = MGRS_ROWS[(n_i // 100000 + (5 if zone % 2 == 0 else 0)) % 20]
    return f"{zone}{band(lat)}{col}{row}{e_i % 100000:05d}{n_i % 100000:05d}"


def format_coord(lat, lon, fmt):
    return {"dd": lambda: f"{lat:.6f}, {lon:.6f}", "dms": lambda: fmt_dms(lat, lon),
            "ddm": lambda: fmt_ddm(lat, lon), "utm": lambda: fmt_utm(lat, lon),
            "mgrs": lambda: fmt_mgrs(lat, lon)}[fmt]()


def parse_coord(text, fmt):
    """Reads coordinate text back to (lat, lon): an independent parser used to fix lon_lat to
    exactly what was entered and to check the file."""
    if fmt == "dd":
        a, b = (float(x) for x in text.split(","))
        return a, b
    if fmt in ("dms", "ddm"):
        parts = re.findall(r"(\d+)°(\d+(?:\.\d+)?)'(?:(\d+(?:\.\d+)?)\")?([NSEW])", text)
        if len(parts) != 2:
            raise ValueError(f"bad {fmt}: {text}")
        vals = []
        for d, m, s, h in parts:
            v = int(d) + float(m) / 60 + (float(s) / 3600 if s else 0.0)
            vals.append(-v if h in "SW" else v)
        return vals[0], vals[1]
    if fmt == "utm":
        m = re.fullmatch(r"(\d{1,2})([C-X]) (\d+) (\d+)", text)
        zone, e, n = int(m[1]), int(m[3]), int(m[4])
        return from_utm(zone, e, n)
    if fmt == "mgrs":
        m = re.fullmatch(r"(\d{1,2})([C-X])([A-Z])([A-Z])(\d{5})(\d{5})", text)
        zone, bnd, col, row = int(m[1]), m[2], m[3], m[4]
        e = (mgrs_cols(zone).index(col) + 1) * 100000 + int(m[5])
        n0 = ((MGRS_ROWS.index(row) - (5 if zone % 2 == 0 else 0)) % 20) * 100000 + int(m[6])
        for k in range(5):  # pick the 2 000 km cycle that falls in the latitude band
            lat, lon = from_utm(zone, e, n0 + k * 2_000_000)
            if band(lat) == bnd:
                return lat, lon
        raise ValueError(f"bad MGRS band: {text}")
    raise ValueError(fmt)


def r9(v):
    return round(v, 9)


# ---------------------------------------------------------------------------------------------
# Planar helpers (local equirectangular metres) for validity, overlap and containment checks
# ---------------------------------------------------------------------------------------------


def local_xy(lonlats, origin):
    lat0, lon0 = origin
    kx = math.cos(math.radians(lat0)) * 111320.0
    return [((lon - lon0) * kx, (lat - lat0) * 110574.0) for lon, lat in lonlats]


def _orient(a, b, c):
    return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])


def _on_seg(a, b, p):
    return min(a[0], b[0]) - 1e-9 <= p[0] <= max(a[0], b[0]) + 1e-9 and \
        min(a[1], b[1]) - 1e-9 <= p[1] <= max(a[1], b[1]) + 1e-9


def segments_intersect(p1, p2, q1, q2):
    d1, d2 = _orient(q1, q2, p1), _orient(q1, q2, p2)
    d3, d4 = _orient(p1, p2, q1), _orient(p1, p2, q2)
    if ((d1 > 0) != (d2 > 0)) and ((d3 > 0) != (d4 > 0)) and d1 and d2 and d3 and d4:
        return True
    return (d1 == 0 and _on_seg(q1, q2, p1)) or (d2 == 0 and _on_seg(q1, q2, p2)) or \
        (d3 == 0 and _on_seg(p1, p2, q1)) or (d4 == 0 and _on_seg(p1, p2, q2))


def ring_problems(xy):
    """Self-intersections, duplicate consecutive vertices and spikes of an open ring in metres."""
    n, problems = len(xy), []
    for i in range(n):
        a, b = xy[i], xy[(i + 1) % n]
        if math.dist(a, b) < 0.05:
            problems.append(f"duplicate consecutive vertices {i}/{(i + 1) % n}")
    for i in range(n):
        for j in range(i + 1, n):
            if j == i + 1 or (i == 0 and j == n - 1):
                continue
            if segments_intersect(xy[i], xy[(i + 1) % n], xy[j], xy[(j + 1) % n]):
                problems.append(f"edges {i} and {j} intersect")
    for i in range(n):  # a spike: the ring doubles back on itself
        a, b, c = xy[i - 1], xy[i], xy[(i + 1) % n]
        u, v = (a[0] - b[0], a[1] - b[1]), (c[0] - b[0], c[1] - b[1])
        cross, dot = u[0] * v[1] - u[1] * v[0], u[0] * v[0] + u[1] * v[1]
        if abs(math.degrees(math.atan2(cross, dot))) < 2.0:
            problems.append(f"spike at vertex {i}")
    return problems


def point_in_ring(p, xy):
    inside, n = False, len(xy)
    for i in range(n):
        a, b = xy[i], xy[(i + 1) % n]
        if (a[1] > p[1]) != (b[1] > p[1]):
            x = a[0] + (p[1] - a[1]) * (b[0] - a[0]) / (b[1] - a[1])
            if x > p[0]:
                inside = not inside
    return inside


def dist_point_ring(p, xy):
    best = float("inf")
    for i in range(len(xy)):
        a, b = xy[i], xy[(i + 1) % len(xy)]
        dx, dy = b[0] - a[0], b[1] - a[1]
        t = max(0.0, min(1.0, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy)))
        best = min(best, math.dist(p, (a[0] + t * dx, a[1] + t * dy)))
    return best


def rings_overlap(r1, r2):
    """r1, r2: open rings of (lon, lat)."""
    origin = (r1[0][1], r1[0][0])
    a, b = local_xy(r1, origin), local_xy(r2, origin)
    for i in range(len(a)):
        for j in range(len(b)):
            if segments_intersect(a[i], a[(i + 1) % len(a)], b[j], b[(j + 1) % len(b)]):
                return True
    return point_in_ring(a[0], b) or point_in_ring(b[0], a)


# ---------------------------------------------------------------------------------------------
# Building the programme
# ---------------------------------------------------------------------------------------------


def design_ring(spec, n, rng):
    """A star-shaped ring of n vertices around the centre, counter-clockwise (azimuth decreasing),
    elongated and rotated, scaled so its geodesic area is close to the target."""
    lat0, lon0 = spec["centre"]
    base = rng.uniform(0, 360)
    step = 360.0 / n
    azis = [base - i * step + rng.uniform(-0.22, 0.22) * step for i in range(n)]
    jitter = [rng.uniform(0.82, 1.18) for _ in range(n)]
    el, rot = spec["elong"], spec["rot"]

    def build(scale):
        pts = []
        for az, j in zip(azis, jitter):
            t = math.radians(az - rot)
            r = scale * j / math.sqrt((math.cos(t) / el) ** 2 + (math.sin(t) * el) ** 2)
            pts.append(direct(lat0, lon0, az, r))
        return pts

    scale = math.sqrt(spec["area"] / math.pi)
    for _ in range(4):
        pts = build(scale)
        area, _ = ring_area([(lo, la) for la, lo in pts])
        scale *= math.sqrt(spec["area"] / area)
    return build(scale)


def insert_intermediates(ring, n_ip, rng):
    """Adds n_ip intermediate points on the longest edges (> 50 m, never the closing edge).
    Returns [(lat, lon, kind)] with kinds start/turning/intermediate (last turning is tagged later)."""
    tagged = [(la, lo, "turning") for la, lo in ring]
    edges = sorted(range(len(ring) - 1), key=lambda i: -inverse(*ring[i], *ring[i + 1])[0])
    chosen = sorted(i for i in edges[:n_ip] if inverse(*ring[i], *ring[i + 1])[0] > 50.0)
    out = []
    for i, p in enumerate(tagged):
        out.append(p)
        if i in chosen:
            s, az, _ = inverse(*ring[i], *ring[i + 1])
            la, lo = direct(*ring[i], az, s * rng.uniform(0.42, 0.58))
            la, lo = direct(la, lo, az + 90.0, rng.uniform(-1.2, 1.2))  # markers are never exactly on the line
            out.append((la, lo, "intermediate"))
    out[0] = (out[0][0], out[0][1], "start")
    return out


def gps_source(rng, accuracy=None):
    acc = accuracy if accuracy is not None else round(rng.uniform(3.0, 8.0), 1)
    return {"method": "gps", "accuracy_m": acc, "averaged_fixes": rng.randrange(5, 31)}


def gps_point(kind, label, lat, lon, fmt, rng, note="", accuracy=None):
    text = format_coord(lat, lon, fmt)
    plat, plon = parse_coord(text, fmt)
    point = {"kind": kind, "label": label, "lon_lat": {"lon_deg": r9(plon), "lat_deg": r9(plat)},
             "entered": {"text": text, "format": fmt}, "source": gps_source(rng, accuracy)}
    if note:
        point["note"] = note
    return point


def labels_for(kinds):
    out, tp, ip = [], 0, 0
    for k in kinds:
        if k == "start":
            out.append("SP")
        elif k == "end":
            out.append("EP")
        elif k == "intermediate":
            ip += 1
            out.append(f"IP{ip}")
        else:
            tp += 1
            out.append(f"TP{tp}")
    return out


MARKER_NOTES = {"start": "Start point: buried angle iron and red-topped picket",
                "turning": "Turning point: buried angle iron, painted picket",
                "intermediate": "Intermediate point: painted picket",
                "end": "End point: buried angle iron and red-topped picket"}


def leg_true_azimuth(leg, from_lat, from_lon):
    b = leg["bearing"] * (360.0 / 6400.0 if leg["bearing_unit"] == "mil" else 1.0)
    if leg["reference"] == "magnetic":
        return b + leg["declination_deg"]
    if leg["reference"] == "grid":
        return b + grid_convergence(from_lat, from_lon)
    return b


def leg_horizontal(leg):
    s = leg.get("slope_deg")
    return leg["distance_m"] * math.cos(math.radians(s)) if s is not None else leg["distance_m"]


def walk_leg(leg, from_lat, from_lon):
    la, lo = direct(from_lat, from_lon, leg_true_azimuth(leg, from_lat, from_lon), leg_horizontal(leg))
    return r9(la), r9(lo)


def reading_for(true_az, horiz, from_lat, from_lon, t, slope, declination_date):
    """What the surveyor reads for a wanted true azimuth and horizontal distance."""
    if t["reference"] == "magnetic":
        b = true_az - DECLINATION_DEG
    elif t["reference"] == "grid":
        b = true_az - grid_convergence(from_lat, from_lon)
    else:
        b = true_az
    b %= 360.0
    if t["unit"] == "mil":
        b = b * 6400.0 / 360.0
    res = t["bearing_res"]
    b = round(round(b / res) * res, 4)
    full = 6400.0 if t["unit"] == "mil" else 360.0
    if b >= full:
        b -= full
    d = horiz / math.cos(math.radians(slope)) if slope is not None else horiz
    d = round(round(d / t["dist_res"]) * t["dist_res"], 2)
    leg = {"bearing": int(b) if t["unit"] == "mil" else b, "bearing_unit": t["unit"],
           "reference": t["reference"], "declination_deg": DECLINATION_DEG if t["reference"] == "magnetic" else 0.0,
           "distance_m": d, "instrument": t["instrument"]}
    if t["reference"] == "magnetic":
        leg["declination_date"] = declination_date
    if slope is not None:
        leg["slope_deg"] = slope
    return leg


def build_traverse(spec, bm, design, rng):
    """Walks the traverse BM → SP → TP… → EP. Readings are rounded as the instrument reads them;
    the closing leg is chosen so the end point misses the start by about the wanted misclosure."""
    t = spec["geo"][1]
    slopes = t["slopes"] or []
    pts, prev, prev_label = [], (bm[0], bm[1]), "BM1"
    kinds = [k for _, _, k in design] + ["end"]
    labels = labels_for(kinds)
    targets = [(la, lo) for la, lo, _ in design]
    for i, (tla, tlo) in enumerate(targets):
        s, az, _ = inverse(prev[0], prev[1], tla, tlo)
        slope = slopes[i] if i < len(slopes) else None
        leg = reading_for(az, s, prev[0], prev[1], t, slope, spec["doi"])
        leg["from_label"] = prev_label
        la, lo = walk_leg(leg, *prev)
        pts.append({"kind": kinds[i], "label": labels[i], "lon_lat": {"lon_deg": lo, "lat_deg": la},
                    "source": {"method": "traverse", "leg": leg}, "note": MARKER_NOTES[kinds[i]]})
        prev, prev_label = (la, lo), labels[i]
    # closing leg back towards SP, with a realistic misclosure
    sp = (pts[0]["lon_lat"]["lat_deg"], pts[0]["lon_lat"]["lon_deg"])
    s, az, _ = inverse(prev[0], prev[1], *sp)
    slope = slopes[len(targets)] if len(targets) < len(slopes) else None
    base = reading_for(az, s, prev[0], prev[1], t, slope, spec["doi"])
    best = None
    for db in range(-4, 5):
        for dd in range(-40, 41):
            leg = dict(base)
            b = (leg["bearing"] + db * t["bearing_res"]) % (6400 if t["unit"] == "mil" else 360.0)
            leg["bearing"] = int(b) if t["unit"] == "mil" else round(b, 4)
            leg["distance_m"] = round(base["distance_m"] + dd * t["dist_res"], 2)
            la, lo = walk_leg(leg, *prev)
            mis = inverse(la, lo, *sp)[0]
            if not 0.5 <= mis <= 3.0:
                continue
            ring = [(p["lon_lat"]["lon_deg"], p["lon_lat"]["lat_deg"]) for p in pts] + [(lo, la)]
            if ring_problems(local_xy(ring, sp)):
                continue
            score = abs(mis - t["misclosure"]) + 0.01 * (abs(db) + abs(dd) * 0.1)
            if best is None or score < best[0]:
                best = (score, leg, la, lo)
    if best is None:
        raise SystemExit(f"{spec['code']}: no closing leg gives a 0.5–3 m misclosure")
    _, leg, la, lo = best
    leg["from_label"] = prev_label
    pts.append({"kind": "end", "label": "EP", "lon_lat": {"lon_deg": lo, "lat_deg": la},
                "source": {"method": "traverse", "leg": leg}, "note": MARKER_NOTES["end"]})
    return pts


def outside_point(spec, ring_lonlat, from_latlon, rng, dmin, dmax, others):
    """A point dmin..dmax m from from_latlon, away from the land's centre, outside every land."""
    lat0, lon0 = spec["centre"]
    _, az_out, _ = inverse(lat0, lon0, *from_latlon)
    for attempt in range(200):
        az = az_out + rng.uniform(-35, 35)
        d = rng.uniform(dmin, dmax) * (1 + attempt * 0.02)
        la, lo = direct(*from_latlon, az, d)
        ok = True
        for ring in [ring_lonlat] + others:
            if not ring:
                continue
            xy = local_xy(ring, (la, lo))
            if point_in_ring((0.0, 0.0), xy) or dist_point_ring((0.0, 0.0), xy) < 8.0:
                ok = False
        if ok:
            return la, lo
    raise SystemExit(f"{spec['code']}: no point outside the land")


def point_inside(spec, frac, az, rng):
    lat0, lon0 = spec["centre"]
    r = math.sqrt(spec.get("area", spec.get("estimate", 2500)) / math.pi) * (frac or 0.2)
    return direct(lat0, lon0, az, r)


def build_land(spec, done_rings):
    rng = random.Random(f"land:{spec['code']}")
    geo = spec["geo"]
    points = []
    ring = None
    low = spec.get("low_accuracy", {})
    if geo[0] == "none":
        fmt = geo[1]
        lat0, lon0 = spec["centre"]
        rla, rlo = direct(lat0, lon0, rng.uniform(0, 360), rng.uniform(150, 300))
        points.append(gps_point("reference", "R1", rla, rlo, fmt, rng, spec["ref_note"]))
    else:
        if geo[0] == "gps":
            _, fmt, n_tp, n_ip = geo
        else:
            t = geo[1]
            fmt, n_tp, n_ip = t["fmt"], t["n_turning"], t["n_intermediate"]
        for attempt in range(50):
            trng = random.Random(f"ring:{spec['code']}:{attempt}")
            design = insert_intermediates(design_ring(spec, n_tp, trng), n_ip, trng)
            if geo[0] == "gps":
                design[-1] = (design[-1][0], design[-1][1], "end")
                labels = labels_for([k for _, _, k in design])
                perim = [gps_point(k, lab, la, lo, fmt, trng, MARKER_NOTES[k], low.get(lab))
                         for (la, lo, k), lab in zip(design, labels)]
            else:
                perim = None  # built after the benchmark
            design_lonlat = [(lo, la) for la, lo, _ in design]
            sp = (design[0][0], design[0][1])
            bla, blo = outside_point(spec, design_lonlat, sp, rng, 25, 45, done_rings)
            rla, rlo = outside_point(spec, design_lonlat, sp, rng, 250, 550, done_rings)
            bm_point = gps_point("benchmark", "BM1", bla, blo, fmt, rng,
                                 "Benchmark: concrete post painted BM1, safe access from R1")
            if geo[0] == "traverse":  # the traverse starts from the benchmark exactly as recorded
                bm = (bm_point["lon_lat"]["lat_deg"], bm_point["lon_lat"]["lon_deg"])
                perim = build_traverse(spec, bm, design, trng)
            ring = [(p["lon_lat"]["lon_deg"], p["lon_lat"]["lat_deg"]) for p in perim]
            area, _ = ring_area(ring)
            frac = abs(area) % 1.0
            if area > 0 and not ring_problems(local_xy(ring, spec["centre"])) and abs(frac - 0.5) > 0.02:
                break
        else:
            raise SystemExit(f"{spec['code']}: could not build a valid polygon")
        points.append(gps_point("reference", "R1", rla, rlo, "dd" if fmt != "dd" else "dms", rng, spec["ref_note"]))
        points.append(bm_point)
        points.extend(perim)
    for label, frac, az, note, efmt in spec.get("evidence_points", []):
        if frac is None:  # land without polygon: the evidence point is near the recorded centre
            la, lo = direct(*spec["centre"], rng.uniform(0, 360), rng.uniform(5, 25))
        else:
            la, lo = point_inside(spec, frac, az, rng)
        points.append(gps_point("evidence", label, la, lo, efmt, rng, note))
    if "usage_point" in spec:
        label, frac, az, note, ufmt = spec["usage_point"]
        la, lo = point_inside(spec, frac, az, rng)
        points.append(gps_point("usage", label, la, lo, ufmt, rng, note))
    return points, ring


def land_id(code):
    return str(uuid.uuid5(NAMESPACE, f"land:{code}"))


def build():
    features_land, features_act, features_hr = [], [], []
    rings, lands_by_code = [], {}
    for spec in LANDS:
        points, ring = build_land(spec, rings)
        if ring:
            rings.append(ring)
            estimated = round(abs(ring_area(ring)[0]))
            geometry = {"type": "Polygon", "coordinates": [[list(p) for p in ring + [ring[0]]]]}
        else:
            estimated = spec["estimate"]
            geometry = None
        lid = land_id(spec["code"])
        donor, project = spec["donor"]
        props = {
            "record_type": "land", "id": lid, "code": spec["code"], "name": spec["name"],
            "classification": spec["classification"], "status": "open", "evidence": spec["evidence"],
            "evidence_items": spec["evidence_items"], "hazard_types": spec["hazard_types"],
            "admin": {"pcode": spec["pcode"], "admin1": spec["admin1"], "admin2": spec["admin2"],
                      "settlement": spec["settlement"]},
            "priority": spec["priority"], "blockage": spec["blockage"],
            "expected_beneficiaries": spec["beneficiaries"], "terrain": spec["terrain"],
            "key_informants": spec["informants"], "donor": donor, "project": project,
            "organisation": ORG, "team": spec["team"], "date_of_information": spec["doi"],
            "notes": spec.get("notes", ""), "validation": spec["validation"],
            "geo_unsafe": spec["code"] in GEO_UNSAFE,
            "points": points, "estimated_m2": estimated,
        }
        if spec.get("validation_comment"):
            props["validation_comment"] = spec["validation_comment"]
        features_land.append({"type": "Feature", "id": lid, "geometry": geometry, "properties": props})
        lands_by_code[spec["code"]] = (spec, props, ring)

        remaining = estimated
        for a in spec["activities"]:
            released = {b: 0 for b in BUCKETS}
            for bucket, v in a["rel"].items():
                if bucket == "split":
                    red = int(round(remaining * v / 10.0)) * 10
                    released["reduced_with_asset_m2"] += red
                    released["cleared_m2"] += remaining - red
                elif v == "rest":
                    released[bucket] += remaining
                elif v == "all":
                    released[bucket] += estimated
                else:
                    released[bucket] += int(round(estimated * v / 10.0)) * 10
            remaining -= sum(released.values())
            team = a["team"] or spec["team"]
            a_donor, a_project = spec["donor"]
            features_act.append({
                "_sort": (spec["code"], a["end"], a["kind"]),
                "record_type": "activity", "land_id": lid, "land_code": spec["code"], "kind": a["kind"],
                "start_date": a["start"], "end_date": a["end"], "date_of_information": a["end"],
                "organisation": ORG, "team": team, "donor": a_donor, "project": a_project,
                "method": a["method"], "deminer_days": a.get("deminer_days"), "asset_days": a.get("asset_days"),
                "depth_cm": a.get("depth_cm"), "released": released, "devices": a.get("devices", []),
                "handover": None, "direct_evidence_confirmed": a.get("direct_evidence_confirmed", False),
                "notes": a.get("notes", ""), "_handover": a.get("handover"), "_points": points,
                "_markers": a.get("markers"),
            })
    # activity codes in file order: land code, date of information
    features_act.sort(key=lambda f: f["_sort"])
    out_act = []
    for i, f in enumerate(features_act, start=1):
        code = f"AC-{i:04d}"
        aid = str(uuid.uuid5(NAMESPACE, f"activity:{code}"))
        props = {k: v for k, v in f.items() if not k.startswith("_")}
        props["id"], props["code"] = aid, code
        if f["_handover"]:
            markers = ["BM1 concrete post"] + [
                f"{p['label']} ({p['kind']})" for p in f["_points"] if p["kind"] in PERIMETER]
            props["handover"] = {**f["_handover"], "permanent_markers": f["_markers"] or markers}
        # validation: older reports approved, recent ones submitted, the newest draft
        doi = props["date_of_information"]
        props["validation"] = "approved" if doi < "2025-10-01" else ("submitted" if doi < "2026-06-01" else "draft")
        out_act.append({"type": "Feature", "id": aid, "geometry": None, "properties": props})

    for (code, land_code, pos, cat, model, qty, cond, status, date, who, pfx, acc, notes) in HAZARD_REPORTS:
        rng = random.Random(f"hr:{code}")
        hid = str(uuid.uuid5(NAMESPACE, f"hazard_report:{code}"))
        if land_code:
            spec, lprops, ring = lands_by_code[land_code]
            ev_pts = [p for p in lprops["points"] if p["kind"] == "evidence" and code in p.get("note", "")]
            if ev_pts:
                la, lo = ev_pts[0]["lon_lat"]["lat_deg"], ev_pts[0]["lon_lat"]["lon_deg"]
            else:
                la, lo = point_inside(spec, 0.25, rng.uniform(0, 360), rng)
        else:  # a field fix is never on a round number
            la, lo = direct(*pos, rng.uniform(0, 360), rng.uniform(5, 60))
        fmt = ["dd", "dms", "utm", "mgrs", "ddm"][int(code[-2:]) % 5]
        loc = gps_point("evidence", "EV1", la, lo, fmt, rng, "", acc)
        phone = f"+387 {pfx} 555 {random.Random(f'phone:{code}').randrange(100, 1000):03d}"
        props = {"record_type": "hazard_report", "id": hid, "code": code, "location": loc,
                 "eo_category": cat, "type_model": model, "quantity": qty, "condition": cond,
                 "reported_by": who, "reporter_phone": phone, "reported_on": date, "status": status,
                 "land_id": land_id(land_code) if land_code else None, "land_code": land_code,
                 "organisation": ORG, "notes": notes,
                 "validation": "approved" if status in ("destroyed_removed", "no_item_found") else "submitted",
                 "geo_unsafe": code in GEO_UNSAFE}
        geometry = {"type": "Point", "coordinates": [loc["lon_lat"]["lon_deg"], loc["lon_lat"]["lat_deg"]]}
        features_hr.append({"type": "Feature", "id": hid, "geometry": geometry, "properties": props})

    return {"type": "FeatureCollection", "safeground_schema": 1,
            "features": features_land + out_act + features_hr}


def dumps(fc):
    return json.dumps(fc, indent=1, ensure_ascii=False, sort_keys=True) + "\n"


# ---------------------------------------------------------------------------------------------
# Checking the written file (independent of the builder: reads the JSON only)
# ---------------------------------------------------------------------------------------------


class Checker:
    def __init__(self):
        self.errors = []

    def err(self, where, msg):
        self.errors.append(f"{where}: {msg}")

    def need(self, cond, where, msg):
        if not cond:
            self.err(where, msg)
        return cond


def is_date(s):
    try:
        dt.date.fromisoformat(s)
        return True
    except (TypeError, ValueError):
        return False


def check_point(c, where, p):
    c.need(p.get("kind") in POINT_KINDS, where, f"bad point kind {p.get('kind')}")
    ll = p.get("lon_lat", {})
    c.need(-180 <= ll.get("lon_deg", 999) <= 180 and -90 <= ll.get("lat_deg", 999) <= 90, where, "bad lon_lat")
    c.need(44.45 <= ll.get("lat_deg", 0) <= 44.9 and 17.7 <= ll.get("lon_deg", 0) <= 18.25, where,
           "outside the programme region")
    src = p.get("source", {})
    if src.get("method") == "gps":
        acc = src.get("accuracy_m")
        c.need(isinstance(acc, (int, float)) and 0 < acc <= 15, where, f"accuracy {acc}")
        c.need(5 <= src.get("averaged_fixes", 0) <= 30, where, "averaged_fixes")
        ent = p.get("entered")
        if c.need(ent and ent.get("format") in COORD_FORMATS, where, "GPS point without entered text"):
            try:
                la, lo = parse_coord(ent["text"], ent["format"])
                d = inverse(la, lo, ll["lat_deg"], ll["lon_deg"])[0]
                c.need(d < 0.01, where, f"lon_lat is {d:.3f} m from the entered {ent['format']} text")
                if ent["format"] in ("utm", "mgrs"):
                    c.need(int(re.match(r"\d+", ent["text"])[0]) == utm_zone(ll["lon_deg"]), where,
                           "UTM zone does not match the longitude")
            except Exception as e:  # noqa: BLE001
                c.err(where, f"entered text does not parse: {e}")
    elif src.get("method") == "traverse":
        leg = src.get("leg", {})
        c.need(leg.get("bearing_unit") in ("deg", "mil"), where, "bearing_unit")
        c.need(leg.get("reference") in ("magnetic", "true", "grid"), where, "reference")
        c.need(leg.get("instrument") in INSTRUMENTS, where, "instrument")
        c.need(0 < leg.get("distance_m", 0) <= 100000, where, "distance_m")
        if leg.get("reference") == "magnetic":
            c.need(abs(leg.get("declination_deg", 0) - 4.9) < 0.5 and is_date(leg.get("declination_date")),
                   where, "magnetic leg needs the ~4.9° declination and its date")
        if "slope_deg" in leg:
            c.need(-89 <= leg["slope_deg"] <= 89, where, "slope")
    else:
        c.err(where, f"unexpected source method {src.get('method')}")


def check(fc, verbose=True):
    c = Checker()
    c.need(fc.get("type") == "FeatureCollection" and fc.get("safeground_schema") == 1, "file",
           "not a Safeground schema 1 FeatureCollection")
    feats = fc.get("features", [])
    lands = [f for f in feats if f["properties"].get("record_type") == "land"]
    acts = [f for f in feats if f["properties"].get("record_type") == "activity"]
    hrs = [f for f in feats if f["properties"].get("record_type") == "hazard_report"]
    c.need(len(lands) + len(acts) + len(hrs) == len(feats), "file", "unknown record_type")
    # fixed order
    order = ([f["properties"]["code"] for f in lands] ==
             sorted(f["properties"]["code"] for f in lands)
             and [(a["properties"]["land_code"], a["properties"]["date_of_information"], a["properties"]["code"])
                  for a in acts] == sorted((a["properties"]["land_code"], a["properties"]["date_of_information"],
                                            a["properties"]["code"]) for a in acts)
             and [h["properties"]["code"] for h in hrs] == sorted(h["properties"]["code"] for h in hrs)
             and feats == lands + acts + hrs)
    c.need(order, "file", "features are not in the fixed order (lands, activities, hazard reports)")
    codes = [f["properties"]["code"] for f in feats]
    ids = [f["properties"]["id"] for f in feats]
    c.need(len(set(codes)) == len(codes), "file", "duplicate codes")
    c.need(len(set(ids)) == len(ids), "file", "duplicate UUIDs")
    for f in feats:
        c.need(f.get("id") == f["properties"]["id"], f["properties"]["code"], "feature id != properties.id")
        try:
            uuid.UUID(f["properties"]["id"])
        except ValueError:
            c.err(f["properties"]["code"], "id is not a UUID")
    c.need(all(re.fullmatch(r"HA-\d{4}", f["properties"]["code"]) for f in lands), "file", "land code pattern")
    c.need(all(re.fullmatch(r"AC-\d{4}", f["properties"]["code"]) for f in acts), "file", "activity code pattern")
    c.need(all(re.fullmatch(r"HR-\d{4}", f["properties"]["code"]) for f in hrs), "file", "report code pattern")

    land_by_code, rings = {}, {}
    for f in lands:
        p = f["properties"]
        code = p["code"]
        land_by_code[code] = f
        c.need("status_history" not in p and p["status"] == "open", code, "must be a new land (open, no history)")
        for key, allowed in (("classification", CLASSIFICATIONS), ("evidence", EVIDENCE),
                             ("validation", VALIDATION), ("priority", PRIORITIES)):
            c.need(p.get(key) in allowed, code, f"bad {key} {p.get(key)}")
        c.need(all(h in HAZARD_TYPES for h in p["hazard_types"]), code, "hazard_types")
        c.need(all(e["modality"] in MODALITIES and e["kind"] for e in p["evidence_items"]), code, "evidence_items")
        c.need(all(k["name"] and re.fullmatch(r"\+387 6\d \d{3} \d{3}", k["phone"]) for k in p["key_informants"]),
               code, "key_informants")
        c.need(is_date(p["date_of_information"]), code, "date_of_information")
        c.need((p["validation"] == "returned") == bool(p.get("validation_comment")), code,
               "validation_comment only (and always) when returned")
        c.need(all(p["admin"].get(k) for k in ("pcode", "admin1", "admin2", "settlement")), code, "admin")
        pts = p["points"]
        labels = [q["label"] for q in pts]
        c.need(len(set(labels)) == len(labels), code, "duplicate point labels")
        for q in pts:
            check_point(c, f"{code} {q['label']}", q)
        perim = [q for q in pts if q["kind"] in PERIMETER]
        kinds = [q["kind"] for q in perim]
        geom = f["geometry"]
        if geom is None:
            c.need(p["classification"] == "eod_spot_task", code, "only EOD spot tasks may lack a polygon")
            c.need(not perim, code, "perimeter points without a polygon")
            c.need(isinstance(p.get("estimated_m2"), int) and 2000 <= p["estimated_m2"] <= 120000, code,
                   "estimated_m2 for a land without polygon")
            c.need({q["kind"] for q in pts} >= {"reference", "evidence"}, code, "reference and evidence points")
            continue
        c.need(geom["type"] == "Polygon" and len(geom["coordinates"]) == 1, code, "one exterior ring")
        coords = geom["coordinates"][0]
        c.need(coords[0] == coords[-1], code, "ring not closed")
        ring = [tuple(x) for x in coords[:-1]]
        rings[code] = ring
        c.need(ring == [(q["lon_lat"]["lon_deg"], q["lon_lat"]["lat_deg"]) for q in perim], code,
               "polygon differs from the perimeter points")
        c.need(kinds and kinds[0] == "start" and kinds[-1] == "end" and kinds.count("start") == 1
               and kinds.count("end") == 1, code, "perimeter must run start … end")
        c.need(4 <= len(ring) <= 12, code, f"{len(ring)} vertices (want 4–12)")
        area, _ = ring_area(ring)
        c.need(area > 0, code, "exterior ring is not counter-clockwise")
        c.need(p["estimated_m2"] == round(abs(area)), code,
               f"estimated_m2 {p['estimated_m2']} != round(geodesic area {abs(area):.3f})")
        c.need(abs(abs(area) % 1 - 0.5) > 0.01, code, "area too close to .5 m² (rounding ambiguity)")
        c.need(2000 <= abs(area) <= 120000, code, f"area {abs(area):.0f} m² outside 2 000–120 000")
        probs = ring_problems(local_xy(ring, (ring[0][1], ring[0][0])))
        c.need(not probs, code, f"invalid polygon: {probs}")
        far = max(inverse(a[1], a[0], b[1], b[0])[0] for a in ring for b in ring)
        c.need(far < 5000, code, "vertices more than 5 km apart")
        for q in pts:
            if q["kind"] in ("reference", "benchmark"):
                xy = local_xy(ring, (q["lon_lat"]["lat_deg"], q["lon_lat"]["lon_deg"]))
                c.need(not point_in_ring((0, 0), xy) and dist_point_ring((0, 0), xy) > 5, code,
                       f"{q['label']} must lie outside the polygon")
            if q["kind"] in ("evidence", "usage"):
                xy = local_xy(ring, (q["lon_lat"]["lat_deg"], q["lon_lat"]["lon_deg"]))
                c.need(point_in_ring((0, 0), xy), code, f"{q['label']} should lie inside the polygon")
        c.need([q["kind"] for q in pts][:2] == ["reference", "benchmark"], code, "reference, benchmark first")
        # traverse legs: recompute every vertex from its from-point
        by_label = {q["label"]: q for q in pts}
        trav = [q for q in pts if q["source"]["method"] == "traverse"]
        for i, q in enumerate(trav):
            leg = q["source"]["leg"]
            prev = by_label.get(leg["from_label"])
            if not c.need(prev is not None and pts.index(prev) < pts.index(q), code,
                          f"{q['label']}: from_label {leg['from_label']} is not an earlier point"):
                continue
            la, lo = walk_leg(leg, prev["lon_lat"]["lat_deg"], prev["lon_lat"]["lon_deg"])
            d = inverse(la, lo, q["lon_lat"]["lat_deg"], q["lon_lat"]["lon_deg"])[0]
            c.need(d < 0.001, code, f"{q['label']}: stored position is {d:.4f} m from the recomputed leg")
            expected_from = "BM1" if i == 0 else trav[i - 1]["label"]
            c.need(leg["from_label"] == expected_from, code, f"{q['label']}: leg should start at {expected_from}")
        if trav:
            c.need(len(trav) == len(perim) and by_label["BM1"]["source"]["method"] == "gps", code,
                   "a traverse land walks every perimeter point from a GPS benchmark")
            sp, ep = perim[0]["lon_lat"], perim[-1]["lon_lat"]
            mis = inverse(ep["lat_deg"], ep["lon_deg"], sp["lat_deg"], sp["lon_deg"])[0]
            c.need(0.5 <= mis <= 3.0, code, f"misclosure {mis:.2f} m outside 0.5–3 m")
    # overlap
    codes_r = sorted(rings)
    for i, a in enumerate(codes_r):
        for b in codes_r[i + 1:]:
            c.need(not rings_overlap(rings[a], rings[b]), f"{a}/{b}", "lands overlap")

    # activities and the lifecycle, per land in date order
    by_land = {}
    for f in acts:
        p = f["properties"]
        code = p["code"]
        c.need(p["kind"] in ACTIVITY_KINDS, code, "kind")
        land = land_by_code.get(p["land_code"])
        if not c.need(land is not None and land["properties"]["id"] == p["land_id"], code, "land_id/land_code"):
            continue
        c.need(is_date(p["start_date"]) and is_date(p["end_date"]) and p["end_date"] >= p["start_date"], code,
               "dates")
        c.need(p["date_of_information"] == (p["end_date"] or p["start_date"]), code, "date_of_information")
        c.need("2024-01-01" <= p["start_date"] and p["end_date"] <= "2026-09-30", code, "outside 2024-01..2026-09")
        c.need(p["method"] is None or p["method"] in METHODS, code, "method")
        c.need(p["validation"] in VALIDATION, code, "validation")
        c.need(set(p["released"]) == set(BUCKETS) and all(isinstance(v, int) and v >= 0
                                                            for v in p["released"].values()), code, "released")
        for d in p["devices"]:
            c.need(d["category"] in EO_CATEGORIES and d["disposal"] in DISPOSALS and d["quantity"] >= 1, code,
                   "device")
        if p["kind"] == "clearance":
            c.need(p["depth_cm"] is not None and 13 <= p["depth_cm"] <= 20, code, "clearance depth 13–20 cm")
        if p["kind"] == "handover_certificate":
            h = p["handover"] or {}
            c.need(all(isinstance(h.get(k), int) for k in ("men", "women", "boys", "girls"))
                   and h.get("residual_risk_note") and h.get("permanent_markers"), code, "handover details")
        else:
            c.need(p["handover"] is None, code, "handover only on handover certificates")
        by_land.setdefault(p["land_code"], []).append(p)

    summary = []
    for code in sorted(land_by_code):
        lp = land_by_code[code]["properties"]
        est = lp["estimated_m2"]
        cls, status = lp["classification"], "open"
        last_change = lp["date_of_information"]  # the new land's first history entry
        led = {b: 0 for b in BUCKETS}
        seq = sorted(by_land.get(code, []), key=lambda a: (a["date_of_information"], a["code"]))
        dois = [a["date_of_information"] for a in seq]
        c.need(len(set(dois)) == len(dois), code, "two activities share a date of information")
        for a in seq:
            w = f"{code} {a['code']} ({a['kind']})"
            kind, rel = a["kind"], a["released"]
            allowed = ALLOWED[kind]
            for bucket, ok in zip(BUCKETS, (allowed[0], allowed[1], allowed[1], allowed[2])):
                c.need(rel[bucket] == 0 or ok, w, f"{bucket} not allowed")
            c.need(a["date_of_information"] >= last_change, w,
                   f"dated before the land's last change {last_change} (would be superseded)")
            closed = status in ("closed", "handed_over")
            total = sum(rel.values())
            c.need(not (closed and (total > 0 or kind in STARTS_WORK or kind == "nts")), w,
                   f"land is {status}: no release or work allowed")
            if kind == "handover_certificate":
                c.need(status == "closed", w, f"handover needs a closed land, land is {status}")
            for b in BUCKETS:
                led[b] += rel[b]
            remaining = est - sum(led.values())
            c.need(remaining >= 0, w, f"over-release: remaining {remaining}")
            if kind == "completion_report":
                c.need(remaining == 0, w, f"completion leaves {remaining} m²")
            new_cls, new_status = cls, status
            if kind == "ts" and a["direct_evidence_confirmed"] and cls == "sha":
                new_cls = "cha"
            if kind == "handover_certificate":
                new_status = "handed_over"
            elif kind == "completion_report" or (kind in ("nts", "cancellation_report") and remaining <= 0
                                                 and total > 0):
                new_status = "closed"
            elif kind in STARTS_WORK and status == "open":
                new_status = "worked_on"
            if (new_cls, new_status) != (cls, status):
                last_change = a["date_of_information"]
            cls, status = new_cls, new_status
        remaining = est - sum(led.values())
        reduced = led["reduced_with_asset_m2"] + led["reduced_without_asset_m2"]
        c.need(est == led["cancelled_m2"] + reduced + led["cleared_m2"] + remaining, code, "ledger does not add up")
        summary.append((code, lp["classification"], cls, status, est, led["cancelled_m2"], reduced,
                        led["cleared_m2"], remaining))

    # hazard reports
    for f in hrs:
        p = f["properties"]
        code = p["code"]
        loc = p["location"]
        check_point(c, f"{code} location", loc)
        c.need(loc["kind"] == "evidence" and loc["source"]["method"] == "gps", code, "location: GPS evidence point")
        c.need(f["geometry"] == {"type": "Point", "coordinates": [loc["lon_lat"]["lon_deg"],
                                                                    loc["lon_lat"]["lat_deg"]]}, code,
               "geometry differs from location")
        c.need(p["eo_category"] in EO_CATEGORIES and p["condition"] in CONDITIONS and p["status"] in HR_STATUSES,
               code, "vocabulary")
        c.need(isinstance(p["quantity"], int) and p["quantity"] >= 1, code, "quantity")
        c.need(p["reported_by"] and re.fullmatch(r"\+387 6\d \d{3} \d{3}", p["reporter_phone"]), code, "reporter")
        c.need(is_date(p["reported_on"]) and "2024-01-01" <= p["reported_on"] <= "2026-09-30", code, "reported_on")
        if p["land_code"] is not None:
            land = land_by_code.get(p["land_code"])
            if c.need(land is not None and land["properties"]["id"] == p["land_id"], code, "land link"):
                if land["geometry"]:
                    xy = local_xy(rings[p["land_code"]], (loc["lon_lat"]["lat_deg"], loc["lon_lat"]["lon_deg"]))
                    c.need(point_in_ring((0, 0), xy), code, "linked report outside its land")
        else:
            c.need(p["land_id"] is None, code, "land_id without land_code")
            for lc, ring in rings.items():
                xy = local_xy(ring, (loc["lon_lat"]["lat_deg"], loc["lon_lat"]["lon_deg"]))
                c.need(not point_in_ring((0, 0), xy) and dist_point_ring((0, 0), xy) > 200, code,
                       f"unlinked report lies in or next to {lc}")

    # coverage the brief asks for
    init = {s[1] for s in summary}
    final_status = [s[3] for s in summary]
    c.need(init == CLASSIFICATIONS, "coverage", f"initial classifications {sorted(init)}")
    c.need(all(final_status.count(s) >= 3 for s in STATUSES), "coverage", "each final status on ≥ 3 lands")
    kinds = [a["properties"]["kind"] for a in acts]
    c.need(set(kinds) == set(ACTIVITY_KINDS), "coverage", "every activity kind")
    c.need(kinds.count("handover_certificate") >= 3, "coverage", "≥ 3 handover certificates")
    c.need(sum(1 for s in summary if s[1] == "sha" and s[2] == "cha") >= 2, "coverage", "≥ 2 SHA → CHA")
    c.need({h["properties"]["status"] for h in hrs} == set(HR_STATUSES), "coverage", "every report status")
    c.need(sum(1 for f in lands if f["properties"]["key_informants"]) >= 8, "coverage", "informants on ≥ 8 lands")
    trav_lands = [f for f in lands if any(q["source"]["method"] == "traverse" for q in f["properties"]["points"])]
    legs = [q["source"]["leg"] for f in trav_lands for q in f["properties"]["points"]
            if q["source"]["method"] == "traverse"]
    c.need(len(trav_lands) >= 3, "coverage", "≥ 3 traverse lands")
    c.need(any(l["bearing_unit"] == "mil" for l in legs) and any(l["bearing_unit"] == "deg" for l in legs)
           and any("slope_deg" in l for l in legs) and any(l["reference"] == "grid" for l in legs)
           and any(l["reference"] == "magnetic" for l in legs), "coverage", "traverse variety")
    low = [q for f in lands for q in f["properties"]["points"] if q["source"]["method"] == "gps"
           and q["source"]["accuracy_m"] > 10]
    c.need(len(low) >= 2 and all(12 <= q["source"]["accuracy_m"] <= 15 for q in low), "coverage",
           "a couple of 12–15 m GPS fixes")

    if verbose:
        print_summary(fc, summary, lands, acts, hrs, trav_lands)
    return c.errors


def print_summary(fc, summary, lands, acts, hrs, trav_lands):
    hdr = f"{'land':8} {'classification':32} {'status':12} {'estimated':>9} {'cancelled':>9} " \
          f"{'reduced':>9} {'cleared':>9} {'remaining':>9}"
    print(hdr)
    print("-" * len(hdr))
    for code, c0, c1, st, est, ca, re_, cl, rem in summary:
        cls = c0 if c0 == c1 else f"{c0} → {c1}"
        print(f"{code:8} {cls:32} {st:12} {est:9d} {ca:9d} {re_:9d} {cl:9d} {rem:9d}")
    tot = [sum(s[i] for s in summary) for i in range(4, 9)]
    print(f"{'total':8} {'':32} {'':12} " + " ".join(f"{t:9d}" for t in tot))
    print()

    def counts(values):
        out = {}
        for v in values:
            out[v] = out.get(v, 0) + 1
        return ", ".join(f"{k} {n}" for k, n in out.items())

    print(f"lands {len(lands)}; initial classification: {counts(sorted(s[1] for s in summary))}")
    print(f"  final classification: {counts(sorted(s[2] for s in summary))}")
    print(f"  final status: {counts(sorted((s[3] for s in summary), key=STATUSES.index))}")
    print(f"activities {len(acts)}: "
          f"{counts(sorted((a['properties']['kind'] for a in acts), key=ACTIVITY_KINDS.index))}")
    print(f"hazard reports {len(hrs)}: "
          f"{counts(sorted((h['properties']['status'] for h in hrs), key=HR_STATUSES.index))}")
    for f in trav_lands:
        pts = f["properties"]["points"]
        perim = [q for q in pts if q["kind"] in PERIMETER]
        sp, ep = perim[0]["lon_lat"], perim[-1]["lon_lat"]
        mis, _, _ = inverse(ep["lat_deg"], ep["lon_deg"], sp["lat_deg"], sp["lon_deg"])
        ring = [(q["lon_lat"]["lon_deg"], q["lon_lat"]["lat_deg"]) for q in perim]
        _, perimeter = ring_area(ring)
        leg = perim[0]["source"]["leg"]
        print(f"traverse {f['properties']['code']}: {len(perim)} legs from BM1, {leg['bearing_unit']} "
              f"{leg['reference']}, {leg['instrument']}; misclosure {mis:.2f} m (1:{perimeter / mis:.0f})")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true", help="only check the existing file")
    args = ap.parse_args()
    if not args.check:
        # cross-check the convergence against PROJ's own factors (same sign convention as GeographicLib)
        for lat, lon in ((44.585, 17.93), (44.79, 18.07)):
            ours = grid_convergence(lat, lon)
            proj = Proj(proj="utm", zone=utm_zone(lon), ellps="WGS84").get_factors(lon, lat).meridian_convergence
            if abs(ours - proj) > 1e-5:
                sys.exit(f"grid convergence mismatch at {lat},{lon}: {ours} vs {proj}")
        # the reference point of shared/testdata/README.md
        if fmt_mgrs(43.8563, 18.4131) != "34TBP9209459165" or fmt_utm(43.8563, 18.4131) != "34T 292095 4859166":
            sys.exit("UTM/MGRS formatting does not match the reference values")
        text = dumps(build())
        if text != dumps(build()):
            sys.exit("output is not deterministic")
        OUT.parent.mkdir(parents=True, exist_ok=True)
        OUT.write_text(text, encoding="utf-8")
        print(f"wrote {OUT.relative_to(ROOT)} ({len(text):,} bytes)\n")
    fc = json.loads(OUT.read_text(encoding="utf-8"))
    errors = check(fc)
    if errors:
        print(f"\n{len(errors)} rule(s) broken:", file=sys.stderr)
        for e in errors:
            print(f"  {e}", file=sys.stderr)
        sys.exit(1)
    print("\nall checks passed")


if __name__ == "__main__":
    main()
