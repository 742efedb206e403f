//! A small file chooser drawn with egui, so opening a store or an import file works the same on
//! every desktop with no system dialog service. Directory listings are read on a named
//! background thread; the UI thread never touches the file system.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, TryRecvError, sync_channel};

/// Open an existing file, or choose where to save a new one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PickMode {
    /// Pick an existing file.
    Open,
    /// Type a new file name in a folder.
    Save,
}

/// What the picker is for (the app decides what to do with the chosen path).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PickPurpose {
    /// Open (or create) a store file.
    OpenStore,
    /// Create a new, empty store file.
    NewStore,
    /// Import GeoJSON or CSV.
    Import,
    /// Write an export (GeoJSON, CSV, GeoPackage or the donor report).
    Export(crate::exports::ExportFormat),
    /// Choose an MBTiles raster basemap.
    Mbtiles,
    /// Attach a photo to the selected hazard report.
    Photo,
    /// Add a reference layer to the store's list.
    ReferenceLayer,
    /// Apply a sync bundle from another laptop.
    SyncImport,
    /// Write a sync bundle for a device (`None`: everything, for a new laptop).
    SyncExport(Option<crate::domain::DeviceId>),
}

/// What happened in the picker this frame.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PickResult {
    /// Still choosing.
    Open,
    /// Closed without a choice.
    Cancelled,
    /// A file was chosen.
    Chosen(PathBuf),
}

#[derive(Debug, Clone)]
struct Entry {
    name: String,
    is_dir: bool,
}

type Listing = Result<Vec<Entry>, String>;

/// A folder the picker offers as a shortcut: home, the data folder, removable media.
type Place = (String, PathBuf);

/// What the background reader sends: the folder's entries and the places to offer.
struct Read {
    listing: Listing,
    places: Vec<Place>,
}

/// Home, Safeground's data folder and mounted removable media (USB sticks, SD cards): the
/// folders a field laptop's files come from. Read on the picker's thread.
fn places(tr: crate::i18n::Tr) -> Vec<Place> {
    let mut out = Vec::new();
    if let Some(home) = directories::UserDirs::new().map(|u| u.home_dir().to_owned()) {
        out.push((tr.picker_home(), home));
    }
    if let Some(data) = crate::session::data_folder() {
        out.push((tr.picker_data(), data));
    }
    let user = std::env::var("USER").unwrap_or_default();
    let mut roots: Vec<PathBuf> = vec![
        PathBuf::from("/media").join(&user),
        PathBuf::from("/run/media").join(&user),
        PathBuf::from("/media"),
        PathBuf::from("/mnt"),
        PathBuf::from("/Volumes"),
    ];
    roots.dedup();
    for root in roots {
        let Ok(rd) = std::fs::read_dir(&root) else {
            continue;
        };
        for e in rd.filter_map(Result::ok) {
            let path = e.path();
            let is_dir = e.file_type().is_ok_and(|t| t.is_dir());
            let name = e.file_name().to_string_lossy().into_owned();
            if is_dir
                && !name.starts_with('.')
                && name != user
                && !out.iter().any(|(_, p)| *p == path)
            {
                out.push((tr.picker_removable(name.as_str()), path));
            }
        }
    }
    if cfg!(windows) {
        for letter in b'D'..=b'Z' {
            let drive = PathBuf::from(format!("{}:\\", char::from(letter)));
            if drive.exists() {
                out.push((tr.picker_drive(char::from(letter).to_string()), drive));
            }
        }
    }
    out
}

/// The picker window's state.
pub struct FilePicker {
    /// What it is for.
    pub purpose: PickPurpose,
    mode: PickMode,
    title: String,
    extensions: Vec<&'static str>,
    dir: PathBuf,
    file_name: String,
    entries: Listing,
    places: Vec<Place>,
    /// A new folder's name being typed.
    new_folder: String,
    /// A folder just created: entered once the reader has made it.
    pending_enter: Option<PathBuf>,
    loading: Option<Receiver<Read>>,
    open: bool,
    /// The chosen file when it (or a sibling an export writes) exists: the picker asks before
    /// replacing it.
    confirm_replace: Option<PathBuf>,
    /// Set when the user confirmed replacing existing files (read with the `Chosen` result).
    pub replace_confirmed: bool,
}

fn list_dir(dir: PathBuf, new_folder: Option<String>, ctx: egui::Context) -> Receiver<Read> {
    let (tx, rx) = sync_channel(1);
    let spawned = std::thread::Builder::new()
        .name("file-picker".to_owned())
        .spawn(move || {
            let created = new_folder.map(|name| crate::io::output::create_folder(&dir, &name));
            let listing = std::fs::read_dir(&dir)
                .map_err(|e| format!("cannot read {}: {e}", dir.display()))
                .map(|rd| {
                    let mut entries: Vec<Entry> = rd
                        .filter_map(Result::ok)
                        .filter_map(|e| {
                            let name = e.file_name().to_string_lossy().into_owned();
                            if name.starts_with('.') {
                                return None;
                            }
                            let is_dir = e.file_type().ok()?.is_dir();
                            Some(Entry { name, is_dir })
                        })
                        .collect();
                    entries.sort_by(|a, b| {
                        (!a.is_dir, a.name.to_lowercase()).cmp(&(!b.is_dir, b.name.to_lowercase()))
                    });
                    entries
                });
            let listing = match created {
                Some(Err(e)) => Err(e.to_string()),
                _ => listing,
            };
            let read = Read {
                listing,
                places: places(super::language::tr(&ctx)),
            };
            if tx.send(read).is_ok() {
                ctx.request_repaint();
            }
        });
    if spawned.is_err() {
        let (tx, rx2) = sync_channel(1);
        if tx
            .send(Read {
                listing: Err("cannot start the directory reader".to_owned()),
                places: Vec::new(),
            })
            .is_err()
        {
            // The receiver is right here; sending cannot fail.
        }
        return rx2;
    }
    rx
}

impl FilePicker {
    /// A picker starting in `dir`, showing files with these extensions (and folders).
    pub fn new(
        purpose: PickPurpose,
        mode: PickMode,
        title: &str,
        extensions: &[&'static str],
        dir: PathBuf,
        file_name: &str,
        ctx: &egui::Context,
    ) -> Self {
        let loading = Some(list_dir(dir.clone(), None, ctx.clone()));
        Self {
            purpose,
            mode,
            title: title.to_owned(),
            extensions: extensions.to_vec(),
            dir,
            file_name: file_name.to_owned(),
            entries: Ok(Vec::new()),
            places: Vec::new(),
            new_folder: String::new(),
            pending_enter: None,
            loading,
            open: true,
            confirm_replace: None,
            replace_confirmed: false,
        }
    }

    /// Whether saving to `path` would replace a file listed in the current folder (the listing
    /// was read on the background thread; the UI thread does not touch the file system). For an
    /// export, the files written beside the main one count too.
    fn would_replace(&self, path: &Path) -> bool {
        let Ok(entries) = &self.entries else {
            return false;
        };
        let targets = match self.purpose {
            PickPurpose::Export(format) => crate::exports::output_paths(format, path),
            _ => vec![path.to_owned()],
        };
        targets.iter().any(|t| {
            t.parent() == Some(self.dir.as_path())
                && t.file_name().is_some_and(|n| {
                    entries
                        .iter()
                        .any(|e| !e.is_dir && n.to_string_lossy() == e.name)
                })
        })
    }

    fn go_to(&mut self, dir: PathBuf, ctx: &egui::Context) {
        self.loading = Some(list_dir(dir.clone(), None, ctx.clone()));
        self.dir = dir;
    }

    fn accepts(&self, name: &str) -> bool {
        let lower = name.to_lowercase();
        self.extensions
            .iter()
            .any(|e| lower.ends_with(&format!(".{e}")))
    }

    /// Draws the window and says whether the user chose a file, cancelled, or is still choosing.
    pub fn show(&mut self, ctx: &egui::Context) -> PickResult {
        if let Some(rx) = &self.loading {
            match rx.try_recv() {
                Ok(read) => {
                    self.entries = read.listing;
                    if !read.places.is_empty() {
                        self.places = read.places;
                    }
                    self.loading = None;
                    if let Some(dir) = self.pending_enter.take()
                        && self.entries.is_ok()
                    {
                        self.go_to(dir, ctx);
                    }
                }
                Err(TryRecvError::Empty) => {}
                Err(TryRecvError::Disconnected) => {
                    self.entries = Err("the directory reader stopped".to_owned());
                    self.loading = None;
                }
            }
        }
        let mut result = None;
        let mut go: Option<PathBuf> = None;
        let mut go_into: Option<String> = None;
        // Enter chooses (when a name is typed), Escape cancels, as in every desktop dialog.
        let (enter, escape) = ctx.input(|i| {
            (
                i.key_pressed(egui::Key::Enter),
                i.key_pressed(egui::Key::Escape),
            )
        });
        let mut open = self.open;
        let tr = super::language::tr(ctx);
        egui::Window::new(self.title.clone())
            .open(&mut open)
            .collapsible(false)
            .default_size([520.0, 420.0])
            .show(ctx, |ui| {
                ui.horizontal_wrapped(|ui| {
                    for (name, path) in &self.places {
                        if ui
                            .selectable_label(*path == self.dir, name)
                            .on_hover_text(path.display().to_string())
                            .clicked()
                        {
                            go = Some(path.clone());
                        }
                    }
                });
                ui.horizontal(|ui| {
                    if ui.button(tr.editor_up()).clicked()
                        && let Some(parent) = self.dir.parent()
                    {
                        go = Some(parent.to_owned());
                    }
                    ui.label(self.dir.display().to_string());
                });
                ui.horizontal(|ui| {
                    let l = ui.label(tr.picker_new_folder());
                    ui.add(egui::TextEdit::singleline(&mut self.new_folder).desired_width(160.0))
                        .labelled_by(l.id);
                    let name = self.new_folder.trim().to_owned();
                    if ui
                        .add_enabled(
                            !name.is_empty(),
                            egui::Button::new(tr.picker_create_folder()),
                        )
                        .clicked()
                    {
                        self.loading =
                            Some(list_dir(self.dir.clone(), Some(name.clone()), ctx.clone()));
                        go_into = Some(name);
                        self.new_folder.clear();
                    }
                });
                ui.separator();
                egui::ScrollArea::vertical()
                    .max_height(280.0)
                    .show(ui, |ui| match &self.entries {
                        Err(e) => {
                            ui.colored_label(super::theme::ERROR_TEXT, e);
                        }
                        Ok(entries) if self.loading.is_some() && entries.is_empty() => {
                            ui.spinner();
                        }
                        Ok(entries) => {
                            for entry in entries {
                                if entry.is_dir {
                                    if ui
                                        .selectable_label(false, format!("{}/", entry.name))
                                        .clicked()
                                    {
                                        go = Some(self.dir.join(&entry.name));
                                    }
                                } else if self.accepts(&entry.name) {
                                    let selected = self.file_name == entry.name;
                                    let r = ui.selectable_label(selected, entry.name.clone());
                                    if r.clicked() {
                                        self.file_name.clone_from(&entry.name);
                                    }
                                    if r.double_clicked() {
                                        result =
                                            Some(PickResult::Chosen(self.dir.join(&entry.name)));
                                    }
                                }
                            }
                        }
                    });
                ui.separator();
                ui.horizontal(|ui| {
                    let l = ui.label(tr.picker_file_name());
                    ui.add(egui::TextEdit::singleline(&mut self.file_name).desired_width(300.0))
                        .labelled_by(l.id);
                });
                ui.label(
                    tr.picker_files(
                        self.extensions
                            .iter()
                            .map(|e| format!("*.{e}"))
                            .collect::<Vec<_>>()
                            .join(", "),
                    ),
                );
                ui.horizontal(|ui| {
                    let label = match self.mode {
                        PickMode::Open => tr.picker_open(),
                        PickMode::Save => tr.picker_save(),
                    };
                    let name = self.file_name.trim();
                    let typing_folder = !self.new_folder.trim().is_empty();
                    if ui
                        .add_enabled(!name.is_empty(), egui::Button::new(label))
                        .clicked()
                        || (enter
                            && !name.is_empty()
                            && !typing_folder
                            && self.confirm_replace.is_none())
                    {
                        let path = if Path::new(name).is_absolute() {
                            PathBuf::from(name)
                        } else {
                            self.dir.join(name)
                        };
                        if self.mode == PickMode::Save && self.would_replace(&path) {
                            self.confirm_replace = Some(path);
                        } else {
                            result = Some(PickResult::Chosen(path));
                        }
                    }
                    if ui.button(tr.button_cancel()).clicked() {
                        result = Some(PickResult::Cancelled);
                    }
                });
            });
        if let Some(path) = self.confirm_replace.clone() {
            egui::Window::new(tr.picker_replace_title())
                .collapsible(false)
                .resizable(false)
                .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
                .show(ctx, |ui| {
                    ui.label(tr.picker_replace_text(path.display().to_string()));
                    ui.horizontal(|ui| {
                        if ui.button(tr.picker_replace()).clicked() {
                            self.replace_confirmed = true;
                            self.confirm_replace = None;
                            result = Some(PickResult::Chosen(path.clone()));
                        }
                        if ui.button(tr.photo_keep()).clicked() {
                            self.confirm_replace = None;
                        }
                    });
                });
        }
        if let Some(dir) = go {
            self.go_to(dir, ctx);
        }
        if let Some(name) = go_into {
            // Created and listed by the reader thread; then entered.
            let new_dir = self.dir.join(name);
            self.pending_enter = Some(new_dir);
        }
        if escape {
            if self.confirm_replace.is_some() {
                self.confirm_replace = None;
            } else {
                result = Some(PickResult::Cancelled);
            }
        }
        if !open {
            result = Some(PickResult::Cancelled);
        }
        self.open = open;
        result.unwrap_or(PickResult::Open)
    }
}
