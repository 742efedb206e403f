//! Parsing and formatting of WGS84 coordinates in the notations field surveyors use.
//!
//! [`parse_coord`] recognises the notation by itself. Latitude is written first
//! (a pair labelled `E`/`W` then `N`/`S` is also understood). Accepted notations:
//!
//! | notation | examples | [`format_coord`] output |
//! | --- | --- | --- |
//! | DD | `43.8563, 18.4131`, `-33.9 18.4`, `N43.8563 E18.4131`, `43.8563° N, 18.4131° E` | `43.856300, 18.413100` |
//! | DMS | `43°51'22.7"N 18°24'47.2"E`, `43 51 22.7 N 18 24 47.2 E`, `′ ″` primes | `43°51'22.68"N 18°24'47.16"E` |
//! | DDM | `43°51.378'N 18°24.786'E`, `43 51.378 N 18 24.786 E` | `43°51.3780'N 18°24.7860'E` |
//! | UTM | `34T 292095 4859166`, `UTM 34 N 292095 4859166`, `34T 292095mE 4859166mN` | `34T 292095 4859166` |
//! | MGRS | `34TBP9209459165`, `34T BP 92094 59165`, lower case | `34TBP9209459165` |
//!
//! Negative numbers or `S`/`W` mean south/west (not both at once). In UTM the letter after
//! the zone is the MGRS *latitude band* (`C`..`X` without `I`, `O`; `C`..`M` are south of
//! the equator). `N` is accepted for any northern-hemisphere northing, because band N
//! and "north" agree on the hemisphere; but `S` is band S (32°N to 40°N), **not**
//! "south": a southern northing written with `S` is rejected with a hint to use the band
//! letter. Polar positions (north of 84°N, south of 80°S) use UPS: `UPS N 2000000 2000000`.
//! A low-precision MGRS reference names a square; it is read as the square's centre.
//! The projections come from the `geoconvert` crate (a port of GeographicLib).

use geoconvert::{LatLon, Mgrs, UtmUps};

pub use crate::domain::{CoordFormat, LonLat};

/// A checked position from longitude and latitude in degrees, with a surveyor's error message.
///
/// # Examples
/// ```
/// use safeground::geometry::coords::{checked_lon_lat, CoordError};
/// assert!(checked_lon_lat(-74.0721, 4.711).is_ok());
/// assert_eq!(checked_lon_lat(18.0, 95.2), Err(CoordError::LatitudeOutOfRange { value: 95.2 }));
/// ```
pub fn checked_lon_lat(lon_deg: f64, lat_deg: f64) -> Result<LonLat, CoordError> {
    if !lon_deg.is_finite() || !lat_deg.is_finite() {
        return Err(CoordError::NonFinite {
            input: format!("longitude {lon_deg}, latitude {lat_deg}"),
        });
    }
    if !(-90.0..=90.0).contains(&lat_deg) {
        return Err(CoordError::LatitudeOutOfRange { value: lat_deg });
    }
    if !(-180.0..=180.0).contains(&lon_deg) {
        return Err(CoordError::LongitudeOutOfRange { value: lon_deg });
    }
    Ok(LonLat { lon_deg, lat_deg })
}

/// Why a coordinate could not be read or built. Messages are meant for a surveyor.
///
/// `input` quotes the text as entered (trimmed); `value` is in degrees, minutes or seconds
/// as the variant says; `easting`/`northing` are in metres; `reason` explains in words.
///
/// # Examples
/// ```
/// use safeground::geometry::coords::{parse_coord, CoordError};
/// let err = parse_coord("61T 292095 4859166").unwrap_err();
/// assert_eq!(err, CoordError::UtmZoneOutOfRange { zone: 61 });
/// assert_eq!(err.to_string(), "UTM zone 61 is out of range (1 to 60)");
/// ```
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum CoordError {
    /// Nothing (or only spaces) was entered.
    #[error("no coordinate was entered")]
    Empty,
    /// A number was NaN, infinite or too large (`input` quotes it).
    #[error("non-finite value in '{input}': every number must be an ordinary finite number")]
    NonFinite { input: String },
    /// The text fits none of the notations; `reason` says what did not fit.
    #[error("could not read '{input}' as a coordinate: {reason}")]
    Unreadable { input: String, reason: String },
    /// Latitude (degrees) outside -90..=90.
    #[error("latitude {value} is out of range (-90 to 90)")]
    LatitudeOutOfRange { value: f64 },
    /// Longitude (degrees) outside -180..=180.
    #[error("longitude {value} is out of range (-180 to 180)")]
    LongitudeOutOfRange { value: f64 },
    /// Minutes of arc not in 0..60.
    #[error("minutes {value} in '{input}' are out of range (0 to below 60)")]
    MinutesOutOfRange { value: f64, input: String },
    /// Seconds of arc not in 0..60.
    #[error("seconds {value} in '{input}' are out of range (0 to below 60)")]
    SecondsOutOfRange { value: f64, input: String },
    /// UTM zone number not in 1..=60.
    #[error("UTM zone {zone} is out of range (1 to 60)")]
    UtmZoneOutOfRange { zone: u32 },
    /// The letter after the UTM zone is not a latitude band (`C`..`X` without `I`, `O`).
    #[error(
        "'{band}' in '{input}' is not a UTM latitude band (C to X without I and O; C to M are south of the equator)"
    )]
    UtmBand { band: char, input: String },
    /// UTM easting (metres) outside 100 000..=900 000.
    #[error("UTM easting {easting} m in '{input}' is out of range (100000 to 900000)")]
    UtmEastingOutOfRange { easting: f64, input: String },
    /// UTM/UPS northing (metres) impossible for the hemisphere or latitude band.
    #[error("northing {northing} m in '{input}' is impossible: {reason}")]
    UtmNorthingOutOfRange {
        northing: f64,
        input: String,
        reason: String,
    },
    /// An MGRS reference that is malformed or names no real grid square.
    #[error("MGRS '{input}' is not valid: {reason}")]
    Mgrs { input: String, reason: String },
}

/// Reads a coordinate in any supported notation (see the module docs) and reports which
/// notation it was. A low-precision MGRS reference gives the centre of its square.
///
/// # Examples
/// ```
/// use safeground::geometry::coords::{parse_coord, CoordFormat};
/// let (p, f) = parse_coord("43°51'22.68\"N 18°24'47.16\"E").unwrap();
/// assert_eq!(f, CoordFormat::Dms);
/// assert!((p.lat_deg - 43.8563).abs() < 1e-6 && (p.lon_deg - 18.4131).abs() < 1e-6);
/// let (q, g) = parse_coord("34TBP9209459165").unwrap();
/// assert_eq!(g, CoordFormat::Mgrs);
/// assert!((q.lat_deg - 43.8563).abs() < 1e-5);
/// ```
pub fn parse_coord(input: &str) -> Result<(LonLat, CoordFormat), CoordError> {
    let text = input.trim();
    if text.is_empty() {
        return Err(CoordError::Empty);
    }
    if let Some(r) = parse_mgrs(text) {
        return r.map(|p| (p, CoordFormat::Mgrs));
    }
    let toks = tokenize(text)?;
    if let Some(r) = parse_utm(text, &toks) {
        return r.map(|p| (p, CoordFormat::Utm));
    }
    parse_geographic(text, &toks)
}

/// Writes `p` in `format`; the output reads back through [`parse_coord`].
///
/// DD has 6 decimals, DMS 2 decimals on the seconds, DDM 4 on the minutes; UTM is rounded
/// to whole metres (UPS `UPS N|S easting northing` in polar regions); MGRS is at 1 m
/// (truncated, as MGRS requires) without a leading zero on the zone. If `p` is not a valid
/// position (NaN or out of range) every format falls back to the DD text.
///
/// # Examples
/// ```
/// use safeground::geometry::coords::{checked_lon_lat, format_coord, CoordFormat};
/// let p = checked_lon_lat(18.4131, 43.8563).unwrap();
/// assert_eq!(format_coord(p, CoordFormat::Dd), "43.856300, 18.413100");
/// assert_eq!(format_coord(p, CoordFormat::Ddm), "43°51.3780'N 18°24.7860'E");
/// assert_eq!(format_coord(p, CoordFormat::Utm), "34T 292095 4859166");
/// assert_eq!(format_coord(p, CoordFormat::Mgrs), "34TBP9209459165");
/// ```
pub fn format_coord(p: LonLat, format: CoordFormat) -> String {
    let geo = to_geo(p);
    match (format, geo) {
        (CoordFormat::Dms, Some(_)) => {
            format!("{} {}", dms(p.lat_deg, 'N', 'S'), dms(p.lon_deg, 'E', 'W'))
        }
        (CoordFormat::Ddm, Some(_)) => {
            format!("{} {}", ddm(p.lat_deg, 'N', 'S'), ddm(p.lon_deg, 'E', 'W'))
        }
        (CoordFormat::Utm, Some(ll)) => {
            let u = ll.to_utmups();
            let (e, n) = (u.easting().round() as i64, u.northing().round() as i64);
            if u.zone() == 0 {
                format!("UPS {} {e} {n}", if u.is_north() { 'N' } else { 'S' })
            } else {
                format!("{}{} {e} {n}", u.zone(), band_letter(ll.latitude()))
            }
        }
        (CoordFormat::Mgrs, Some(ll)) => {
            // geoconvert 1.0.2 panics formatting a point exactly on the equator (it picks
            // band M for northing 0), and moves a point whose southern northing rounds to
            // exactly 10 000 000 m (latitude above about -1e-14°) 1024 m south (its epsilon is
            // 2^10 instead of 2^-28). Writing any point within 1e-9° (0.1 mm) of the equator
            // at 1e-9° north avoids both.
            let ll = if (-1e-9..1e-9).contains(&ll.latitude()) {
                LatLon::create(1e-9, ll.longitude()).unwrap_or(ll)
            } else {
                ll
            };
            let s = Mgrs::from_latlon(&ll, MGRS_PRECISION_1M).to_string();
            match s.strip_prefix('0') {
                Some(rest) if rest.starts_with(|c: char| c.is_ascii_digit()) => rest.to_owned(),
                _ => s,
            }
        }
        _ => format!("{}, {}", dd(p.lat_deg), dd(p.lon_deg)),
    }
}

/// UTM meridian convergence at `p`, in degrees: the bearing of grid north measured
/// clockwise from true north (GeographicLib's gamma), so
/// `true_bearing = grid_bearing + gamma`. It is 0 on a zone's central meridian, positive
/// east of it in the northern hemisphere. Computed numerically from the `geoconvert`
/// projections of points 1e-4° north and south of `p` (or of `p` itself, where one of
/// them falls in another zone); it agrees with GeographicLib to about 1e-9° (1e-6° in
/// the one-sided case).
/// In the polar regions the **UPS** convergence is returned (as `GeoConvert -c` does).
/// Returns NaN if `p` is not a valid position.
///
/// # Examples
/// ```
/// use safeground::geometry::coords::{checked_lon_lat, grid_convergence_deg};
/// let gamma = grid_convergence_deg(checked_lon_lat(18.4131, 43.8563).unwrap());
/// assert!((gamma - -1.792979).abs() < 1e-3);
/// assert!(grid_convergence_deg(checked_lon_lat(21.0, 10.0).unwrap()).abs() < 1e-9);
/// ```
pub fn grid_convergence_deg(p: LonLat) -> f64 {
    const STEP_DEG: f64 = 1e-4;
    let Some(here) = to_geo(p) else {
        return f64::NAN;
    };
    let u0 = here.to_utmups();
    let same_grid =
        |u: &UtmUps| u.zone() == u0.zone() && (u0.zone() != 0 || u.is_north() == u0.is_north());
    let near = |dlat: f64| {
        let there = to_geo(LonLat {
            lat_deg: p.lat_deg + dlat,
            ..p
        })?;
        Some(there.to_utmups()).filter(same_grid)
    };
    let (north, south) = match (near(STEP_DEG), near(-STEP_DEG)) {
        (Some(north), Some(south)) => (north, south),
        (Some(north), None) => (north, u0),
        (None, Some(south)) => (u0, south),
        (None, None) => return 0.0,
    };
    let de = north.easting() - south.easting();
    let dn = full_northing(&north) - full_northing(&south);
    -de.atan2(dn).to_degrees()
}

const MGRS_PRECISION_1M: i32 = 5;
const LAT_BANDS: &str = "CDEFGHJKLMNPQRSTUVWX";
/// How far (degrees) a UTM position may lie outside its stated band before it is rejected.
const BAND_SLACK_DEG: f64 = 0.5;
/// Token for a degree, minute or second sign: its position in `d m s`.
const DEG: usize = 0;

/// Northing continued across the equator, so a step over it is not a 10 000 km jump.
fn full_northing(u: &UtmUps) -> f64 {
    let south = u.zone() != 0 && !u.is_north();
    u.northing() - if south { 10_000_000.0 } else { 0.0 }
}

/// `geoconvert` wants longitude in -180..180 and treats -0.0 latitude as southern.
fn to_geo(p: LonLat) -> Option<LatLon> {
    checked_lon_lat(p.lon_deg, p.lat_deg).ok()?;
    let lon = if p.lon_deg >= 180.0 {
        p.lon_deg - 360.0
    } else {
        p.lon_deg
    };
    let lat = if p.lat_deg == 0.0 { 0.0 } else { p.lat_deg };
    LatLon::create(lat, lon).ok()
}

fn from_geo(ll: &LatLon) -> Result<LonLat, CoordError> {
    let lon = ll.longitude();
    let wrap = if lon > 180.0 {
        -360.0
    } else if lon < -180.0 {
        360.0
    } else {
        0.0
    };
    checked_lon_lat(lon + wrap, ll.latitude())
}

fn band_letter(lat: f64) -> char {
    let idx = ((lat + 80.0) / 8.0).floor().clamp(0.0, 19.0) as i64;
    // a tiny negative latitude is southern for geoconvert too
    let idx = if lat < 0.0 { idx.min(9) } else { idx };
    let idx = usize::try_from(idx).unwrap_or(19);
    LAT_BANDS.chars().nth(idx).unwrap_or('X')
}

fn dd(v: f64) -> String {
    format!("{:.6}", (v * 1e6).round() / 1e6 + 0.0)
}

fn dms(v: f64, pos: char, neg: char) -> String {
    let cs = (v.abs() * 360_000.0).round() as i64; // hundredths of a second
    let hemi = if v < 0.0 && cs > 0 { neg } else { pos };
    let (deg, min, sec, frac) = (cs / 360_000, cs / 6000 % 60, cs / 100 % 60, cs % 100);
    format!("{deg}°{min:02}'{sec:02}.{frac:02}\"{hemi}")
}

fn ddm(v: f64, pos: char, neg: char) -> String {
    let units = (v.abs() * 600_000.0).round() as i64; // ten-thousandths of a minute
    let hemi = if v < 0.0 && units > 0 { neg } else { pos };
    let (deg, min, frac) = (units / 600_000, units / 10_000 % 60, units % 10_000);
    format!("{deg}°{min:02}.{frac:04}'{hemi}")
}

fn unreadable(input: &str, reason: &str) -> CoordError {
    CoordError::Unreadable {
        input: input.to_owned(),
        reason: reason.to_owned(),
    }
}

fn parse_mgrs(text: &str) -> Option<Result<LonLat, CoordError>> {
    let compact: String = text
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| c.to_ascii_uppercase())
        .collect();
    let b = compact.as_bytes();
    let zone_len = b.iter().take_while(|c| c.is_ascii_digit()).count();
    let letters = b[zone_len..]
        .iter()
        .take_while(|c| c.is_ascii_uppercase())
        .count();
    let digits = &b[zone_len + letters..];
    let utm_shape = (1..=2).contains(&zone_len) && letters == 3;
    let ups_shape = zone_len == 0 && letters == 3 && b"ABYZ".contains(&b[0]) && !digits.is_empty();
    if !(utm_shape || ups_shape) || !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let err = |reason: String| {
        Err(CoordError::Mgrs {
            input: text.to_owned(),
            reason,
        })
    };
    let n = digits.len();
    let zone: u32 = compact[..zone_len].parse().unwrap_or(0);
    Some(if n % 2 == 1 {
        err(format!(
            "it has {n} digits; easting and northing need as many digits each"
        ))
    } else if n == 0 || n > 10 {
        err(format!(
            "it has {n} digits; give 1 to 5 digits each for easting and northing"
        ))
    } else if zone_len > 0 && !(1..=60).contains(&zone) {
        err(format!("zone {zone} is out of range (1 to 60)"))
    } else {
        match Mgrs::parse_str(&compact) {
            Ok(m) => from_geo(&m.to_latlon()),
            Err(geoconvert::Error::InvalidMgrs(msg)) => err(msg),
            Err(other) => err(other.to_string()),
        }
    })
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Tok<'a> {
    Num {
        value: f64,
        text: &'a str,
    },
    Word(&'a str),
    /// A degree (0), minute (1) or second (2) sign.
    Unit(usize),
    Sep,
}

fn tokenize(input: &str) -> Result<Vec<Tok<'_>>, CoordError> {
    let chars: Vec<(usize, char)> = input.char_indices().collect();
    let at = |j: usize| chars.get(j).map_or('\0', |&(_, c)| c);
    let byte = |j: usize| chars.get(j).map_or(input.len(), |&(i, _)| i);
    let input_owned = || input.to_owned();
    let non_finite = || CoordError::NonFinite {
        input: input_owned(),
    };
    let is_prime = |c: char| matches!(c, '\'' | '′' | '’');
    let starts_number = |c: char| c.is_ascii_digit() || c == '.';
    let (mut toks, mut j) = (Vec::new(), 0);
    while j < chars.len() {
        let (start, c) = (j, at(j));
        j += 1;
        let signed = matches!(c, '+' | '-' | '−') && starts_number(at(j));
        match c {
            _ if c.is_whitespace() => {}
            ',' | ';' => toks.push(Tok::Sep),
            '°' | 'º' | '˚' => toks.push(Tok::Unit(DEG)),
            _ if is_prime(c) && is_prime(at(j)) => {
                j += 1;
                toks.push(Tok::Unit(2));
            }
            _ if is_prime(c) => toks.push(Tok::Unit(1)),
            '"' | '″' | '”' => toks.push(Tok::Unit(2)),
            _ if c.is_alphabetic() => {
                while at(j).is_alphabetic() {
                    j += 1;
                }
                let word = &input[byte(start)..byte(j)];
                let lower = word.to_lowercase();
                if matches!(lower.as_str(), "nan" | "inf" | "infinity") {
                    return Err(non_finite());
                }
                toks.push(Tok::Word(word));
            }
            _ if starts_number(c) || signed => {
                while starts_number(at(j)) {
                    j += 1;
                }
                let exp_sign = matches!(at(j + 1), '+' | '-') && at(j + 2).is_ascii_digit();
                if matches!(at(j), 'e' | 'E') && (at(j + 1).is_ascii_digit() || exp_sign) {
                    j += 2;
                    while at(j).is_ascii_digit() {
                        j += 1;
                    }
                }
                let text = &input[byte(start)..byte(j)];
                let body = &input[byte(if signed { start + 1 } else { start })..byte(j)];
                let Ok(magnitude) = body.parse::<f64>() else {
                    return Err(unreadable(input, &format!("'{text}' is not a number")));
                };
                if !magnitude.is_finite() {
                    return Err(non_finite());
                }
                let negative = matches!(c, '-' | '−');
                let value = if negative { -magnitude } else { magnitude };
                toks.push(Tok::Num { value, text });
            }
            _ => return Err(unreadable(input, &format!("unexpected character '{c}'"))),
        }
    }
    Ok(toks)
}

/// `None` if the tokens do not have the UTM/UPS shape `[UTM|UPS] zone band E [m] N [m]`.
fn parse_utm(text: &str, toks: &[Tok<'_>]) -> Option<Result<LonLat, CoordError>> {
    let (zone, band, rest) = match toks {
        [Tok::Word(w), Tok::Word(h), rest @ ..] if w.eq_ignore_ascii_case("ups") => {
            (None, *h, rest)
        }
        [Tok::Word(w), Tok::Num { text, .. }, Tok::Word(b), rest @ ..]
            if w.eq_ignore_ascii_case("utm") =>
        {
            (Some(*text), *b, rest)
        }
        [Tok::Num { text, .. }, Tok::Word(b), rest @ ..] => (Some(*text), *b, rest),
        _ => return None,
    };
    if band.chars().count() != 1 || zone.is_some_and(|z| !z.bytes().all(|b| b.is_ascii_digit())) {
        return None;
    }
    let band = band.chars().next()?.to_ascii_uppercase();
    let (mut nums, mut unit_ok) = (Vec::new(), false);
    for tok in rest {
        match tok {
            Tok::Num { value, .. } => {
                nums.push(*value);
                unit_ok = true;
            }
            Tok::Word(w)
                if unit_ok && ["m", "me", "mn"].iter().any(|u| u.eq_ignore_ascii_case(w)) =>
            {
                unit_ok = false;
            }
            _ => return None,
        }
    }
    let &[easting, northing] = nums.as_slice() else {
        return None;
    };
    Some(utm_to_lonlat(text, zone, band, easting, northing))
}

fn utm_to_lonlat(
    text: &str,
    zone: Option<&str>,
    band: char,
    easting: f64,
    northing: f64,
) -> Result<LonLat, CoordError> {
    let input = text.to_owned();
    let northing_err = |reason| CoordError::UtmNorthingOutOfRange {
        northing,
        input: text.to_owned(),
        reason,
    };
    let Some(zone) = zone else {
        let northp = match band {
            'N' | 'S' => band == 'N',
            _ => return Err(unreadable(text, &format!("UPS needs N or S, not '{band}'"))),
        };
        let u = UtmUps::create(0, northp, easting, northing)
            .map_err(|e| northing_err(format!("outside the UPS grid ({e})")))?;
        return from_geo(&u.to_latlon());
    };
    let zone: u32 = zone.parse().unwrap_or(u32::MAX);
    let idx = LAT_BANDS.find(band);
    if !(1..=60).contains(&zone) {
        return Err(CoordError::UtmZoneOutOfRange { zone });
    }
    let Some(idx) = idx else {
        return Err(CoordError::UtmBand { band, input });
    };
    if !(100_000.0..=900_000.0).contains(&easting) {
        return Err(CoordError::UtmEastingOutOfRange { easting, input });
    }
    let northp = idx >= 10;
    let (lo_n, hi_n, hemi) = if northp {
        (0.0, 9.4e6, "north")
    } else {
        (1e6, 1e7, "south")
    };
    if !(lo_n..=hi_n).contains(&northing) {
        let why = format!("band {band} is {hemi}, where northings run {lo_n} to {hi_n}");
        return Err(northing_err(why));
    }
    let u = UtmUps::create(i32::try_from(zone).unwrap_or(0), northp, easting, northing)
        .map_err(|e| northing_err(e.to_string()))?;
    let ll = u.to_latlon();
    let (lo, lat) = (-80.0 + 8.0 * idx as f64, ll.latitude());
    let hi = if band == 'X' { 84.0 } else { lo + 8.0 };
    if band != 'N' && !(lo - BAND_SLACK_DEG..=hi + BAND_SLACK_DEG).contains(&lat) {
        let south = "; south of the equator write the band (C to M), not S";
        let hint = if band == 'S' { south } else { "" };
        let why = format!("band {band} covers {lo}° to {hi}° but this is at {lat:.2}°{hint}");
        return Err(northing_err(why));
    }
    from_geo(&ll)
}

/// One half (latitude or longitude) of a geographic coordinate: hemisphere letter and
/// numbers, each with the position of its unit sign if one was written.
#[derive(Debug, Default)]
struct Part {
    hemi: Option<char>,
    nums: Vec<(f64, Option<usize>)>,
}

fn hemisphere(w: &str) -> Option<char> {
    let names = ["north", "south", "east", "west"];
    let found = names
        .iter()
        .find(|n| w.eq_ignore_ascii_case(n) || w.eq_ignore_ascii_case(&n[..1]));
    found
        .and_then(|n| n.chars().next())
        .map(|c| c.to_ascii_uppercase())
}

fn parse_geographic(text: &str, toks: &[Tok<'_>]) -> Result<(LonLat, CoordFormat), CoordError> {
    let bad = |reason: &str| unreadable(text, reason);
    let (mut parts, mut cur) = (Vec::new(), Part::default());
    for tok in toks.iter().chain([&Tok::Sep]) {
        match *tok {
            Tok::Num { value, .. } => cur.nums.push((value, None)),
            Tok::Unit(u) => {
                let Some(last) = cur.nums.last_mut().filter(|n| n.1.is_none()) else {
                    return Err(bad("a ° ' or \" sign does not follow a number"));
                };
                last.1 = Some(u);
                if u == DEG && cur.nums.len() > 1 {
                    // a second degree sign starts the longitude
                    let moved = cur.nums.pop();
                    parts.push(std::mem::take(&mut cur));
                    cur.nums.extend(moved);
                }
            }
            Tok::Sep if cur.nums.is_empty() && cur.hemi.is_some() => {
                return Err(bad("a hemisphere letter has no number"));
            }
            Tok::Sep if cur.nums.is_empty() => {}
            Tok::Sep => parts.push(std::mem::take(&mut cur)),
            Tok::Word(w) => {
                let h = hemisphere(w).ok_or_else(|| bad(&format!("unexpected text '{w}'")))?;
                if cur.nums.is_empty() && cur.hemi.is_some() {
                    return Err(bad("two hemisphere letters in a row"));
                } else if cur.nums.is_empty() {
                    cur.hemi = Some(h); // written before the number
                } else if cur.hemi.is_none() {
                    cur.hemi = Some(h); // written after the number
                    parts.push(std::mem::take(&mut cur));
                } else {
                    parts.push(std::mem::take(&mut cur));
                    cur.hemi = Some(h);
                }
            }
        }
    }
    if let [only] = parts.as_mut_slice() {
        let n = only.nums.len();
        if only.hemi.is_none() && only.nums.iter().all(|x| x.1.is_none()) && n % 2 == 0 && n <= 6 {
            let nums = only.nums.split_off(n / 2);
            parts.push(Part { hemi: None, nums });
        }
    }
    let found = parts.len();
    let Ok([a, b]) = <[Part; 2]>::try_from(parts) else {
        return Err(bad(&format!(
            "need a latitude and a longitude, found {found} part(s)"
        )));
    };
    let is_lon = |p: &Part| matches!(p.hemi, Some('E' | 'W'));
    let is_lat = |p: &Part| matches!(p.hemi, Some('N' | 'S'));
    let swap = is_lon(&a) || is_lat(&b);
    let (lat, lon) = if swap { (b, a) } else { (a, b) };
    if is_lon(&lat) || is_lat(&lon) {
        return Err(bad("two latitudes (N/S) or two longitudes (E/W)"));
    }
    let (lat_v, lat_n) = part_degrees(text, &lat)?;
    let (lon_v, lon_n) = part_degrees(text, &lon)?;
    if lat_n != lon_n {
        return Err(bad("latitude and longitude in different notations"));
    }
    let format = match lat_n {
        1 => CoordFormat::Dd,
        2 => CoordFormat::Ddm,
        _ => CoordFormat::Dms,
    };
    Ok((checked_lon_lat(lon_v, lat_v)?, format))
}

/// Signed degrees of one half, and how many numbers it had (1 DD, 2 DDM, 3 DMS).
fn part_degrees(text: &str, part: &Part) -> Result<(f64, usize), CoordError> {
    let n = part.nums.len();
    let v = |i: usize| part.nums.get(i).map_or(0.0, |x| x.0);
    let (deg, min, sec) = (v(0), v(1), v(2));
    let misplaced = part
        .nums
        .iter()
        .enumerate()
        .any(|(i, x)| x.1.is_some_and(|u| u != i));
    let minus_later = part.nums.iter().skip(1).any(|x| x.0.is_sign_negative());
    let problems = [
        (n > 3, "more than degrees, minutes and seconds in one half"),
        (misplaced, "misplaced ° ' or \" sign"),
        (minus_later, "only degrees may have a minus sign"),
        (
            part.hemi.is_some() && deg.is_sign_negative(),
            "a minus sign and a hemisphere letter",
        ),
        (
            n >= 2 && deg.fract() != 0.0,
            "degrees must be whole when minutes follow",
        ),
        (
            n == 3 && min.fract() != 0.0,
            "minutes must be whole when seconds follow",
        ),
    ];
    if let Some((_, why)) = problems.iter().find(|p| p.0) {
        return Err(unreadable(text, why));
    }
    let input = text.to_owned();
    if min >= 60.0 {
        return Err(CoordError::MinutesOutOfRange { value: min, input });
    }
    if sec >= 60.0 {
        return Err(CoordError::SecondsOutOfRange { value: sec, input });
    }
    let south_west = deg.is_sign_negative() || matches!(part.hemi, Some('S' | 'W'));
    let sign = if south_west { -1.0 } else { 1.0 };
    Ok((sign * (deg.abs() + min / 60.0 + sec / 3600.0), n))
}

#[cfg(test)]
mod tests {
    use super::*;
    use CoordFormat as F;

    fn ll(lat: f64, lon: f64) -> LonLat {
        checked_lon_lat(lon, lat).unwrap()
    }

    fn close(p: LonLat, lat: f64, lon: f64, tol: f64) -> bool {
        (p.lat_deg - lat).abs() <= tol && (p.lon_deg - lon).abs() <= tol
    }

    fn metres(a: LonLat, b: LonLat) -> f64 {
        to_geo(a)
            .zip(to_geo(b))
            .map_or(f64::INFINITY, |(a, b)| a.haversine(&b))
    }

    /// Rows of a `|`-separated table, cells trimmed, blank lines skipped.
    fn rows(table: &str) -> Vec<Vec<&str>> {
        let lines = table.lines().filter(|l| !l.trim().is_empty());
        lines
            .map(|l| l.split('|').map(str::trim).collect())
            .collect()
    }

    fn num(s: &str) -> f64 {
        s.parse().unwrap()
    }

    // Reference values from GeographicLib 2.1 GeoConvert (Debian geographiclib-tools):
    // `GeoConvert -u -p 3`, `-m -p 0`, `-u -c -p 6` and `-p 7` for MGRS square centres.
    #[test]
    fn reference_point_sarajevo() {
        let p = ll(43.8563, 18.4131);
        assert_eq!(format_coord(p, F::Dd), "43.856300, 18.413100");
        assert_eq!(format_coord(p, F::Dms), "43°51'22.68\"N 18°24'47.16\"E");
        assert_eq!(format_coord(p, F::Ddm), "43°51.3780'N 18°24.7860'E");
        assert_eq!(format_coord(p, F::Utm), "34T 292095 4859166");
        assert_eq!(format_coord(p, F::Mgrs), "34TBP9209459165");
        let u = to_geo(p).unwrap().to_utmups();
        assert_eq!((u.zone(), u.is_north()), (34, true));
        assert!((u.easting() - 292_094.744).abs() < 1e-3);
        assert!((u.northing() - 4_859_165.603).abs() < 1e-3);
        let (q, f) = parse_coord("34N 292094.744 4859165.603").unwrap();
        assert!(f == F::Utm && close(q, 43.8563, 18.4131, 1e-7));
        let (centre, _) = parse_coord("34TBP9209459165").unwrap(); // 1 m square
        assert!(close(centre, 43.856_299_006_974, 18.413_097_010_029, 1e-8));
        let (square, _) = parse_coord("34TBP92").unwrap(); // 10 km square
        assert!(close(square, 43.549_789_753_11, 18.462_219_337_39, 1e-8));
        assert!((grid_convergence_deg(p) - -1.792_979_057_58).abs() < 1e-6);
    }

    #[test]
    fn reference_points_utm_mgrs_and_convergence() {
        // lat lon | UTM rounded | MGRS 1 m (GeoConvert writes "04QFJ…") | gamma in degrees
        let table = "
            -8.8383 13.2344       | 33L 305821 9022565    | 33LUL0582022565 | 0.27136360957
            -25.9692 32.5732      | 36J 457275 7127657    | 36JVS5727527657 | 0.18689340683
            -33.9 18.4            | 34H 259583 6245888    | 34HBH5958345888 | 1.45083291153
            4.711 -74.0721        | 18N 602910 520787     | 18NXL0291020787 | 0.07621503752
            21.3 -157.8           | 4Q 624470 2355824     | 4QFJ2447055823  | 0.43595778534
            60 5.5                | 32V 304839 6656576    | 32VLM0483856575 | -3.03203605609
            78 20                 | 33X 615915 8663320    | 33XXG1591463320 | 4.89127442640
            0 18                  | 34N 166021 0          | 34NAF6602100000 | 0
            -0.0000001 18         | 34M 166021 10000000   | 34MAE6602199999 | 0
            43.8563 17.9999999    | 33T 741107 4860288    | 33TYJ4110660288 | 2.07955446267
            43.8563 18.0000001    | 34T 258893 4860288    | 34TBP5889360288 | -2.07955446267
            87 30                 | UPS N 2166572 1711488 | ZBE6657211488   | 30
            -85 -60               | UPS S 1518960 2277729 | ATQ1895977728   | 60
            72 8.9                | 31X 703203 7998893    | 31XGV0320298893 | 5.6131281215
            -79.99 -179.99        | 1C 442004 1118040     | 1CDM4200418039  | 2.94456528486
            83.99 179.99          | 60X 534936 9327884    | 60XWU3493627884 | 2.97359545556";
        for row in rows(table) {
            let [pos, utm, mgrs, gamma] = row[..] else {
                panic!("bad row {row:?}")
            };
            let (lat, lon) = pos.split_once(' ').unwrap();
            let p = ll(num(lat), num(lon));
            assert_eq!(format_coord(p, F::Utm), utm, "{pos}");
            assert_eq!(format_coord(p, F::Mgrs), mgrs, "{pos}");
            let got = grid_convergence_deg(p);
            assert!(
                (got - num(gamma)).abs() < 1e-5,
                "{pos}: gamma {got} vs {gamma}"
            );
            for (s, f) in [(utm, F::Utm), (mgrs, F::Mgrs)] {
                let (q, g) = parse_coord(s).unwrap();
                assert!(g == f && metres(p, q) < 1.5, "{s}: {q:?}");
            }
        }
        assert!(format_coord(ll(43.8563, 18.0), F::Utm).starts_with("34T "));
        assert!(grid_convergence_deg(ll(43.8563, 21.0)).abs() < 1e-9);
        assert!(grid_convergence_deg(ll(-30.0, 21.0)).abs() < 1e-9);
        assert!(
            grid_convergence_deg(LonLat {
                lon_deg: f64::NAN,
                lat_deg: 0.0
            })
            .is_nan()
        );
        let (q, _) = parse_coord("04QFJ2447055823").unwrap();
        assert!(metres(ll(21.3, -157.8), q) < 1.5);
        let (s, _) = parse_coord("33L 305820.974 9022565.048").unwrap();
        assert!(close(s, -8.8383, 13.2344, 1e-7));
    }

    #[test]
    fn parses_every_documented_notation() {
        // DMS 43°51'22.7" = 43.8563056, 18°24'47.2" = 18.4131111; GeoConvert reads
        // 34T 292095 4859166 as 43.8563036 18.4131030 and 34TBP9209459165 as 43.8562990 18.4130970.
        let table = r#"
            43.8563, 18.4131              | 43.8563 18.4131       | dd
            43.8563 18.4131               | 43.8563 18.4131       | dd
            43.8563N 18.4131E             | 43.8563 18.4131       | dd
            N43.8563 E18.4131             | 43.8563 18.4131       | dd
            -33.9 18.4                    | -33.9 18.4            | dd
            4.711, -74.0721               | 4.711 -74.0721        | dd
            43.8563° N, 18.4131° E        | 43.8563 18.4131       | dd
            18.4131 E 43.8563 N           | 43.8563 18.4131       | dd
            33.9S; 18.4W                  | -33.9 -18.4           | dd
            43°51'22.7"N 18°24'47.2"E     | 43.8563056 18.4131111 | dms
            43°51′22.7″N 18°24′47.2″E     | 43.8563056 18.4131111 | dms
            43°51'22.7'' 18°24'47.2''     | 43.8563056 18.4131111 | dms
            43 51 22.7 N 18 24 47.2 E     | 43.8563056 18.4131111 | dms
            N 43 51 22.7 E 18 24 47.2     | 43.8563056 18.4131111 | dms
            43 51 22.7 S, 18 24 47.2 W    | -43.8563056 -18.4131111 | dms
            -43 51 22.7 -18 24 47.2       | -43.8563056 -18.4131111 | dms
            43°51.378'N 18°24.786'E       | 43.8563 18.4131       | ddm
            43 51.378 N 18 24.786 E       | 43.8563 18.4131       | ddm
            34T 292095 4859166            | 43.856304 18.413103   | utm
            34N 292095 4859166            | 43.856304 18.413103   | utm
            34 N 292095 4859166           | 43.856304 18.413103   | utm
            UTM 34T 292095 4859166        | 43.856304 18.413103   | utm
            34T 292095mE 4859166mN        | 43.856304 18.413103   | utm
            34TBP9209459165               | 43.856299 18.413097   | mgrs
            34T BP 92094 59165            | 43.856299 18.413097   | mgrs
            34tbp 92094 59165             | 43.856299 18.413097   | mgrs
        "#;
        for row in rows(table) {
            let [input, pos, format] = row[..] else {
                panic!("bad row {row:?}")
            };
            let (lat, lon) = pos.split_once(' ').unwrap();
            let (p, f) = parse_coord(input).unwrap_or_else(|e| panic!("{input}: {e}"));
            assert_eq!(Some(f), CoordFormat::parse(format), "{input}");
            assert!(close(p, num(lat), num(lon), 1e-6), "{input}: {p:?}");
        }
    }

    #[test]
    fn round_trips_across_both_hemispheres() {
        let lats = [
            -89.9, -85.0, -80.0, -79.99, -45.3, -8.8383, -1e-7, 0.0, 1e-7, 12.5,
        ];
        let more = [43.8563, 56.5, 63.9, 72.1, 78.0, 83.99, 84.0, 88.0, 90.0];
        let lons = [
            -180.0, -179.99, -74.0721, -0.5, 0.0, 3.2, 5.5, 18.0, 20.0, 42.0, 179.999,
        ];
        for lat in lats.into_iter().chain(more) {
            for lon in lons.into_iter().chain([180.0]) {
                let p = ll(lat, lon);
                for &f in CoordFormat::ALL {
                    let s = format_coord(p, f);
                    let (q, g) = parse_coord(&s).unwrap_or_else(|e| panic!("{s}: {e}"));
                    // 0.01" is 2.8e-6°, so DMS rounds by up to 1.39e-6° (0.15 m)
                    let ok = match f {
                        F::Dd | F::Ddm => close(q, lat, lon, 1e-6),
                        F::Dms => close(q, lat, lon, 1.4e-6),
                        F::Utm | F::Mgrs => metres(p, q) < 1.5,
                    };
                    assert!(g == f && ok, "{lat} {lon} -> {s} -> {q:?}");
                }
            }
        }
    }

    #[test]
    fn mgrs_just_south_of_the_equator_reads_back() {
        // Found by fuzzing (tests/fuzz_regressions/coord_parse/): -1.75e-116° was written as
        // 32MNE0000098976, 1024 m south of the point.
        for lat in [-1.752_243_721e-116, -1e-15, -5e-10, -1e-9, 0.0, 5e-10] {
            let p = ll(lat, 9.0);
            let s = format_coord(p, F::Mgrs);
            let (q, _) = parse_coord(&s).unwrap();
            assert!(metres(p, q) < 1.0, "{lat}: {s} -> {q:?}");
        }
        assert_eq!(format_coord(ll(-1e-15, 9.0), F::Mgrs), "32NNF0000000000");
    }

    #[test]
    fn rounding_carries_into_minutes_and_degrees() {
        let p = ll(-(10.0 + 59.0 / 60.0 + 59.999 / 3600.0), 0.0);
        assert_eq!(format_coord(p, F::Dms), "11°00'00.00\"S 0°00'00.00\"E");
        let q = ll(0.999_999_999, -0.000_000_001);
        assert_eq!(format_coord(q, F::Ddm), "1°00.0000'N 0°00.0000'E");
        assert_eq!(format_coord(q, F::Dd), "1.000000, 0.000000");
    }

    #[test]
    fn bad_inputs_give_the_right_error() {
        // input | error variant (Debug prefix); "36S …" is Maputo with S meaning band S
        let table = r#"
                                     | Empty
            abc                      | Unreadable
            95 18                    | LatitudeOutOfRange { value: 95.0 }
            43 190                   | LongitudeOutOfRange { value: 190.0 }
            43°61'00"N 18°00'00"E    | MinutesOutOfRange { value: 61.0,
            43°51'60"N 18°00'00"E    | SecondsOutOfRange { value: 60.0,
            NaN, 1                   | NonFinite
            1e999, 3                 | NonFinite
            inf 3                    | NonFinite
            34T 2920950 4859166      | UtmEastingOutOfRange { easting: 2920950.0,
            61T 292095 4859166       | UtmZoneOutOfRange { zone: 61 }
            0T 292095 4859166        | UtmZoneOutOfRange { zone: 0 }
            34I 292095 4859166       | UtmBand { band: 'I',
            34T 292095 9900000       | UtmNorthingOutOfRange
            36S 457275 7127657       | UtmNorthingOutOfRange
            34TBP920945916           | Mgrs
            34TBP                    | Mgrs
            61TBP9209459165          | Mgrs
            34CBP9209459165          | Mgrs
            43.8x, 18.4              | Unreadable
            43.8N 18.4N              | Unreadable
            -43.8S 18.4E             | Unreadable
            43 51 22.7 N 18 24 E     | Unreadable
            43.5 30 N 18 0 E         | Unreadable
            43 18 5                  | Unreadable
            N                        | Unreadable
            43° 18'                  | Unreadable
            43.8 ° °                 | Unreadable
            1.2.3 4                  | Unreadable
            43 - 18                  | Unreadable
            43 51 -22 N 18 0 0 E     | Unreadable
        "#;
        let err = |s: &str| parse_coord(s).unwrap_err();
        for row in rows(table) {
            let [input, kind] = row[..] else {
                panic!("bad row {row:?}")
            };
            let got = format!("{:?}", err(input));
            assert!(got.starts_with(kind), "{input}: {got}");
        }
        assert_eq!(
            err("95.2 18").to_string(),
            "latitude 95.2 is out of range (-90 to 90)"
        );
        assert_eq!(
            err("61T 292095 4859166").to_string(),
            "UTM zone 61 is out of range (1 to 60)"
        );
        assert!(
            err("36S 457275 7127657")
                .to_string()
                .contains("band (C to M), not S")
        );
        let msg = err("43.8x, 18.4").to_string();
        assert!(
            msg.starts_with("could not read '43.8x, 18.4' as a coordinate: "),
            "{msg}"
        );
        assert!(
            err("34TBP920945916")
                .to_string()
                .starts_with("MGRS '34TBP920945916' ")
        );
        let nan = checked_lon_lat(f64::NAN, 0.0).unwrap_err().to_string();
        assert!(
            nan.starts_with("non-finite value in 'longitude NaN, latitude 0'"),
            "{nan}"
        );
    }

    #[test]
    fn never_panics_on_fragments() {
        let samples = r#"43°51'22.7"N 18°24'47.2"E | 34TBP 92094 59165 | UTM 34T 292095mE 4859166mN |
            N43.8563 E18.4131 | UPS N 2166572 1711488 | ZBE6657211488 | -1e-3 +.5 , ; ′″ ° x"#;
        for s in samples.split('|') {
            let cuts: Vec<usize> = s.char_indices().map(|(i, _)| i).chain([s.len()]).collect();
            for (k, &i) in cuts.iter().enumerate() {
                for &j in &cuts[k..] {
                    if let Ok((p, _)) = parse_coord(&s[i..j]) {
                        assert!(checked_lon_lat(p.lon_deg, p.lat_deg).is_ok());
                    }
                }
            }
        }
        for &f in CoordFormat::ALL {
            let bad = LonLat {
                lon_deg: 500.0,
                lat_deg: f64::INFINITY,
            };
            assert_eq!(format_coord(bad, f), "inf, 500.000000");
        }
    }

    #[test]
    fn format_names_and_serde() {
        for &f in CoordFormat::ALL {
            assert_eq!(CoordFormat::parse(&f.to_string()), Some(f));
            let json = serde_json::to_string(&f).unwrap();
            assert_eq!(json, format!("\"{}\"", f.code()));
        }
        assert_eq!(serde_json::from_str::<F>("\"ddm\"").unwrap(), F::Ddm);
        let p = ll(-8.8383, 13.2344);
        let json = serde_json::to_string(&p).unwrap();
        assert_eq!(serde_json::from_str::<LonLat>(&json).unwrap(), p);
        let far = checked_lon_lat(181.0, 0.0);
        assert_eq!(far, Err(CoordError::LongitudeOutOfRange { value: 181.0 }));
        assert!(checked_lon_lat(180.0, -90.0).is_ok());
    }
}
