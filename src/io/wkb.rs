//! Well-known binary (OGC WKB, ISO, without EWKB's SRID) geometry: one encoder, used by the
//! GeoPackage writer (after its `GP` header) and the `PostGIS` hub, and one decoder. Z and M values are read and
//! dropped: Safeground's geometry is 2-D.

use geo_types::{
    Coord, Geometry, GeometryCollection, LineString, MultiLineString, MultiPoint, MultiPolygon,
    Point, Polygon,
};

/// Why a WKB value could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WkbError {
    /// The bytes end before the geometry does.
    #[error("the geometry ends early (at byte {0})")]
    Truncated(usize),
    /// The byte-order byte is neither 0 nor 1.
    #[error("the geometry has an unknown byte order ({0})")]
    ByteOrder(u8),
    /// A geometry type this reader does not know (curves, surfaces, TINs).
    #[error(
        "geometry type {0} is not supported (points, lines, polygons and their collections are)"
    )]
    Type(u32),
    /// Collections nested deeper than [`MAX_DEPTH`].
    #[error("geometry collections are nested too deeply")]
    TooDeep,
    /// A count larger than the bytes that remain could hold.
    #[error("a count of {0} does not fit in the geometry's bytes")]
    Count(u32),
}

/// How deep geometry collections may nest.
pub const MAX_DEPTH: usize = 8;

/// An XY bounding box.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Envelope {
    /// Smallest x (longitude, degrees).
    pub min_x: f64,
    /// Largest x (longitude, degrees).
    pub max_x: f64,
    /// Smallest y (latitude, degrees).
    pub min_y: f64,
    /// Largest y (latitude, degrees).
    pub max_y: f64,
}

impl Envelope {
    /// An envelope that every point extends (min = +inf, max = -inf).
    pub const NONE: Self = Self {
        min_x: f64::INFINITY,
        max_x: f64::NEG_INFINITY,
        min_y: f64::INFINITY,
        max_y: f64::NEG_INFINITY,
    };

    /// Extends the box to hold (`x`, `y`).
    pub fn add(&mut self, x: f64, y: f64) {
        self.min_x = self.min_x.min(x);
        self.max_x = self.max_x.max(x);
        self.min_y = self.min_y.min(y);
        self.max_y = self.max_y.max(y);
    }

    /// Extends the box to hold `other`.
    pub fn merge(&mut self, other: &Self) {
        self.min_x = self.min_x.min(other.min_x);
        self.max_x = self.max_x.max(other.max_x);
        self.min_y = self.min_y.min(other.min_y);
        self.max_y = self.max_y.max(other.max_y);
    }
}

/// Why a geometry could not be encoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EncodeError {
    /// A NaN or infinite coordinate.
    NonFinite,
    /// A count that does not fit WKB's `uint32`.
    TooLarge,
}

/// WKB geometry type codes (ISO 13249-3 / OGC 06-103r4, 2D).
/// Point.
pub const WKB_POINT: u32 = 1;
/// Polygon.
pub const WKB_POLYGON: u32 = 3;
/// Multipolygon.
pub const WKB_MULTIPOLYGON: u32 = 6;

/// Little-endian ISO WKB encoder that tracks the envelope and finiteness of what it writes.
pub struct WkbWriter<'a> {
    /// Where the bytes go.
    pub out: &'a mut Vec<u8>,
    /// The envelope of every coordinate written.
    pub envelope: Envelope,
    /// Whether every coordinate written was finite.
    pub finite: bool,
    /// How many coordinates were written.
    pub coordinates: usize,
}

impl<'a> WkbWriter<'a> {
    /// A writer that appends to `out`.
    pub fn new(out: &'a mut Vec<u8>) -> Self {
        Self {
            out,
            envelope: Envelope::NONE,
            finite: true,
            coordinates: 0,
        }
    }

    /// Writes a geometry header (byte order and type).
    pub fn header(&mut self, kind: u32) {
        self.out.push(1); // little endian
        self.out.extend_from_slice(&kind.to_le_bytes());
    }

    /// Writes a count.
    pub fn count(&mut self, n: usize) -> Result<(), EncodeError> {
        let n = u32::try_from(n).map_err(|_too_large| EncodeError::TooLarge)?;
        self.out.extend_from_slice(&n.to_le_bytes());
        Ok(())
    }

    /// Writes one coordinate.
    pub fn xy(&mut self, x: f64, y: f64) {
        self.finite &= x.is_finite() & y.is_finite();
        self.envelope.add(x, y);
        self.coordinates += 1;
        self.out.extend_from_slice(&x.to_le_bytes());
        self.out.extend_from_slice(&y.to_le_bytes());
    }

    /// Writes a point.
    pub fn point(&mut self, point: Point<f64>) {
        self.header(WKB_POINT);
        self.xy(point.x(), point.y());
    }

    /// Writes a polygon.
    pub fn polygon(&mut self, polygon: &Polygon<f64>) -> Result<(), EncodeError> {
        self.header(WKB_POLYGON);
        if polygon.exterior().0.is_empty() {
            // POLYGON EMPTY: no rings (holes of an empty shell mean nothing).
            return self.count(0);
        }
        self.count(1 + polygon.interiors().len())?;
        self.ring(polygon.exterior())?;
        for ring in polygon.interiors() {
            self.ring(ring)?;
        }
        Ok(())
    }

    /// Writes a ring.
    pub fn ring(&mut self, ring: &LineString<f64>) -> Result<(), EncodeError> {
        self.count(ring.0.len())?;
        self.out.reserve(ring.0.len() * 16);
        for c in &ring.0 {
            self.xy(c.x, c.y);
        }
        Ok(())
    }

    /// Writes a multipolygon.
    pub fn multipolygon(&mut self, multi: &MultiPolygon<f64>) -> Result<(), EncodeError> {
        self.header(WKB_MULTIPOLYGON);
        self.count(multi.0.len())?;
        for polygon in &multi.0 {
            self.polygon(polygon)?;
        }
        Ok(())
    }
}

/// Little-endian ISO WKB of a multipolygon (an empty one has no parts).
pub fn encode_multipolygon(multi: &MultiPolygon<f64>) -> Result<Vec<u8>, EncodeError> {
    let mut out = Vec::with_capacity(64);
    let mut w = WkbWriter::new(&mut out);
    w.multipolygon(multi)?;
    if !w.finite {
        return Err(EncodeError::NonFinite);
    }
    Ok(out)
}

/// Little-endian ISO WKB of a point.
pub fn encode_point(point: Point<f64>) -> Result<Vec<u8>, EncodeError> {
    let mut out = Vec::with_capacity(21);
    let mut w = WkbWriter::new(&mut out);
    w.point(point);
    if !w.finite {
        return Err(EncodeError::NonFinite);
    }
    Ok(out)
}

/// Decodes one WKB geometry. An empty point (NaN coordinates) is `None` inside a collection and
/// an error nowhere: empty geometries decode to empty collections.
pub fn decode_wkb(bytes: &[u8]) -> Result<Geometry<f64>, WkbError> {
    let mut r = Reader { bytes, at: 0 };
    r.geometry(0)
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

#[derive(Clone, Copy)]
struct Layout {
    little: bool,
    dims: usize,
}

impl Reader<'_> {
    fn take<const N: usize>(&mut self) -> Result<[u8; N], WkbError> {
        let end = self.at.checked_add(N).ok_or(WkbError::Truncated(self.at))?;
        let slice = self
            .bytes
            .get(self.at..end)
            .ok_or(WkbError::Truncated(self.at))?;
        self.at = end;
        let mut out = [0u8; N];
        out.copy_from_slice(slice);
        Ok(out)
    }

    fn u32(&mut self, little: bool) -> Result<u32, WkbError> {
        let b = self.take::<4>()?;
        Ok(if little {
            u32::from_le_bytes(b)
        } else {
            u32::from_be_bytes(b)
        })
    }

    fn f64(&mut self, little: bool) -> Result<f64, WkbError> {
        let b = self.take::<8>()?;
        Ok(if little {
            f64::from_le_bytes(b)
        } else {
            f64::from_be_bytes(b)
        })
    }

    /// A count of items of at least `min_bytes` each, checked against what remains.
    fn count(&mut self, little: bool, min_bytes: usize) -> Result<usize, WkbError> {
        let n = self.u32(little)?;
        let remaining = self.bytes.len().saturating_sub(self.at);
        let n_usize = usize::try_from(n).map_err(|_overflow| WkbError::Count(n))?;
        if n_usize.saturating_mul(min_bytes) > remaining {
            return Err(WkbError::Count(n));
        }
        Ok(n_usize)
    }

    fn header(&mut self) -> Result<(Layout, u32), WkbError> {
        let [order] = self.take::<1>()?;
        let little = match order {
            0 => false,
            1 => true,
            other => return Err(WkbError::ByteOrder(other)),
        };
        let raw = self.u32(little)?;
        // ISO: 1000s add Z, 2000s add M, 3000s add ZM; EWKB-style high bits too.
        let (z_flag, m_flag) = (raw & 0x8000_0000 != 0, raw & 0x4000_0000 != 0);
        let code = raw & 0x0FFF_FFFF;
        let (base, iso_dims) = (code % 1000, code / 1000);
        let extra = match iso_dims {
            1 | 2 => 1,
            3 => 2,
            _ => 0,
        } + usize::from(z_flag)
            + usize::from(m_flag);
        Ok((
            Layout {
                little,
                dims: 2 + extra,
            },
            base,
        ))
    }

    fn coord(&mut self, layout: Layout) -> Result<Coord<f64>, WkbError> {
        let x = self.f64(layout.little)?;
        let y = self.f64(layout.little)?;
        for _ in 2..layout.dims {
            self.f64(layout.little)?;
        }
        Ok(Coord { x, y })
    }

    fn line(&mut self, layout: Layout) -> Result<LineString<f64>, WkbError> {
        let n = self.count(layout.little, 8 * layout.dims)?;
        let mut coords = Vec::with_capacity(n);
        for _ in 0..n {
            coords.push(self.coord(layout)?);
        }
        Ok(LineString::new(coords))
    }

    fn polygon(&mut self, layout: Layout) -> Result<Polygon<f64>, WkbError> {
        let n = self.count(layout.little, 4)?;
        let mut rings = Vec::with_capacity(n);
        for _ in 0..n {
            rings.push(self.line(layout)?);
        }
        let mut rings = rings.into_iter();
        let exterior = rings.next().unwrap_or_else(|| LineString::new(Vec::new()));
        Ok(Polygon::new(exterior, rings.collect()))
    }

    fn parts(&mut self, little: bool, depth: usize) -> Result<Vec<Geometry<f64>>, WkbError> {
        let n = self.count(little, 5)?;
        let mut parts = Vec::with_capacity(n);
        for _ in 0..n {
            parts.push(self.geometry(depth + 1)?);
        }
        Ok(parts)
    }

    fn geometry(&mut self, depth: usize) -> Result<Geometry<f64>, WkbError> {
        if depth > MAX_DEPTH {
            return Err(WkbError::TooDeep);
        }
        let (layout, base) = self.header()?;
        Ok(match base {
            1 => {
                let c = self.coord(layout)?;
                if c.x.is_nan() && c.y.is_nan() {
                    Geometry::GeometryCollection(GeometryCollection::default())
                } else {
                    Geometry::Point(Point(c))
                }
            }
            2 => Geometry::LineString(self.line(layout)?),
            3 => Geometry::Polygon(self.polygon(layout)?),
            4 => Geometry::MultiPoint(MultiPoint::new(
                self.parts(layout.little, depth)?
                    .into_iter()
                    .filter_map(|g| match g {
                        Geometry::Point(p) => Some(p),
                        _ => None,
                    })
                    .collect(),
            )),
            5 => Geometry::MultiLineString(MultiLineString::new(
                self.parts(layout.little, depth)?
                    .into_iter()
                    .filter_map(|g| match g {
                        Geometry::LineString(l) => Some(l),
                        _ => None,
                    })
                    .collect(),
            )),
            6 => Geometry::MultiPolygon(MultiPolygon::new(
                self.parts(layout.little, depth)?
                    .into_iter()
                    .filter_map(|g| match g {
                        Geometry::Polygon(p) => Some(p),
                        _ => None,
                    })
                    .collect(),
            )),
            7 => Geometry::GeometryCollection(GeometryCollection::new_from(
                self.parts(layout.little, depth)?,
            )),
            other => return Err(WkbError::Type(other)),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn le_point(x: f64, y: f64) -> Vec<u8> {
        let mut b = vec![1u8];
        b.extend_from_slice(&1u32.to_le_bytes());
        b.extend_from_slice(&x.to_le_bytes());
        b.extend_from_slice(&y.to_le_bytes());
        b
    }

    #[test]
    fn points_polygons_and_multis_in_both_byte_orders() {
        assert_eq!(
            decode_wkb(&le_point(18.4, 43.8)).unwrap(),
            Geometry::Point(Point::new(18.4, 43.8))
        );
        // Big-endian polygon, one ring of 4 points, with Z (ISO 1003).
        let mut b = vec![0u8];
        b.extend_from_slice(&1003u32.to_be_bytes());
        b.extend_from_slice(&1u32.to_be_bytes());
        b.extend_from_slice(&4u32.to_be_bytes());
        for (x, y) in [(0.0, 0.0), (1.0, 0.0), (0.0, 1.0), (0.0, 0.0)] {
            for v in [x, y, 5.0f64] {
                b.extend_from_slice(&v.to_be_bytes());
            }
        }
        let Geometry::Polygon(p) = decode_wkb(&b).unwrap() else {
            panic!("not a polygon")
        };
        assert_eq!(p.exterior().0.len(), 4);
        assert_eq!(p.exterior().0[1], Coord { x: 1.0, y: 0.0 });
        // Multipoint of two.
        let mut m = vec![1u8];
        m.extend_from_slice(&4u32.to_le_bytes());
        m.extend_from_slice(&2u32.to_le_bytes());
        m.extend(le_point(1.0, 2.0));
        m.extend(le_point(3.0, 4.0));
        let Geometry::MultiPoint(mp) = decode_wkb(&m).unwrap() else {
            panic!("not a multipoint")
        };
        assert_eq!(mp.0.len(), 2);
    }

    #[test]
    fn hostile_bytes_are_errors_not_panics_or_huge_allocations() {
        assert!(matches!(decode_wkb(&[]), Err(WkbError::Truncated(0))));
        assert!(matches!(
            decode_wkb(&[7, 1, 0, 0, 0]),
            Err(WkbError::ByteOrder(7))
        ));
        let mut huge = vec![1u8];
        huge.extend_from_slice(&2u32.to_le_bytes());
        huge.extend_from_slice(&u32::MAX.to_le_bytes());
        assert!(matches!(decode_wkb(&huge), Err(WkbError::Count(_))));
        let mut curve = vec![1u8];
        curve.extend_from_slice(&8u32.to_le_bytes());
        assert!(matches!(decode_wkb(&curve), Err(WkbError::Type(8))));
        // Collections nested in themselves beyond the limit.
        let mut deep = Vec::new();
        for _ in 0..20 {
            deep.push(1u8);
            deep.extend_from_slice(&7u32.to_le_bytes());
            deep.extend_from_slice(&1u32.to_le_bytes());
        }
        deep.extend(le_point(0.0, 0.0));
        assert!(matches!(decode_wkb(&deep), Err(WkbError::TooDeep)));
    }

    #[test]
    fn the_encoder_round_trips_through_the_decoder() {
        use geo_types::{LineString, MultiPolygon, Polygon};
        let ring = |x: f64, y: f64, d: f64| {
            LineString::from(vec![(x, y), (x + d, y), (x + d, y + d), (x, y + d), (x, y)])
        };
        let shape = MultiPolygon(vec![
            Polygon::new(ring(18.0, 44.0, 0.01), vec![ring(18.002, 44.002, 0.001)]),
            Polygon::new(ring(18.1, 44.1, 0.02), vec![]),
        ]);
        let bytes = encode_multipolygon(&shape).unwrap();
        assert_eq!(decode_wkb(&bytes).unwrap(), Geometry::MultiPolygon(shape));
        let point = geo_types::Point::new(18.4, 43.8);
        assert_eq!(
            decode_wkb(&encode_point(point).unwrap()).unwrap(),
            Geometry::Point(point)
        );
        assert!(encode_point(geo_types::Point::new(f64::NAN, 1.0)).is_err());
    }
}
