//! **The one way Safeground writes a file** (issue 12): exports, reports and their CSVs, backups,
//! and every later output go through [`OutputSet`]. Nothing else in `src/` creates or renames an
//! output file (a test greps for it).
//!
//! What it guarantees, for a set of one or more files written together:
//!
//! - **Never onto the store.** A target that *is* the open store or one of its companions
//!   (`-wal`, `-shm`, `-journal`) is refused, judged by file identity (device and inode) when the
//!   file exists and by the canonical path when it does not, so symbolic links, hard links and
//!   `../` paths are caught.
//! - **Never replaces a file unless asked** ([`Replace::Allowed`]: `--overwrite` on the CLI, a
//!   confirmation in the app's picker), and **never replaces a non-regular file** at all: a
//!   directory, FIFO, device node, socket or symbolic link as a target is refused, with or
//!   without `--overwrite`.
//! - **All or nothing.** Every file is written to a temporary name beside its target
//!   (`.<name>.sg-partial`), flushed and synced; only when all are complete are they renamed into
//!   place. A multi-file output first writes a commit note (`.<first name>.sg-commit`) listing
//!   the renames, so that a kill between two renames is finished by the next run in that folder
//!   ([`recover_folder`]); the note is removed once every rename is done.
//! - **Cleans up.** Temporary files are removed on error and on drop; a temporary file left by a
//!   killed run is removed (or, with its commit note, renamed into place) by the next output to
//!   that folder.

use std::ffi::{OsStr, OsString};
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Whether an output may replace an existing regular file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Replace {
    /// Refuse when a file of that name exists (the default).
    #[default]
    Never,
    /// The user said so (`--overwrite`, or confirmed in the app).
    Allowed,
}

impl Replace {
    /// `Allowed` when `overwrite` is true.
    pub fn from_flag(overwrite: bool) -> Self {
        if overwrite {
            Self::Allowed
        } else {
            Self::Never
        }
    }
}

/// The files an output must never touch: the open store and its SQLite companions.
#[derive(Debug, Clone, Default)]
pub struct Protected {
    /// (device, inode) of each protected file that exists.
    identities: Vec<(u64, u64)>,
    /// Canonical paths of each protected file, existing or not.
    paths: Vec<PathBuf>,
}

/// The SQLite companions of a database file.
pub const SQLITE_COMPANIONS: [&str; 3] = ["-wal", "-shm", "-journal"];

impl Protected {
    /// Nothing protected (outputs of a command that has no store open).
    pub fn none() -> Self {
        Self::default()
    }

    /// The store at `store` and its `-wal`, `-shm` and `-journal` files.
    pub fn store(store: &Path) -> Self {
        let mut protected = Self::default();
        protected.add_database(store);
        protected
    }

    /// Adds a database file and its companions.
    pub fn add_database(&mut self, file: &Path) {
        let mut all = vec![file.to_owned()];
        all.extend(SQLITE_COMPANIONS.iter().map(|s| with_suffix(file, s)));
        for f in all {
            if let Some(id) = identity(&f) {
                self.identities.push(id);
            }
            if let Some(p) = canonical_target(&f) {
                self.paths.push(p);
            }
        }
    }

    /// Whether `target` is (or would be) one of the protected files.
    pub fn covers(&self, target: &Path) -> bool {
        if let Some(id) = identity(target)
            && self.identities.contains(&id)
        {
            return true;
        }
        canonical_target(target).is_some_and(|p| self.paths.contains(&p))
    }
}

/// Why an output cannot be written. Each message names the file and says what to do.
#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    /// The target is the open store or one of its companion files.
    #[error(
        "{} is the store itself (or its journal); writing there would destroy it. Choose another file name",
        .0.display()
    )]
    IsStore(PathBuf),
    /// A file of that name exists and replacing was not asked for.
    #[error(
        "{} already exists; choose another name, or replace it with --overwrite (in the app: confirm the replacement)",
        .0.display()
    )]
    Exists(PathBuf),
    /// The target exists and is not a regular file.
    #[error("{} is {kind}, not a regular file; Safeground only writes regular files. Choose a file name", path.display())]
    NotRegular {
        /// The target.
        path: PathBuf,
        /// What it is, in words ("a directory", "a FIFO", …).
        kind: &'static str,
    },
    /// The folder does not exist.
    #[error("the folder {} does not exist; create it first or choose another folder", .0.display())]
    NoFolder(PathBuf),
    /// The path names no file.
    #[error("'{}' is not a file name", .0.display())]
    NotAFileName(PathBuf),
    /// The same file twice in one output.
    #[error("{} would be written twice by one export; choose another name", .0.display())]
    Twice(PathBuf),
    /// The operating system refused (permissions, full disk, read-only medium…).
    #[error("cannot write {}: {}", path.display(), describe_io(error))]
    Io {
        /// The file.
        path: PathBuf,
        /// What the OS said (said in words by the message, so not a `source`).
        error: io::Error,
    },
}

/// Creates the folder `name` in `parent` (the file picker's "Create folder"): one plain name,
/// no path separators, nothing that exists already.
pub fn create_folder(parent: &Path, name: &str) -> Result<PathBuf, OutputError> {
    let name = name.trim();
    if name.is_empty()
        || name == "."
        || name == ".."
        || name.contains(['/', '\\'])
        || name.contains('\n')
    {
        return Err(OutputError::NotAFileName(PathBuf::from(name)));
    }
    let path = parent.join(name);
    fs::create_dir(&path).map_err(|error| OutputError::Io {
        path: path.clone(),
        error,
    })?;
    Ok(path)
}

/// A short sentence for an OS error, with what to do for the common ones.
pub fn describe_io(e: &io::Error) -> String {
    match e.raw_os_error() {
        Some(28) => "the disk is full; free some space or choose another disk".to_owned(),
        Some(30) => "the disk or folder is read-only; choose another folder".to_owned(),
        Some(13 | 1) => "permission denied; choose a folder you can write to".to_owned(),
        Some(122) => "the disk quota is exceeded; free some space".to_owned(),
        _ => e.to_string(),
    }
}

/// One file of an output: its final name and the temporary file written first.
#[derive(Debug)]
struct Pending {
    target: PathBuf,
    temp: PathBuf,
}

/// A set of files written together, all or nothing (see the module documentation).
#[derive(Debug)]
#[must_use = "an OutputSet writes nothing under the final names until commit()"]
pub struct OutputSet {
    files: Vec<Pending>,
    protected: Protected,
    replace: Replace,
    committed: bool,
}

impl OutputSet {
    /// Checks every target before anything is written (see the module documentation), finishes
    /// or removes what a killed run left in the targets' folders, and reserves a temporary name
    /// for each target.
    pub fn prepare(
        targets: &[PathBuf],
        protected: &Protected,
        replace: Replace,
    ) -> Result<Self, OutputError> {
        let mut files: Vec<Pending> = Vec::with_capacity(targets.len());
        for target in targets {
            let name = target
                .file_name()
                .filter(|n| !n.is_empty() && !n.as_encoded_bytes().contains(&b'\n'))
                .ok_or_else(|| OutputError::NotAFileName(target.clone()))?;
            let folder = folder_of(target);
            if !folder.is_dir() {
                return Err(OutputError::NoFolder(folder.to_owned()));
            }
            recover_folder(folder);
            check_target(target, protected, replace)?;
            if files
                .iter()
                .any(|f| canonical_target(&f.target) == canonical_target(target))
            {
                return Err(OutputError::Twice(target.clone()));
            }
            let temp = folder.join(temp_name(name));
            remove_stale(&temp).map_err(|source| OutputError::Io {
                path: target.clone(),
                error: source,
            })?;
            files.push(Pending {
                target: target.clone(),
                temp,
            });
        }
        Ok(Self {
            files,
            protected: protected.clone(),
            replace,
            committed: false,
        })
    }

    /// One file, prepared (see [`OutputSet::prepare`]).
    pub fn single(
        target: &Path,
        protected: &Protected,
        replace: Replace,
    ) -> Result<Self, OutputError> {
        Self::prepare(&[target.to_owned()], protected, replace)
    }

    /// The temporary file for target `index`, for writers that need a path (SQLite). It does not
    /// exist yet; the writer must create it.
    pub fn temp_path(&self, index: usize) -> &Path {
        self.files.get(index).map_or(Path::new(""), |f| &f.temp)
    }

    /// The final name of target `index`.
    pub fn target(&self, index: usize) -> &Path {
        self.files.get(index).map_or(Path::new(""), |f| &f.target)
    }

    /// Writes target `index`'s temporary file through a buffered writer, then flushes and syncs
    /// it. `E` is the caller's error type.
    pub fn write<E: From<OutputError>>(
        &self,
        index: usize,
        write: impl FnOnce(&mut dyn Write) -> Result<(), E>,
    ) -> Result<(), E> {
        let Some(file) = self.files.get(index) else {
            return Err(OutputError::NotAFileName(PathBuf::new()).into());
        };
        let io_error = |source| OutputError::Io {
            path: file.target.clone(),
            error: source,
        };
        let handle = fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&file.temp)
            .map_err(io_error)?;
        let mut writer = io::BufWriter::with_capacity(1 << 16, handle);
        write(&mut writer)?;
        let handle = writer.into_inner().map_err(|e| io_error(e.into_error()))?;
        handle.sync_all().map_err(io_error)?;
        Ok(())
    }

    /// Renames every temporary file to its final name, all or nothing (a commit note makes a
    /// kill between two renames finish at the next run), and syncs the folder. Targets are
    /// checked again first, so a file that appeared meanwhile is not replaced unasked.
    pub fn commit(mut self) -> Result<Vec<PathBuf>, OutputError> {
        for f in &self.files {
            check_target(&f.target, &self.protected, self.replace)?;
            let meta = fs::symlink_metadata(&f.temp).map_err(|source| OutputError::Io {
                path: f.target.clone(),
                error: source,
            })?;
            if !meta.is_file() {
                return Err(OutputError::NotRegular {
                    path: f.temp.clone(),
                    kind: kind_of(&meta),
                });
            }
        }
        let note = if self.files.len() > 1 {
            Some(self.write_commit_note()?)
        } else {
            None
        };
        for f in &self.files {
            if let Err(source) = fs::rename(&f.temp, &f.target) {
                // With a note, the next run finishes the renames; without one nothing was renamed.
                return Err(OutputError::Io {
                    path: f.target.clone(),
                    error: source,
                });
            }
        }
        self.committed = true;
        let mut folders: Vec<&Path> = self.files.iter().map(|f| folder_of(&f.target)).collect();
        folders.dedup();
        for folder in folders {
            sync_folder(folder);
        }
        if let Some(note) = note
            && fs::remove_file(&note).is_ok()
        {
            sync_folder(folder_of(&note));
        }
        Ok(self.files.iter().map(|f| f.target.clone()).collect())
    }

    /// Writes `.<first name>.sg-commit`: one target file name per line, all in the first
    /// target's folder (multi-file outputs are siblings).
    fn write_commit_note(&self) -> Result<PathBuf, OutputError> {
        let first = &self.files[0].target;
        let folder = folder_of(first);
        let io_error = |source| OutputError::Io {
            path: first.clone(),
            error: source,
        };
        if self.files.iter().any(|f| folder_of(&f.target) != folder) {
            return Err(io_error(io::Error::other(
                "the files of one output must be in one folder",
            )));
        }
        let note = folder.join(note_name(first.file_name().unwrap_or_default()));
        let mut text = Vec::new();
        for f in &self.files {
            text.extend_from_slice(f.target.file_name().unwrap_or_default().as_encoded_bytes());
            text.push(b'\n');
        }
        remove_stale(&note).map_err(io_error)?;
        let mut handle = fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&note)
            .map_err(io_error)?;
        handle.write_all(&text).map_err(io_error)?;
        handle.sync_all().map_err(io_error)?;
        sync_folder(folder);
        Ok(note)
    }
}

impl Drop for OutputSet {
    /// Removes the temporary files (and any SQLite companions of them) unless committed.
    fn drop(&mut self) {
        if self.committed {
            return;
        }
        for f in &self.files {
            remove_temp(&f.temp);
        }
    }
}

/// Finishes what a killed output left in `folder`: a commit note's renames are completed (its
/// temporary files renamed into place), then the note is removed; temporary files without a note
/// are removed. Errors are ignored (a leftover is retried at the next run).
pub fn recover_folder(folder: &Path) {
    let Ok(entries) = fs::read_dir(folder) else {
        return;
    };
    let names: Vec<OsString> = entries
        .filter_map(|e| e.ok().map(|e| e.file_name()))
        .collect();
    for name in &names {
        let bytes = name.as_encoded_bytes();
        if !(bytes.starts_with(b".") && bytes.ends_with(NOTE_SUFFIX.as_bytes())) {
            continue;
        }
        let note = folder.join(name);
        if let Ok(text) = fs::read(&note) {
            for target in text.split(|b| *b == b'\n').filter(|l| !l.is_empty()) {
                // SAFETY-free: the bytes were written from an OsStr by write_commit_note.
                let target = os_str_from_bytes(target);
                let temp = folder.join(temp_name(&target));
                if fs::symlink_metadata(&temp).is_ok_and(|m| m.is_file()) {
                    let _renamed = fs::rename(&temp, folder.join(&target)).is_ok();
                }
            }
        }
        if fs::remove_file(&note).is_ok() {
            sync_folder(folder);
        }
    }
    for name in &names {
        let bytes = name.as_encoded_bytes();
        let is_temp = bytes.starts_with(b".")
            && [
                TEMP_SUFFIX,
                ".sg-partial-journal",
                ".sg-partial-wal",
                ".sg-partial-shm",
            ]
            .iter()
            .any(|s| bytes.ends_with(s.as_bytes()));
        if is_temp {
            let path = folder.join(name);
            if fs::symlink_metadata(&path).is_ok_and(|m| m.is_file() || m.is_symlink()) {
                let _removed = fs::remove_file(&path).is_ok();
            }
        }
    }
}

const TEMP_SUFFIX: &str = ".sg-partial";
const NOTE_SUFFIX: &str = ".sg-commit";

fn temp_name(name: &OsStr) -> OsString {
    let mut n = OsString::from(".");
    n.push(name);
    n.push(TEMP_SUFFIX);
    n
}

fn note_name(name: &OsStr) -> OsString {
    let mut n = OsString::from(".");
    n.push(name);
    n.push(NOTE_SUFFIX);
    n
}

#[cfg(unix)]
fn os_str_from_bytes(bytes: &[u8]) -> OsString {
    use std::os::unix::ffi::OsStrExt;
    OsStr::from_bytes(bytes).to_owned()
}

#[cfg(not(unix))]
fn os_str_from_bytes(bytes: &[u8]) -> OsString {
    OsString::from(String::from_utf8_lossy(bytes).into_owned())
}

/// The folder a target lives in (`.` for a bare file name).
fn folder_of(target: &Path) -> &Path {
    match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// `path` with `suffix` appended to its file name.
pub fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// The canonical form of a path that may not exist: its folder canonicalised, its name as given.
fn canonical_target(path: &Path) -> Option<PathBuf> {
    let name = path.file_name()?;
    let folder = fs::canonicalize(folder_of(path)).ok()?;
    Some(folder.join(name))
}

/// (device, inode) of an existing file, following symbolic links.
#[cfg(unix)]
fn identity(path: &Path) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    fs::metadata(path).ok().map(|m| (m.dev(), m.ino()))
}

#[cfg(not(unix))]
fn identity(path: &Path) -> Option<(u64, u64)> {
    let _ = path;
    None
}

/// What a non-regular file is, in words.
fn kind_of(meta: &fs::Metadata) -> &'static str {
    let t = meta.file_type();
    if t.is_symlink() {
        return "a symbolic link";
    }
    if t.is_dir() {
        return "a directory";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "a FIFO (named pipe)";
        }
        if t.is_char_device() || t.is_block_device() {
            return "a device";
        }
        if t.is_socket() {
            return "a socket";
        }
    }
    "not a regular file"
}

/// Refuses the store, non-regular files and (unless allowed) existing files.
fn check_target(target: &Path, protected: &Protected, replace: Replace) -> Result<(), OutputError> {
    if protected.covers(target) {
        return Err(OutputError::IsStore(target.to_owned()));
    }
    match fs::symlink_metadata(target) {
        Ok(meta) if !meta.is_file() => Err(OutputError::NotRegular {
            path: target.to_owned(),
            kind: kind_of(&meta),
        }),
        Ok(_) if replace == Replace::Never => Err(OutputError::Exists(target.to_owned())),
        Ok(_) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(source) => Err(OutputError::Io {
            path: target.to_owned(),
            error: source,
        }),
    }
}

/// Removes a leftover temporary file (a regular file or a link, never anything else).
fn remove_stale(path: &Path) -> io::Result<()> {
    match fs::symlink_metadata(path) {
        Ok(meta) if meta.is_file() || meta.is_symlink() => fs::remove_file(path),
        Ok(meta) => Err(io::Error::other(format!(
            "{} is in the way and is {}",
            path.display(),
            kind_of(&meta)
        ))),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(e),
    }?;
    for side in SQLITE_COMPANIONS {
        let side = with_suffix(path, side);
        if fs::symlink_metadata(&side).is_ok_and(|m| m.is_file()) {
            fs::remove_file(side)?;
        }
    }
    Ok(())
}

/// Best-effort removal of a temporary file and its SQLite companions (a regular file or a link,
/// never anything else); used by writers that abandon the temporary file they were given.
pub fn remove_temp(temp: &Path) {
    let _removed = remove_stale(temp).is_ok();
}

/// Makes renames in `folder` durable. Errors are ignored: some file systems cannot sync a folder.
fn sync_folder(folder: &Path) {
    #[cfg(unix)]
    if let Ok(f) = fs::File::open(folder) {
        let _synced = f.sync_all().is_ok();
    }
    #[cfg(not(unix))]
    let _ = folder;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn single_file_is_written_and_renamed() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("a.txt");
        let set = OutputSet::single(&target, &Protected::none(), Replace::Never).unwrap();
        set.write::<OutputError>(0, |w| {
            w.write_all(b"hello").map_err(|source| OutputError::Io {
                path: PathBuf::new(),
                error: source,
            })
        })
        .unwrap();
        assert!(!target.exists());
        set.commit().unwrap();
        assert_eq!(fs::read(&target).unwrap(), b"hello");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_dropped_set_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let targets = [dir.path().join("a.csv"), dir.path().join("b.csv")];
        let set = OutputSet::prepare(&targets, &Protected::none(), Replace::Never).unwrap();
        set.write::<OutputError>(0, |_| Ok(())).unwrap();
        drop(set);
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 0);
    }

    #[test]
    fn a_commit_note_is_finished_by_the_next_run() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join(".r.html.sg-partial"), b"html").unwrap();
        fs::write(dir.path().join(".r.lands.csv.sg-partial"), b"csv").unwrap();
        fs::write(
            dir.path().join(".r.html.sg-commit"),
            b"r.html\nr.lands.csv\n",
        )
        .unwrap();
        fs::write(dir.path().join(".orphan.csv.sg-partial"), b"x").unwrap();
        recover_folder(dir.path());
        let mut names: Vec<String> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(names, ["r.html", "r.lands.csv"]);
    }
}
