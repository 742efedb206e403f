//! The first read of the app: the map's lands and every hazard report, read side by side.

use super::error::StoreError;
use super::hazard_reports::read_hazard_reports;
use super::store::Store;
use crate::domain::{HazardReport, MapLand};

impl Store {
    /// What the app shows first: the map's lands and every hazard report. The reports are read
    /// on a second connection while this one reads the lands (when a second connection can be
    /// opened; else one after the other).
    pub fn map_records(&self) -> Result<(Vec<MapLand>, Vec<HazardReport>), StoreError> {
        let Ok(reader) = super::open::open_reader(self.path()) else {
            return Ok((self.map_lands()?, self.hazard_reports()?));
        };
        std::thread::scope(|scope| {
            let reports = std::thread::Builder::new()
                .name("read-reports".to_owned())
                .spawn_scoped(scope, move || read_hazard_reports(&reader, "", []));
            let lands = self.map_lands()?;
            let reports = match reports.map(std::thread::ScopedJoinHandle::join) {
                Ok(Ok(reports)) => reports?,
                _ => self.hazard_reports()?,
            };
            Ok((lands, reports))
        })
    }
}
