//! The validation workflow (C9) on stored lands: [`rules::move_in_workflow`] decides.

use super::error::StoreError;
use super::lands::{LandChange, load_land, save_land_plan};
use super::store::Store;
use crate::domain::rules::{self, Context, WorkflowAction};
use crate::domain::{Actor, Land, LandId};

impl Store {
    /// Moves a land through the validation workflow (C9), audited.
    pub fn land_workflow(
        &mut self,
        id: LandId,
        action: &WorkflowAction,
        actor: &Actor,
    ) -> Result<Land, StoreError> {
        let tx = self.conn.transaction()?;
        let land = load_land(&tx, id)?;
        let plan = rules::move_in_workflow(&land, action, &Context::now(actor))?;
        save_land_plan(&tx, &plan, LandChange::Content)?;
        tx.commit()?;
        Ok(plan.land)
    }
}
