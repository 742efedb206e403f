//! The two polygons of a land's geometry conflict, drawn over each other (Reconciliation view):
//! this laptop's in blue, the other's in orange, each outline with its label.

use super::prepared::project;
use egui::{Align2, Color32, FontId, Pos2, Response, Shape, Stroke, Ui};
use geo_types::MultiPolygon;
use walkers::{MapMemory, Plugin, Projector};

/// This laptop's polygon.
pub const MINE: Color32 = Color32::from_rgb(0, 90, 255);
/// The other laptop's polygon.
pub const THEIRS: Color32 = Color32::from_rgb(230, 110, 0);

pub(super) struct ConflictPlugin<'a> {
    pub(super) mine: Option<&'a MultiPolygon<f64>>,
    pub(super) theirs: Option<&'a MultiPolygon<f64>>,
}

impl Plugin for ConflictPlugin<'_> {
    fn run(
        self: Box<Self>,
        ui: &mut Ui,
        _response: &Response,
        projector: &Projector<'_>,
        _memory: &MapMemory,
    ) {
        let painter = ui.painter().with_clip_rect(projector.clip_rect());
        for (shape, colour, label, width) in [
            (self.theirs, THEIRS, "theirs", 4.0),
            (self.mine, MINE, "mine", 2.0),
        ] {
            let Some(shape) = shape else { continue };
            let mut top: Option<Pos2> = None;
            for polygon in &shape.0 {
                let ring: Vec<Pos2> = polygon
                    .exterior()
                    .0
                    .iter()
                    .map(|c| project(projector, [c.x, c.y]))
                    .collect();
                if let Some(p) = ring.iter().min_by(|a, b| a.y.total_cmp(&b.y)) {
                    top = Some(top.map_or(*p, |t| if p.y < t.y { *p } else { t }));
                }
                painter.add(Shape::line(ring, Stroke::new(width, colour)));
            }
            if let Some(t) = top {
                painter.text(
                    t + egui::vec2(0.0, -4.0),
                    Align2::CENTER_BOTTOM,
                    label,
                    FontId::proportional(13.0),
                    colour,
                );
            }
        }
    }
}
