//! A national-scale synthetic programme (issue 6, SPEC §4): deterministic from a seed, for
//! benchmarks and crash tests. `safeground demo --synthetic 100000` writes it into a store.
//!
//! What it looks like: lands of 20 perimeter points (star-shaped, 40–450 m across) clustered
//! along 400 "front-line" hot spots over a Bosnia-and-Herzegovina-sized region (15.8–19.5° E,
//! 42.6–45.2° N); 60 % SHA, 35 % CHA, 5 % other; three activities per land on average, in the
//! order the lifecycle allows (NTS cancels, TS reduces, clearance clears, a completion report
//! closes, a handover certificate hands over), so every ledger is valid and statuses follow from
//! the activities; items found by clearance; half a hazard report per land, most linked to it;
//! 8 donors, 6 organisations, 2 entities with 60 municipalities, dates from 2016 to 2026.
//! Records go through the store's ordinary import, so every rule applies.

use time::{Date, Duration};

use crate::domain::{
    Activity, ActivityId, ActivityKind, AdminLocation, AreaM2, Classification, DeviceFound,
    Disposal, EoCategory, EvidenceOfContamination, Handover, HazardReport, HazardReportId,
    HazardReportStatus, HazardType, ImportBatch, ImportItem, ImportRecord, ItemCondition, Land,
    LandId, LandRef, LandStatus, Ledger, LonLat, Method, PointKind, PointSource, Priority,
    Released, SurveyPoint, ValidationState,
};
use crate::geometry::{geodesic_area_m2, polygon_from_lon_lats};

/// West, south, east, north of the region, in degrees.
pub const REGION_LON_LAT: [f64; 4] = [15.8, 42.6, 19.5, 45.2];

const DONORS: &[&str] = &[
    "Nordic Land Release Fund",
    "Fondation Horizon",
    "Sava Basin Community Trust",
    "Alpine Humanitarian Fund",
    "Danube Recovery Facility",
    "Global Mine Action Pool",
    "Harvest Safe Foundation",
    "Coastal Communities Grant",
];
const ORGANISATIONS: &[&str] = &[
    "Terra Libera Demining",
    "Safe Steps International",
    "Balkan Clearance Agency",
    "Green Fields Mine Action",
    "Civil Protection Demining Unit",
    "Open Ground Initiative",
];

/// A small, fast, seedable generator (`SplitMix64`): deterministic across platforms.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator for `seed`.
    pub fn new(seed: u64) -> Self {
        Self(seed ^ 0x5DEE_CE66_D1CE_4E5B)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Uniform in `[lo, hi)`.
    pub fn range(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * self.unit()
    }

    /// Uniform index below `n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        let n = u64::try_from(n).unwrap_or(u64::MAX).max(1);
        usize::try_from(self.next_u64() % n).unwrap_or(0)
    }

    /// Uniform number of days below `n`.
    fn days(&mut self, n: u32) -> i64 {
        i64::try_from(self.next_u64() % u64::from(n.max(1))).unwrap_or(0)
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    /// Uniform in `lo..=hi` (`lo` when `hi < lo`).
    pub fn between(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next_u64() % hi.saturating_sub(lo).saturating_add(1).max(1)
    }

    /// A random (version 4) UUID made from this generator's bits.
    pub fn uuid(&mut self) -> uuid::Uuid {
        let mut bytes = [0u8; 16];
        bytes[..8].copy_from_slice(&self.next_u64().to_le_bytes());
        bytes[8..].copy_from_slice(&self.next_u64().to_le_bytes());
        uuid::Builder::from_random_bytes(bytes).into_uuid()
    }
}

/// How much to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Size {
    /// Lands.
    pub lands: usize,
    /// Seed.
    pub seed: u64,
}

/// Metres per degree of latitude and longitude at `lat_deg` (for placing vertices).
fn metres_per_degree(lat_deg: f64) -> (f64, f64) {
    (111_320.0 * lat_deg.to_radians().cos(), 110_574.0)
}

fn offset(p: LonLat, east_m: f64, north_m: f64) -> LonLat {
    let (m_lon, m_lat) = metres_per_degree(p.lat_deg);
    LonLat {
        lon_deg: p.lon_deg + east_m / m_lon,
        lat_deg: p.lat_deg + north_m / m_lat,
    }
}

/// Which of `n` equal bands of `lo..hi` holds `v` (clamped to the first and last).
#[expect(
    clippy::cast_sign_loss,
    clippy::cast_possible_truncation,
    reason = "the band number is clamped to 0..n before the cast"
)]
fn grid_cell(v: f64, lo: f64, hi: f64, n: usize) -> usize {
    let band = ((v - lo) / (hi - lo) * n as f64).floor();
    band.clamp(0.0, n.saturating_sub(1) as f64) as usize
}

fn date(base: Date, days: i64) -> Date {
    base.checked_add(Duration::days(days)).unwrap_or(base)
}

fn gps(kind: PointKind, label: String, p: LonLat, rng: &mut Rng) -> SurveyPoint {
    SurveyPoint {
        kind,
        label,
        lon_lat: p,
        entered: None,
        source: PointSource::Gps {
            accuracy_m: Some((rng.range(2.0, 9.0) * 10.0).round() / 10.0),
            averaged_fixes: Some(10),
        },
        note: String::new(),
    }
}

/// Generates the programme as an import batch (lands, then activities by land code, then
/// hazard reports). Deterministic: the same size and seed give the same records.
///
/// # Examples
/// ```
/// use safeground::synthetic::{Size, generate};
/// let batch = generate(Size { lands: 10, seed: 7 });
/// assert!(batch.items.len() >= 10);
/// ```
pub fn generate(size: Size) -> ImportBatch {
    let mut rng = Rng::new(size.seed);
    let [west, south, east, north] = REGION_LON_LAT;
    let hotspots: Vec<LonLat> = (0..400)
        .map(|_| LonLat {
            lon_deg: rng.range(west + 0.1, east - 0.1),
            lat_deg: rng.range(south + 0.1, north - 0.1),
        })
        .collect();
    let epoch = Date::from_calendar_date(2016, time::Month::January, 4).unwrap_or(Date::MIN);
    let mut lands = Vec::with_capacity(size.lands);
    let mut activities = Vec::with_capacity(size.lands * 3);
    let mut reports = Vec::with_capacity(size.lands / 2);
    let mut feature = 0usize;
    let mut activity_no = 0usize;
    for i in 0..size.lands {
        let hot = hotspots[rng.below(hotspots.len())];
        let centre = offset(
            hot,
            (rng.unit() - 0.5) * 30_000.0 * rng.unit(),
            (rng.unit() - 0.5) * 30_000.0 * rng.unit(),
        );
        let radius_m = rng.range(20.0, 225.0);
        let mut vertices = Vec::with_capacity(20);
        for k in 0..20_u8 {
            let angle = (f64::from(k) + rng.range(-0.3, 0.3)) / 20.0 * std::f64::consts::TAU;
            let r = radius_m * rng.range(0.7, 1.15);
            vertices.push(offset(centre, r * angle.cos(), r * angle.sin()));
        }
        let shape = geo_types::MultiPolygon(vec![polygon_from_lon_lats(&vertices)]);
        let estimated = AreaM2::whole(geodesic_area_m2(&shape).m2());
        let code = format!("HA-{:06}", i + 1);
        let roll = rng.unit();
        let classification = if roll < 0.60 {
            Classification::Sha
        } else if roll < 0.95 {
            Classification::Cha
        } else {
            Classification::Indication
        };
        let municipality = grid_cell(centre.lon_deg, west, east, 10) * 6
            + grid_cell(centre.lat_deg, south, north, 6);
        let entity = if centre.lon_deg < 17.6 { "FBiH" } else { "RS" };
        let donor = DONORS[rng.below(DONORS.len())];
        let organisation = ORGANISATIONS[rng.below(ORGANISATIONS.len())];
        let doi = date(epoch, rng.days(3000));
        let points: Vec<SurveyPoint> = vertices
            .iter()
            .enumerate()
            .map(|(k, p)| {
                let kind = match k {
                    0 => PointKind::Start,
                    19 => PointKind::End,
                    _ => PointKind::Turning,
                };
                gps(kind, format!("P{}", k + 1), *p, &mut rng)
            })
            .collect();
        let land_id = LandId(rng.uuid());
        let land = Land {
            id: land_id,
            code: code.clone(),
            name: format!("Synthetic hazard area {}", i + 1),
            classification,
            status: LandStatus::Open,
            evidence: if classification == Classification::Cha {
                EvidenceOfContamination::Direct
            } else {
                EvidenceOfContamination::Indirect
            },
            evidence_items: Vec::new(),
            hazard_types: vec![if rng.chance(0.7) {
                HazardType::ApMines
            } else {
                HazardType::Uxo
            }],
            admin: AdminLocation {
                pcode: format!("BA-{entity}-M{municipality:03}-{:03}", i % 997),
                admin1: entity.to_owned(),
                admin2: format!("Municipality {municipality:02}"),
                settlement: String::new(),
            },
            priority: Some(Priority::ALL[rng.below(3)]),
            blockage: String::new(),
            expected_beneficiaries: Some(rng.below(400) as u32),
            terrain: String::new(),
            key_informants: Vec::new(),
            donor: donor.to_owned(),
            project: format!("{donor} national programme"),
            organisation: organisation.to_owned(),
            team: format!("Team {}", rng.below(40) + 1),
            date_of_information: doi,
            notes: String::new(),
            validation: ValidationState::Approved,
            validation_comment: String::new(),
            submitted_by: String::new(),
            geo_unsafe: false,
            points,
            geometry: None,
            geometry_issue: None,
            ledger: Ledger::default(),
            status_history: Vec::new(),
            source_attributes: std::collections::BTreeMap::new(),
        };
        lands.push(ImportItem {
            feature,
            record: ImportRecord::Land {
                land: Box::new(land),
                snapshot: false,
            },
        });
        feature += 1;

        // Activities, in the order the lifecycle allows.
        let mut remaining = estimated.m2();
        let mut day = doi;
        let mut plan: Vec<(ActivityKind, Released, Vec<DeviceFound>, Option<Handover>)> =
            Vec::new();
        let cancel = (remaining * rng.range(0.0, 0.5)).floor();
        plan.push((
            ActivityKind::Nts,
            Released {
                cancelled_m2: AreaM2::whole(cancel),
                ..Released::default()
            },
            Vec::new(),
            None,
        ));
        remaining -= cancel;
        if rng.chance(0.75) {
            let reduce = (remaining * rng.range(0.1, 0.6)).floor();
            plan.push((
                ActivityKind::TechnicalSurvey,
                Released {
                    reduced_without_asset_m2: AreaM2::whole(reduce),
                    ..Released::default()
                },
                Vec::new(),
                None,
            ));
            remaining -= reduce;
            if rng.chance(0.75) {
                let clear = (remaining * rng.range(0.2, 0.7)).floor();
                let finds = rng.below(6) as u32;
                let devices = if finds > 0 {
                    vec![DeviceFound {
                        category: if rng.chance(0.8) {
                            EoCategory::ApMine
                        } else {
                            EoCategory::Uxo
                        },
                        type_model: String::new(),
                        quantity: finds,
                        disposal: Disposal::DestroyedInSitu,
                    }]
                } else {
                    Vec::new()
                };
                plan.push((
                    ActivityKind::Clearance,
                    Released {
                        cleared_m2: AreaM2::whole(clear),
                        ..Released::default()
                    },
                    devices,
                    None,
                ));
                remaining -= clear;
                if rng.chance(0.2) {
                    let more = (remaining * rng.range(0.1, 0.4)).floor();
                    plan.push((
                        ActivityKind::ProgressReport,
                        Released {
                            cleared_m2: AreaM2::whole(more),
                            ..Released::default()
                        },
                        Vec::new(),
                        None,
                    ));
                    remaining -= more;
                }
                if rng.chance(0.6) {
                    plan.push((
                        ActivityKind::CompletionReport,
                        Released {
                            cleared_m2: AreaM2::whole(remaining),
                            ..Released::default()
                        },
                        Vec::new(),
                        None,
                    ));
                    if rng.chance(0.1) {
                        plan.push((
                            ActivityKind::PostClearanceInspection,
                            Released::default(),
                            Vec::new(),
                            None,
                        ));
                    }
                    if rng.chance(0.6) {
                        plan.push((
                            ActivityKind::HandoverCertificate,
                            Released::default(),
                            Vec::new(),
                            Some(Handover {
                                men: rng.below(12) as u32,
                                women: rng.below(12) as u32,
                                boys: rng.below(5) as u32,
                                girls: rng.below(5) as u32,
                                ..Handover::default()
                            }),
                        ));
                    }
                }
            }
        }
        for (kind, released, devices, handover) in plan {
            let start = date(day, 10 + rng.days(120));
            let end = date(start, 1 + rng.days(40));
            day = end;
            activity_no += 1;
            let worked = released.reduced_m2().m2() + released.cleared_m2.m2();
            let activity = Activity {
                id: ActivityId(rng.uuid()),
                code: format!("AC-{activity_no:07}"),
                land_id,
                kind,
                start_date: start,
                end_date: Some(end),
                date_of_information: end,
                organisation: organisation.to_owned(),
                team: String::new(),
                donor: donor.to_owned(),
                project: String::new(),
                method: (worked > 0.0).then_some(Method::Manual),
                deminer_days: (worked > 0.0).then(|| (worked / rng.range(20.0, 60.0)).ceil()),
                asset_days: None,
                depth_cm: None,
                released,
                released_geometry: None,
                devices,
                handover,
                direct_evidence_confirmed: false,
                notes: String::new(),
                validation: ValidationState::Approved,
            };
            activities.push(ImportItem {
                feature,
                record: ImportRecord::Activity {
                    activity: Box::new(activity),
                    land: LandRef::Id(land_id),
                },
            });
            feature += 1;
        }

        if rng.chance(0.5) {
            let p = offset(centre, rng.range(-300.0, 300.0), rng.range(-300.0, 300.0));
            let report = HazardReport {
                id: HazardReportId(rng.uuid()),
                code: format!("HR-{:06}", reports.len() + 1),
                location: gps(PointKind::Evidence, "EV1".to_owned(), p, &mut rng),
                eo_category: if rng.chance(0.6) {
                    EoCategory::ApMine
                } else {
                    EoCategory::Uxo
                },
                type_model: String::new(),
                quantity: 1 + rng.below(3) as u32,
                condition: ItemCondition::Unknown,
                reported_by: String::new(),
                reporter_phone: String::new(),
                reported_on: date(doi, rng.days(200)),
                status: HazardReportStatus::Reported,
                land_id: None,
                organisation: organisation.to_owned(),
                notes: String::new(),
                validation: ValidationState::Approved,
                geo_unsafe: false,
                source_attributes: std::collections::BTreeMap::new(),
            };
            let land = rng.chance(0.7).then_some(LandRef::Id(land_id));
            reports.push(ImportItem {
                feature,
                record: ImportRecord::HazardReport {
                    report: Box::new(report),
                    land,
                },
            });
            feature += 1;
        }
    }
    let mut items = lands;
    items.append(&mut activities);
    items.append(&mut reports);
    ImportBatch { items }
}

/// A sample reference layer: a name, attribute names and features (lon/lat degrees).
#[derive(Debug, Clone)]
pub struct SampleLayer {
    /// The layer's (file or table) name.
    pub name: &'static str,
    /// Attribute names, in order.
    pub fields: Vec<&'static str>,
    /// Features: geometry and one value per field.
    pub features: Vec<(geo_types::Geometry<f64>, Vec<String>)>,
}

/// Vertices per edge of a sample municipality's boundary (four edges each).
const EDGE_VERTICES: usize = 120;

/// Fictional reference layers over the same region as [`generate`] and the demo programme, in
/// the shape of OCHA's COD data sets, for trying the layer panel and measuring frame times:
/// `admin1` (2 entities) and `admin2` (the 60 municipalities [`generate`] names, 10 × 6, with
/// wiggly boundaries that neighbours share; fields `adm1_name`, `adm1_pcode`, `adm2_name`,
/// `adm2_pcode`), `settlements` (1 500 points with made-up names; field `name`) and `roads`
/// (300 lines; fields `name`, `class`). Names and P-codes are invented: never use them as data.
pub fn sample_reference_layers(seed: u64) -> Vec<SampleLayer> {
    const FIRST: &[&str] = &[
        "Bre", "Lu", "Do", "Gra", "Po", "Kra", "Ve", "Mo", "Sta", "Ko", "Bi", "Ra", "Zla", "Tre",
    ];
    const MIDDLE: &[&str] = &["zo", "ka", "li", "no", "ri", "go", "di", "va", "le", "mi"];
    const LAST: &[&str] = &[
        "vac", "vo", "nje", "ci", "ica", "jevo", "selo", "polje", "dol",
    ];
    use geo_types::{Geometry, LineString, MultiPolygon, Point, Polygon};
    let [west, south, east, north] = REGION_LON_LAT;
    let (cols, rows) = (10usize, 6usize);
    let lon_at = |c: usize| west + (east - west) * c as f64 / cols as f64;
    let lat_at = |r: usize| south + (north - south) * r as f64 / rows as f64;
    // A shared edge's wiggle depends only on the edge (its grid position and direction), so
    // both neighbours draw the same line.
    let wiggle = |key: u64, k: usize| -> f64 {
        if k == 0 || k == EDGE_VERTICES {
            return 0.0;
        }
        let mut r = Rng::new(key.wrapping_mul(1_000_003).wrapping_add(k as u64) ^ seed);
        let t = k as f64 / EDGE_VERTICES as f64;
        (r.unit() - 0.5) * 0.012 + (t * std::f64::consts::PI * 3.0).sin() * 0.02
    };
    // Horizontal edge from (c, r) to (c + 1, r), and vertical edge from (c, r) to (c, r + 1).
    let h_edge = |c: usize, r: usize| -> Vec<(f64, f64)> {
        let key = (c * 100 + r) as u64 * 2;
        (0..=EDGE_VERTICES)
            .map(|k| {
                let t = k as f64 / EDGE_VERTICES as f64;
                let y = if r == 0 || r == rows {
                    0.0
                } else {
                    wiggle(key, k)
                };
                (lon_at(c) + (lon_at(c + 1) - lon_at(c)) * t, lat_at(r) + y)
            })
            .collect()
    };
    let v_edge = |c: usize, r: usize| -> Vec<(f64, f64)> {
        let key = (c * 100 + r) as u64 * 2 + 1;
        (0..=EDGE_VERTICES)
            .map(|k| {
                let t = k as f64 / EDGE_VERTICES as f64;
                let x = if c == 0 || c == cols {
                    0.0
                } else {
                    wiggle(key, k)
                };
                (lon_at(c) + x, lat_at(r) + (lat_at(r + 1) - lat_at(r)) * t)
            })
            .collect()
    };
    let entity = |c: usize| {
        if f64::midpoint(lon_at(c), lon_at(c + 1)) < 17.6 {
            ("FBiH", "Federation (sample)")
        } else {
            ("RS", "Republika Srpska (sample)")
        }
    };
    let mut admin2 = Vec::with_capacity(cols * rows);
    for c in 0..cols {
        for r in 0..rows {
            let mut ring: Vec<(f64, f64)> = h_edge(c, r);
            ring.extend(v_edge(c + 1, r).into_iter().skip(1));
            ring.extend(h_edge(c, r + 1).into_iter().rev().skip(1));
            ring.extend(v_edge(c, r).into_iter().rev().skip(1));
            let municipality = c * rows + r;
            let (code, name) = entity(c);
            admin2.push((
                Geometry::Polygon(Polygon::new(LineString::from(ring), vec![])),
                vec![
                    name.to_owned(),
                    format!("BA-{code}"),
                    format!("Municipality {municipality:02}"),
                    format!("BA-{code}-M{municipality:03}"),
                ],
            ));
        }
    }
    let mut admin1 = Vec::new();
    for code in ["FBiH", "RS"] {
        let polygons: Vec<Polygon<f64>> = admin2
            .iter()
            .filter(|(_, v)| v[1] == format!("BA-{code}"))
            .filter_map(|(g, _)| match g {
                Geometry::Polygon(p) => Some(p.clone()),
                _ => None,
            })
            .collect();
        let name = admin2
            .iter()
            .find(|(_, v)| v[1] == format!("BA-{code}"))
            .map(|(_, v)| v[0].clone())
            .unwrap_or_default();
        admin1.push((
            Geometry::MultiPolygon(MultiPolygon::new(polygons)),
            vec![name, format!("BA-{code}")],
        ));
    }
    let mut rng = Rng::new(seed ^ 0xA5A5);
    let settlements = (0..1_500)
        .map(|_| {
            let name = format!(
                "{}{}{}",
                FIRST[rng.below(FIRST.len())],
                MIDDLE[rng.below(MIDDLE.len())],
                LAST[rng.below(LAST.len())]
            );
            let p = Point::new(rng.range(west, east), rng.range(south, north));
            (Geometry::Point(p), vec![name])
        })
        .collect();
    let roads = (0..300)
        .map(|i| {
            let mut p = (rng.range(west, east), rng.range(south, north));
            let mut heading = rng.range(0.0, std::f64::consts::TAU);
            let mut line = vec![p];
            for _ in 0..60 {
                heading += rng.range(-0.35, 0.35);
                p = (
                    (p.0 + heading.cos() * 0.01).clamp(west, east),
                    (p.1 + heading.sin() * 0.007).clamp(south, north),
                );
                line.push(p);
            }
            let class = if i % 5 == 0 { "primary" } else { "track" };
            (
                Geometry::LineString(LineString::from(line)),
                vec![format!("Road {i:03}"), class.to_owned()],
            )
        })
        .collect();
    vec![
        SampleLayer {
            name: "admin1",
            fields: vec!["adm1_name", "adm1_pcode"],
            features: admin1,
        },
        SampleLayer {
            name: "admin2",
            fields: vec!["adm1_name", "adm1_pcode", "adm2_name", "adm2_pcode"],
            features: admin2,
        },
        SampleLayer {
            name: "settlements",
            fields: vec!["name"],
            features: settlements,
        },
        SampleLayer {
            name: "roads",
            fields: vec!["name", "class"],
            features: roads,
        },
    ]
}
