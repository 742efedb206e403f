//! What every form shares (one mechanism): undo and redo of everything entered (Ctrl+Z,
//! Ctrl+Shift+Z and buttons), Escape to cancel — asking first when something would be lost —
//! and Ctrl+Enter to save (plain Enter only leaves a single-line field, so a half-typed value
//! is never saved by accident).

use egui::Ui;

use super::theme;

/// The keys a form answers this frame (consumed, so no other widget sees them).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[expect(
    clippy::struct_excessive_bools,
    reason = "four independent key presses of one frame, not a state machine"
)]
pub struct FormKeys {
    /// Ctrl+Z.
    pub undo: bool,
    /// Ctrl+Shift+Z (or Ctrl+Y).
    pub redo: bool,
    /// Escape.
    pub escape: bool,
    /// Ctrl+Enter.
    pub save: bool,
}

impl FormKeys {
    /// Reads and consumes the form's shortcuts.
    pub fn read(ui: &Ui) -> Self {
        ui.input_mut(|i| {
            // Ctrl+Shift+Z before Ctrl+Z: the second would also match the first.
            let redo = i.consume_shortcut(&egui::KeyboardShortcut::new(
                egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
                egui::Key::Z,
            )) || i.consume_shortcut(&egui::KeyboardShortcut::new(
                egui::Modifiers::COMMAND,
                egui::Key::Y,
            ));
            let undo = i.consume_shortcut(&egui::KeyboardShortcut::new(
                egui::Modifiers::COMMAND,
                egui::Key::Z,
            ));
            let save = i.consume_shortcut(&egui::KeyboardShortcut::new(
                egui::Modifiers::COMMAND,
                egui::Key::Enter,
            ));
            Self {
                undo,
                redo,
                escape: i.key_pressed(egui::Key::Escape),
                save,
            }
        })
    }
}

/// A form's undo history and "unsaved changes" state over its content `T` (egui's undoer: a
/// step is kept once the content has been still for a moment, so typing a word is one step).
#[derive(Clone)]
pub struct FormHistory<T: Clone + PartialEq + Send + Sync> {
    undoer: egui::util::undoer::Undoer<T>,
    opened_with: Option<T>,
    /// Escape or Cancel was pressed with unsaved changes: the form asks first.
    pub confirm_discard: bool,
}

impl<T: Clone + PartialEq + Send + Sync> std::fmt::Debug for FormHistory<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FormHistory")
            .field("confirm_discard", &self.confirm_discard)
            .finish_non_exhaustive()
    }
}

impl<T: Clone + PartialEq + Send + Sync> FormHistory<T> {
    /// A history that starts at `opened` (what the form held when it opened).
    pub fn new(opened: &T) -> Self {
        let mut undoer = egui::util::undoer::Undoer::with_settings(egui::util::undoer::Settings {
            max_undos: 200,
            stable_time: 0.4,
            auto_save_interval: 5.0,
        });
        undoer.add_undo(opened);
        Self {
            undoer,
            opened_with: Some(opened.clone()),
            confirm_discard: false,
        }
    }

    /// A history with nothing in it yet (for a form still being built; see [`Self::new`]).
    pub fn empty() -> Self {
        Self {
            undoer: egui::util::undoer::Undoer::default(),
            opened_with: None,
            confirm_discard: false,
        }
    }

    /// Whether closing now would lose something entered.
    pub fn has_unsaved_changes(&self, current: &T) -> bool {
        self.opened_with.as_ref().is_some_and(|o| o != current)
    }

    /// The content before the last change, if there is one.
    pub fn undo(&mut self, current: &T) -> Option<T> {
        self.undoer.undo(current).cloned()
    }

    /// The content the last undo took back, if there is one.
    pub fn redo(&mut self, current: &T) -> Option<T> {
        self.undoer.redo(current).cloned()
    }

    /// Undo and Redo buttons (and their keys); returns the content to restore, if any.
    pub fn buttons(&mut self, ui: &mut Ui, keys: FormKeys, current: &T) -> Option<T> {
        let mut restore = None;
        ui.horizontal(|ui| {
            if ui
                .add_enabled(
                    self.undoer.has_undo(current),
                    egui::Button::new(super::language::tr(ui.ctx()).form_undo()),
                )
                .on_hover_text("Ctrl+Z")
                .clicked()
                || keys.undo
            {
                restore = self.undo(current);
            }
            if ui
                .add_enabled(
                    self.undoer.has_redo(current),
                    egui::Button::new(super::language::tr(ui.ctx()).form_redo()),
                )
                .on_hover_text("Ctrl+Shift+Z")
                .clicked()
                || keys.redo
            {
                restore = self.redo(current);
            }
        });
        restore
    }

    /// Feeds the frame's content to the history (call once per frame, after the fields).
    pub fn feed(&mut self, ui: &Ui, current: &T) {
        let now = ui.input(|i| i.time);
        self.undoer.feed_state(now, current);
    }

    /// Escape or Cancel: true when the form may close now; else it asks (see
    /// [`Self::confirm_ui`]).
    pub fn request_close(&mut self, current: &T) -> bool {
        if self.has_unsaved_changes(current) {
            self.confirm_discard = true;
            false
        } else {
            true
        }
    }

    /// The "lose these changes?" question, while it is asked: true when the person chose to
    /// discard.
    pub fn confirm_ui(&mut self, ui: &mut Ui, question: &str) -> bool {
        if !self.confirm_discard {
            return false;
        }
        let tr = super::language::tr(ui.ctx());
        let mut discard = false;
        ui.colored_label(theme::WARNING_TEXT, question);
        ui.horizontal(|ui| {
            if ui.button(tr.form_discard()).clicked() {
                discard = true;
            }
            if ui.button(tr.form_keep_editing()).clicked() {
                self.confirm_discard = false;
            }
        });
        discard
    }
}
