//! Safeground: offline-first recording of hazard areas, hazard reports and clearance progress
//! for humanitarian mine action.
//!
//! Layers (ARCHITECTURE.md): [`domain`] (pure types and rules) ← [`geometry`] (survey maths) ←
//! [`storage`] (SQLite; the only module that talks to the database driver) and [`io`] (GeoJSON, CSV),
//! [`reports`] (figures, HTML, SVG) ← [`exports`] (every file that leaves the store, logged) ← [`app`],
//! [`cli`]; [`ui`] draws and sends commands to [`app`].

pub mod app;
pub mod basemap;
pub mod check;
pub mod cli;
pub mod domain;
pub mod exports;
pub mod geometry;
pub mod i18n;
pub mod io;
pub mod reports;
pub mod session;
pub mod storage;
pub mod synthetic;
pub mod ui;
