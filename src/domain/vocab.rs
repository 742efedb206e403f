//! Controlled vocabularies of mine action (domain.md §1.3, §1.4, §2.4, §3.1).
//!
//! Every enum has a stable machine `code` (used in SQL, GeoJSON and CSV), a human `label`
//! (used in the UI and reports) and a lenient `parse` that accepts the code, the label and
//! common spellings, case-insensitively.

use std::fmt;

/// Declares a vocabulary enum with codes, labels, extra accepted spellings, `Display`, serde and parsing.
macro_rules! vocabulary {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident => ($code:literal, $label:literal $(, $alias:literal)*) ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $( $(#[$vmeta])* $variant ),+
        }

        impl $name {
            /// Every value, in display order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The stable machine code (SQL, GeoJSON, CSV).
            ///
            /// # Examples
            /// ```
            #[doc = concat!("use safeground::domain::", stringify!($name), ";")]
            #[doc = concat!("let first = ", stringify!($name), "::ALL[0];")]
            #[doc = concat!("assert_eq!(", stringify!($name), "::from_code(first.code()), Some(first));")]
            /// ```
            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }

            /// The label shown to people.
            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label),+ }
            }

            /// The id of the label's message in the message files (`assets/i18n/*.ftl`):
            /// `vocab-<Type>-<code>`.
            pub fn label_id(self) -> &'static str {
                match self { $($name::$variant => concat!("vocab-", stringify!($name), "-", $code)),+ }
            }

            /// Exact lookup by machine code.
            pub fn from_code(code: &str) -> Option<Self> {
                match code { $($code => Some($name::$variant),)+ _ => None }
            }

            /// Lenient lookup: the code, the label or a common spelling, ignoring case,
            /// spaces, hyphens and underscores.
            pub fn parse(text: &str) -> Option<Self> {
                let key = normalise_key(text);
                if key.is_empty() {
                    return None;
                }
                $(
                    if key == normalise_key($code)
                        || key == normalise_key($label)
                        $(|| key == normalise_key($alias))*
                    {
                        return Some($name::$variant);
                    }
                )+
                None
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.label())
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.code())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let text = <std::borrow::Cow<'de, str> as serde::Deserialize>::deserialize(d)?;
                // Our own files and the store hold exact codes: look those up first.
                if let Some(value) = $name::from_code(&text) {
                    return Ok(value);
                }
                $name::parse(&text).ok_or_else(|| {
                    let allowed: Vec<&str> = $name::ALL.iter().map(|v| v.code()).collect();
                    serde::de::Error::custom(format!(
                        "unknown {} '{}' (expected one of: {})",
                        stringify!($name), text, allowed.join(", ")
                    ))
                })
            }
        }
    };
}

/// Lower-cases and strips spaces, hyphens, underscores, dots, slashes and brackets, for lenient
/// matching of vocabulary values and foreign property names.
///
/// # Examples
/// ```
/// assert_eq!(safeground::domain::normalise_key("Area_Type"), "areatype");
/// ```
pub fn normalise_key(text: &str) -> String {
    text.chars()
        .filter(|c| !matches!(c, ' ' | '-' | '_' | '.' | '/' | '(' | ')'))
        .flat_map(char::to_lowercase)
        .collect()
}

vocabulary! {
    /// Land classification (IMSMA NG; domain.md §1.3).
    pub enum Classification {
        /// An indication of contamination not yet surveyed.
        Indication => ("indication", "Indication"),
        /// Suspected hazardous area.
        Sha => ("sha", "SHA", "suspected hazardous area", "suspected", "suspected area", "suspected minefield"),
        /// Confirmed hazardous area.
        Cha => ("cha", "CHA", "confirmed hazardous area", "confirmed", "confirmed area", "minefield", "confirmed minefield", "dha"),
        /// Ammunition storage or stockpile.
        AmmunitionStorage => ("ammunition_storage", "Ammunition storage", "stockpile", "ammunition stockpile"),
        /// EOD spot task.
        EodSpotTask => ("eod_spot_task", "EOD spot task", "eod spot", "eod"),
    }
}

vocabulary! {
    /// The role of the person recording (SPEC §1, C9): who may approve.
    pub enum Role {
        /// A survey team member or team leader: records and submits.
        Surveyor => ("surveyor", "Surveyor", "team leader", "deminer"),
        /// An information management officer: validates, approves or returns.
        ImOfficer => ("im_officer", "IM officer", "information management officer", "im"),
        /// A coordinator: reads the programme, submits and exports.
        Coordinator => ("coordinator", "Coordinator", "operations"),
    }
}

vocabulary! {
    /// Land status (IMSMA NG, plus Handed over from the GICHD Minimum Data Requirements).
    pub enum LandStatus {
        /// Recorded, no work yet (maXML base term `Active`).
        Open => ("open", "Open", "active"),
        /// Technical survey or clearance under way.
        WorkedOn => ("worked_on", "Worked on", "in progress", "ongoing"),
        /// All area released.
        Closed => ("closed", "Closed", "released", "cleared", "cancelled", "completed"),
        /// Released land formally handed over to its users.
        HandedOver => ("handed_over", "Handed over", "handover"),
    }
}

vocabulary! {
    /// Evidence of contamination (IMSMA NG standard values).
    pub enum EvidenceOfContamination {
        /// Direct evidence (detonations, accidents at known places, visual observation …).
        Direct => ("direct", "Direct"),
        /// Indirect evidence (old surveys, former combat zones, unused productive land …).
        Indirect => ("indirect", "Indirect"),
        /// No evidence.
        None => ("none", "None"),
        /// Not specified.
        NotSpecified => ("not_specified", "Not specified", "unknown"),
    }
}

vocabulary! {
    /// How an evidence item was learned (Syria HA form).
    pub enum SourceModality {
        /// Seen by the survey team.
        Visual => ("visual", "Visual observation", "seen"),
        /// Told by an informant.
        Verbal => ("verbal", "Verbal information", "told", "interview"),
        /// From former records (maps, reports, databases).
        Records => ("records", "Former records", "record", "documents"),
    }
}

vocabulary! {
    /// Hazard types present in a land (C1).
    pub enum HazardType {
        /// Anti-personnel mines.
        ApMines => ("ap_mines", "AP mines", "apm", "anti personnel mines", "landmine anti personnel"),
        /// Anti-tank / anti-vehicle mines.
        AtMines => ("at_mines", "AT mines", "atm", "av mines", "anti tank mines", "anti vehicle mines"),
        /// Cluster munition remnants.
        ClusterMunitionRemnants => ("cmr", "Cluster munition remnants", "cluster munitions", "submunitions"),
        /// Unexploded ordnance.
        Uxo => ("uxo", "UXO", "unexploded ordnance"),
        /// Abandoned explosive ordnance.
        Axo => ("axo", "AXO", "abandoned ordnance"),
        /// Improvised explosive devices.
        Ied => ("ied", "IED", "improvised explosive device"),
        /// Booby traps.
        BoobyTraps => ("booby_traps", "Booby traps", "booby trap"),
    }
}

vocabulary! {
    /// Explosive ordnance category of an item found or reported (domain.md §2.4).
    pub enum EoCategory {
        /// Anti-personnel mine.
        ApMine => ("ap_mine", "AP mine", "apm", "anti personnel mine"),
        /// Anti-tank / anti-vehicle mine.
        AtMine => ("at_mine", "AT mine", "atm", "av mine", "anti tank mine"),
        /// Cluster munition remnant / submunition.
        Cmr => ("cmr", "Cluster munition remnant", "submunition", "cluster munition"),
        /// Unexploded ordnance.
        Uxo => ("uxo", "UXO"),
        /// Abandoned explosive ordnance.
        Axo => ("axo", "AXO"),
        /// Improvised explosive device.
        Ied => ("ied", "IED"),
        /// Booby trap.
        BoobyTrap => ("booby_trap", "Booby trap"),
        /// Small arms ammunition.
        Saa => ("saa", "Small arms ammunition"),
        /// Anything else.
        Other => ("other", "Other"),
    }
}

vocabulary! {
    /// Activity types linked to a land (C5; IMSMA NG activity types).
    pub enum ActivityKind {
        /// Non-technical survey; may cancel area.
        Nts => ("nts", "Non-technical survey", "non technical survey"),
        /// Technical survey; may reduce area.
        TechnicalSurvey => ("ts", "Technical survey", "technical survey"),
        /// Clearance; clears area.
        Clearance => ("clearance", "Clearance"),
        /// Battle area clearance; clears area.
        Bac => ("bac", "Battle area clearance", "battle area clearance"),
        /// EOD spot task.
        EodSpotTask => ("eod_spot_task", "EOD spot task", "eod"),
        /// Progress report of TS or clearance.
        ProgressReport => ("progress_report", "Progress report", "progress"),
        /// Cancellation report (NTS outcome).
        CancellationReport => ("cancellation_report", "Cancellation report", "cancellation"),
        /// Completion report; closes the land.
        CompletionReport => ("completion_report", "Completion report", "completion"),
        /// Handover certificate; hands the land over.
        HandoverCertificate => ("handover_certificate", "Handover certificate", "handover"),
        /// Post-clearance inspection (QC).
        PostClearanceInspection => ("post_clearance_inspection", "Post-clearance inspection", "post clearance", "qc"),
    }
}

vocabulary! {
    /// Method used by an activity.
    pub enum Method {
        /// Manual deminers.
        Manual => ("manual", "Manual"),
        /// Mechanical assets.
        Mechanical => ("mechanical", "Mechanical"),
        /// Mine detection dogs.
        Mdd => ("mdd", "Mine detection dogs", "dogs"),
        /// Another method or a combination.
        Other => ("other", "Other", "combined"),
    }
}

vocabulary! {
    /// What happened to a device found.
    pub enum Disposal {
        /// Destroyed in situ.
        DestroyedInSitu => ("destroyed_in_situ", "Destroyed in situ", "destroyed"),
        /// Removed and destroyed elsewhere.
        RemovedDestroyed => ("removed_destroyed", "Removed and destroyed", "removed"),
        /// Handed to the authority / police.
        HandedOver => ("handed_over", "Handed over"),
        /// Not disposed of yet.
        Pending => ("pending", "Pending"),
    }
}

vocabulary! {
    /// Priority given to a land.
    pub enum Priority {
        /// High priority.
        High => ("high", "High", "1"),
        /// Medium priority.
        Medium => ("medium", "Medium", "2"),
        /// Low priority.
        Low => ("low", "Low", "3"),
    }
}

vocabulary! {
    /// Status of a hazard report (C4).
    pub enum HazardReportStatus {
        /// Reported, not yet visited.
        Reported => ("reported", "Reported"),
        /// Verified by a team.
        Verified => ("verified", "Verified"),
        /// Destroyed or removed.
        DestroyedRemoved => ("destroyed_removed", "Destroyed / removed", "destroyed", "removed"),
        /// Visited, nothing found.
        NoItemFound => ("no_item_found", "No item found", "nothing found"),
    }
}

vocabulary! {
    /// Condition of a reported item.
    pub enum ItemCondition {
        /// Looks intact.
        Intact => ("intact", "Intact"),
        /// Damaged or corroded.
        Damaged => ("damaged", "Damaged", "corroded"),
        /// Partly exploded / fragments.
        Fragments => ("fragments", "Fragments", "partly exploded"),
        /// Unknown.
        Unknown => ("unknown", "Unknown"),
    }
}

vocabulary! {
    /// Type of a survey point (domain.md §3.1).
    pub enum PointKind {
        /// Reference point / landmark outside the area.
        Reference => ("reference", "Reference point", "landmark"),
        /// Benchmark near the area.
        Benchmark => ("benchmark", "Benchmark", "bm"),
        /// First turning point of the perimeter.
        Start => ("start", "Start point", "datum point"),
        /// Perimeter turning point.
        Turning => ("turning", "Turning point", "tp"),
        /// Marker between turning points more than 50 m apart.
        Intermediate => ("intermediate", "Intermediate point", "ip"),
        /// Last turning point.
        End => ("end", "End point"),
        /// Where evidence was found.
        Evidence => ("evidence", "Evidence point"),
        /// Verified target, intended target or firing point.
        Usage => ("usage", "Usage point"),
    }
}

impl PointKind {
    /// Whether points of this kind are vertices of the land's perimeter.
    ///
    /// # Examples
    /// ```
    /// use safeground::domain::PointKind;
    /// assert!(PointKind::Turning.is_perimeter());
    /// assert!(!PointKind::Benchmark.is_perimeter());
    /// ```
    pub fn is_perimeter(self) -> bool {
        matches!(
            self,
            Self::Start | Self::Turning | Self::Intermediate | Self::End
        )
    }
}

vocabulary! {
    /// Validation workflow state of a record (C9).
    pub enum ValidationState {
        /// Being edited by its team.
        Draft => ("draft", "Draft"),
        /// Sent for validation.
        Submitted => ("submitted", "Submitted"),
        /// Approved by the IM officer.
        Approved => ("approved", "Approved", "validated"),
        /// Returned to the team with a comment.
        Returned => ("returned", "Returned", "rejected"),
    }
}

vocabulary! {
    /// Unit a bearing was read in.
    pub enum BearingUnit {
        /// Degrees, 360 to the circle.
        Degrees => ("deg", "Degrees", "degree", "°"),
        /// NATO mils, 6400 to the circle.
        Mils => ("mil", "Mils", "mils", "nato mils"),
    }
}

vocabulary! {
    /// North reference of a bearing.
    pub enum NorthReference {
        /// Magnetic north (compass).
        Magnetic => ("magnetic", "Magnetic", "mag"),
        /// True (geographic) north.
        True => ("true", "True", "geographic"),
        /// UTM grid north.
        Grid => ("grid", "Grid"),
    }
}

vocabulary! {
    /// Instrument used to measure a traverse leg.
    pub enum Instrument {
        /// Hand compass and tape.
        CompassTape => ("compass_tape", "Compass and tape", "compass"),
        /// Laser rangefinder with compass.
        LaserRangefinder => ("laser_rangefinder", "Laser rangefinder", "laser"),
        /// Total station / theodolite.
        TotalStation => ("total_station", "Total station", "theodolite"),
        /// Other or unknown.
        Other => ("other", "Other"),
    }
}

vocabulary! {
    /// The kind of record an audit entry is about.
    pub enum EntityKind {
        /// A land (hazard area).
        Land => ("land", "Land"),
        /// An activity.
        Activity => ("activity", "Activity"),
        /// A hazard report.
        HazardReport => ("hazard_report", "Hazard report"),
        /// The store itself (imports, migrations).
        Store => ("store", "Store"),
    }
}

vocabulary! {
    /// What an audit entry records.
    pub enum AuditAction {
        /// The record was created.
        Create => ("create", "Created"),
        /// A field changed.
        Update => ("update", "Updated"),
        /// The record was deleted (soft delete: the row stays, marked deleted).
        Delete => ("delete", "Deleted"),
        /// A workflow transition (submit, approve, return).
        Workflow => ("workflow", "Workflow"),
        /// An import into the store.
        Import => ("import", "Imported"),
        /// The record was voided with a reason (soft: kept, marked void, left out of every figure).
        Void => ("void", "Voided"),
    }
}

vocabulary! {
    /// The notation a coordinate was entered or is displayed in (domain.md §3.3).
    pub enum CoordFormat {
        /// Decimal degrees, latitude first: `43.856300, 18.413100`.
        Dd => ("dd", "DD", "decimal degrees"),
        /// Degrees, minutes, seconds: `43°51'22.68"N 18°24'47.16"E`.
        Dms => ("dms", "DMS"),
        /// Degrees and decimal minutes: `43°51.3780'N 18°24.7860'E`.
        Ddm => ("ddm", "DDM", "dm"),
        /// UTM zone, band, easting, northing: `34T 292095 4859166`.
        Utm => ("utm", "UTM"),
        /// Military Grid Reference System at 1 m: `34TBP9209459165`.
        Mgrs => ("mgrs", "MGRS"),
    }
}

impl EoCategory {
    /// A one- or two-letter symbol drawn inside a hazard report's marker on maps.
    ///
    /// # Examples
    /// ```
    /// use safeground::domain::EoCategory;
    /// assert_eq!(EoCategory::ApMine.symbol(), "AP");
    /// ```
    pub fn symbol(self) -> &'static str {
        match self {
            Self::ApMine => "AP",
            Self::AtMine => "AT",
            Self::Cmr => "C",
            Self::Uxo => "U",
            Self::Axo => "A",
            Self::Ied => "I",
            Self::BoobyTrap => "B",
            Self::Saa => "S",
            Self::Other => "?",
        }
    }
}

vocabulary! {
    /// Who an export is for (C10). The profile decides what is redacted; see the module table.
    pub enum ExportProfile {
        /// Internal: everything, for the programme's own information management.
        Full => ("full", "Full (internal)"),
        /// The national mine action authority: operational data, without landowner or dispute details.
        Authority => ("authority", "National authority"),
        /// A donor: no personal data, no narratives, sensitive locations generalised.
        Donor => ("donor", "Donor"),
        /// The public: as donor, and small counts of people suppressed and unsafe records left out.
        Public => ("public", "Public"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lenient_parse_accepts_codes_labels_and_aliases() {
        assert_eq!(
            Classification::parse("Suspected Minefield"),
            Some(Classification::Sha)
        );
        assert_eq!(Classification::parse("cha"), Some(Classification::Cha));
        assert_eq!(LandStatus::parse("Worked-on"), Some(LandStatus::WorkedOn));
        assert_eq!(
            ActivityKind::parse("TS"),
            Some(ActivityKind::TechnicalSurvey)
        );
        assert_eq!(Classification::parse(""), None);
        assert_eq!(Classification::parse("banana"), None);
    }

    #[test]
    fn serde_uses_codes_and_reports_unknown_values() {
        let json = serde_json::to_string(&LandStatus::WorkedOn).unwrap();
        assert_eq!(json, "\"worked_on\"");
        let err = serde_json::from_str::<LandStatus>("\"mystery\"").unwrap_err();
        assert!(
            err.to_string().contains("unknown LandStatus 'mystery'"),
            "{err}"
        );
    }
}
