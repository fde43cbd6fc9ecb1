//! Server mode against a real PostgreSQL: the private cluster of `.ci/with-postgres`, whose
//! address comes in `FAHRPLAN_TEST_PG`. Without it the tests are skipped with a note, except under
//! `CI=true`, where they are required. Every test uses roadmap and login names of its own, so they
//! run side by side on one cluster.

#![allow(clippy::unwrap_used)]

mod common;

use std::process::Output;

use common::fahrplan;

/// The test cluster's superuser address, or `None` (with a note) where there is none.
fn cluster() -> Option<String> {
    match std::env::var("FAHRPLAN_TEST_PG") {
        Ok(url) if !url.is_empty() => Some(url),
        _ => {
            common::unavailable("the test cluster (FAHRPLAN_TEST_PG, .ci/with-postgres)");
            None
        }
    }
}

/// A name of its own for this test run: `prefix` and a number. The test's [`Tidy`] removes the
/// roadmap, schema or role of that name when the test ends.
fn unique(prefix: &str) -> String {
    static NEXT: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let name = format!("{prefix}_{}_{n}", std::process::id());
    NAMED.with(|named| named.borrow_mut().push(name.clone()));
    name
}

thread_local! {
    /// The names this thread's test gave out (each test runs on a thread of its own).
    static NAMED: std::cell::RefCell<Vec<String>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Leaves the cluster as the test found it, however the test ends: every schema and role named
/// by [`unique`] on this thread (a roadmap's schema and its three roles, a login, a group).
struct Tidy(String);

impl Drop for Tidy {
    fn drop(&mut self) {
        let names = NAMED.with(|named| std::mem::take(&mut *named.borrow_mut()));
        let Ok(mut admin) = postgres::Client::connect(&self.0, postgres::NoTls) else { return };
        for name in &names {
            let _ = admin.batch_execute(&format!("DROP SCHEMA IF EXISTS \"{name}\" CASCADE"));
            let roles = ["editor", "viewer", "admin"].map(|r| format!("fahrplan_{name}_{r}"));
            for role in roles.iter().chain(std::iter::once(name)) {
                let exists = admin
                    .query_opt("SELECT 1 FROM pg_roles WHERE rolname = $1", &[role])
                    .is_ok_and(|row| row.is_some());
                if exists {
                    let _ = admin.batch_execute(&format!(
                        "DROP OWNED BY \"{role}\" CASCADE; DROP ROLE \"{role}\""
                    ));
                }
            }
        }
    }
}

/// Every test here leaves the cluster without its schemas and roles.
#[test]
fn the_tests_leave_no_schema_or_role_behind() {
    let Some(url) = cluster() else { return };
    let town;
    {
        let _tidy = Tidy(url.clone());
        town = unique("aufraeumen");
        let who = unique("weg");
        login(&url, &who);
        assert!(run(&url, &["server", "init", "--roadmap", &town]).status.success());
    }
    let mut admin = postgres::Client::connect(&url, postgres::NoTls).unwrap();
    let left: i64 = admin
        .query_one(
            "SELECT (SELECT count(*) FROM pg_namespace WHERE nspname = $1) \
                  + (SELECT count(*) FROM pg_roles WHERE rolname LIKE 'fahrplan_' || $1 || '%')",
            &[&town],
        )
        .unwrap()
        .get(0);
    assert_eq!(left, 0, "schema and roles of {town} are gone");
}

/// The cluster's address as `login` (trust authentication: no password).
fn as_login(url: &str, login: &str) -> String {
    url.replacen("postgresql://postgres@", &format!("postgresql://{login}@"), 1)
}

/// Creates a login role.
fn login(url: &str, name: &str) {
    let mut admin = postgres::Client::connect(url, postgres::NoTls).unwrap();
    admin.batch_execute(&format!("CREATE ROLE {name} LOGIN")).unwrap();
}

fn run(url: &str, args: &[&str]) -> Output {
    fahrplan(std::path::Path::new(url), args)
}

fn text(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

#[test]
fn roadmaps_are_created_and_shared_only_with_their_roles() {
    let Some(url) = cluster() else { return };
    let _tidy = Tidy(url.clone());
    let _shared = SERVER.read().unwrap_or_else(std::sync::PoisonError::into_inner);
    let (town, other) = (unique("stadt"), unique("dorf"));
    let (editor, viewer, stranger) = (unique("anna"), unique("bernd"), unique("dora"));
    for name in [&editor, &viewer, &stranger] {
        login(&url, name);
    }
    for roadmap in [&town, &other] {
        let created = run(&url, &["server", "init", "--roadmap", roadmap, "--empty"]);
        assert!(created.status.success(), "{}", text(&created));
    }
    // The same name twice, and names that are no identifiers, are refused with exit 1.
    let again = run(&url, &["server", "init", "--roadmap", &town, "--empty"]);
    assert_eq!(again.status.code(), Some(1), "{}", text(&again));
    for bad in ["Blumberg", "1a", "x-y", "a;drop"] {
        let refused = run(&url, &["--lang", "en", "server", "init", "--roadmap", bad]);
        assert_eq!(refused.status.code(), Some(1), "{bad}: {}", text(&refused));
        assert!(text(&refused).contains("not a roadmap name"), "{}", text(&refused));
    }
    for (login, role) in [(&editor, "editor"), (&viewer, "viewer")] {
        let granted = run(&url, &["server", "grant", login, role, "--roadmap", &town]);
        assert!(granted.status.success(), "{}", text(&granted));
    }
    // Each user lists what they may see, with their role.
    let listed = |login: &str| {
        let output = run(&as_login(&url, login), &["server", "roadmaps", "--format", "json"]);
        assert!(output.status.success(), "{}", text(&output));
        let list: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
        list.as_array()
            .unwrap()
            .iter()
            .filter(|r| r["name"] == *town || r["name"] == *other)
            .map(|r| {
                (r["name"].as_str().unwrap().to_owned(), r["role"].as_str().unwrap().to_owned())
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(listed(&editor), [(town.clone(), "editor".to_owned())]);
    assert_eq!(listed(&viewer), [(town.clone(), "viewer".to_owned())]);
    assert!(listed(&stranger).is_empty());

    // PostgreSQL itself enforces it, whatever program connects.
    let sql = |login: &str, statement: &str| {
        let mut client =
            postgres::Client::connect(&as_login(&url, login), postgres::NoTls).unwrap();
        client.batch_execute(statement).map_err(|e| e.code().cloned())
    };
    let insert = format!("INSERT INTO {town}.meeting (date, title) VALUES ('2026-12-10', 'Rat')");
    assert!(sql(&editor, &insert).is_ok(), "the editor writes");
    let denied = Some(postgres::error::SqlState::INSUFFICIENT_PRIVILEGE);
    assert_eq!(sql(&viewer, &insert).err(), Some(denied.clone()), "the viewer only reads");
    assert!(sql(&viewer, &format!("SELECT * FROM {town}.meeting")).is_ok());
    assert_eq!(
        sql(&stranger, &format!("SELECT * FROM {town}.meeting")).err(),
        Some(denied.clone())
    );
    assert_eq!(sql(&editor, &format!("SELECT * FROM {other}.meeting")).err(), Some(denied.clone()));
    assert_eq!(
        sql(&editor, &format!("UPDATE {town}.fahrplan_schema SET version = 99")).err(),
        Some(denied.clone()),
        "nobody but the administrator changes what the schema says it is"
    );

    // Revoked: nothing left.
    let revoked = run(&url, &["server", "revoke", &editor, "--roadmap", &town]);
    assert!(revoked.status.success(), "{}", text(&revoked));
    assert!(listed(&editor).is_empty());
    assert_eq!(sql(&editor, &format!("SELECT * FROM {town}.meeting")).err(), Some(denied));
    let unknown = run(&url, &["server", "grant", &editor, "editor", "--roadmap", "gibtsnicht"]);
    assert_eq!(unknown.status.code(), Some(2), "{}", text(&unknown));
}

#[test]
fn an_unreachable_server_is_named_within_the_time_limit() {
    // A port nobody listens on: refused at once, exit 2, the host named.
    let started = std::time::Instant::now();
    let output =
        run("postgresql://nobody@127.0.0.1:9/none", &["--lang", "en", "server", "roadmaps"]);
    assert_eq!(output.status.code(), Some(2), "{}", text(&output));
    assert!(text(&output).contains("127.0.0.1:9"), "{}", text(&output));
    assert!(text(&output).contains("refused"), "{}", text(&output));
    assert!(started.elapsed() < std::time::Duration::from_secs(15));
    // A host name nobody knows (`.invalid` is never registered): said as such, exit 2.
    let output = run(
        "postgresql://nobody@fahrplan-gibt-es-nicht.invalid/none",
        &["--lang", "en", "server", "roadmaps"],
    );
    assert_eq!(output.status.code(), Some(2), "{}", text(&output));
    assert!(text(&output).contains("the host name is unknown"), "{}", text(&output));
    assert!(text(&output).contains("fahrplan-gibt-es-nicht.invalid"), "{}", text(&output));
    // A server that takes the connection and never answers: given up after 10 s, said so.
    let silent = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = silent.local_addr().unwrap().port();
    let started = std::time::Instant::now();
    let output = run(
        &format!("postgresql://nobody@127.0.0.1:{port}/none"),
        &["--lang", "en", "server", "roadmaps"],
    );
    let took = started.elapsed();
    assert_eq!(output.status.code(), Some(2), "{}", text(&output));
    assert!(text(&output).contains("no answer within 10 seconds"), "{}", text(&output));
    assert!(took >= std::time::Duration::from_secs(9), "it waited for the limit: {took:?}");
    assert!(took < std::time::Duration::from_secs(60), "and not much longer: {took:?}");
    drop(silent);
    // A server command needs a server.
    let file = run("/tmp/nothing.sqlite", &["server", "roadmaps"]);
    assert_eq!(file.status.code(), Some(1), "{}", text(&file));
}

/// Runs `pg_ctl ACTION` on the test cluster (`FAHRPLAN_TEST_PG_CTL`).
fn pg_ctl(ctl: &str, action: &str) {
    let status = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!("{ctl} {action}"))
        .stdout(std::process::Stdio::null())
        .status()
        .unwrap();
    assert!(status.success(), "pg_ctl {action}");
}

/// Starts the stopped test server again, also when the test fails before it would.
struct Restart<'a>(&'a str);

impl Drop for Restart<'_> {
    fn drop(&mut self) {
        // Never a second panic while a failed test unwinds.
        if std::thread::panicking() {
            let _ = std::process::Command::new("sh")
                .arg("-c")
                .arg(format!("{} start", self.0))
                .status();
        } else {
            pg_ctl(self.0, "start");
        }
    }
}

/// The server is stopped by one test: the others wait for it (and it for them).
static SERVER: std::sync::RwLock<()> = std::sync::RwLock::new(());

#[test]
fn towns_share_a_server_and_each_sees_and_changes_only_its_own_roadmap() {
    let Some(url) = cluster() else { return };
    let _tidy = Tidy(url.clone());
    let _shared = SERVER.read().unwrap_or_else(std::sync::PoisonError::into_inner);
    let (town, other) = (unique("blumberg"), unique("donau"));
    let (editor, viewer, neighbour) = (unique("anna"), unique("bernd"), unique("clara"));
    for name in [&editor, &viewer, &neighbour] {
        login(&url, name);
    }
    assert!(run(&url, &["server", "init", "--roadmap", &town]).status.success());
    assert!(run(&url, &["server", "init", "--roadmap", &other, "--empty"]).status.success());
    for (login, role, roadmap) in
        [(&editor, "editor", &town), (&viewer, "viewer", &town), (&neighbour, "admin", &other)]
    {
        assert!(
            run(&url, &["server", "grant", login, role, "--roadmap", roadmap]).status.success()
        );
    }
    let (editor_url, viewer_url, neighbour_url) =
        (as_login(&url, &editor), as_login(&url, &viewer), as_login(&url, &neighbour));

    // The editor's change is in the history, by the server's user.
    let done = run(
        &editor_url,
        &["set-status", "M16", "done", "--comment", "Notfallhandbuch beschlossen"],
    );
    assert!(done.status.success(), "{}", text(&done));
    let history = run(&editor_url, &["history", "M16", "--format", "json"]);
    let history: serde_json::Value = serde_json::from_slice(&history.stdout).unwrap();
    let last = history.as_array().unwrap().iter().rev().find(|c| c["field"] == "status").unwrap();
    assert_eq!(last["new"], "done");
    assert_eq!(last["comment"], "Notfallhandbuch beschlossen");

    // The viewer reads but cannot write: exit 2, nothing changed.
    let listed = run(&viewer_url, &["list", "--format", "json"]);
    assert!(listed.status.success(), "{}", text(&listed));
    let before = run(&viewer_url, &["show", "M18", "--format", "json"]).stdout;
    let refused = run(&viewer_url, &["set-status", "M18", "done"]);
    assert_eq!(refused.status.code(), Some(2), "{}", text(&refused));
    assert_eq!(run(&viewer_url, &["show", "M18", "--format", "json"]).stdout, before);

    // The assessment likewise: the editor sets a result (recorded under the login), the viewer
    // reads it and cannot set one.
    let latest = "Wirksamkeitsprüfung 2026";
    let set = run(&editor_url, &["assessment", "set", latest, "12", "--result", "met"]);
    assert!(set.status.success(), "{}", text(&set));
    let history = run(&editor_url, &["history", "--format", "json"]);
    let history: serde_json::Value = serde_json::from_slice(&history.stdout).unwrap();
    let last = history.as_array().unwrap().last().unwrap();
    assert_eq!(
        (last["field"].as_str(), last["who"].as_str()),
        (Some("assessment-result"), Some(editor.as_str()))
    );
    let shown = run(&viewer_url, &["assessment", "list", "--format", "json"]);
    let rounds: serde_json::Value = serde_json::from_slice(&shown.stdout).unwrap();
    assert_eq!(rounds[1]["catalog_degrees"][1]["degree_percent"], 61, "{rounds}");
    let refused = run(&viewer_url, &["assessment", "set", latest, "12", "--result", "not-met"]);
    assert_eq!(refused.status.code(), Some(2), "{}", text(&refused));
    let refused = run(&viewer_url, &["link", "M01", "12"]);
    assert_eq!(refused.status.code(), Some(2), "{}", text(&refused));
    assert_eq!(run(&viewer_url, &["assessment", "list", "--format", "json"]).stdout, shown.stdout);

    // The neighbour town's administrator: nothing of this town, its own roadmap empty, then its
    // import (bringing a whole roadmap is an administrator's).
    let foreign = run(&neighbour_url, &["--roadmap", &town, "list"]);
    assert_eq!(foreign.status.code(), Some(2), "{}", text(&foreign));
    let own = run(&neighbour_url, &["list", "--format", "json"]);
    assert_eq!(
        serde_json::from_slice::<serde_json::Value>(&own.stdout).unwrap(),
        serde_json::json!([])
    );
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("stadt.sqlite");
    let export = dir.path().join("export.json");
    let exported =
        fahrplan(&file, &["export", "--format", "json", "--output", export.to_str().unwrap()]);
    assert!(exported.status.success(), "{}", text(&exported));
    let imported = run(&neighbour_url, &["import", export.to_str().unwrap()]);
    assert!(imported.status.success(), "{}", text(&imported));
    let count = |url: &str, roadmap: &str| {
        let output = run(url, &["--roadmap", roadmap, "list", "--format", "json"]);
        serde_json::from_slice::<serde_json::Value>(&output.stdout)
            .unwrap()
            .as_array()
            .unwrap()
            .len()
    };
    assert_eq!(count(&neighbour_url, &other), 20);
    assert_eq!(count(&editor_url, &town), 20, "the other town untouched");
    let m16 = run(&editor_url, &["show", "M16", "--format", "json"]);
    assert!(text(&m16).contains("\"done\""), "still done: {}", text(&m16));

    // Two writers at once, 40 expenses each: every one is kept and in the history.
    let second = unique("erik");
    login(&url, &second);
    assert!(
        run(&url, &["server", "grant", &second, "editor", "--roadmap", &town]).status.success()
    );
    let spent = |output: &Output| -> usize {
        let list: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
        list.as_array().unwrap().iter().filter(|c| c["field"] == "expense").count()
    };
    let expenses_before = spent(&run(&editor_url, &["history", "M18", "--format", "json"]));
    let threads: Vec<_> = [as_login(&url, &editor), as_login(&url, &second)]
        .into_iter()
        .map(|writer| {
            std::thread::spawn(move || {
                for i in 1..=40 {
                    let output =
                        run(&writer, &["add-expense", "M18", &format!("{i},00"), "--note", "Last"]);
                    assert!(output.status.success(), "{}", text(&output));
                }
            })
        })
        .collect();
    for thread in threads {
        thread.join().unwrap();
    }
    let after = spent(&run(&editor_url, &["history", "M18", "--format", "json"]));
    assert_eq!(after, expenses_before + 80, "no write lost");
}

#[test]
fn a_stopped_server_is_said_within_fifteen_seconds_and_work_goes_on_when_it_is_back() {
    let Some(url) = cluster() else { return };
    let _tidy = Tidy(url.clone());
    let Ok(ctl) = std::env::var("FAHRPLAN_TEST_PG_CTL") else {
        eprintln!("note: the server cannot be stopped here (no FAHRPLAN_TEST_PG_CTL)");
        return;
    };
    let _alone = SERVER.write().unwrap_or_else(std::sync::PoisonError::into_inner);
    let town = unique("stopp");
    assert!(run(&url, &["server", "init", "--roadmap", &town]).status.success());
    let pg_ctl = |action: &str| pg_ctl(&ctl, action);
    pg_ctl("stop -m fast");
    let restart = Restart(&ctl);
    let started = std::time::Instant::now();
    let down = run(&url, &["--lang", "en", "--roadmap", &town, "list"]);
    let took = started.elapsed();
    drop(restart);
    assert_eq!(down.status.code(), Some(2), "{}", text(&down));
    assert!(text(&down).contains("No connection to the server"), "{}", text(&down));
    assert!(took < std::time::Duration::from_secs(15), "{took:?}");
    let back = run(&url, &["--roadmap", &town, "list"]);
    assert!(back.status.success(), "{}", text(&back));
}

#[test]
fn a_schema_of_another_application_or_a_newer_fahrplan_is_refused_untouched() {
    let Some(url) = cluster() else { return };
    let _tidy = Tidy(url.clone());
    let _shared = SERVER.read().unwrap_or_else(std::sync::PoisonError::into_inner);
    let (foreign, newer) = (unique("fremd"), unique("neuer"));
    let mut admin = postgres::Client::connect(&url, postgres::NoTls).unwrap();
    admin
        .batch_execute(&format!(
            "CREATE SCHEMA {foreign}; CREATE TABLE {foreign}.measure (id BIGINT, code TEXT); \
             INSERT INTO {foreign}.measure VALUES (1, 'X')"
        ))
        .unwrap();
    let refused = run(&url, &["--lang", "en", "--roadmap", &foreign, "list"]);
    assert_eq!(refused.status.code(), Some(2), "{}", text(&refused));
    assert!(text(&refused).contains("another application"), "{}", text(&refused));
    let write = run(&url, &["--roadmap", &foreign, "set-status", "X", "done"]);
    assert_eq!(write.status.code(), Some(2), "{}", text(&write));
    let rows: i64 =
        admin.query_one(&format!("SELECT count(*) FROM {foreign}.measure"), &[]).unwrap().get(0);
    assert_eq!(rows, 1, "untouched");

    assert!(run(&url, &["server", "init", "--roadmap", &newer]).status.success());
    admin.batch_execute(&format!("UPDATE {newer}.fahrplan_schema SET version = 99")).unwrap();
    let too_new = run(&url, &["--lang", "en", "--roadmap", &newer, "set-status", "M16", "done"]);
    assert_eq!(too_new.status.code(), Some(2), "{}", text(&too_new));
    let status: String = admin
        .query_one(&format!("SELECT status FROM {newer}.measure WHERE code = 'M16'"), &[])
        .unwrap()
        .get(0);
    assert_eq!(status, "in-progress", "untouched");
}

#[test]
fn a_window_on_the_server_sees_another_users_change_by_itself() {
    let Some(url) = cluster() else { return };
    let _tidy = Tidy(url.clone());
    let _shared = SERVER.read().unwrap_or_else(std::sync::PoisonError::into_inner);
    let town = unique("live");
    assert!(run(&url, &["server", "init", "--roadmap", &town]).status.success());
    let db = std::path::PathBuf::from(format!("{url}#{town}"));
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    let mut window = fahrplan::app::open_state(&db, fahrplan::i18n::Lang::De, today).unwrap();
    assert!(window.message().is_none(), "{:?}", window.message());
    assert!(!window.is_read_only());
    let woken = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let seen = woken.clone();
    window.set_change_notifier(std::sync::Arc::new(move || {
        seen.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    }));
    // The listener says hello once it listens (each wait has its own, generous limit).
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while woken.load(std::sync::atomic::Ordering::SeqCst) == 0
        && std::time::Instant::now() < deadline
    {
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let before = woken.load(std::sync::atomic::Ordering::SeqCst);
    assert!(before > 0, "listening");
    // Someone else changes M18: the window is woken, and shows it on its next frame.
    let other = run(&url, &["--roadmap", &town, "set-progress", "M18", "77"]);
    assert!(other.status.success(), "{}", text(&other));
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while woken.load(std::sync::atomic::Ordering::SeqCst) == before
        && std::time::Instant::now() < deadline
    {
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    assert!(woken.load(std::sync::atomic::Ordering::SeqCst) > before, "woken by the change");
    // Reloads are at most one a second: looked at again until it shows the change.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while window.roadmap().measure("M18").unwrap().progress != 77 {
        assert!(std::time::Instant::now() < deadline, "the change is shown");
        window.refresh_if_changed_elsewhere();
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
}

#[test]
fn tls_is_required_and_verified_when_asked() {
    let Some(url) = cluster() else { return };
    let _tidy = Tidy(url.clone());
    let Ok(ca) = std::env::var("FAHRPLAN_TEST_PG_CA") else {
        common::unavailable("TLS on the test cluster (openssl)");
        return;
    };
    let _shared = SERVER.read().unwrap_or_else(std::sync::PoisonError::into_inner);
    let encrypted = |query: &str| {
        let address = format!("{url}?{query}");
        let mut client =
            fahrplan::store::pg::ServerUrl::parse(&address).unwrap().connect().unwrap();
        client
            .query_one("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()", &[])
            .unwrap()
            .get::<_, bool>(0)
    };
    assert!(encrypted(&format!("sslmode=verify-full&sslrootcert={ca}")), "verified");
    assert!(encrypted("sslmode=require"), "encrypted");
    assert!(!encrypted("sslmode=disable"));
    // Through the command line, as a town's script would.
    let listed =
        run(&format!("{url}?sslmode=verify-full&sslrootcert={ca}"), &["server", "roadmaps"]);
    assert!(listed.status.success(), "{}", text(&listed));

    // A certificate authority that did not sign the server's certificate: refused, exit 2.
    let dir = tempfile::tempdir().unwrap();
    let other = dir.path().join("other-ca.crt");
    let made = std::process::Command::new("openssl")
        .args([
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-subj",
            "/CN=Other CA",
        ])
        .arg("-keyout")
        .arg(dir.path().join("other-ca.key"))
        .arg("-out")
        .arg(&other)
        .output()
        .unwrap();
    assert!(made.status.success());
    let address = format!("{url}?sslmode=verify-full&sslrootcert={}", other.display());
    let refused = run(&address, &["--lang", "en", "server", "roadmaps"]);
    assert_eq!(refused.status.code(), Some(2), "{}", text(&refused));
    assert!(text(&refused).contains("encrypted connection"), "{}", text(&refused));
}

#[test]
fn a_window_that_loses_the_server_shows_the_last_state_and_carries_on_when_it_is_back() {
    let Some(url) = cluster() else { return };
    let _tidy = Tidy(url.clone());
    let Ok(ctl) = std::env::var("FAHRPLAN_TEST_PG_CTL") else { return };
    let _alone = SERVER.write().unwrap_or_else(std::sync::PoisonError::into_inner);
    let town = unique("weg");
    assert!(run(&url, &["server", "init", "--roadmap", &town]).status.success());
    let db = std::path::PathBuf::from(format!("{url}#{town}"));
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    let mut window = fahrplan::app::open_state(&db, fahrplan::i18n::Lang::De, today).unwrap();
    let pg_ctl = |action: &str| pg_ctl(&ctl, action);
    let progress =
        |window: &fahrplan::app::AppState, value: u8| fahrplan::app::Command::SetProgress {
            code: "M18".into(),
            progress: value,
            expected_version: window.roadmap().measure("M18").unwrap().version,
        };
    pg_ctl("stop -m fast");
    let restart = Restart(&ctl);
    let command = progress(&window, 61);
    window.push(command);
    let outcomes = window.apply_queue();
    assert!(matches!(&outcomes[..], [Err(_)]), "refused while the server is away: {outcomes:?}");
    // The last state stays, read-only, and the banner says why.
    assert_eq!(window.roadmap().measures.len(), 20);
    assert!(window.is_read_only());
    assert!(window.read_only_banner().is_some_and(|b| b.contains("Verbindung zum Server")));
    drop(restart);
    // It connects again by itself (looking every two seconds, pausing longer after failures).
    // Pauses grow to 30 s and an attempt may take 10 s: a limit for several of each.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(150);
    while window.is_read_only() && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(250));
        window.refresh_if_changed_elsewhere();
    }
    assert!(!window.is_read_only(), "connected again");
    let command = progress(&window, 62);
    window.push(command);
    assert!(matches!(&window.apply_queue()[..], [Ok(_)]));
    assert_eq!(window.roadmap().measure("M18").unwrap().progress, 62);
}

#[test]
fn two_clients_conflict_and_undo_each_others_changes() {
    let Some(url) = cluster() else { return };
    let _tidy = Tidy(url.clone());
    let _shared = SERVER.read().unwrap_or_else(std::sync::PoisonError::into_inner);
    let town = unique("zwei");
    assert!(run(&url, &["server", "init", "--roadmap", &town]).status.success());
    use fahrplan::store::pg::PgStore;
    let mut first = PgStore::open(&url, Some(&town)).unwrap();
    let mut second = PgStore::open(&url, Some(&town)).unwrap();
    let seen = first.measure("M18").unwrap().unwrap();
    second.set_progress("M18", 50, "zweites Büro", None).unwrap();
    // The first office's edit was based on what it saw before: refused, never overwriting.
    let stale = first.set_progress("M18", 60, "erstes Büro", Some(seen.version));
    assert!(matches!(stale, Err(fahrplan::store::StoreError::Conflict { .. })), "{stale:?}");
    assert_eq!(second.measure("M18").unwrap().unwrap().progress, 50);
    // Undo is the roadmap's: the first office undoes the second's change, the second redoes it.
    first.undo("").unwrap();
    assert_eq!(second.measure("M18").unwrap().unwrap().progress, seen.progress);
    second.redo("").unwrap();
    assert_eq!(first.measure("M18").unwrap().unwrap().progress, 50);
}

#[test]
fn the_window_connects_to_a_server_lists_its_roadmaps_and_opens_one() {
    use egui_kittest::kittest::Queryable;
    let Some(url) = cluster() else { return };
    let _tidy = Tidy(url.clone());
    let _shared = SERVER.read().unwrap_or_else(std::sync::PoisonError::into_inner);
    let town = unique("fenster");
    assert!(run(&url, &["server", "init", "--roadmap", &town]).status.success());
    let port = url.rsplit_once(':').unwrap().1.split('/').next().unwrap().to_owned();
    let dir = tempfile::tempdir().unwrap();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    common::new_roadmap(&dir.path().join("lokal.sqlite"), "de");
    let state = fahrplan::app::open_state(
        &dir.path().join("lokal.sqlite"),
        fahrplan::i18n::Lang::De,
        today,
    )
    .unwrap();
    let app = fahrplan::ui::FahrplanApp::new(state, fahrplan::ui::Prefs::default());
    let mut harness = egui_kittest::Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .with_max_steps(12)
        .build_ui_state(|ui, app: &mut fahrplan::ui::FahrplanApp| app.root_ui(ui), app);
    harness.run();
    harness.get_by_label("Datei").click();
    harness.run();
    harness.get_by_label("Mit Server verbinden …").click();
    harness.run();
    // The fields, as the user fills them in.
    let form = harness.state_mut().view.connect.as_mut().expect("the connect window is open");
    form.host = "127.0.0.1".into();
    form.port = port;
    form.database = "postgres".into();
    form.user = "postgres".into();
    // Trust authentication ignores it; it must never be kept or shown.
    form.password = "streng#geheim".into();
    harness.run();
    assert!(harness.query_by_label("Passwort").is_some(), "a password field");
    harness.get_by_label("Fahrpläne anzeigen").click();
    harness.run();
    harness.state_mut().state.wait_for_job();
    harness.run();
    assert!(harness.query_by_label(&town).is_some(), "the roadmap is listed");
    // Open the one of this test (others of parallel tests may be listed too).
    let address = harness.state().view.connect.as_ref().unwrap().url();
    harness
        .state_mut()
        .state
        .push(fahrplan::app::Command::Open(format!("{address}#{town}").into()));
    harness.state_mut().state.apply_queue();
    harness.state_mut().state.wait_for_job();
    harness.run();
    let opened = harness.state().state.file_path().display().to_string();
    assert!(opened.ends_with(&format!("#{town}")), "{opened}");
    assert!(!opened.contains("geheim"), "no password kept: {opened}");
    for kept in harness.state().state.opened() {
        assert!(!kept.display().to_string().contains("geheim"), "{kept:?}");
    }
    let title = fahrplan::app::display_name(harness.state().state.file_path());
    assert!(title.starts_with(&town) && !title.contains("geheim"), "{title}");
    assert_eq!(harness.state().state.roadmap().measures.len(), 20);
}

#[test]
fn the_window_asks_for_the_password_a_server_wants_and_opens_the_roadmap_with_it() {
    use egui_kittest::kittest::Queryable;
    let Some(url) = cluster() else { return };
    let _tidy = Tidy(url.clone());
    let _shared = SERVER.read().unwrap_or_else(std::sync::PoisonError::into_inner);
    let town = unique("passwort");
    let user = unique("pw");
    assert!(run(&url, &["server", "init", "--roadmap", &town]).status.success());
    // Members of this group log in with a password (.ci/with-postgres); everyone else is trusted.
    let mut admin = postgres::Client::connect(&url, postgres::NoTls).unwrap();
    admin
        .batch_execute(&format!(
            "DO $$ BEGIN CREATE ROLE fahrplan_test_password; \
             EXCEPTION WHEN duplicate_object THEN NULL; END $$; \
             CREATE ROLE {user} LOGIN PASSWORD 'geheim wort' IN ROLE fahrplan_test_password"
        ))
        .unwrap();
    assert!(run(&url, &["server", "grant", &user, "editor", "--roadmap", &town]).status.success());
    let address = format!("{}#{town}", as_login(&url, &user));
    // The command line says what is missing.
    let refused = run(&address, &["list"]);
    assert_eq!(refused.status.code(), Some(2), "{}", text(&refused));
    assert!(text(&refused).contains("Passwort wurden nicht angenommen"), "{}", text(&refused));

    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    let state =
        fahrplan::app::open_state(address.as_ref(), fahrplan::i18n::Lang::De, today).unwrap();
    let app = fahrplan::ui::FahrplanApp::new(state, fahrplan::ui::Prefs::default());
    let mut harness = egui_kittest::Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .with_max_steps(12)
        .build_ui_state(|ui, app: &mut fahrplan::ui::FahrplanApp| app.root_ui(ui), app);
    harness.run();
    let form = harness.state().view.connect.clone().expect("the password is asked for");
    assert_eq!(form.roadmap.as_deref(), Some(town.as_str()));
    assert_eq!((form.user.as_str(), form.database.as_str()), (user.as_str(), "postgres"));
    assert!(form.password.is_empty());
    let open_button = format!("„{town}“ öffnen");
    // A wrong password: refused, said, and asked again.
    harness.state_mut().view.connect.as_mut().unwrap().password = "falsch".into();
    harness.run();
    harness.get_by_label(&open_button).click();
    harness.run();
    harness.state_mut().state.wait_for_job();
    harness.run();
    assert_eq!(harness.state().state.roadmap().measures.len(), 0, "nothing opened");
    let again = harness.state().view.connect.clone().expect("asked again");
    assert!(again.password.is_empty(), "the wrong password is not kept");
    // The right one opens the roadmap; the address kept names no password.
    harness.state_mut().view.connect.as_mut().unwrap().password = "geheim wort".into();
    harness.run();
    harness.get_by_label(&open_button).click();
    harness.run();
    harness.state_mut().state.wait_for_job();
    harness.run();
    assert_eq!(harness.state().state.roadmap().measures.len(), 20);
    let opened = harness.state().state.file_path().display().to_string();
    assert!(opened.ends_with(&format!("#{town}")) && !opened.contains("geheim"), "{opened}");
    assert!(harness.state().view.connect.is_none(), "the window closed");
}

#[test]
fn a_revoke_that_leaves_the_role_through_a_group_is_refused_not_reported_done() {
    let Some(url) = cluster() else { return };
    let _tidy = Tidy(url.clone());
    let _shared = SERVER.read().unwrap_or_else(std::sync::PoisonError::into_inner);
    let town = unique("gruppe");
    let (user, group) = (unique("mitglied"), unique("amt"));
    assert!(run(&url, &["server", "init", "--roadmap", &town, "--empty"]).status.success());
    let mut admin = postgres::Client::connect(&url, postgres::NoTls).unwrap();
    admin
        .batch_execute(&format!(
            "CREATE ROLE {user} LOGIN; CREATE ROLE {group}; GRANT {group} TO {user}; \
             GRANT fahrplan_{town}_editor TO {group}"
        ))
        .unwrap();
    let refused = run(&url, &["--roadmap", &town, "server", "revoke", &user]);
    assert_eq!(refused.status.code(), Some(2), "{}", text(&refused));
    assert!(text(&refused).contains("über eine Gruppe"), "{}", text(&refused));
    // Still an editor, as said: the user writes.
    let login = format!("{}#{town}", as_login(&url, &user));
    let list = run(&login, &["list"]);
    assert!(list.status.success(), "{}", text(&list));
    // Without the group the revoke goes through.
    admin.batch_execute(&format!("REVOKE {group} FROM {user}")).unwrap();
    let done = run(&url, &["--roadmap", &town, "server", "revoke", &user]);
    assert!(done.status.success(), "{}", text(&done));
    assert_eq!(run(&login, &["list"]).status.code(), Some(2));
}

#[test]
fn an_older_roadmap_schema_is_upgraded_by_its_administrator_and_editors_are_told() {
    let Some(url) = cluster() else { return };
    let _tidy = Tidy(url.clone());
    let _shared = SERVER.read().unwrap_or_else(std::sync::PoisonError::into_inner);
    let town = unique("alt");
    let editor = unique("bearbeiter");
    assert!(run(&url, &["server", "init", "--roadmap", &town]).status.success());
    login(&url, &editor);
    assert!(
        run(&url, &["server", "grant", &editor, "editor", "--roadmap", &town]).status.success()
    );
    // The schema as version 1 left it: no funding, no staff days, no baselines, no four eyes.
    let mut admin = postgres::Client::connect(&url, postgres::NoTls).unwrap();
    admin
        .batch_execute(&format!(
            "SET search_path TO {town}; DROP TABLE requirement_link; \
             DROP TABLE assessment_result; DROP TABLE assessment_round; DROP TABLE catalog; \
             DROP TABLE baseline; \
             ALTER TABLE measure DROP COLUMN funding_source, DROP COLUMN funding_share, \
             DROP COLUMN staff_days_planned, DROP COLUMN staff_days_spent; \
             ALTER TABLE reevaluation DROP COLUMN confirmed_by, DROP COLUMN confirmed_at; \
             DROP TABLE evidence; DROP TABLE evidence_file; \
             DO $$ DECLARE f record; BEGIN FOR f IN SELECT oid::regprocedure AS p FROM pg_proc \
                 WHERE pronamespace = '{town}'::regnamespace LOOP \
                 EXECUTE 'DROP FUNCTION ' || f.p || ' CASCADE'; END LOOP; END $$; \
             ALTER TABLE history DROP COLUMN seq, DROP COLUMN hash, DROP COLUMN imported; \
             ALTER TABLE reevaluation DROP COLUMN confirmation_imported; \
             ALTER TABLE owner DROP CONSTRAINT IF EXISTS owner_sound; DROP TABLE write_lock; \
             ALTER TABLE fahrplan_schema DROP COLUMN channel; \
             ALTER TABLE measure DROP CONSTRAINT IF EXISTS measure_sound; \
             ALTER TABLE expense DROP CONSTRAINT IF EXISTS expense_sound; \
             ALTER TABLE reevaluation DROP CONSTRAINT IF EXISTS reevaluation_sound; \
             ALTER TABLE meeting DROP CONSTRAINT IF EXISTS meeting_sound; \
             ALTER TABLE history DROP CONSTRAINT IF EXISTS history_sound; \
             DROP OWNED BY fahrplan_{town}_admin; DROP ROLE fahrplan_{town}_admin; \
             UPDATE fahrplan_schema SET version = 1"
        ))
        .unwrap();
    let as_editor = format!("{}#{town}", as_login(&url, &editor));
    let told = run(&as_editor, &["list"]);
    assert_eq!(told.status.code(), Some(2), "{}", text(&told));
    assert!(text(&told).contains("älteren Fahrplan-Version"), "{}", text(&told));
    // The administrator's first use upgrades it, with the rights on the new table.
    let upgraded = run(&url, &["--roadmap", &town, "list", "--format", "json"]);
    assert!(upgraded.status.success(), "{}", text(&upgraded));
    let version: i64 = admin
        .query_one(&format!("SELECT version FROM {town}.fahrplan_schema"), &[])
        .unwrap()
        .get(0);
    assert_eq!(version, 7);
    let added = run(&as_editor, &["baseline", "add", "Gemeinderat"]);
    assert!(added.status.success(), "{}", text(&added));
    let edited = run(&as_editor, &["edit", "M18", "--funding-share", "50"]);
    assert!(edited.status.success(), "{}", text(&edited));
    let deviations = run(&as_editor, &["deviations", "--format", "json"]);
    assert!(text(&deviations).contains("\"M18\""), "{}", text(&deviations));
    // Four eyes work on the upgraded schema, and who is the server's login, whatever
    // FAHRPLAN_USER says (the test runs set it to it-leitung).
    let admin_login: String = admin.query_one("SELECT session_user::text", &[]).unwrap().get(0);
    let recorded = run(&url, &["--roadmap", &town, "reevaluate", "M07", "--verdict", "effective"]);
    assert!(recorded.status.success(), "{}", text(&recorded));
    // The administrator cannot pass for the editor to confirm its own verdict.
    let pretending = std::process::Command::new(env!("CARGO_BIN_EXE_fahrplan"))
        .args(["confirm", "M07", "--roadmap", &town, "--db", &url])
        .env("FAHRPLAN_USER", &editor)
        .env("FAHRPLAN_TODAY", "2026-11-27")
        .env_remove("FAHRPLAN_DB")
        .output()
        .unwrap();
    assert_eq!(pretending.status.code(), Some(1), "{}", text(&pretending));
    assert!(text(&pretending).contains(&admin_login), "{}", text(&pretending));
    let confirmed = run(&as_editor, &["confirm", "M07"]);
    assert!(confirmed.status.success(), "{}", text(&confirmed));
    let shown = run(&as_editor, &["show", "M07", "--format", "json"]);
    let shown: serde_json::Value = serde_json::from_slice(&shown.stdout).unwrap();
    let latest = shown["reevaluations"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(latest["confirmed_by"], editor.as_str());
    assert_eq!(latest["by"], admin_login.as_str());
    // Evidence on the upgraded schema: added by the editor (its login), and a copy of the
    // roadmap carries the file byte for byte.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("protokoll.pdf");
    let bytes: Vec<u8> = (0..200_000_u32).map(|i| (i % 251) as u8).collect();
    std::fs::write(&file, &bytes).unwrap();
    let added = run(&as_editor, &["evidence", "add", "M07", "--file", file.to_str().unwrap()]);
    assert!(added.status.success(), "{}", text(&added));
    let listed = run(&as_editor, &["evidence", "list", "M07", "--format", "json"]);
    let listed: serde_json::Value = serde_json::from_slice(&listed.stdout).unwrap();
    assert_eq!(listed[0]["added_by"], editor.as_str());
    assert_eq!(listed[0]["size"], 200_000);
    let copy = dir.path().join("kopie.sqlite");
    let saved = run(&url, &["--roadmap", &town, "backup", "--output", copy.to_str().unwrap()]);
    assert!(saved.status.success(), "{}", text(&saved));
    let back = dir.path().join("zurück.pdf");
    let id = listed[0]["id"].as_i64().unwrap().to_string();
    let got = fahrplan(&copy, &["evidence", "get", "M07", &id, "--output", back.to_str().unwrap()]);
    assert!(got.status.success(), "{}", text(&got));
    assert_eq!(std::fs::read(&back).unwrap(), bytes);
}

/// The roadmap's administrator restores a copy onto the server roadmap (the current state kept
/// as a copy first); a viewer's window on it is read-only, says so, and refuses a change.
#[test]
fn an_administrator_restores_and_a_viewers_window_is_read_only() {
    let Some(url) = cluster() else { return };
    let _tidy = Tidy(url.clone());
    let _shared = SERVER.read().unwrap_or_else(std::sync::PoisonError::into_inner);
    let town = unique("wiederher");
    let (chef, gast) = (unique("chef"), unique("gast"));
    login(&url, &chef);
    login(&url, &gast);
    assert!(run(&url, &["server", "init", "--roadmap", &town]).status.success());
    for (who, role) in [(&chef, "admin"), (&gast, "viewer")] {
        let out = run(&url, &["server", "grant", who, role, "--roadmap", &town]);
        assert!(out.status.success(), "{}", text(&out));
    }
    let admin = format!("{}#{town}", as_login(&url, &chef));
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("kopie.sqlite");
    let out = run(&admin, &["backup", "--output", copy.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(run(&admin, &["set-progress", "M18", "93"]).status.success());
    let progress = |db: &str| {
        let out = run(db, &["show", "M18", "--format", "json"]);
        serde_json::from_slice::<serde_json::Value>(&out.stdout).unwrap()["progress"].clone()
    };
    assert_eq!(progress(&admin), 93);
    let restored = run(&admin, &["restore", copy.to_str().unwrap()]);
    assert!(restored.status.success(), "{}", text(&restored));
    assert_eq!(progress(&admin), 40, "the copy's state");
    // What was there before is kept as a copy of its own, named in the message.
    let said = String::from_utf8_lossy(&restored.stdout).into_owned();
    let kept =
        said.split_whitespace().find(|w| w.ends_with(".sqlite") && !w.contains("kopie.sqlite"));
    let kept = kept.unwrap_or_else(|| panic!("the kept copy is named: {said}"));
    assert_eq!(progress(kept.trim_matches(|c: char| !c.is_alphanumeric() && c != '/')), 93);

    // A viewer's window.
    let viewer = std::path::PathBuf::from(format!("{}#{town}", as_login(&url, &gast)));
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    let mut window = fahrplan::app::open_state(&viewer, fahrplan::i18n::Lang::De, today).unwrap();
    assert!(window.message().is_none(), "{:?}", window.message());
    assert!(window.is_read_only(), "a viewer's window is read-only");
    assert!(window.read_only_banner().is_some_and(|b| b.contains("schreibgeschützt")));
    let version = window.roadmap().measure("M18").unwrap().version;
    window.push(fahrplan::app::Command::SetProgress {
        code: "M18".into(),
        progress: 5,
        expected_version: version,
    });
    assert!(matches!(&window.apply_queue()[..], [Err(_)]), "a change is refused");
    assert_eq!(progress(&admin), 40);
}

/// The overview on a server: a login with viewer rights on two of three roadmaps sees exactly
/// those two, each with its own `summary`'s figures; the third town's data never appears.
#[test]
fn the_overview_shows_a_login_exactly_its_roadmaps_with_their_own_figures() {
    let Some(url) = cluster() else { return };
    let _tidy = Tidy(url.clone());
    let _shared = SERVER.read().unwrap_or_else(std::sync::PoisonError::into_inner);
    let (a, b, hidden) = (unique("ov_a"), unique("ov_b"), unique("ov_geheim"));
    let (isb, editor, second) = (unique("isb"), unique("ov_editor"), unique("ov_zweite"));
    for name in [&isb, &editor, &second] {
        login(&url, name);
    }
    for roadmap in [&a, &b, &hidden] {
        assert!(run(&url, &["server", "init", "--roadmap", roadmap]).status.success());
        for who in [&editor, &second] {
            let granted = run(&url, &["server", "grant", who, "editor", "--roadmap", roadmap]);
            assert!(granted.status.success(), "{}", text(&granted));
        }
    }
    for roadmap in [&a, &b] {
        let granted = run(&url, &["server", "grant", &isb, "viewer", "--roadmap", roadmap]);
        assert!(granted.status.success(), "{}", text(&granted));
    }
    // The towns differ (so a figure from the wrong town would show); the hidden one has a
    // measure whose title must never reach the ISB.
    let editor_url = as_login(&url, &editor);
    for (roadmap, args) in [
        (&a, &["set-status", "M13", "done"][..]),
        (&b, &["add-expense", "M16", "1234,56"]),
        (&hidden, &["edit", "M01", "--title", "Geheimes Projekt Nordstadt"]),
    ] {
        let mut all = args.to_vec();
        all.extend(["--roadmap", roadmap.as_str()]);
        let done = run(&editor_url, &all);
        assert!(done.status.success(), "{}", text(&done));
    }

    // Four eyes in town A: one records a verdict, another confirms it (read only where a
    // verdict is confirmed: the overview must fetch it all the same).
    let recorded =
        run(&editor_url, &["reevaluate", "M07", "--verdict", "effective", "--roadmap", &a]);
    assert!(recorded.status.success(), "{}", text(&recorded));
    let confirmed = run(&as_login(&url, &second), &["confirm", "M07", "--roadmap", &a]);
    assert!(confirmed.status.success(), "{}", text(&confirmed));

    // The ISB's address carries a password (trust ignores it): it is never shown.
    let isb_url = as_login(&url, &format!("{isb}:geheim123"));
    let shown = run(&isb_url, &["overview", "--format", "json"]);
    assert!(!text(&shown).contains("geheim123"), "{}", text(&shown));
    assert!(shown.status.success(), "{}", text(&shown));
    assert!(!text(&shown).contains("Geheim") && !text(&shown).contains(&hidden));
    let found: serde_json::Value = serde_json::from_slice(&shown.stdout).unwrap();
    let roadmaps = found["roadmaps"].as_array().unwrap();
    let names: Vec<&str> = roadmaps.iter().map(|r| r["name"].as_str().unwrap()).collect();
    assert_eq!(names, [a.as_str(), b.as_str()], "exactly the two granted, by name");
    assert_eq!(found["unreadable"], serde_json::json!([]), "the third is left out, no error");
    for entry in roadmaps {
        assert_eq!(entry["role"], "viewer");
        let name = entry["name"].as_str().unwrap();
        let summary = run(&isb_url, &["summary", "--format", "json", "--roadmap", name]);
        assert!(summary.status.success(), "{}", text(&summary));
        let summary: serde_json::Value = serde_json::from_slice(&summary.stdout).unwrap();
        common::assert_overview_matches_summary(entry, &summary);
    }
    assert_ne!(roadmaps[0]["overdue"], roadmaps[1]["overdue"]);
    assert_ne!(roadmaps[0]["spent_cents"], roadmaps[1]["spent_cents"]);

    // The window's overview hears a write to any of its towns (the server's notifications).
    let source = fahrplan::app::overview::Source::Server(isb_url.clone());
    let now = chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap().and_hms_opt(9, 0, 0).unwrap();
    let read = fahrplan::app::overview::load(&source, now).unwrap();
    assert_eq!(read.towns.len(), 2);
    let heard = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let counter = heard.clone();
    let watch = fahrplan::app::overview::watch(&read, move || {
        counter.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    })
    .unwrap();
    let wait_for = |n: usize| {
        let start = std::time::Instant::now();
        while heard.load(std::sync::atomic::Ordering::SeqCst) < n {
            assert!(start.elapsed() < std::time::Duration::from_secs(20), "nothing heard");
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
    };
    // (Connecting counts once: the window reads again after every reconnect.)
    wait_for(1);
    std::thread::sleep(std::time::Duration::from_millis(1100));
    let before = heard.load(std::sync::atomic::Ordering::SeqCst);
    let b_write = run(&editor_url, &["set-progress", "M18", "55", "--roadmap", &b]);
    assert!(b_write.status.success(), "{}", text(&b_write));
    wait_for(before + 1);
    drop(watch);

    // The same figures in the county report; the hidden town is not in it either.
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("kreis.html");
    let made = run(&isb_url, &["overview", "--format", "html", "--output", page.to_str().unwrap()]);
    assert!(made.status.success(), "{}", text(&made));
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(html.contains(&format!("Blumberg ({a})")) && !html.contains("Geheim"));
    assert!(!html.contains("geheim123") && !html.contains(&isb), "no login, no password");
    let pdf = dir.path().join("kreis.pdf");
    let made = run(&isb_url, &["overview", "--format", "pdf", "--output", pdf.to_str().unwrap()]);
    assert!(made.status.success() && !text(&made).contains("geheim123"), "{}", text(&made));
    if common::have("pdftotext", &["-v"]) {
        let words = std::process::Command::new("pdftotext").arg(&pdf).arg("-").output().unwrap();
        let words = String::from_utf8_lossy(&words.stdout);
        assert!(words.contains("Kreisübersicht") && words.contains(&format!("Blumberg ({b})")));
        assert!(!words.contains("geheim123") && !words.contains(&isb), "{words}");
    }

    // A town whose tables are not what they should be (here: one renamed by hand) is named with
    // its problem; the other is still read, and nothing is changed by reading.
    let mut admin = postgres::Client::connect(&url, postgres::NoTls).unwrap();
    admin.batch_execute(&format!("ALTER TABLE \"{b}\".meeting RENAME TO meeting_alt")).unwrap();
    let shown = run(&isb_url, &["overview", "--format", "json"]);
    assert!(shown.status.success(), "{}", text(&shown));
    let found: serde_json::Value = serde_json::from_slice(&shown.stdout).unwrap();
    let names: Vec<&str> =
        found["roadmaps"].as_array().unwrap().iter().map(|r| r["name"].as_str().unwrap()).collect();
    assert_eq!(names, [a.as_str()]);
    assert_eq!(found["unreadable"][0]["name"], b.as_str());
    assert!(String::from_utf8_lossy(&shown.stderr).contains(&format!("{b} ist nicht lesbar")));
    let renamed: i64 = admin
        .query_one(
            "SELECT count(*) FROM pg_tables WHERE schemaname = $1 AND tablename = 'meeting_alt'",
            &[&b],
        )
        .unwrap()
        .get(0);
    assert_eq!(renamed, 1, "the overview changed nothing");

    // A roadmap of an older version is named as needing its administrator, never upgraded by
    // an overview (even one with the right to).
    admin.batch_execute(&format!("UPDATE \"{a}\".fahrplan_schema SET version = 6")).unwrap();
    for login in [&isb_url, &url] {
        let shown = run(login, &["overview", "--format", "json"]);
        assert!(shown.status.success(), "{}", text(&shown));
        let found: serde_json::Value = serde_json::from_slice(&shown.stdout).unwrap();
        let named: Vec<&serde_json::Value> = found["unreadable"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|u| u["name"] == a.as_str())
            .collect();
        assert_eq!(named.len(), 1, "{found}");
        assert!(String::from_utf8_lossy(&shown.stderr).contains("älteren Fahrplan-Version"));
    }
    let version: i64 = admin
        .query_one(&format!("SELECT version FROM \"{a}\".fahrplan_schema"), &[])
        .unwrap()
        .get(0);
    assert_eq!(version, 6, "not upgraded by the overview");
}
