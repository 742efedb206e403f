//! Application state and orchestration, without widgets: the commands the UI sends, the outcomes
//! the database worker sends back, the state the panels read, and the worker thread that owns
//! the store. The only GUI item named here is a repaint callback handed in by the UI.

mod command;
mod error;
mod state;
mod worker;

pub use command::{Command, Form, LoadedLayer, Outcome, Secret};
pub use error::AppError;
pub use state::{
    AppState, BusyKind, ConflictPolygons, ConflictRow, LandDetail, Notification, NotificationLevel,
    Records, ReportDetail, SyncOverview, Thumbnail,
};
pub use worker::{Waker, Worker};
pub mod words;
