//! Offline basemap: country boundaries shipped inside the binary, so the map has context when a
//! field team has had no network for days.
//!
//! The data is Natural Earth 4.1.0 Admin 0 countries at 1:50m (public domain), taken from the
//! npm package world-atlas 2.0.2 (ISC licence) and converted by `scripts/make_basemap.py` into
//! `assets/basemap/countries-50m.sgb`, a small little-endian binary format documented byte by
//! byte in `assets/basemap/README.md`. Coordinates are WGS84 longitude/latitude in degrees,
//! quantised to 1e-5 degree; the source itself is a 1:50m generalisation on a grid of 0.0036° by
//! 0.0017°, so a boundary can be a kilometre or more off: the basemap is for orientation only,
//! never for locating a hazard area or deciding which side of a border it lies.
//!
//! **Boundaries are not authoritative.** Natural Earth draws some disputed areas by de facto
//! control (Crimea, for example, is drawn as part of Russia) and its names are its own. Show
//! [`BASEMAP_ATTRIBUTION`] and [`BASEMAP_NOTE`] wherever the basemap is displayed.
//!
//! Geometry is planar lon/lat: polygons that cross the antimeridian are cut at ±180°
//! (Antarctica is closed along the south pole's parallel), exterior rings run counter-clockwise
//! and holes clockwise. A country's bounding box can therefore span all longitudes (Russia, Fiji,
//! the United States).
//!
//! This module is GUI-free: it only decodes the file into [`geo_types`] values.

use geo_types::{Coord, LineString, MultiPolygon, Polygon};

/// Attribution to show with the basemap.
pub const BASEMAP_ATTRIBUTION: &str = "Natural Earth (public domain), via world-atlas";

/// Disclaimer to show with the basemap.
pub const BASEMAP_NOTE: &str = "Boundaries are not authoritative.";

/// The 50m basemap file, compiled into the binary.
const EMBEDDED: &[u8] = include_bytes!("../assets/basemap/countries-50m.sgb");

/// First four bytes of a basemap file.
const MAGIC: [u8; 4] = *b"SGBM";

/// The format version this decoder reads.
const FORMAT_VERSION: u16 = 1;

/// Quantisation of coordinates: integer units per degree.
const UNITS_PER_DEGREE: f64 = 100_000.0;

/// Largest longitude, in units.
const LON_LIMIT: i32 = 180 * 100_000;

/// Largest latitude, in units.
const LAT_LIMIT: i32 = 90 * 100_000;

/// Smallest encoded country: name length (u16), empty name, bbox (4 × i32), polygon count (u32).
const MIN_COUNTRY_BYTES: u32 = 2 + 16 + 4;

/// Smallest encoded polygon: its ring count (u32).
const MIN_POLYGON_BYTES: u32 = 4;

/// Smallest encoded ring: its point count (u32).
const MIN_RING_BYTES: u32 = 4;

/// Encoded size of one point: lon and lat as i32.
const POINT_BYTES: u32 = 8;

/// One country (or territory) of the basemap.
#[derive(Debug, Clone, PartialEq)]
pub struct Country {
    /// Natural Earth's short name with its abbreviations expanded, e.g. "Bosnia and Herzegovina".
    pub name: String,
    /// Bounding box of all its polygons in degrees: min lon, min lat, max lon, max lat.
    pub bbox_lon_lat: [f64; 4],
    /// Its land, in lon/lat degrees (x = longitude, y = latitude).
    pub shape: MultiPolygon<f64>,
}

impl Country {
    /// Whether this country's bounding box intersects (or touches) the given lon/lat box.
    ///
    /// A box with `min_lon > max_lon` is taken to cross the antimeridian: it covers
    /// `min_lon..=180` and `-180..=max_lon`. A box with `min_lat > max_lat`, or with a NaN,
    /// intersects nothing.
    pub fn bbox_intersects(&self, min_lon: f64, min_lat: f64, max_lon: f64, max_lat: f64) -> bool {
        let [c_min_lon, c_min_lat, c_max_lon, c_max_lat] = self.bbox_lon_lat;
        let lat_overlap = min_lat <= max_lat && c_min_lat <= max_lat && min_lat <= c_max_lat;
        let lon_overlap = if min_lon > max_lon {
            min_lon <= c_max_lon || c_min_lon <= max_lon
        } else {
            c_min_lon <= max_lon && min_lon <= c_max_lon
        };
        lat_overlap && lon_overlap
    }
}

/// The decoded basemap: every country, sorted by name.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Basemap {
    /// The countries, in file order (sorted by name, Unicode code point order).
    pub countries: Vec<Country>,
}

/// Why a basemap file could not be decoded.
#[derive(Debug, thiserror::Error)]
pub enum BasemapError {
    /// The data ends before a field it must contain.
    #[error(
        "basemap file truncated: {what} needs {needed} bytes at offset {offset}, but the data is only {len} bytes long"
    )]
    Truncated {
        /// The field being read.
        what: &'static str,
        /// Byte offset of that field.
        offset: usize,
        /// Its size in bytes.
        needed: usize,
        /// Length of the whole input.
        len: usize,
    },
    /// The data does not start with `SGBM`.
    #[error("not a Safeground basemap file: it starts with {found:02x?}, expected \"SGBM\"")]
    BadMagic {
        /// The first four bytes found.
        found: [u8; 4],
    },
    /// The format version is not the one this build reads.
    #[error("unsupported basemap format version {found}; this build reads version {expected}")]
    BadVersion {
        /// Version in the file.
        found: u16,
        /// Version this decoder reads.
        expected: u16,
    },
    /// A country name is not valid UTF-8.
    #[error("basemap country #{index} (at offset {offset}): name is not valid UTF-8")]
    BadName {
        /// Zero-based index of the country in the file.
        index: usize,
        /// Byte offset of the name.
        offset: usize,
        /// The decoding error.
        #[source]
        source: std::str::Utf8Error,
    },
    /// A count promises more items than the remaining bytes can hold.
    #[error(
        "basemap file corrupt: {what} count {count} at offset {offset} needs at least {needed} more bytes, but only {remaining} remain"
    )]
    CountOverrun {
        /// What is being counted (countries, polygons, rings, points).
        what: &'static str,
        /// The count read.
        count: u32,
        /// Byte offset of the count.
        offset: usize,
        /// Minimum bytes that many items take.
        needed: u64,
        /// Bytes left after the count.
        remaining: usize,
    },
    /// A country's bounding box is inverted or outside ±180° / ±90°.
    #[error("basemap country {name:?}: bounding box {bbox:?} (1e-5 degree units) is invalid")]
    BadBbox {
        /// The country.
        name: String,
        /// The box as stored: min lon, min lat, max lon, max lat.
        bbox: [i32; 4],
    },
    /// A polygon has no exterior ring.
    #[error("basemap country {name:?}: polygon #{polygon} has no rings")]
    EmptyPolygon {
        /// The country.
        name: String,
        /// Zero-based index of the polygon in the country.
        polygon: usize,
    },
    /// A ring has fewer than the 4 points of the smallest closed ring.
    #[error("basemap country {name:?}: a ring has {points} points; a closed ring needs at least 4")]
    ShortRing {
        /// The country.
        name: String,
        /// Number of points in the ring.
        points: usize,
    },
    /// A point lies outside its country's bounding box.
    #[error(
        "basemap country {name:?}: point ({lon}, {lat}) (1e-5 degree units) lies outside its bounding box"
    )]
    PointOutsideBbox {
        /// The country.
        name: String,
        /// Longitude in 1e-5 degree.
        lon: i32,
        /// Latitude in 1e-5 degree.
        lat: i32,
    },
    /// Bytes remain after the last country.
    #[error("basemap file corrupt: {count} unexpected bytes after the last country")]
    TrailingBytes {
        /// Number of extra bytes.
        count: usize,
    },
}

impl Basemap {
    /// The embedded 50m basemap (`include_bytes!` of `assets/basemap/countries-50m.sgb`).
    ///
    /// Decodes on every call (a few milliseconds in a release build): keep the result.
    pub fn embedded() -> Result<Self, BasemapError> {
        Self::decode(EMBEDDED)
    }

    /// Decodes a basemap file (format in `assets/basemap/README.md`).
    ///
    /// Never panics: any input that is not a complete, consistent file gives an error.
    pub fn decode(bytes: &[u8]) -> Result<Self, BasemapError> {
        let mut reader = Reader { bytes, pos: 0 };
        let magic = reader.array::<4>("magic")?;
        if magic != MAGIC {
            return Err(BasemapError::BadMagic { found: magic });
        }
        let version = reader.u16("format version")?;
        if version != FORMAT_VERSION {
            return Err(BasemapError::BadVersion {
                found: version,
                expected: FORMAT_VERSION,
            });
        }
        let count = reader.count("country", MIN_COUNTRY_BYTES)?;
        let mut countries = Vec::with_capacity(count);
        for index in 0..count {
            countries.push(reader.country(index)?);
        }
        let trailing = reader.remaining();
        if trailing != 0 {
            return Err(BasemapError::TrailingBytes { count: trailing });
        }
        Ok(Self { countries })
    }

    /// Countries whose bounding box intersects (or touches) the given lon/lat box, in degrees.
    ///
    /// A box with `min_lon > max_lon` is taken to cross the antimeridian; one with
    /// `min_lat > max_lat`, or with a NaN, matches nothing. Bounding boxes are
    /// coarse: the result is a superset of the countries whose land is in the box (Russia, Fiji
    /// and the United States span all longitudes).
    pub fn countries_in(
        &self,
        min_lon: f64,
        min_lat: f64,
        max_lon: f64,
        max_lat: f64,
    ) -> impl Iterator<Item = &Country> {
        self.countries
            .iter()
            .filter(move |country| country.bbox_intersects(min_lon, min_lat, max_lon, max_lat))
    }

    /// The country with exactly this name, if any.
    pub fn country(&self, name: &str) -> Option<&Country> {
        self.countries.iter().find(|country| country.name == name)
    }
}

/// Checked little-endian reads over the input; every read returns an error instead of panicking.
struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn remaining(&self) -> usize {
        self.bytes.len().saturating_sub(self.pos)
    }

    fn truncated(&self, what: &'static str, needed: usize) -> BasemapError {
        BasemapError::Truncated {
            what,
            offset: self.pos,
            needed,
            len: self.bytes.len(),
        }
    }

    fn take(&mut self, n: usize, what: &'static str) -> Result<&'a [u8], BasemapError> {
        let slice = self
            .pos
            .checked_add(n)
            .and_then(|end| self.bytes.get(self.pos..end))
            .ok_or_else(|| self.truncated(what, n))?;
        self.pos += n;
        Ok(slice)
    }

    fn array<const N: usize>(&mut self, what: &'static str) -> Result<[u8; N], BasemapError> {
        let rest = self.bytes.get(self.pos..).unwrap_or_default();
        let array = rest
            .first_chunk::<N>()
            .copied()
            .ok_or_else(|| self.truncated(what, N))?;
        self.pos += N;
        Ok(array)
    }

    fn u16(&mut self, what: &'static str) -> Result<u16, BasemapError> {
        self.array(what).map(u16::from_le_bytes)
    }

    fn i32(&mut self, what: &'static str) -> Result<i32, BasemapError> {
        self.array(what).map(i32::from_le_bytes)
    }

    /// A u32 count of items that take at least `min_bytes_each`, checked against what remains.
    fn count(&mut self, what: &'static str, min_bytes_each: u32) -> Result<usize, BasemapError> {
        let offset = self.pos;
        let count = u32::from_le_bytes(self.array(what)?);
        let needed = u64::from(count) * u64::from(min_bytes_each);
        let remaining = self.remaining();
        let fits = u64::try_from(remaining).is_ok_and(|remaining| needed <= remaining);
        match usize::try_from(count) {
            Ok(count) if fits => Ok(count),
            _ => Err(BasemapError::CountOverrun {
                what,
                count,
                offset,
                needed,
                remaining,
            }),
        }
    }

    fn country(&mut self, index: usize) -> Result<Country, BasemapError> {
        let name_len = usize::from(self.u16("name length")?);
        let name_offset = self.pos;
        let name = std::str::from_utf8(self.take(name_len, "name")?)
            .map_err(|source| BasemapError::BadName {
                index,
                offset: name_offset,
                source,
            })?
            .to_owned();
        let bbox = [
            self.i32("bbox min lon")?,
            self.i32("bbox min lat")?,
            self.i32("bbox max lon")?,
            self.i32("bbox max lat")?,
        ];
        let [min_lon, min_lat, max_lon, max_lat] = bbox;
        let valid_bbox = -LON_LIMIT <= min_lon
            && min_lon <= max_lon
            && max_lon <= LON_LIMIT
            && -LAT_LIMIT <= min_lat
            && min_lat <= max_lat
            && max_lat <= LAT_LIMIT;
        if !valid_bbox {
            return Err(BasemapError::BadBbox { name, bbox });
        }
        let polygon_count = self.count("polygon", MIN_POLYGON_BYTES)?;
        let mut polygons = Vec::with_capacity(polygon_count);
        for polygon in 0..polygon_count {
            let ring_count = self.count("ring", MIN_RING_BYTES)?;
            if ring_count == 0 {
                return Err(BasemapError::EmptyPolygon { name, polygon });
            }
            let mut rings = Vec::with_capacity(ring_count);
            for _ in 0..ring_count {
                match self.ring(bbox) {
                    Ok(ring) => rings.push(ring),
                    Err(RingError::Data(error)) => return Err(error),
                    Err(RingError::Short { points }) => {
                        return Err(BasemapError::ShortRing { name, points });
                    }
                    Err(RingError::Outside { lon, lat }) => {
                        return Err(BasemapError::PointOutsideBbox { name, lon, lat });
                    }
                }
            }
            let mut rings = rings.into_iter();
            let Some(exterior) = rings.next() else {
                return Err(BasemapError::EmptyPolygon { name, polygon });
            };
            polygons.push(Polygon::new(exterior, rings.collect()));
        }
        Ok(Country {
            name,
            bbox_lon_lat: bbox.map(|units| f64::from(units) / UNITS_PER_DEGREE),
            shape: MultiPolygon::new(polygons),
        })
    }

    fn ring(&mut self, bbox: [i32; 4]) -> Result<LineString<f64>, RingError> {
        let [min_lon, min_lat, max_lon, max_lat] = bbox;
        let count = self.count("point", POINT_BYTES)?;
        if count < 4 {
            return Err(RingError::Short { points: count });
        }
        // `count` passed the overrun check, so the multiplication cannot overflow.
        let bytes = self.take(count.saturating_mul(8), "points")?;
        let (points, _) = bytes.as_chunks::<8>();
        let mut coords = Vec::with_capacity(points.len());
        for &[a, b, c, d, e, f, g, h] in points {
            let lon = i32::from_le_bytes([a, b, c, d]);
            let lat = i32::from_le_bytes([e, f, g, h]);
            if !(min_lon <= lon && lon <= max_lon && min_lat <= lat && lat <= max_lat) {
                return Err(RingError::Outside { lon, lat });
            }
            coords.push(Coord {
                x: f64::from(lon) / UNITS_PER_DEGREE,
                y: f64::from(lat) / UNITS_PER_DEGREE,
            });
        }
        Ok(LineString::new(coords))
    }
}

/// Ring-level failures, turned into [`BasemapError`] by the caller, which knows the country name.
enum RingError {
    Data(BasemapError),
    Short { points: usize },
    Outside { lon: i32, lat: i32 },
}

impl From<BasemapError> for RingError {
    fn from(error: BasemapError) -> Self {
        Self::Data(error)
    }
}

#[cfg(test)]
#[expect(
    clippy::float_cmp,
    reason = "decoded coordinates are integers / 1e5: the tests check the exact values"
)]
mod tests {
    use super::*;
    use geo::{Contains, Validation, Winding};
    use geo_types::Point;

    /// Test encoder: the format of `assets/basemap/README.md`, from (name, bbox, polygons of rings
    /// of (lon, lat) units).
    type TestCountry<'a> = (&'a str, [i32; 4], Vec<Vec<Vec<(i32, i32)>>>);

    fn encode(countries: &[TestCountry<'_>]) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(b"SGBM");
        out.extend_from_slice(&1u16.to_le_bytes());
        out.extend_from_slice(&u32::try_from(countries.len()).unwrap().to_le_bytes());
        for (name, bbox, polygons) in countries {
            out.extend_from_slice(&u16::try_from(name.len()).unwrap().to_le_bytes());
            out.extend_from_slice(name.as_bytes());
            for value in bbox {
                out.extend_from_slice(&value.to_le_bytes());
            }
            out.extend_from_slice(&u32::try_from(polygons.len()).unwrap().to_le_bytes());
            for rings in polygons {
                out.extend_from_slice(&u32::try_from(rings.len()).unwrap().to_le_bytes());
                for ring in rings {
                    out.extend_from_slice(&u32::try_from(ring.len()).unwrap().to_le_bytes());
                    for (lon, lat) in ring {
                        out.extend_from_slice(&lon.to_le_bytes());
                        out.extend_from_slice(&lat.to_le_bytes());
                    }
                }
            }
        }
        out
    }

    fn square(lon: i32, lat: i32, size: i32) -> Vec<(i32, i32)> {
        vec![
            (lon, lat),
            (lon + size, lat),
            (lon + size, lat + size),
            (lon, lat + size),
            (lon, lat),
        ]
    }

    /// Two countries: one with a hole and two polygons, one with a non-ASCII name.
    fn small_file() -> Vec<u8> {
        let mut hole = square(200_000, 200_000, 100_000);
        hole.reverse();
        encode(&[
            (
                "Aland test",
                [0, 0, 600_000, 500_000],
                vec![
                    vec![square(0, 0, 500_000), hole],
                    vec![square(550_000, 0, 50_000)],
                ],
            ),
            (
                "Côte test",
                [-18_000_000, -9_000_000, -17_900_000, -8_900_000],
                vec![vec![square(-18_000_000, -9_000_000, 100_000)]],
            ),
        ])
    }

    fn embedded() -> Basemap {
        Basemap::embedded().expect("embedded basemap decodes")
    }

    fn country<'a>(map: &'a Basemap, name: &str) -> &'a Country {
        map.country(name)
            .unwrap_or_else(|| panic!("{name} is in the basemap"))
    }

    fn inside(map: &Basemap, name: &str, lon: f64, lat: f64) -> bool {
        country(map, name).shape.contains(&Point::new(lon, lat))
    }

    #[test]
    fn embedded_file_decodes_with_every_country() {
        let map = embedded();
        // world-atlas 2.0.2 countries-50m: 241 countries and territories.
        assert_eq!(map.countries.len(), 241);
        let polygons: usize = map.countries.iter().map(|c| c.shape.0.len()).sum();
        assert_eq!(polygons, 1619);
        let names: Vec<&str> = map.countries.iter().map(|c| c.name.as_str()).collect();
        let mut sorted = names.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(names, sorted, "sorted by name, no duplicates");
        assert!(names.iter().all(|name| !name.is_empty()));
    }

    #[test]
    fn bosnia_and_herzegovina_bbox_and_sarajevo() {
        let map = embedded();
        let bih = country(&map, "Bosnia and Herzegovina");
        let [min_lon, min_lat, max_lon, max_lat] = bih.bbox_lon_lat;
        assert!((15.6..15.8).contains(&min_lon), "{min_lon}");
        assert!((19.5..19.7).contains(&max_lon), "{max_lon}");
        assert!((42.4..42.6).contains(&min_lat), "{min_lat}");
        assert!((45.2..45.4).contains(&max_lat), "{max_lat}");
        assert!(
            inside(&map, "Bosnia and Herzegovina", 18.41, 43.86),
            "Sarajevo"
        );
        assert!(
            !inside(&map, "Bosnia and Herzegovina", 15.98, 45.81),
            "Zagreb is not in BiH"
        );
        assert!(inside(&map, "Croatia", 15.98, 45.81), "Zagreb");
    }

    #[test]
    fn countries_in_box_around_bosnia() {
        let map = embedded();
        let names: Vec<&str> = map
            .countries_in(15.7, 42.5, 19.6, 45.3)
            .map(|c| c.name.as_str())
            .collect();
        for expected in ["Bosnia and Herzegovina", "Croatia", "Serbia", "Montenegro"] {
            assert!(
                names.contains(&expected),
                "{expected} missing from {names:?}"
            );
        }
        for far in ["Brazil", "Japan", "Spain", "Finland"] {
            assert!(!names.contains(&far), "{far} in {names:?}");
        }
        assert!(names.len() < 20, "{names:?}");
    }

    #[test]
    fn countries_in_box_across_the_antimeridian() {
        let map = embedded();
        let names: Vec<&str> = map
            .countries_in(177.0, -19.0, -179.0, -16.0)
            .map(|c| c.name.as_str())
            .collect();
        assert!(names.contains(&"Fiji"), "{names:?}");
        assert!(!names.contains(&"Australia"), "{names:?}");
        assert_eq!(
            map.countries_in(10.0, 10.0, 0.0, 0.0).count(),
            0,
            "lat range inverted"
        );
    }

    #[test]
    fn antimeridian_and_pole_are_planar() {
        let map = embedded();
        // Chukotka and Wrangel Island are cut at 180°: no band of "Russia" around the world.
        for (lon, lat) in [(175.0, 66.0), (-175.0, 66.5), (179.5, 68.0), (-179.5, 68.0)] {
            assert!(inside(&map, "Russia", lon, lat), "Chukotka ({lon}, {lat})");
        }
        assert!(
            inside(&map, "Russia", 179.5, 71.2),
            "Wrangel Island west of 180°"
        );
        assert!(
            inside(&map, "Russia", -179.5, 71.2),
            "Wrangel Island east of 180°"
        );
        assert!(inside(&map, "Russia", 37.62, 55.75), "Moscow");
        assert!(
            inside(&map, "United States of America", -150.0, 65.0),
            "Alaska"
        );
        for (lon, lat) in [(-150.0, 65.0), (-100.0, 66.0), (25.0, 66.0), (-40.0, 70.0)] {
            assert!(
                !inside(&map, "Russia", lon, lat),
                "({lon}, {lat}) is not Russia"
            );
        }
        assert!(inside(&map, "Fiji", 178.0, -17.8), "Viti Levu");
        assert!(inside(&map, "Fiji", 179.2, -16.6), "Vanua Levu");
        assert!(
            inside(&map, "Fiji", -179.96, -16.49),
            "the piece of Vanua Levu east of 180°"
        );
        assert!(!inside(&map, "Fiji", 0.0, -16.5));
        // Antarctica reaches the pole.
        assert!(inside(&map, "Antarctica", 0.0, -85.0));
        assert!(inside(&map, "Antarctica", 179.9, -89.9));
        assert!(!inside(&map, "Antarctica", 0.0, -50.0));
        assert_eq!(country(&map, "Antarctica").bbox_lon_lat[1], -90.0);
    }

    #[test]
    fn rings_are_closed_and_oriented() {
        let map = embedded();
        for country in &map.countries {
            for polygon in &country.shape {
                assert!(polygon.exterior().is_closed(), "{}", country.name);
                assert!(polygon.exterior().0.len() >= 4, "{}", country.name);
                assert!(
                    polygon.exterior().is_ccw(),
                    "{}: exterior not CCW",
                    country.name
                );
                for hole in polygon.interiors() {
                    assert!(hole.is_closed() && hole.is_cw(), "{}: hole", country.name);
                }
            }
        }
    }

    /// About 0.5 s optimised but 10 s or more unoptimised (geo's generic code is instantiated in
    /// this crate): runs with `cargo test --release`, or `cargo test -- --ignored`.
    #[test]
    #[cfg_attr(
        debug_assertions,
        ignore = "slow without optimisation; run with --release"
    )]
    fn every_polygon_is_valid() {
        let map = embedded();
        for country in &map.countries {
            for (index, polygon) in country.shape.iter().enumerate() {
                if let Err(error) = polygon.check_validation() {
                    panic!("{} polygon #{index}: {error}", country.name);
                }
            }
        }
    }

    #[test]
    fn small_file_round_trips() {
        let map = Basemap::decode(&small_file()).unwrap();
        assert_eq!(map.countries.len(), 2);
        let aland = &map.countries[0];
        assert_eq!(aland.name, "Aland test");
        assert_eq!(aland.bbox_lon_lat, [0.0, 0.0, 6.0, 5.0]);
        assert_eq!(aland.shape.0.len(), 2);
        assert_eq!(aland.shape.0[0].interiors().len(), 1);
        assert!(aland.shape.contains(&Point::new(1.0, 1.0)));
        assert!(!aland.shape.contains(&Point::new(2.5, 2.5)), "in the hole");
        let cote = &map.countries[1];
        assert_eq!(cote.name, "Côte test");
        assert_eq!(cote.bbox_lon_lat, [-180.0, -90.0, -179.0, -89.0]);
        assert_eq!(map.country("Côte test"), Some(cote));
    }

    #[test]
    fn every_prefix_of_a_valid_file_is_an_error() {
        let bytes = small_file();
        for len in 0..bytes.len() {
            assert!(
                Basemap::decode(&bytes[..len]).is_err(),
                "prefix of {len} bytes decoded"
            );
        }
        let embedded = EMBEDDED;
        for len in (0..embedded.len())
            .step_by(16_411)
            .chain([embedded.len() - 1])
        {
            assert!(
                Basemap::decode(&embedded[..len]).is_err(),
                "prefix of {len} bytes decoded"
            );
        }
    }

    #[test]
    fn empty_and_bad_headers() {
        assert!(matches!(
            Basemap::decode(&[]),
            Err(BasemapError::Truncated {
                what: "magic",
                offset: 0,
                needed: 4,
                len: 0
            })
        ));
        assert!(matches!(
            Basemap::decode(b"PK\x03\x04 not a basemap"),
            Err(BasemapError::BadMagic {
                found: [b'P', b'K', 3, 4]
            })
        ));
        let mut bytes = small_file();
        bytes[4] = 2;
        let error = Basemap::decode(&bytes).unwrap_err();
        assert!(matches!(
            error,
            BasemapError::BadVersion {
                found: 2,
                expected: 1
            }
        ));
        assert_eq!(
            error.to_string(),
            "unsupported basemap format version 2; this build reads version 1"
        );
    }

    #[test]
    fn corrupt_contents_are_reported() {
        // Bad UTF-8 in the first name ("Aland test" starts at offset 12).
        let mut bytes = small_file();
        bytes[12] = 0xFF;
        assert!(matches!(
            Basemap::decode(&bytes),
            Err(BasemapError::BadName {
                index: 0,
                offset: 12,
                ..
            })
        ));
        // A country count far beyond the data: refused before allocating.
        let mut bytes = small_file();
        bytes[6..10].copy_from_slice(&u32::MAX.to_le_bytes());
        let error = Basemap::decode(&bytes).unwrap_err();
        assert!(
            matches!(
                error,
                BasemapError::CountOverrun {
                    what: "country",
                    count: u32::MAX,
                    ..
                }
            ),
            "{error}"
        );
        // Trailing bytes.
        let mut bytes = small_file();
        bytes.push(0);
        assert!(matches!(
            Basemap::decode(&bytes),
            Err(BasemapError::TrailingBytes { count: 1 })
        ));
        // Inverted bbox, point outside the bbox, empty polygon, short ring.
        let bad = |bbox: [i32; 4], rings: Vec<Vec<(i32, i32)>>| {
            Basemap::decode(&encode(&[("X", bbox, vec![rings])])).unwrap_err()
        };
        let error = bad([10, 0, 0, 10], vec![square(0, 0, 10)]);
        assert!(matches!(error, BasemapError::BadBbox { .. }), "{error}");
        let error = bad([0, 0, 10, 10], vec![square(0, 0, 11)]);
        assert!(
            matches!(
                error,
                BasemapError::PointOutsideBbox {
                    lon: 11,
                    lat: 0,
                    ..
                }
            ),
            "{error}"
        );
        let error = bad([0, 0, 10, 10], vec![]);
        assert!(
            matches!(error, BasemapError::EmptyPolygon { polygon: 0, .. }),
            "{error}"
        );
        let error = bad([0, 0, 10, 10], vec![vec![(0, 0), (10, 0), (0, 0)]]);
        assert!(
            matches!(error, BasemapError::ShortRing { points: 3, .. }),
            "{error}"
        );
        let error = bad([0, 0, 18_000_001, 10], vec![square(0, 0, 10)]);
        assert!(matches!(error, BasemapError::BadBbox { .. }), "{error}");
    }

    /// xorshift64*: deterministic pseudo-random bytes without a dependency.
    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
        }

        fn below(&mut self, n: usize) -> usize {
            usize::try_from(self.next() % u64::try_from(n).unwrap()).unwrap()
        }

        fn byte(&mut self) -> u8 {
            self.next().to_le_bytes()[0]
        }
    }

    #[test]
    fn garbage_never_panics() {
        let mut rng = Rng(0x5AFE_6120_0BAD_F00D);
        let valid = small_file();
        for round in 0..20_000 {
            let bytes: Vec<u8> = match round % 3 {
                // Pure noise.
                0 => (0..rng.below(300)).map(|_| rng.byte()).collect(),
                // A valid header, then noise: exercises the country, ring and point readers.
                1 => {
                    let mut bytes = valid[..6].to_vec();
                    bytes.extend((0..rng.below(300)).map(|_| rng.byte()));
                    bytes
                }
                // The valid file with a few bytes changed.
                _ => {
                    let mut bytes = valid.clone();
                    for _ in 0..=rng.below(4) {
                        let at = rng.below(bytes.len());
                        bytes[at] = rng.byte();
                    }
                    bytes
                }
            };
            if let Ok(map) = Basemap::decode(&bytes) {
                assert!(map.countries.len() <= bytes.len());
            }
        }
        // Every single-byte change of the valid file.
        for at in 0..valid.len() {
            for value in [0x00, 0x01, 0x7F, 0x80, 0xFF] {
                let mut bytes = valid.clone();
                bytes[at] = value;
                if let Ok(map) = Basemap::decode(&bytes) {
                    assert_eq!(map.countries.len(), 2);
                }
            }
        }
    }

    #[test]
    fn attribution_and_note() {
        assert!(BASEMAP_ATTRIBUTION.contains("Natural Earth"));
        assert!(BASEMAP_NOTE.contains("not authoritative"));
    }
}
