//! `roomdesk sync`.

use super::CliError;
use crate::output::Output;
use roomdesk_core::RoomsService;

/// Exit 0 when the sync ran to the end (conflicts are listed, not failures); 4 when it
/// stopped early (outage, rate limit) or some changes failed: they stay in the outbox.
pub async fn run(service: &RoomsService, out: &Output) -> Result<u8, CliError> {
    let report = service.sync(&|p| out.progress(&p)).await?;
    out.sync_report(&report);
    if report.stopped.is_some() || !report.failed.is_empty() {
        Ok(4)
    } else {
        Ok(0)
    }
}
