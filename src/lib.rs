//! Fahrplan: a desktop application in which a municipality tracks the measures of its IT
//! roadmap — horizons, owners, status, progress, money and re-evaluations — in one SQLite file.
//!
//! Layers, each using only those below it: [`ui`] → [`app`] → [`store`] / [`export`] /
//! [`import`] → [`layout`] → [`model`], with [`i18n`] beside the model (it knows the model, the
//! model knows no words). [`cli`] is the edge that starts either the window or a headless command.
//! The README's architecture section lists which layer uses which.

pub mod app;
pub mod cli;
pub mod export;
pub mod i18n;
pub mod import;
pub mod layout;
pub mod model;
pub mod store;
pub mod ui;
