//! The fonts Fahrplan ships (SIL Open Font License and the DejaVu licence), shared by the window
//! and the exports so both look the same on every machine.

/// Noto Sans Regular, shipped in `assets/fonts` (SIL Open Font License), so pictures look the same
/// on every machine.
pub const FONT_REGULAR: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Regular.ttf");
/// Noto Sans Bold.
pub const FONT_BOLD: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Bold.ttf");
/// DejaVu Sans symbols (arrows, marks) as fallback for characters Noto's Latin subset lacks.
pub const FONT_SYMBOLS: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Symbols.ttf");
