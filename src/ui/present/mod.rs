//! Council presentation: full screen, read-only by construction (only labels and painted shapes;
//! no field, no status control, no menu that changes data), large type, keyboard and clicker
//! paging.

mod baseline;
mod effect;
mod money;
mod slides;
mod timeline_slide;

use egui::{Align2, Color32, CornerRadius, FontId, Key, Rect, Sense, Ui, pos2, vec2};

use super::theme::Tokens;
use crate::app::AppState;
use crate::layout::slides::{Fit, Slide, SlideKind, slides_fitted};
use money::money_slide;
use slides::{
    SlideCtx, changes_slide, detail_slide, done_row_height, done_slide, horizon_slide,
    reevaluations_slide, status_row_height, title_slide,
};
use timeline_slide::{TimelinePage, timeline_reserve, timeline_row_height, timeline_slide};

/// What a deck of slides was laid out for.
#[derive(Clone, Debug, PartialEq)]
struct DeckKey {
    generation: u64,
    today: chrono::NaiveDate,
    /// Width, height (points) and points per pixel.
    size: (u32, u32, u32),
    lang: crate::i18n::Lang,
    enabled: Vec<SlideKind>,
}

/// The slides for the enabled kinds, laid out for `content` (cached in the presenter per data,
/// day, size, language and choice of slides).
fn deck(
    ui: &Ui,
    (state, enabled): (&AppState, &[SlideKind]),
    p: &mut Presenter,
    tokens: &Tokens,
    content: Rect,
) -> Vec<Slide> {
    let tokens = tokens.clone();
    let (tr, roadmap) = (state.tr(), state.roadmap());
    // Where a slide's content starts below its title and rule (as `slide_title` draws them).
    let title_height = tokens.text_title * 1.25 + tokens.space_m;
    let footer_height = tokens.text_small * 1.5;
    // Slides take as many rows as their heights allow (one-line titles need less).
    // (The last row needs no space below it.)
    let budget =
        content.height() - title_height - footer_height - tokens.row_height + tokens.space_m;
    let measuring = ui.painter();
    let width = content.width();
    // The deck is laid out once per data, day, size, language and choice of slides (measuring
    // every title is not a thing to do on every frame).
    let key = DeckKey {
        generation: state.generation(),
        today: state.today(),
        size: (
            content.width().to_bits(),
            content.height().to_bits(),
            ui.ctx().pixels_per_point().to_bits(),
        ),
        lang: tr.lang(),
        enabled: enabled.to_vec(),
    };
    if p.deck.as_ref().is_none_or(|(k, _)| *k != key) {
        let heights = |f: &dyn Fn(&crate::model::Measure) -> f32| -> Vec<f32> {
            roadmap.measures.iter().map(f).collect()
        };
        let rows = heights(&|m| {
            let status = tr.t(&format!("status-{}", m.status));
            let owner = roadmap.owner_name(m);
            status_row_height(measuring, (&tokens, tr.lang()), (m, owner, &status), width)
        });
        let timeline_rows =
            heights(&|m| timeline_row_height(measuring, (&tokens, tr.lang()), m, width));
        let done_rows = heights(&|m| done_row_height(measuring, (&tokens, tr.lang()), m, width));
        let sctx = SlideCtx { tokens: &tokens, tr, roadmap, today: state.today() };
        let row = |i: usize| rows.get(i).copied().unwrap_or(0.0);
        let timeline_row = |i: usize| timeline_rows.get(i).copied().unwrap_or(0.0);
        let done_row = |i: usize| done_rows.get(i).copied().unwrap_or(0.0);
        let fit = Fit {
            budget,
            row: &row,
            timeline_budget: content.height()
                - title_height
                - footer_height
                - timeline_reserve(measuring, &sctx, width),
            timeline_row: &timeline_row,
            done_budget: content.height() - title_height - footer_height - tokens.text_body * 1.6,
            done_row: &done_row,
            effect_groups: effect::groups_per_slide(
                &tokens,
                content.height() - title_height - footer_height,
            ),
        };
        p.deck = Some((key, slides_fitted(roadmap, enabled, &fit)));
    }
    p.deck.as_ref().map(|(_, d)| d.clone()).unwrap_or_default()
}

/// A slide's title with its page (`Kurzfristig (sofort)  (1/2)`) when there are several.
fn paged(mut title: String, page: usize, pages: usize) -> String {
    if pages > 1 {
        title.push_str(&format!("  ({page}/{pages})"));
    }
    title
}

/// Where the presentation stands.
#[derive(Clone, Debug, Default)]
pub struct Presenter {
    /// The slide shown (0-based).
    pub index: usize,
    /// Digits typed for "number + Enter".
    jump: String,
    /// A measure shown full screen (from a click on a timeline bar).
    pub detail: Option<String>,
    /// Started with `--present`: Esc asks before quitting.
    pub standalone: bool,
    /// Esc was pressed in a standalone presentation: asking whether to quit.
    pub confirm_quit: bool,
    /// What changed since the last meeting, for the data generation and day it was read for
    /// (read once, not on every frame), or why it could not be read.
    changes: Option<((u64, chrono::NaiveDate), Result<crate::model::SinceReport, String>)>,
    /// The slides as last laid out, and for what.
    deck: Option<(DeckKey, Vec<Slide>)>,
    /// How often the window was asked to go full screen since the presentation started, and
    /// when last (seconds of egui's clock): X11 window managers drop such a request for a window
    /// not yet shown, and a remembered maximised window must not keep its title bar.
    fullscreen_asks: (u8, f64),
}

impl Presenter {
    /// Asks the window for full screen until it is (a few times, a quarter second apart): the
    /// council never sees a title bar, whatever the window remembered.
    pub fn keep_fullscreen(&mut self, ctx: &egui::Context) {
        const MAX_ASKS: u8 = 20;
        let (fullscreen, now) = ctx.input(|i| (i.viewport().fullscreen, i.time));
        let (asks, last) = self.fullscreen_asks;
        if fullscreen != Some(false) || asks >= MAX_ASKS {
            return;
        }
        if asks == 0 || now - last >= 0.25 {
            ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(true));
            self.fullscreen_asks = (asks + 1, now);
        }
        ctx.request_repaint_after(std::time::Duration::from_millis(260));
    }
}

/// What the presentation asks the window to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PresentOutcome {
    /// Keep presenting.
    Stay,
    /// Back to the normal window.
    Leave,
    /// Close the program.
    Quit,
}

impl Presenter {
    /// A presentation from the first slide.
    pub fn new(standalone: bool) -> Self {
        Self { standalone, ..Self::default() }
    }

    /// The changes since the last meeting, read from the history once per data generation and
    /// day (`None` without a meeting).
    fn changes(&mut self, state: &AppState) -> Option<&Result<crate::model::SinceReport, String>> {
        let today = state.today();
        let meeting = state.roadmap().last_meeting(today)?.date;
        let key = (state.generation(), today);
        if self.changes.as_ref().is_none_or(|(k, _)| *k != key) && !state.busy_with_store() {
            let read = state.history().and_then(|h| Ok((h, state.seed_batch()?)));
            let report =
                read.map(|(history, seed)| crate::model::changes_since(&history, meeting, seed));
            self.changes = Some((key, report));
        }
        self.changes.as_ref().map(|(_, report)| report)
    }
}

/// Draws the current slide full screen and handles the keys of a presenter clicker.
pub fn present_ui(
    ui: &mut Ui,
    state: &AppState,
    enabled: &[SlideKind],
    p: &mut Presenter,
) -> PresentOutcome {
    let screen = ui.max_rect();
    let tokens = Tokens::projector(screen.size());
    let tr = state.tr();
    let roadmap = state.roadmap();
    ui.painter().rect_filled(screen, CornerRadius::ZERO, Tokens::PROJECTOR_BACKGROUND);
    let margin = tokens.space_l;
    let content = screen.shrink(margin);
    let deck = deck(ui, (state, enabled), p, &tokens, content);
    p.index = p.index.min(deck.len().saturating_sub(1));

    let outcome = keys(ui, p, deck.len());
    if outcome != PresentOutcome::Stay {
        return outcome;
    }
    let painter = ui.painter_at(screen);
    let ctx = SlideCtx { tokens: &tokens, tr, roadmap, today: state.today() };
    if let Some(code) = p.detail.clone() {
        detail_slide(&painter, &ctx, content, &code);
    } else if let Some(slide) = deck.get(p.index) {
        match slide {
            Slide::Title => title_slide(&painter, &ctx, content),
            Slide::Timeline { horizon, measures, page, pages } => {
                let title = paged(
                    tr.f(
                        "present-timeline-of",
                        &[("horizon", &tr.t(&format!("horizon-{horizon}-long")))],
                    ),
                    *page,
                    *pages,
                );
                let page = TimelinePage { title: &title, measures };
                timeline_slide(ui, &painter, &ctx, content, &page, p);
            }
            Slide::Horizon { horizon, measures, page, pages } => {
                let title = paged(tr.t(&format!("horizon-{horizon}-long")), *page, *pages);
                horizon_slide(&painter, &ctx, content, &title, measures);
            }
            Slide::Done { horizon, measures, page, pages } => {
                let title = paged(
                    tr.f(
                        "present-done-of",
                        &[("horizon", &tr.t(&format!("horizon-{horizon}-long")))],
                    ),
                    *page,
                    *pages,
                );
                done_slide(&painter, &ctx, content, &title, (*horizon, measures));
            }
            Slide::Money => money_slide(&painter, &ctx, content),
            Slide::Reevaluations => reevaluations_slide(&painter, &ctx, content),
            Slide::Changes => {
                changes_slide(&painter, &ctx, content, p.changes(state));
            }
            Slide::Baseline => baseline::baseline_slide(&painter, &ctx, content),
            Slide::Effect { catalog, groups, page, pages } => {
                let title = paged(tr.f("present-effect", &[("catalog", catalog)]), *page, *pages);
                let said = effect::effect_slide(&painter, &ctx, content, &title, (catalog, groups));
                effect::describe(ui, content, &said);
            }
        }
    }
    // Footer: the roadmap and the slide counter ("3 / 9").
    let footer_y = content.bottom() - tokens.text_small * 0.6;
    let small = FontId::proportional(tokens.text_small);
    painter.text(
        pos2(content.left(), footer_y),
        Align2::LEFT_CENTER,
        &roadmap.info.name,
        small.clone(),
        tokens.text_muted,
    );
    let counter = format!("{} / {}", p.index + 1, deck.len().max(1));
    painter.text(
        pos2(content.right(), footer_y),
        Align2::RIGHT_CENTER,
        &counter,
        small.clone(),
        tokens.text_muted,
    );
    ui.interact(
        Rect::from_center_size(pos2(content.right() - 40.0, footer_y), vec2(80.0, 30.0)),
        ui.scope_id().with("counter"),
        Sense::hover(),
    )
    .widget_info(|| egui::WidgetInfo::labeled(egui::accesskit::Role::Label, true, &counter));

    if p.confirm_quit {
        painter.rect_filled(screen, CornerRadius::ZERO, Color32::from_black_alpha(120));
        let panel = Rect::from_center_size(
            screen.center(),
            vec2(screen.width() * 0.6, tokens.text_body * 5.0),
        );
        painter.rect_filled(panel, 8.0, Color32::WHITE);
        painter.text(
            panel.center() - vec2(0.0, tokens.text_body),
            Align2::CENTER_CENTER,
            tr.t("present-quit-question"),
            FontId::proportional(tokens.text_body),
            tokens.text_strong,
        );
        painter.text(
            panel.center() + vec2(0.0, tokens.text_body),
            Align2::CENTER_CENTER,
            tr.t("present-quit-keys"),
            small,
            tokens.text_muted,
        );
    }

    // The pointer hides after three seconds without movement.
    let idle = ui.input(|i| i.pointer.time_since_last_movement());
    if idle >= 3.0 {
        ui.ctx().set_cursor_icon(egui::CursorIcon::None);
    } else {
        ui.ctx().request_repaint_after(std::time::Duration::from_secs_f32(3.0 - idle + 0.05));
    }
    PresentOutcome::Stay
}

/// Keyboard and clicker: Right/Left, PageDown/PageUp, Space, Home/End, number + Enter, Esc.
fn keys(ui: &Ui, p: &mut Presenter, count: usize) -> PresentOutcome {
    let last = count.saturating_sub(1);
    let (next, back, home, end, enter, escape, digits) = ui.input(|i| {
        let n = |k| i.num_presses(k);
        let digits: String = i
            .events
            .iter()
            .filter_map(|e| match e {
                egui::Event::Text(t) => {
                    Some(t.chars().filter(char::is_ascii_digit).collect::<String>())
                }
                _ => None,
            })
            .collect();
        (
            n(Key::ArrowRight) + n(Key::PageDown) + n(Key::Space) + n(Key::ArrowDown),
            n(Key::ArrowLeft) + n(Key::PageUp) + n(Key::ArrowUp),
            i.key_pressed(Key::Home),
            i.key_pressed(Key::End),
            i.key_pressed(Key::Enter),
            i.key_pressed(Key::Escape),
            digits,
        )
    });
    if p.confirm_quit {
        if enter {
            return PresentOutcome::Quit;
        }
        if escape {
            p.confirm_quit = false;
        }
        return PresentOutcome::Stay;
    }
    if escape {
        if p.detail.take().is_some() {
            return PresentOutcome::Stay;
        }
        if p.standalone {
            p.confirm_quit = true;
            return PresentOutcome::Stay;
        }
        return PresentOutcome::Leave;
    }
    p.jump.push_str(&digits);
    if enter && !p.jump.is_empty() {
        if let Ok(n) = p.jump.parse::<usize>() {
            p.index = n.clamp(1, count.max(1)) - 1;
            p.detail = None;
        }
        p.jump.clear();
    }
    if next + back > 0 || home || end {
        p.detail = None;
        p.jump.clear();
    }
    p.index = (p.index + next).saturating_sub(back).min(last);
    if home {
        p.index = 0;
    }
    if end {
        p.index = last;
    }
    PresentOutcome::Stay
}
