//! Data safety: concurrent writers lose nothing, a full disk is reported with the data intact,
//! killed writers leave every acknowledged change behind.

// The crash-test helper is test code too; a failed unwrap there fails the test, as it should.
#![allow(clippy::unwrap_used)]

use std::process::{Command, Stdio};

use chrono::NaiveDate;
use fahrplan::i18n::Lang;
use fahrplan::model::{Measure, Money};
use fahrplan::store::{Store, StoreError, inspect};

#[test]
fn two_writers_doing_500_read_modify_write_cycles_lose_no_update() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("race.sqlite");
    drop(
        Store::create(
            &path,
            Some(&fahrplan::app::default_seed(Lang::De).expect("the default roadmap")),
        )
        .unwrap(),
    );
    let start = Store::open(&path).unwrap().measure("M18").unwrap().unwrap().planned_one_off;
    let writers: Vec<_> = (0..2)
        .map(|w| {
            let path = path.clone();
            std::thread::spawn(move || {
                let mut store = Store::open(&path).unwrap();
                store.set_who(format!("writer-{w}"));
                let mut acknowledged = 0;
                for _ in 0..500 {
                    // Read, add one cent, write: inside one BEGIN IMMEDIATE transaction.
                    let result = store.update_measure("M18", None, "", |m| Measure {
                        planned_one_off: Money(m.planned_one_off.cents() + 1),
                        ..m.clone()
                    });
                    match result {
                        Ok(_) => acknowledged += 1,
                        Err(e) => panic!("writer {w}: {e}"),
                    }
                }
                acknowledged
            })
        })
        .collect();
    let acknowledged: i64 = writers.into_iter().map(|h| h.join().unwrap()).sum();
    assert_eq!(acknowledged, 1000);
    let store = Store::open(&path).unwrap();
    let end = store.measure("M18").unwrap().unwrap().planned_one_off;
    assert_eq!(end.cents() - start.cents(), acknowledged, "no update was lost");
    let history = store.history(Some("M18")).unwrap();
    let changes = history.iter().filter(|c| c.field == "planned_one_off_cents").count();
    assert_eq!(changes as i64, acknowledged, "the history agrees with the acknowledged writes");
    // Each history row continues where the one before ended.
    let values: Vec<i64> = history
        .iter()
        .filter(|c| c.field == "planned_one_off_cents")
        .map(|c| c.new.as_deref().unwrap().parse().unwrap())
        .collect();
    assert!(values.windows(2).all(|w| w[1] == w[0] + 1));
}

#[test]
fn a_full_disk_is_reported_and_the_previous_data_stays_intact() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("full.sqlite");
    drop(
        Store::create(
            &path,
            Some(&fahrplan::app::default_seed(Lang::De).expect("the default roadmap")),
        )
        .unwrap(),
    );
    let mut store = Store::open(&path).unwrap();
    let before = store.load_roadmap().unwrap();
    // Cap the file at its current size: the next page it needs does not fit.
    store.limit_pages_for_test();
    // Within the note's limit, and more than a page.
    let long_note = "x".repeat(9_000);
    let err = store
        .add_expense("M18", NaiveDate::from_ymd_opt(2026, 11, 2).unwrap(), Money(100), &long_note)
        .unwrap_err();
    assert!(matches!(err, StoreError::DiskFull), "{err:?}");
    let message = err.localize(&fahrplan::i18n::I18n::new(Lang::De));
    assert!(message.contains("Datenträger ist voll"), "{message}");
    drop(store);
    let after = Store::open(&path).unwrap().load_roadmap().unwrap();
    assert_eq!(after, before, "nothing partial was written");
    assert_eq!(inspect(&path).unwrap().integrity, "ok");
}

/// Runs `fahrplan set-progress` as separate processes and kills some of them at random moments;
/// every change a process acknowledged (printed and exited with 0) must be in the file.
fn crash_runs(runs: usize) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("crash.sqlite");
    drop(
        Store::create(
            &path,
            Some(&fahrplan::app::default_seed(Lang::De).expect("the default roadmap")),
        )
        .unwrap(),
    );
    let mut acknowledged = Vec::new();
    let mut killed = 0;
    // A small deterministic generator, so a failure can be reproduced.
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    for run in 0..runs {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let progress = run % 101;
        let mut child = Command::new(env!("CARGO_BIN_EXE_fahrplan"))
            .args(["set-progress", "M19", &progress.to_string()])
            .arg("--db")
            .arg(&path)
            .env("FAHRPLAN_USER", "crash-test")
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // Every fifth run is left to finish, so that acknowledged writes are always checked.
        if run % 5 != 4 {
            let delay = std::time::Duration::from_micros(seed % 30_000);
            std::thread::sleep(delay);
            let _ = child.kill();
        }
        let output = child.wait_with_output().unwrap();
        if output.status.success() && String::from_utf8_lossy(&output.stdout).contains("M19") {
            acknowledged.push(progress);
        } else {
            killed += 1;
        }
        // A reader right after a crash sees a sound file or is told that a write was
        // interrupted (only a writer may roll it back); never a damaged file.
        match inspect(&path) {
            Ok(report) => assert_eq!(report.integrity, "ok", "run {run}"),
            Err(StoreError::Interrupted { .. }) => {}
            Err(e) => panic!("run {run}: {e:?}"),
        }
        // The next writer repairs it: then the file is sound.
        drop(Store::open(&path).unwrap());
        assert_eq!(inspect(&path).unwrap().integrity, "ok", "run {run}");
    }
    let store = Store::open(&path).unwrap();
    let recorded: Vec<String> = store
        .history(Some("M19"))
        .unwrap()
        .into_iter()
        .filter(|c| c.field == "progress")
        .filter_map(|c| c.new)
        .collect();
    for p in &acknowledged {
        assert!(recorded.contains(&p.to_string()), "acknowledged progress {p} is missing");
    }
    eprintln!(
        "crash test: {runs} runs, {} acknowledged, {killed} killed or unacknowledged",
        acknowledged.len()
    );
    assert!(killed > 0 || runs < 5, "the test killed no process: the delays are too long");
    assert!(acknowledged.len() >= runs / 5, "too few acknowledged writes were checked");
}

#[test]
fn killed_writers_leave_every_acknowledged_change() {
    let runs = if std::env::var_os("FAHRPLAN_LONG_TESTS").is_some() { 50 } else { 20 };
    crash_runs(runs);
}

#[test]
fn a_damaged_file_at_start_is_set_aside_and_backups_are_offered_foreign_files_stay() {
    let dir = tempfile::tempdir().unwrap();
    let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    // A Fahrplan file with a backup, then damaged inside.
    let path = dir.path().join("stadt.sqlite");
    let store = Store::create(
        &path,
        Some(&fahrplan::app::default_seed(Lang::De).expect("the default roadmap")),
    )
    .unwrap();
    store.backup_now(today.and_hms_opt(8, 0, 0).unwrap(), None).unwrap();
    drop(store);
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
    }
    let mut content = std::fs::read(&path).unwrap();
    let page = usize::from(u16::from_be_bytes([content[16], content[17]]));
    for b in &mut content[page..page * 2] {
        *b = 0x5A;
    }
    std::fs::write(&path, &content).unwrap();
    let mut state = fahrplan::app::open_state(&path, Lang::De, today).unwrap();
    assert!(state.take_backup_offer());
    assert!(state.message().as_ref().unwrap().text.contains("beiseitegelegt"));
    assert!(!path.exists(), "the damaged file was moved aside");
    let aside: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().contains(".damaged-"))
        .collect();
    assert_eq!(aside.len(), 1);
    assert_eq!(std::fs::read(&aside[0]).unwrap(), content, "kept byte for byte");
    // The newest backup restores a sound roadmap with the same data.
    state.list_backups();
    state.wait_for_job();
    let backups = state.backups().expect("listed").to_vec();
    assert_eq!(backups.len(), 1);
    state.push(fahrplan::app::Command::Restore(backups[0].path.clone()));
    state.apply_queue();
    state.wait_for_job();
    assert_eq!(state.roadmap().measures.len(), 20);
    assert_eq!(inspect(&path).unwrap().integrity, "ok");

    // Another application's file is only refused.
    let foreign = dir.path().join("other.sqlite");
    rusqlite::Connection::open(&foreign).unwrap().execute_batch("CREATE TABLE t (x)").unwrap();
    let before = std::fs::read(&foreign).unwrap();
    let mut state = fahrplan::app::open_state(&foreign, Lang::De, today).unwrap();
    assert!(!state.take_backup_offer());
    assert_eq!(std::fs::read(&foreign).unwrap(), before);
}

/// A file whose name is not UTF-8 (a Unix file system allows any bytes) is opened to read as
/// itself, not as a look-alike with replacement characters (issue 26).
#[cfg(unix)]
#[test]
fn a_roadmap_whose_path_is_not_utf8_is_read() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(std::ffi::OsStr::from_bytes(b"fahrplan-\xff\xfe%3f.sqlite"));
    drop(Store::create(&path, Some(&fahrplan::app::default_seed(Lang::De).unwrap())).unwrap());
    let viewer = Store::open_read_only(&path).unwrap();
    assert_eq!(viewer.load_roadmap().unwrap().measures.len(), 20);
    drop(viewer);
    let listed = Command::new(env!("CARGO_BIN_EXE_fahrplan"))
        .args(["list", "--format", "json", "--db"])
        .arg(&path)
        .env_remove("FAHRPLAN_DB")
        .env("FAHRPLAN_TODAY", "2026-11-27")
        .output()
        .unwrap();
    assert!(listed.status.success(), "{}", String::from_utf8_lossy(&listed.stderr));
    let measures: serde_json::Value = serde_json::from_slice(&listed.stdout).unwrap();
    assert_eq!(measures.as_array().map(Vec::len), Some(20));
    // Nothing else appeared beside it (no look-alike file was created).
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}
