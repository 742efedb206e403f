//! Safeground: offline-first recording of hazard areas, hazard reports and clearance progress
//! for humanitarian mine action.
//!
//! Layers (ARCHITECTURE.md): [`domain`] (pure types and rules) ← [`geometry`] (survey maths) ←
//! [`storage`] (SQLite, the only place that names rusqlite) and [`io`] (GeoJSON, CSV) ← [`cli`].

pub mod domain;
