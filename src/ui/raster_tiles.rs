//! A user's offline raster basemap (MBTiles) as a walkers tile source. The file is read on a
//! named background thread (`tiles`) through `storage::mbtiles`; tiles are decoded into textures
//! there too, and the UI thread only picks up finished tiles, never touching the file.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, SyncSender, TryRecvError, TrySendError, sync_channel};

use walkers::sources::Attribution;
use walkers::{Style, Tile, TileId, TilePiece, Tiles};

use crate::storage::mbtiles::MbtilesReader;

/// How many tile requests may wait for the reader; newer requests win when it is full.
const REQUEST_QUEUE: usize = 64;

enum Reply {
    Opened {
        attribution: Option<String>,
        name: Option<String>,
    },
    Failed(String),
    Tile(TileId, Option<Tile>),
}

/// The MBTiles tile source.
pub struct RasterTiles {
    path: PathBuf,
    requests: SyncSender<TileId>,
    replies: Receiver<Reply>,
    cache: HashMap<TileId, Option<Tile>>,
    pending: HashSet<TileId>,
    attribution: &'static str,
    /// Why the file could not be used, once known.
    pub error: Option<String>,
    /// The tileset's name, once known.
    pub name: Option<String>,
    /// The file's own attribution, once known.
    file_attribution: Option<String>,
}

impl RasterTiles {
    /// Opens `path` on a background thread.
    pub fn open(path: &Path, ctx: &egui::Context) -> std::io::Result<Self> {
        let (request_tx, request_rx) = sync_channel::<TileId>(REQUEST_QUEUE);
        let (reply_tx, reply_rx) = sync_channel::<Reply>(REQUEST_QUEUE);
        let file = path.to_owned();
        let ctx = ctx.clone();
        std::thread::Builder::new()
            .name("tiles".to_owned())
            .spawn(move || {
                let reader = match MbtilesReader::open(&file) {
                    Ok(r) => r,
                    Err(e) => {
                        if reply_tx.send(Reply::Failed(e.to_string())).is_ok() {
                            ctx.request_repaint();
                        }
                        return;
                    }
                };
                let meta = reader.metadata().clone();
                if reply_tx
                    .send(Reply::Opened {
                        attribution: meta.attribution,
                        name: meta.name,
                    })
                    .is_err()
                {
                    return;
                }
                ctx.request_repaint();
                #[expect(
                    clippy::default_constructed_unit_structs,
                    reason = "Style has fields when walkers' vector feature is on"
                )]
                let style = Style::default();
                while let Ok(id) = request_rx.recv() {
                    let tile = match reader.tile_xyz(id.zoom, id.x, id.y) {
                        Ok(Some(bytes)) => Tile::new(&bytes, &style, id.zoom, 256, &ctx).ok(),
                        Ok(None) | Err(_) => None,
                    };
                    if reply_tx.send(Reply::Tile(id, tile)).is_err() {
                        return;
                    }
                    ctx.request_repaint();
                }
            })?;
        Ok(Self {
            path: path.to_owned(),
            requests: request_tx,
            replies: reply_rx,
            cache: HashMap::new(),
            pending: HashSet::new(),
            attribution: "Raster basemap (MBTiles)",
            error: None,
            name: None,
            file_attribution: None,
        })
    }

    /// The file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The attribution to draw on the map, in the app's language.
    pub fn attribution_text(&self, tr: crate::i18n::Tr) -> String {
        match &self.file_attribution {
            Some(a) => tr.map_raster_attribution(a.as_str()),
            None => tr.map_raster(),
        }
    }

    /// Takes finished tiles and messages from the reader thread.
    pub fn poll(&mut self) {
        loop {
            match self.replies.try_recv() {
                Ok(Reply::Opened { attribution, name }) => {
                    if let Some(a) = attribution.filter(|a| !a.trim().is_empty()) {
                        // walkers wants a `&'static str`; one short string per opened file.
                        self.attribution =
                            Box::leak(format!("Raster basemap: {}", a.trim()).into_boxed_str());
                        self.file_attribution = Some(a.trim().to_owned());
                    }
                    self.name = name;
                }
                Ok(Reply::Failed(e)) => self.error = Some(e),
                Ok(Reply::Tile(id, tile)) => {
                    self.pending.remove(&id);
                    if self.cache.len() > 2_000 {
                        self.cache.clear();
                    }
                    self.cache.insert(id, tile);
                }
                Err(TryRecvError::Empty) => break,
                Err(TryRecvError::Disconnected) => {
                    if self.error.is_none() {
                        self.error = Some("the tile reader stopped".to_owned());
                    }
                    break;
                }
            }
        }
    }
}

impl Tiles for RasterTiles {
    fn at(&mut self, tile_id: TileId) -> Option<TilePiece> {
        if let Some(cached) = self.cache.get(&tile_id) {
            return cached.clone().map(|t| {
                TilePiece::new(
                    t,
                    egui::Rect::from_min_max(egui::pos2(0.0, 0.0), egui::pos2(1.0, 1.0)),
                )
            });
        }
        if !self.pending.contains(&tile_id) {
            match self.requests.try_send(tile_id) {
                Ok(()) => {
                    self.pending.insert(tile_id);
                }
                Err(TrySendError::Full(_) | TrySendError::Disconnected(_)) => {
                    // Asked again next frame.
                }
            }
        }
        None
    }

    fn attribution(&self) -> Attribution {
        Attribution {
            text: self.attribution,
            url: "",
            logo_light: None,
            logo_dark: None,
        }
    }

    fn tile_size(&self) -> u32 {
        256
    }
}
