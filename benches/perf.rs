//! Benchmarks of Fahrplan's quality targets. Prints medians and merges them into
//! `target/perf.json` as `{ "name": microseconds, … }`.
//!
//! Run with `cargo bench --bench perf`.

#![allow(clippy::print_stdout, clippy::unwrap_used)]

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use fahrplan::app::AppState;
use fahrplan::export::{ReportOptions, export_json, measures_csv, report_pdf};
use fahrplan::i18n::{I18n, Lang};
use fahrplan::model::{Measure, Roadmap, Status};
use fahrplan::store::Store;
use fahrplan::ui::{FahrplanApp, Prefs, Tab};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 27).unwrap()
}

/// Runs `f` `samples` times after `warmup` runs and returns the median duration.
fn median(warmup: usize, samples: usize, mut f: impl FnMut()) -> Duration {
    for _ in 0..warmup {
        f();
    }
    let mut times: Vec<Duration> = (0..samples)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    times.sort();
    times[times.len() / 2]
}

/// One headless frame of the main window at 1920 × 1080: layout, paint and tessellation.
fn frame_bench(app: &mut FahrplanApp) -> Duration {
    let ctx = egui::Context::default();
    let input = || egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1920.0, 1080.0))),
        ..Default::default()
    };
    median(30, 300, || {
        let output = ctx.run_ui(input(), |ui| app.root_ui(ui));
        let primitives = ctx.tessellate(output.shapes, output.pixels_per_point);
        std::hint::black_box(primitives);
    })
}

fn app_with(measures: usize, tab: Tab) -> FahrplanApp {
    let store = Store::in_memory(Some(Lang::De)).unwrap();
    let mut state = AppState::new(store, Lang::De, today()).unwrap();
    if measures > state.roadmap.measures.len() {
        let seeds = state.roadmap.measures.clone();
        state.roadmap.measures = (0..measures)
            .map(|i| {
                let seed = &seeds[i % seeds.len()];
                Measure {
                    id: i64::try_from(i).unwrap() + 1,
                    code: format!("X{i:05}"),
                    depends_on: Vec::new(),
                    ..seed.clone()
                }
            })
            .collect();
    }
    let mut app = FahrplanApp::new(state, Prefs { tab, ..Prefs::default() });
    app.view.selected = Some(app.state.roadmap.measures[5].code.clone());
    app
}

/// The presentation on the changes slide, with a meeting and 200 changes since it.
fn presenting_changes() -> FahrplanApp {
    let mut store = Store::in_memory(Some(Lang::De)).unwrap();
    let meeting = today() - chrono::TimeDelta::days(365);
    store.add_meeting(meeting, "Gemeinderat").unwrap();
    for i in 0..200_u8 {
        store.set_progress("M18", i % 100, "", None).unwrap();
    }
    let state = AppState::new(store, Lang::De, today()).unwrap();
    let mut app = FahrplanApp::new(state, Prefs::default());
    let mut presenter = fahrplan::ui::present::Presenter::new(false);
    // The last slide: what changed since the meeting.
    presenter.index = usize::MAX;
    app.presenter = Some(presenter);
    app
}

fn main() {
    let mut results: BTreeMap<String, f64> = BTreeMap::new();
    let mut record = |name: &str, d: Duration| {
        let micros = d.as_secs_f64() * 1e6;
        println!("{name:<24} median {micros:>10.1} µs");
        results.insert(name.to_owned(), (micros * 10.0).round() / 10.0);
    };

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bench.sqlite");
    drop(Store::create(&path, Some(Lang::De)).unwrap());
    record(
        "open_default",
        median(5, 100, || {
            let store = Store::open(&path).unwrap();
            std::hint::black_box(store.load_roadmap().unwrap());
        }),
    );

    let mut store = Store::open(&path).unwrap();
    let mut flip = false;
    record(
        "commit_status",
        median(10, 200, || {
            flip = !flip;
            let status = if flip { Status::OnHold } else { Status::InProgress };
            store.set_status("M18", status, "bench", today(), None).unwrap();
        }),
    );

    // Exports of the default roadmap (as the window and `fahrplan export` make them).
    let fresh = Store::in_memory(Some(Lang::De)).unwrap();
    let (roadmap, history) = (fresh.load_roadmap().unwrap(), fresh.history(None).unwrap());
    let tr = I18n::new(Lang::De);
    let options = ReportOptions {
        since: NaiveDate::from_ymd_opt(2026, 11, 1),
        file_name: "fahrplan.sqlite".into(),
        seed_batch: fresh.seed_batch().unwrap(),
    };
    record(
        "export_pdf",
        median(3, 30, || {
            std::hint::black_box(report_pdf(&roadmap, &history, today(), &tr, &options).unwrap());
        }),
    );
    // A roadmap fifty times the default: 1,000 measures (about 60 pages).
    let big = Roadmap {
        measures: (0..1000)
            .map(|i| Measure {
                code: format!("X{i:04}"),
                depends_on: Vec::new(),
                ..roadmap.measures[i % roadmap.measures.len()].clone()
            })
            .collect(),
        ..roadmap.clone()
    };
    record(
        "export_pdf_1000",
        median(1, 5, || {
            std::hint::black_box(report_pdf(&big, &history, today(), &tr, &options).unwrap());
        }),
    );
    record(
        "export_csv",
        median(10, 200, || {
            std::hint::black_box(measures_csv(&roadmap, today(), &tr, ';'));
        }),
    );
    record(
        "export_json",
        median(10, 200, || {
            std::hint::black_box(export_json(&roadmap, &history).ok());
        }),
    );

    record("frame_main_20", frame_bench(&mut app_with(20, Tab::Table)));
    record("frame_main_10000", frame_bench(&mut app_with(10_000, Tab::Table)));
    record("frame_dashboard_20", frame_bench(&mut app_with(20, Tab::Dashboard)));
    record("frame_timeline_20", frame_bench(&mut app_with(20, Tab::Timeline)));
    record("frame_timeline_10000", frame_bench(&mut app_with(10_000, Tab::Timeline)));
    record("frame_present_changes", frame_bench(&mut presenting_changes()));

    let out = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target").join("perf.json");
    let mut merged: BTreeMap<String, f64> = std::fs::read(&out)
        .ok()
        .and_then(|bytes| serde_json::from_slice(&bytes).ok())
        .unwrap_or_default();
    merged.extend(results);
    std::fs::create_dir_all(out.parent().unwrap()).unwrap();
    std::fs::write(&out, serde_json::to_string_pretty(&merged).unwrap()).unwrap();
    println!("written to {}", out.display());
}
