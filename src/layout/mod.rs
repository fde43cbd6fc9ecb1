//! View-models: pure layouts of what the window and the exports draw, computed from the model.
//! No egui and no I/O here, so the window, the PNG and the reports never disagree, and the
//! layouts are tested as data.

mod filter;
pub mod fonts;
pub mod legend;
pub mod palette;
pub mod slides;
pub mod timeline;
pub mod wrap;

pub use filter::Filter;
