//! Who works, where and on which device: what the desktop app and the CLI both need before
//! they open a store, in one GUI-free place (the composition root, `main.rs`, chooses which of
//! the two runs).
//!
//! - The acting person: `$SAFEGROUND_USER`, else the login name (`$USER`, `$USERNAME`).
//! - The device: the host name ([`gethostname`]).
//! - The data folder: the platform's ([`directories`]): `$XDG_DATA_HOME/safeground` on Linux,
//!   `~/Library/Application Support/safeground` on macOS, `%APPDATA%\safeground\data` on
//!   Windows; the default store is `safeground.sqlite` in it.
//! - The cache folder for online map tiles.
//! - The embedded demo programme and the file it is loaded into.

use std::path::PathBuf;

use crate::domain::Actor;

/// The demo programme (the `sample_surveys` GeoJSON), embedded so `demo` works from any folder.
pub const DEMO_PROGRAMME: &str = include_str!("../sample_surveys/programme.geojson");

/// The demo programme's own store file, beside the store that was open when it was asked for.
pub const DEMO_STORE_FILE: &str = "safeground-demo.sqlite";

/// The default store's file name in the data folder.
pub const DEFAULT_STORE_FILE: &str = "safeground.sqlite";

/// Why the store's place could not be decided.
#[derive(Debug, thiserror::Error)]
pub enum SessionError {
    /// No home folder: the platform's data folder is unknown.
    #[error("cannot find a data directory (HOME is not set); pass --db PATH")]
    NoDataFolder,
    /// `--user` is not a usable name.
    #[error("--user: give the person's name (1 to 100 characters, no control characters)")]
    BadUser,
    /// The data folder could not be made.
    #[error("cannot create the data directory {}: {}", path.display(), crate::io::output::describe_io(source))]
    DataFolder {
        /// The folder.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
}

/// The store to open and whether the person named it (`--db` or `$SAFEGROUND_DB`) rather than
/// taking the default: a named store that does not exist is asked about before it is created.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoreChoice {
    /// The store file.
    pub path: PathBuf,
    /// Named by the person, not the default.
    pub given: bool,
}

/// The store path: `--db`, else `$SAFEGROUND_DB`, else [`DEFAULT_STORE_FILE`] in the data folder
/// (created when missing).
pub fn choose_store(db: Option<PathBuf>) -> Result<StoreChoice, SessionError> {
    if let Some(path) = db {
        return Ok(StoreChoice { path, given: true });
    }
    if let Some(p) = std::env::var_os("SAFEGROUND_DB").filter(|p| !p.is_empty()) {
        return Ok(StoreChoice {
            path: PathBuf::from(p),
            given: true,
        });
    }
    let dir = data_folder().ok_or(SessionError::NoDataFolder)?;
    std::fs::create_dir_all(&dir).map_err(|source| SessionError::DataFolder {
        path: dir.clone(),
        source,
    })?;
    Ok(StoreChoice {
        path: dir.join(DEFAULT_STORE_FILE),
        given: false,
    })
}

/// The platform's data folder for Safeground, when the platform has one.
pub fn data_folder() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "safeground").map(|d| d.data_dir().to_owned())
}

/// Where online map tiles are cached (`$XDG_CACHE_HOME/safeground/tiles` on Linux).
pub fn tile_cache_folder() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "safeground").map(|d| d.cache_dir().join("tiles"))
}

/// Who is working and on which device: `$SAFEGROUND_USER`, `$USER` or `$USERNAME` ("unknown"
/// when none is set), and the host name ("unknown-device" when it has none).
pub fn current_actor() -> Actor {
    let who = ["SAFEGROUND_USER", "USER", "USERNAME"]
        .iter()
        .find_map(|k| std::env::var(k).ok().filter(|v| !v.trim().is_empty()))
        .unwrap_or_else(|| "unknown".to_owned());
    Actor::new(who, device_name())
}

/// The acting person of a CLI command: `--user NAME`, else [`current_actor`]. A name that is
/// blank, longer than 100 characters or holds control or bidirectional characters is refused.
pub fn acting_person(user: Option<&str>) -> Result<Actor, SessionError> {
    let Some(name) = user else {
        return Ok(current_actor());
    };
    let name = name.trim();
    let bad = name.is_empty()
        || name.chars().count() > 100
        || name
            .chars()
            .any(|c| c.is_control() || crate::domain::is_bidi_control(c));
    if bad {
        return Err(SessionError::BadUser);
    }
    Ok(Actor::new(name, device_name()))
}

/// The device's name: the host name, trimmed; "unknown-device" when it is empty.
pub fn device_name() -> String {
    let name = gethostname::gethostname();
    let name = name.to_string_lossy();
    let name = name.trim();
    if name.is_empty() {
        "unknown-device".to_owned()
    } else {
        name.to_owned()
    }
}

/// Today's date (UTC): the default date of information of a new record and of an import.
pub fn today() -> time::Date {
    time::OffsetDateTime::now_utc().date()
}

/// The computer's offset from UTC, read once at start (before any thread exists: reading it
/// later is refused by the `time` crate on Unix); UTC when it cannot be read.
static LOCAL_OFFSET: std::sync::OnceLock<time::UtcOffset> = std::sync::OnceLock::new();

/// Reads the local offset; call first thing in `main`, before threads start.
pub fn capture_local_offset() {
    let offset = time::UtcOffset::current_local_offset().unwrap_or(time::UtcOffset::UTC);
    if LOCAL_OFFSET.set(offset).is_err() {
        // Already read.
    }
}

/// The local offset read at start (UTC if it was not).
pub fn local_offset() -> time::UtcOffset {
    LOCAL_OFFSET.get().copied().unwrap_or(time::UtcOffset::UTC)
}

/// A time as people read it: local time, then UTC — `2026-12-05 10:31 (09:31 UTC)`, or
/// `2026-12-05 09:31 UTC` where local time is UTC.
pub fn local_and_utc(at: time::OffsetDateTime) -> String {
    let fmt = time::macros::format_description!("[year]-[month]-[day] [hour]:[minute]");
    let hm = time::macros::format_description!("[hour]:[minute]");
    let offset = local_offset();
    let utc = at.to_offset(time::UtcOffset::UTC);
    if offset == time::UtcOffset::UTC {
        return format!("{} UTC", utc.format(fmt).unwrap_or_default());
    }
    let local = at.to_offset(offset);
    format!(
        "{} ({} UTC)",
        local.format(fmt).unwrap_or_default(),
        utc.format(hm).unwrap_or_default()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_named_store_is_given_and_the_actor_has_a_device() {
        let choice = choose_store(Some(PathBuf::from("/tmp/x.sqlite"))).unwrap();
        assert!(choice.given);
        assert_eq!(choice.path, PathBuf::from("/tmp/x.sqlite"));
        let actor = current_actor();
        assert!(!actor.device.trim().is_empty());
        assert!(!actor.who.trim().is_empty());
        assert!(DEMO_PROGRAMME.contains("FeatureCollection"));
    }
}
