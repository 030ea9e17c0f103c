//! QAS governance (SPEC §9): referenda decided by conviction voting in QAS.
//!
//! - [`origins`]: the custom origins a referendum dispatches with, one per track;
//! - [`tracks`]: the referendum tracks `root`, `revenue_split`, `network_params`,
//!   `referendum_canceller` and `referendum_killer`, with the periods a real network uses,
//!   or short ones on chains whose genesis asks for them (the dev and local presets), so
//!   that a referendum passes within minutes.
//!
//! The pallet configurations are in [`crate::configs::governance`].

pub mod origins;
pub mod tracks;

pub use origins::pallet_custom_origins;
