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
use fahrplan::export::{ReportOptions, export_json, measures_csv, report_html, report_pdf};
use fahrplan::i18n::{I18n, Lang};
use fahrplan::model::{Measure, Roadmap, Status};
use fahrplan::store::Store;
use fahrplan::ui::{FahrplanApp, Prefs, Tab};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 27).unwrap()
}

/// `FAHRPLAN_BENCH_QUICK=1`: a tenth of the samples (at least three), for the regression gate
/// of `.ci/run`.
static QUICK: std::sync::LazyLock<bool> =
    std::sync::LazyLock::new(|| std::env::var("FAHRPLAN_BENCH_QUICK").is_ok_and(|v| v == "1"));

/// Runs `f` `samples` times after `warmup` runs and returns the median duration.
fn median(warmup: usize, samples: usize, mut f: impl FnMut()) -> Duration {
    let samples = if *QUICK { (samples / 10).max(3) } else { samples };
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
    // `FAHRPLAN_BENCH_FRAMES=3000`: more frames (for a profiler).
    let frames = std::env::var("FAHRPLAN_BENCH_FRAMES").ok().and_then(|n| n.parse().ok());
    median(30, frames.unwrap_or(300), || {
        let output = ctx.run_ui(input(), |ui| app.root_ui(ui));
        let primitives = ctx.tessellate(output.shapes, output.pixels_per_point);
        std::hint::black_box(primitives);
    })
}

fn app_with(measures: usize, tab: Tab) -> FahrplanApp {
    let mut store = Store::in_memory(Some(
        &fahrplan::app::default_seed(Lang::De).expect("the default roadmap"),
    ))
    .unwrap();
    let mut roadmap = store.load_roadmap().unwrap();
    if measures > roadmap.measures.len() {
        roadmap.measures = multiplied(&roadmap.measures, measures);
        store.replace_all(&roadmap, &[], true, None).unwrap();
    }
    let state = AppState::new(store, Lang::De, today()).unwrap();
    let mut app = FahrplanApp::new(state, Prefs { tab, ..Prefs::default() });
    app.view.selected = Some(app.state.roadmap().measures[5].code.clone());
    app
}

/// The presentation on the changes slide, with a meeting and 200 changes since it.
fn presenting_changes() -> FahrplanApp {
    let mut store = Store::in_memory(Some(
        &fahrplan::app::default_seed(Lang::De).expect("the default roadmap"),
    ))
    .unwrap();
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

/// The peak resident memory in MiB (`/usr/bin/time -v`) of `fahrplan list` on `db`, or with
/// `present` of this benchmark showing the presentation of `db` for one frame.
fn peak_rss_mib(db: &std::path::Path, present: bool) -> f64 {
    let mut command = std::process::Command::new("/usr/bin/time");
    command.arg("-v");
    if present {
        command.arg(std::env::current_exe().unwrap()).env("FAHRPLAN_BENCH_PRESENT", db);
    } else {
        command.arg(env!("CARGO_BIN_EXE_fahrplan")).args(["list", "--db"]).arg(db);
    }
    let output = command.output().expect("/usr/bin/time (Debian package time) runs");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let report = String::from_utf8_lossy(&output.stderr);
    let kib: f64 = report
        .lines()
        .find_map(|l| l.trim().strip_prefix("Maximum resident set size (kbytes): "))
        .and_then(|v| v.trim().parse().ok())
        .expect("the peak memory in the report");
    (kib / 1024.0 * 10.0).round() / 10.0
}

/// The presentation of `db` (read-only, as `fahrplan --present` opens it), one frame drawn.
fn present_once(db: &std::path::Path) {
    let state = fahrplan::app::open_presentation_state(db, Lang::De, today()).unwrap();
    assert!(state.message().is_none(), "{:?}", state.message());
    let mut app = FahrplanApp::new(state, Prefs::default());
    app.presenter = Some(fahrplan::ui::present::Presenter::new(true));
    let ctx = egui::Context::default();
    let input = egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1920.0, 1080.0))),
        ..Default::default()
    };
    let output = ctx.run_ui(input, |ui| app.root_ui(ui));
    std::hint::black_box(ctx.tessellate(output.shapes, output.pixels_per_point));
}

/// Verifying a history of 100,000 rows (`fahrplan check`): 50,000 changes of two fields each.
fn check_chain() -> Duration {
    let seed = fahrplan::app::default_seed(Lang::De).expect("the default roadmap");
    let mut store = Store::in_memory(Some(&seed)).unwrap();
    let mut rows = store.history(None).unwrap().len();
    let mut n = 0_u32;
    while rows < 100_000 {
        n += 1;
        store
            .update_measure("M01", None, "", |m| Measure {
                progress: u8::try_from(n % 100).unwrap(),
                notes: format!("Stand {n}"),
                ..m.clone()
            })
            .unwrap();
        rows += 2;
    }
    median(1, 5, || {
        let report = store.verify_history().unwrap();
        assert!(report.first_broken.is_none() && report.rows >= 100_000);
    })
}

fn main() {
    let mut results: BTreeMap<String, f64> = BTreeMap::new();
    let mut record = |name: &str, d: Duration| {
        let micros = d.as_secs_f64() * 1e6;
        println!("{name:<24} median {micros:>10.1} µs");
        results.insert(name.to_owned(), (micros * 10.0).round() / 10.0);
    };

    // `FAHRPLAN_BENCH_ONLY=server`: only the server's benchmarks (a quicker look at them).
    let only_server = std::env::var("FAHRPLAN_BENCH_ONLY").is_ok_and(|v| v == "server");
    // A process started by [`peak_rss_mib`]: the presentation's state on a file, one frame.
    if let Some(db) = std::env::var_os("FAHRPLAN_BENCH_PRESENT") {
        present_once(std::path::Path::new(&db));
        return;
    }
    let mut values = Vec::new();
    // A first gate run forgets the figures of any earlier one before it measures: a retry may
    // only count the run just before it (if that one crashed, it has nothing to count).
    if std::env::var("FAHRPLAN_BENCH_GATE").is_ok_and(|v| v == "1")
        && !std::env::var("FAHRPLAN_BENCH_GATE_RETRY").is_ok_and(|v| v == "1")
    {
        let _ = std::fs::remove_file(target_dir().join("perf-gate-last.json"));
    }
    // `FAHRPLAN_BENCH_ONLY=assessment`: only the assessment's benchmarks.
    let only_assessment = std::env::var("FAHRPLAN_BENCH_ONLY").is_ok_and(|v| v == "assessment");
    // `FAHRPLAN_BENCH_ONLY=frames`: only the views' frames.
    let only_frames = std::env::var("FAHRPLAN_BENCH_ONLY").is_ok_and(|v| v == "frames");
    // `FAHRPLAN_BENCH_ONLY=reports`: only the reports and exports.
    let only_reports = std::env::var("FAHRPLAN_BENCH_ONLY").is_ok_and(|v| v == "reports");
    if only_frames {
        frame_benches(&mut record);
    } else if only_reports {
        report_benches(&mut record);
    } else if only_assessment {
        assessment_benches(&mut record);
    } else if !only_server {
        local_benches(&mut record, &mut values);
    }
    if let Ok(url) = std::env::var("FAHRPLAN_TEST_PG") {
        server_benches(&url, &mut record);
    } else {
        println!("(server benchmarks: run with .ci/with-postgres cargo bench --bench perf)");
    }

    let target = target_dir();
    let out = target.join("perf.json");
    let mut merged: BTreeMap<String, f64> = std::fs::read(&out)
        .ok()
        .and_then(|bytes| serde_json::from_slice(&bytes).ok())
        .unwrap_or_default();
    let mut this_run = results;
    this_run.extend(values);
    merged.extend(this_run.clone());
    std::fs::create_dir_all(out.parent().unwrap()).unwrap();
    std::fs::write(&out, serde_json::to_string_pretty(&merged).unwrap()).unwrap();
    println!("written to {}", out.display());
    // `FAHRPLAN_BENCH_GATE=1` (`.ci/run`): every figure of this run against its target. A
    // second try (`FAHRPLAN_BENCH_GATE_RETRY=1`, after a failed one) counts the better of the
    // two runs per figure: a disturbed machine rarely disturbs both, a regression shows twice.
    if std::env::var("FAHRPLAN_BENCH_GATE").is_ok_and(|v| v == "1") {
        let last = target.join("perf-gate-last.json");
        let mut figures = this_run.clone();
        if std::env::var("FAHRPLAN_BENCH_GATE_RETRY").is_ok_and(|v| v == "1") {
            let before: BTreeMap<String, f64> = std::fs::read(&last)
                .ok()
                .and_then(|bytes| serde_json::from_slice(&bytes).ok())
                .unwrap_or_default();
            for (name, value) in &mut figures {
                if let Some(earlier) = before.get(name) {
                    *value = value.min(*earlier);
                }
            }
            println!("(the better of this run and the last per figure)");
        }
        std::fs::write(&last, serde_json::to_string_pretty(&this_run).unwrap()).unwrap();
        if !gate(&figures) {
            std::process::exit(1);
        }
    }
}

/// The build's target folder, wherever CARGO_TARGET_DIR puts it.
fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target"), PathBuf::from)
}

/// The targets beside this file (`benches/targets.json`: name → target in the unit of
/// `perf.json`, microseconds or MiB). Prints the table and returns whether every figure is within
/// twice its target; a figure without a target fails too, so a new benchmark brings its own.
fn gate(figures: &BTreeMap<String, f64>) -> bool {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("benches/targets.json");
    let targets: BTreeMap<String, serde_json::Value> =
        serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    println!("\n{:<32} {:>12} {:>12} {:>7}", "benchmark", "median", "target", "ratio");
    let mut ok = true;
    for (name, value) in figures {
        let Some(target) = targets.get(name).and_then(|t| t["target"].as_f64()) else {
            println!("{name:<32} {value:>12.1} {:>12} {:>7}  FAIL: no target", "–", "–");
            ok = false;
            continue;
        };
        let ratio = value / target;
        let verdict = if ratio > 2.0 {
            ok = false;
            "FAIL: over twice the target"
        } else if ratio > 1.0 {
            "over target"
        } else {
            ""
        };
        println!("{name:<32} {value:>12.1} {target:>12.1} {ratio:>7.2}  {verdict}");
    }
    println!("(µs, or MiB for *_mib; the gate fails above twice a target)");
    ok
}

/// Everything on files and in memory: opening, writing, reports, frames.
fn local_benches(record: &mut impl FnMut(&str, Duration), values: &mut Vec<(String, f64)>) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bench.sqlite");
    drop(
        Store::create(
            &path,
            Some(&fahrplan::app::default_seed(Lang::De).expect("the default roadmap")),
        )
        .unwrap(),
    );
    record(
        "open_default",
        median(5, 100, || {
            let store = Store::open(&path).unwrap();
            std::hint::black_box(store.load_roadmap().unwrap());
        }),
    );

    // A viewer's opening: the file copied into memory (without evidence bytes) and read.
    record(
        "open_read_only_default",
        median(5, 100, || {
            let store = Store::open_read_only(&path).unwrap();
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

    // Evidence: a 25 MB file (the limit) read from disk, hashed and kept in the file, as
    // `evidence add` and the window do it; each sample a new content (no de-duplication), on a
    // file that grows by 25 MB per sample. Then read back whole.
    let mut bytes: Vec<u8> = (0..fahrplan::model::MAX_EVIDENCE_BYTES)
        .map(|i| u8::try_from((i * 7919 + i / 4093) % 251).unwrap())
        .collect();
    let scans: Vec<std::path::PathBuf> = (0..10_u32)
        .map(|n| {
            bytes[..4].copy_from_slice(&n.to_le_bytes());
            let scan = dir.path().join(format!("scan-{n}.pdf"));
            std::fs::write(&scan, &bytes).unwrap();
            scan
        })
        .collect();
    drop(bytes);
    let mut next = scans.iter();
    let mut last = 0;
    record(
        "evidence_add_25mb",
        median(1, 9, || {
            let scan = next.next().unwrap();
            let source = fahrplan::app::read_evidence_file(scan).unwrap();
            let new =
                fahrplan::model::NewEvidence { source, note: String::new(), reevaluation: None };
            last = store.add_evidence("M07", &new).unwrap().id;
        }),
    );
    record(
        "evidence_get_25mb",
        median(1, 9, || {
            std::hint::black_box(store.evidence_bytes("M07", last).unwrap());
        }),
    );
    // A reader's memory on this roadmap of 225 MB of evidence: its copy leaves the evidence
    // files' bytes in the file (issue 26: below 80 MB).
    for (name, args) in
        [("rss_list_evidence_225mb_mib", None), ("rss_present_evidence_225mb_mib", Some(()))]
    {
        let peak = peak_rss_mib(&path, args.is_some());
        println!("{name:<24} peak {peak:>10.1} MiB");
        assert!(peak < 80.0, "{name}: {peak} MiB, the limit is 80 MiB (issue 26)");
        values.push((name.to_owned(), peak));
    }

    report_benches(record);
    record("check_chain_100000", check_chain());
    frame_benches(record);
    assessment_benches(record);
}

/// The reports and exports of the default roadmap, and the PDF of 1,000 measures.
fn report_benches(record: &mut impl FnMut(&str, Duration)) {
    // Exports of the default roadmap (as the window and `fahrplan export` make them).
    let fresh = Store::in_memory(Some(
        &fahrplan::app::default_seed(Lang::De).expect("the default roadmap"),
    ))
    .unwrap();
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
    record(
        "export_html",
        median(3, 30, || {
            std::hint::black_box(report_html(&roadmap, &history, today(), &tr, &options).unwrap());
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
    // A note that is one word of 10,000 letters (the longest a field allows) on evidence the
    // report lists, and a title of one 200-letter word: the report's wrapping is linear in the
    // length of a word.
    let mut long = roadmap.clone();
    long.measures[0].title = "Datensicherungskonzept".repeat(9);
    long.evidence.push(fahrplan::model::Evidence {
        id: 1,
        code: long.measures[0].code.clone(),
        reevaluation: None,
        kind: fahrplan::model::EvidenceKind::Link,
        name: "Protokoll".into(),
        url: Some("https://intranet/protokoll".into()),
        size: None,
        sha256: None,
        note: "Datensicherungskonzept".repeat(454),
        added_at: today().and_hms_opt(9, 0, 0).unwrap(),
        added_by: "it-leitung".into(),
    });
    record(
        "export_pdf_long_word",
        median(1, 9, || {
            std::hint::black_box(report_pdf(&long, &history, today(), &tr, &options).unwrap());
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
}

/// One frame of every view, at the default 20 measures and at 10,000.
fn frame_benches(record: &mut impl FnMut(&str, Duration)) {
    for (name, tab) in [
        ("main", Tab::Table),
        ("dashboard", Tab::Dashboard),
        ("timeline", Tab::Timeline),
        ("finance", Tab::Finance),
        ("history", Tab::History),
        ("assessment", Tab::Assessment),
    ] {
        for n in [20, 10_000] {
            let name = format!("frame_{name}_{n}");
            // `FAHRPLAN_BENCH_VIEW=frame_main_10000`: one view alone (for a profiler).
            if std::env::var("FAHRPLAN_BENCH_VIEW").is_ok_and(|only| only != name) {
                continue;
            }
            record(&name, frame_bench(&mut app_with(n, tab)));
        }
    }
    record("frame_present_changes", frame_bench(&mut presenting_changes()));
    if std::env::var("FAHRPLAN_BENCH_VIEW").is_ok_and(|only| only != "frame_overview_40") {
        return;
    }
    // "Alle Fahrpläne" with 40 towns of 200 measures each (a folder of files).
    let dir = tempfile::tempdir().unwrap();
    let seed = seed_with(200);
    for town in 0..40 {
        Store::create(&dir.path().join(format!("stadt{town:02}.sqlite")), Some(&seed)).unwrap();
    }
    let mut app = FahrplanApp::new(
        AppState::new(Store::in_memory(None).unwrap(), Lang::De, today()).unwrap(),
        Prefs::default(),
    );
    let ctx = egui::Context::default();
    let now = today().and_hms_opt(9, 0, 0).unwrap();
    let source = fahrplan::app::overview::Source::Folder(dir.path().to_owned());
    app.view.all_roadmaps.open(source, &ctx, now);
    while app.view.all_roadmaps.overview().is_none() {
        std::thread::sleep(Duration::from_millis(10));
        app.view.all_roadmaps.poll(&ctx, now);
    }
    assert_eq!(app.view.all_roadmaps.overview().unwrap().towns.len(), 40);
    record("frame_overview_40", frame_bench(&mut app));
}

/// `n` measures made of `seeds`, ids from 1. The first keep their codes (so their expenses and
/// re-evaluations stay with them), the rest are coded `X00020` on, without dependencies.
fn multiplied(seeds: &[Measure], n: usize) -> Vec<Measure> {
    (0..n)
        .map(|i| {
            let seed = &seeds[i % seeds.len()];
            Measure {
                id: i64::try_from(i).unwrap() + 1,
                code: if i < seeds.len() { seed.code.clone() } else { format!("X{i:05}") },
                depends_on: if i < seeds.len() { seed.depends_on.clone() } else { Vec::new() },
                ..seed.clone()
            }
        })
        .collect()
}

/// The default roadmap's seed with `n` measures (see [`multiplied`]).
fn seed_with(n: usize) -> fahrplan::model::Seed {
    let mut seed = fahrplan::app::default_seed(Lang::De).expect("the default roadmap");
    seed.roadmap.measures = multiplied(&seed.roadmap.measures, n);
    seed
}

/// An OSCAL catalog of `n` controls in ten groups, each with a statement of about 4 KB (1,000
/// controls: about 4 MB).
fn oscal_catalog(n: usize) -> Vec<u8> {
    let prose =
        "Die Organisation MUSS die Anforderung umsetzen, dokumentieren und prüfen. ".repeat(52);
    let groups: Vec<serde_json::Value> = (0..10)
        .map(|g| {
            let controls: Vec<serde_json::Value> = (0..n / 10)
                .map(|c| {
                    serde_json::json!({
                        "id": format!("G{g}.{c}"),
                        "title": format!("Anforderung {g}.{c} zur Informationssicherheit"),
                        "props": [{"name": "level", "value": "MUSS"}],
                        "parts": [{"id": format!("G{g}.{c}_smt"), "name": "statement", "prose": prose}],
                    })
                })
                .collect();
            serde_json::json!({"id": format!("G{g}"), "title": format!("Gruppe {g}"), "controls": controls})
        })
        .collect();
    serde_json::to_vec(&serde_json::json!({"catalog": {
        "uuid": "00000000-0000-4000-8000-000000000000",
        "metadata": {"title": "Bench", "version": "1", "oscal-version": "1.1.2"},
        "groups": groups,
    }}))
    .unwrap()
}

/// The default roadmap with a catalogue of 900 requirements and a round assessing them all.
fn roadmap_with_900() -> Store {
    use fahrplan::import::{CatalogFormat, parse_catalog};
    use fahrplan::model::{AssessResult, Outcome, Round};
    let mut store =
        Store::in_memory(Some(&fahrplan::app::default_seed(Lang::De).unwrap())).unwrap();
    let mut roadmap = store.load_roadmap().unwrap();
    let catalog = parse_catalog(&oscal_catalog(900), CatalogFormat::Oscal, None, "bench").unwrap();
    let round = Round {
        title: "Prüfung 900".into(),
        date: today(),
        by: "ISB".into(),
        catalogs: vec![catalog.name.clone()],
        from: None,
        target_maturity: None,
    };
    for (i, r) in catalog.requirements().iter().enumerate() {
        roadmap.assessment.results.push(AssessResult {
            round: round.title.clone(),
            catalog: catalog.name.clone(),
            requirement: r.node.id.clone(),
            result: Outcome::ALL[i % Outcome::ALL.len()],
            maturity: None,
            note: String::new(),
            carried_over: false,
            assessed_on: today(),
        });
    }
    roadmap.assessment.rounds.push(round);
    roadmap.assessment.catalogs.push(catalog);
    store.replace_all(&roadmap, &[], true, None).unwrap();
    store
}

/// Catalogue import (1,000 requirements, 4 MB), the tab's frame with 900 requirements, and
/// `assessment show --format json` on a file with them.
fn assessment_benches(record: &mut impl FnMut(&str, Duration)) {
    use fahrplan::import::{CatalogFormat, parse_catalog};
    use fahrplan::model::AssessChange;
    let bytes = oscal_catalog(1000);
    println!("(catalogue of 1,000 requirements: {} bytes)", bytes.len());
    let mut store =
        Store::in_memory(Some(&fahrplan::app::default_seed(Lang::De).unwrap())).unwrap();
    let mut n = 0;
    record(
        "catalog_import_1000",
        median(1, 9, || {
            n += 1;
            let name = format!("Bench {n}");
            let catalog =
                parse_catalog(&bytes, CatalogFormat::Oscal, Some(&name), "bench").unwrap();
            store.assess(&AssessChange::ImportCatalog(catalog)).unwrap();
        }),
    );
    let with_900 = roadmap_with_900();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("900.sqlite");
    with_900.backup_to(&path).unwrap();
    let state = AppState::new(with_900, Lang::De, today()).unwrap();
    let mut app = FahrplanApp::new(state, Prefs { tab: Tab::Assessment, ..Prefs::default() });
    app.view.assessment.round = Some("Prüfung 900".into());
    record("frame_assessment_900", frame_bench(&mut app));
    record(
        "assessment_show_json_900",
        median(2, 21, || {
            let out = std::process::Command::new(env!("CARGO_BIN_EXE_fahrplan"))
                .args([
                    "--db",
                    path.to_str().unwrap(),
                    "assessment",
                    "show",
                    "Prüfung 900",
                    "--format",
                    "json",
                ])
                .env("FAHRPLAN_TODAY", "2026-11-27")
                .output()
                .unwrap();
            assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
            std::hint::black_box(out.stdout);
        }),
    );
}

/// `open_pg` (connect and load the default roadmap), `commit_status_pg` (one status change with
/// its history) and a load run: 10 clients × 100 edits on one roadmap at once, with throughput,
/// the 95th percentile and a check that no edit was lost.
fn server_benches(url: &str, record: &mut impl FnMut(&str, Duration)) {
    use fahrplan::store::pg::{PgStore, ServerUrl, init_roadmap, write_seed};
    let roadmap = format!("bench_{}", std::process::id());
    let seed = fahrplan::app::default_seed(Lang::De).expect("the default roadmap");
    let mut admin = ServerUrl::parse(url).unwrap().connect().unwrap();
    init_roadmap(&mut admin, &roadmap, |tx| write_seed(tx, &seed, "bench")).unwrap();
    record(
        "open_pg",
        median(3, 50, || {
            let store = PgStore::open(url, Some(&roadmap)).unwrap();
            std::hint::black_box(store.load_roadmap().unwrap());
        }),
    );
    let mut store = PgStore::open(url, Some(&roadmap)).unwrap();
    let mut flip = false;
    record(
        "commit_status_pg",
        median(10, 200, || {
            flip = !flip;
            let status = if flip { Status::OnHold } else { Status::InProgress };
            store.set_status("M18", status, "bench", today(), None).unwrap();
        }),
    );

    let before = store.load_roadmap().unwrap().expenses.len();
    let started = Instant::now();
    let clients: Vec<_> = (0..10_i64)
        .map(|client| {
            let (url, roadmap) = (url.to_owned(), roadmap.clone());
            std::thread::spawn(move || {
                let mut store = PgStore::open(&url, Some(&roadmap)).unwrap();
                (0..100_i64)
                    .map(|i| {
                        let start = Instant::now();
                        let amount = fahrplan::model::Money(100 + client * 1000 + i);
                        store.add_expense("M18", today(), amount, "load").unwrap();
                        start.elapsed()
                    })
                    .collect::<Vec<_>>()
            })
        })
        .collect();
    let mut times: Vec<Duration> = clients.into_iter().flat_map(|c| c.join().unwrap()).collect();
    let total = started.elapsed();
    times.sort();
    let after = store.load_roadmap().unwrap().expenses.len();
    assert_eq!(after, before + 1000, "no edit lost");
    println!(
        "load_pg_10x100           {:.0} edits/s, median {:.1} ms, p95 {:.1} ms, none lost",
        1000.0 / total.as_secs_f64(),
        times[times.len() / 2].as_secs_f64() * 1e3,
        times[times.len() * 95 / 100].as_secs_f64() * 1e3,
    );
    record("load_pg_p95", times[times.len() * 95 / 100]);
    admin.batch_execute(&format!("DROP SCHEMA {roadmap} CASCADE")).unwrap();
    overview_bench(url, &mut admin, record);
}

/// `overview` of 40 towns with 200 measures each, all readable by the login: every roadmap
/// read in one round trip, the figures made as for each town's own summary.
fn overview_bench(
    url: &str,
    admin: &mut postgres::Client,
    record: &mut impl FnMut(&str, Duration),
) {
    use fahrplan::store::pg::{init_roadmap, write_seed};
    let seed = seed_with(200);
    let towns: Vec<String> =
        (0..40).map(|t| format!("bench_{}_{t:02}", std::process::id())).collect();
    for town in &towns {
        init_roadmap(admin, town, |tx| write_seed(tx, &seed, "bench")).unwrap();
    }
    let source = fahrplan::app::overview::Source::Server(url.to_owned());
    let now = today().and_hms_opt(9, 0, 0).unwrap();
    record(
        "overview_pg_40x200",
        median(1, 10, || {
            let read = fahrplan::app::overview::load(&source, now).unwrap();
            let ours = read.towns.iter().filter(|t| towns.contains(&t.name)).count();
            assert_eq!(ours, 40);
            assert!(read.towns.iter().all(|t| t.figures.is_ok()));
            std::hint::black_box(read);
        }),
    );
    for town in &towns {
        let roles: Vec<String> =
            ["editor", "viewer", "admin"].iter().map(|r| format!("fahrplan_{town}_{r}")).collect();
        admin.batch_execute(&format!("DROP SCHEMA {town} CASCADE")).unwrap();
        for role in roles {
            let _ = admin.batch_execute(&format!("DROP ROLE IF EXISTS {role}"));
        }
    }
}
