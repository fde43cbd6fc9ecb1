//! The contract of [`Storage`]: what every engine must do, written against the interface only.
//! Each test gets a factory for fresh roadmaps (seeded in a language, or empty) whose history
//! clock stands at 2026-11-27 10:15 and whose author is "tester"; [`contract_tests!`] runs the
//! whole list on an engine (SQLite in memory here; a server engine adds one line).

use chrono::NaiveDate;

use crate::model::{Horizon, Lang, Measure, Money, Status, Verdict};
use crate::store::{Storage, StoreError};

/// Makes a fresh roadmap: seeded with the default roadmap in a language, or empty.
pub type Engine = dyn Fn(Option<Lang>) -> Box<dyn Storage>;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// Runs every contract test on the engine that `$make` (an [`Engine`], a path relative to the
/// module that invokes this) creates.
macro_rules! contract_tests {
    ($engine:ident, $make:ident) => {
        contract::contract_tests!($engine, $make, if super::always);
    };
    ($engine:ident, $make:ident, if $available:path) => {
        mod $engine {
            use super::contract as c;

            #[test]
            fn default_roadmap_has_twenty_measures_in_three_horizons() {
                if !$available() {
                    return;
                }
                c::default_roadmap_has_twenty_measures_in_three_horizons(&super::$make);
            }

            #[test]
            fn seed_follows_the_language() {
                if !$available() {
                    return;
                }
                c::seed_follows_the_language(&super::$make);
            }

            #[test]
            fn the_seed_is_one_history_entry_per_measure() {
                if !$available() {
                    return;
                }
                c::the_seed_is_one_history_entry_per_measure(&super::$make);
            }

            #[test]
            fn a_status_change_writes_row_and_history_together() {
                if !$available() {
                    return;
                }
                c::a_status_change_writes_row_and_history_together(&super::$make);
            }

            #[test]
            fn an_unchanged_status_writes_nothing() {
                if !$available() {
                    return;
                }
                c::an_unchanged_status_writes_nothing(&super::$make);
            }

            #[test]
            fn a_stale_version_is_a_conflict_and_changes_nothing() {
                if !$available() {
                    return;
                }
                c::a_stale_version_is_a_conflict_and_changes_nothing(&super::$make);
            }

            #[test]
            fn invalid_changes_are_refused_with_their_reason_and_nothing_is_written() {
                if !$available() {
                    return;
                }
                c::invalid_changes_are_refused_with_their_reason_and_nothing_is_written(
                    &super::$make,
                );
            }

            #[test]
            fn owner_changes_are_recorded_by_name() {
                if !$available() {
                    return;
                }
                c::owner_changes_are_recorded_by_name(&super::$make);
            }

            #[test]
            fn a_new_edit_ends_the_redo_chain_and_undo_is_recorded_in_the_history() {
                if !$available() {
                    return;
                }
                c::a_new_edit_ends_the_redo_chain_and_undo_is_recorded_in_the_history(
                    &super::$make,
                );
            }

            #[test]
            fn deleting_is_refused_while_others_depend_or_records_exist() {
                if !$available() {
                    return;
                }
                c::deleting_is_refused_while_others_depend_or_records_exist(&super::$make);
            }

            #[test]
            fn owners_are_added_renamed_merged_and_deleted_only_when_unused_all_undoable() {
                if !$available() {
                    return;
                }
                c::owners_are_added_renamed_merged_and_deleted_only_when_unused_all_undoable(
                    &super::$make,
                );
            }

            #[test]
            fn archived_measures_keep_their_history_and_undo_restores_them() {
                if !$available() {
                    return;
                }
                c::archived_measures_keep_their_history_and_undo_restores_them(&super::$make);
            }

            #[test]
            fn history_follows_a_measure_through_a_rename() {
                if !$available() {
                    return;
                }
                c::history_follows_a_measure_through_a_rename(&super::$make);
            }

            #[test]
            fn a_removed_measures_id_is_never_given_again_and_undo_brings_its_history_back() {
                if !$available() {
                    return;
                }
                c::a_removed_measures_id_is_never_given_again_and_undo_brings_its_history_back(
                    &super::$make,
                );
            }

            #[test]
            fn archiving_keeps_the_day_and_bringing_back_clears_it() {
                if !$available() {
                    return;
                }
                c::archiving_keeps_the_day_and_bringing_back_clears_it(&super::$make);
            }

            #[test]
            fn the_import_replaces_only_when_asked_and_its_history_is_not_undone() {
                if !$available() {
                    return;
                }
                c::the_import_replaces_only_when_asked_and_its_history_is_not_undone(&super::$make);
            }

            #[test]
            fn meetings_are_recorded_with_their_title() {
                if !$available() {
                    return;
                }
                c::meetings_are_recorded_with_their_title(&super::$make);
            }

            #[test]
            fn baselines_and_plan_money_fields_are_stored_undone_and_copied() {
                if !$available() {
                    return;
                }
                c::baselines_and_plan_money_fields_are_stored_undone_and_copied(&super::$make);
            }

            #[test]
            fn a_verdict_is_confirmed_by_another_person_recorded_undone_and_copied() {
                if !$available() {
                    return;
                }
                c::a_verdict_is_confirmed_by_another_person_recorded_undone_and_copied(
                    &super::$make,
                );
            }

            #[test]
            fn evidence_comes_back_byte_for_byte_and_is_removed_and_restored_by_undo() {
                if !$available() {
                    return;
                }
                c::evidence_comes_back_byte_for_byte_and_is_removed_and_restored_by_undo(
                    &super::$make,
                );
            }
        }
    };
}
pub(super) use contract_tests;

pub(super) fn default_roadmap_has_twenty_measures_in_three_horizons(new: &Engine) {
    let roadmap = new(Some(Lang::De)).load_roadmap().unwrap();
    assert_eq!(roadmap.measures.len(), 20);
    let count = |h| roadmap.measures.iter().filter(|m| m.horizon == h).count();
    assert_eq!((count(Horizon::Short), count(Horizon::Medium), count(Horizon::Long)), (8, 9, 3));
    let one_off: Money = roadmap.measures.iter().map(|m| m.planned_one_off).sum();
    let yearly: Money = roadmap.measures.iter().map(|m| m.planned_yearly).sum();
    assert_eq!((one_off, yearly), (Money::euros(213_000), Money::euros(236_000)));
    let m16 = roadmap.measure("M16").unwrap();
    assert_eq!(m16.depends_on, ["M07", "M10", "M11"]);
    assert_eq!(m16.status, Status::InProgress);
    assert_eq!(roadmap.owner_name(m16), "IT-Leitung");
    assert_eq!(roadmap.spent("M02"), Money::euros(119_400));
    assert!(m16.frameworks.iter().any(|r| r.framework == crate::model::Framework::Vds3473));
    assert_eq!(roadmap.info.town, "Blumberg");
    assert!(roadmap.info.adopted.is_some() && !roadmap.info.name.is_empty());
    // Each re-evaluation was recorded by the measure's owner; the records keep their order.
    assert!(!roadmap.reevaluations.is_empty());
    for r in &roadmap.reevaluations {
        assert_eq!(r.by, roadmap.owner_name(roadmap.measure(&r.code).unwrap()), "{}", r.code);
    }
    assert!(roadmap.expenses.windows(2).all(|w| w[0].date <= w[1].date));
    // Owners are numbered from 1 in the order of the default roadmap, with no contact yet.
    let mut ids: Vec<i64> = roadmap.owners.iter().map(|o| o.id).collect();
    ids.sort_unstable();
    assert_eq!(ids, (1..=ids.len() as i64).collect::<Vec<_>>());
    assert!(roadmap.owners.iter().all(|o| o.contact.is_none()));
}

pub(super) fn seed_follows_the_language(new: &Engine) {
    let de = new(Some(Lang::De)).load_roadmap().unwrap();
    let en = new(Some(Lang::En)).load_roadmap().unwrap();
    assert_eq!(de.measures[0].title, "Personalunion des IT-Verantwortlichen auflösen");
    assert_eq!(en.measures[0].title, "Dissolve the IT officer's dual role (personnel union)");
    assert_eq!(en.owner_name(&en.measures[0]), "Mayor's office");
}

pub(super) fn the_seed_is_one_history_entry_per_measure(new: &Engine) {
    let history = new(Some(Lang::De)).history(None).unwrap();
    assert_eq!(history.len(), 20);
    assert!(history.iter().all(|c| c.field == "created" && !c.who.is_empty() && c.batch == 1));
    assert_eq!(history[0].comment, "Standardfahrplan angelegt");
}

pub(super) fn a_status_change_writes_row_and_history_together(new: &Engine) {
    let mut store = new(Some(Lang::De));
    let before = store.measure("M16").unwrap().unwrap();
    let after = store
        .set_status("M16", Status::Done, "Notfallhandbuch beschlossen", date(2026, 11, 27), None)
        .unwrap();
    assert_eq!(
        (after.status, after.progress, after.completed),
        (Status::Done, 100, Some(date(2026, 11, 27)))
    );
    assert_eq!(after.version, before.version + 1);
    let history = store.history(Some("M16")).unwrap();
    let fields: Vec<_> = history.iter().skip(1).map(|c| c.field.as_str()).collect();
    assert_eq!(fields, ["status", "progress", "completed"]);
    let status = &history[1];
    assert_eq!((status.old.as_deref(), status.new.as_deref()), (Some("in-progress"), Some("done")));
    assert_eq!(status.comment, "Notfallhandbuch beschlossen");
    assert_eq!(status.at.to_string(), "2026-11-27 10:15:00");
    // All three rows belong to one command.
    assert!(history[1..].iter().all(|c| c.batch == status.batch));
}

pub(super) fn an_unchanged_status_writes_nothing(new: &Engine) {
    let mut store = new(Some(Lang::De));
    store.set_status("M01", Status::Done, "", date(2026, 11, 27), None).unwrap();
    assert_eq!(store.history(Some("M01")).unwrap().len(), 1);
}

pub(super) fn a_stale_version_is_a_conflict_and_changes_nothing(new: &Engine) {
    let mut store = new(Some(Lang::De));
    let seen = store.measure("M18").unwrap().unwrap();
    store.set_status("M18", Status::OnHold, "", date(2026, 11, 27), Some(seen.version)).unwrap();
    let err = store
        .set_status("M18", Status::Done, "", date(2026, 11, 27), Some(seen.version))
        .unwrap_err();
    assert!(matches!(err, StoreError::Conflict { ref code } if code == "M18"), "{err:?}");
    assert_eq!(store.measure("M18").unwrap().unwrap().status, Status::OnHold);
    assert_eq!(store.history(Some("M18")).unwrap().len(), 2);
}

pub(super) fn invalid_changes_are_refused_with_their_reason_and_nothing_is_written(new: &Engine) {
    let mut store = new(Some(Lang::De));
    let err = store
        .update_measure("M02", None, "", &|m| Measure {
            depends_on: vec!["M09".into()],
            ..m.clone()
        })
        .unwrap_err();
    assert!(
        matches!(&err, StoreError::Invalid(crate::model::ValidationError::DependencyCycle(c)) if c.first().map(String::as_str) == Some("M02")),
        "{err:?}"
    );
    let err = store
        .update_measure("M02", None, "", &|m| Measure { due: date(2000, 1, 1), ..m.clone() })
        .unwrap_err();
    assert!(matches!(
        err,
        StoreError::Invalid(crate::model::ValidationError::DueBeforeStart { .. })
    ));
    assert_eq!(store.history(Some("M02")).unwrap().len(), 1);
    assert!(matches!(
        store.set_status("M99", Status::Done, "", date(2026, 1, 1), None),
        Err(StoreError::UnknownMeasure(_))
    ));
}

pub(super) fn owner_changes_are_recorded_by_name(new: &Engine) {
    let mut store = new(Some(Lang::De));
    let roadmap = store.load_roadmap().unwrap();
    let iso =
        roadmap.owners.iter().find(|o| o.name == "Informationssicherheitsbeauftragter").unwrap().id;
    store
        .update_measure("M07", None, "Zuständigkeit neu", &|m| Measure {
            owner: Some(iso),
            ..m.clone()
        })
        .unwrap();
    let change = store.history(Some("M07")).unwrap().pop().unwrap();
    assert_eq!(change.field, "owner");
    assert_eq!(change.old.as_deref(), Some("IT-Leitung"));
    assert_eq!(change.new.as_deref(), Some("Informationssicherheitsbeauftragter"));
}

pub(super) fn a_new_edit_ends_the_redo_chain_and_undo_is_recorded_in_the_history(new: &Engine) {
    let mut store = new(Some(Lang::De));
    assert_eq!(store.can_undo_redo().unwrap(), (false, false));
    store.set_status("M19", Status::OnHold, "", date(2026, 11, 27), None).unwrap();
    assert_eq!(store.can_undo_redo().unwrap(), (true, false));
    let changes = store.undo("zurück").unwrap();
    assert_eq!(changes.len(), 1);
    assert_eq!(
        (changes[0].old.as_deref(), changes[0].new.as_deref()),
        (Some("on-hold"), Some("in-progress"))
    );
    assert_eq!(changes[0].comment, "zurück");
    assert_eq!(store.can_undo_redo().unwrap(), (false, true));
    store.set_progress("M19", 31, "", None).unwrap();
    assert_eq!(store.can_undo_redo().unwrap(), (true, false));
    assert!(matches!(store.redo(""), Err(StoreError::NothingToRevert)));
    assert_eq!(store.measure("M19").unwrap().unwrap().status, Status::InProgress);
}

pub(super) fn deleting_is_refused_while_others_depend_or_records_exist(new: &Engine) {
    let mut store = new(Some(Lang::De));
    let err = store.delete_measure("M01", "").unwrap_err();
    assert!(
        matches!(&err, StoreError::HasDependents { dependents, .. } if dependents.contains(&"M02".to_owned())),
        "{err:?}"
    );
    assert!(err.localize(&crate::i18n::I18n::new(Lang::De)).contains("M02"));
    assert!(matches!(store.delete_measure("M20", ""), Err(StoreError::HasRecords { .. })));
    assert!(matches!(
        store.add_expense("M20", date(2026, 1, 1), Money::ZERO, ""),
        Err(StoreError::Invalid(crate::model::ValidationError::ZeroAmount))
    ));
}

pub(super) fn owners_are_added_renamed_merged_and_deleted_only_when_unused_all_undoable(
    new: &Engine,
) {
    let mut store = new(Some(Lang::De));
    let owners = |s: &dyn Storage| s.load_roadmap().unwrap().owners;
    let id_of = |s: &dyn Storage, name: &str| owners(s).iter().find(|o| o.name == name).unwrap().id;
    let new = store
        .add_owner("Digitalisierungsbeauftragte", crate::model::OwnerKind::Role, Some("0771 123"))
        .unwrap();
    assert!(matches!(
        store.add_owner(" Hauptamt ", crate::model::OwnerKind::Department, None),
        Err(StoreError::DuplicateOwner(_))
    ));
    assert!(matches!(
        store.add_owner("  ", crate::model::OwnerKind::Role, None),
        Err(StoreError::EmptyOwnerName)
    ));
    store.rename_owner(new.id, "Digitalisierung").unwrap();
    assert!(owners(&*store).iter().any(|o| o.name == "Digitalisierung"));
    // Deleting a used owner is refused, naming its measures.
    let it = id_of(&*store, "IT-Leitung");
    let err = store.delete_owner(it).unwrap_err();
    assert!(
        matches!(&err, StoreError::OwnerInUse { codes, .. } if codes.contains(&"M16".to_owned())),
        "{err:?}"
    );
    // Merge moves the measures and removes the old owner.
    let building = id_of(&*store, "Bauamt");
    store.merge_owners(it, building).unwrap();
    let roadmap = store.load_roadmap().unwrap();
    assert_eq!(roadmap.owner_name(roadmap.measure("M16").unwrap()), "Bauamt");
    assert!(!roadmap.owners.iter().any(|o| o.name == "IT-Leitung"));
    // Undo the merge: the owner is back and responsible again.
    store.undo("").unwrap();
    let roadmap = store.load_roadmap().unwrap();
    assert_eq!(roadmap.owner_name(roadmap.measure("M16").unwrap()), "IT-Leitung");
    // Undo the rename and the addition.
    store.undo("").unwrap();
    assert!(owners(&*store).iter().any(|o| o.name == "Digitalisierungsbeauftragte"));
    store.undo("").unwrap();
    assert!(!owners(&*store).iter().any(|o| o.name.starts_with("Digitalisierung")));
    // An unused owner can be deleted; undo brings it back.
    let finance = id_of(&*store, "Kämmerei");
    store.delete_owner(finance).unwrap();
    store.undo("").unwrap();
    assert!(owners(&*store).iter().any(|o| o.name == "Kämmerei"));
}

pub(super) fn archived_measures_keep_their_history_and_undo_restores_them(new: &Engine) {
    let mut store = new(Some(Lang::De));
    store
        .update_measure("M20", None, "erledigt sich", &|m| Measure { archived: true, ..m.clone() })
        .unwrap();
    assert!(store.measure("M20").unwrap().unwrap().archived);
    assert_eq!(store.history(Some("M20")).unwrap().last().unwrap().field, "archived");
    store.undo("").unwrap();
    assert!(!store.measure("M20").unwrap().unwrap().archived);
}

pub(super) fn history_follows_a_measure_through_a_rename(new: &Engine) {
    let mut store = new(Some(Lang::De));
    store.set_progress("M05", 80, "", None).unwrap();
    store
        .update_measure("M05", None, "neu nummeriert", &|m| Measure {
            code: "M05a".into(),
            ..m.clone()
        })
        .unwrap();
    store.set_progress("M05a", 90, "", None).unwrap();
    let history = store.history(Some("M05a")).unwrap();
    let rows: Vec<(&str, Option<&str>)> =
        history.iter().map(|c| (c.field.as_str(), c.code.as_deref())).collect();
    // Every row, each with the code it had at the time.
    assert_eq!(
        rows,
        [
            ("created", Some("M05")),
            ("progress", Some("M05")),
            ("code", Some("M05a")),
            ("progress", Some("M05a")),
        ]
    );
    // The old code names no measure any more: its rows are found by their text.
    assert_eq!(store.history(Some("M05")).unwrap().len(), 2);
    // A new measure that takes the freed code starts its own history.
    let mut fresh = store.measure("M05a").unwrap().unwrap();
    fresh.code = "M05".into();
    fresh.depends_on.clear();
    store.add_measure(&fresh, "").unwrap();
    let rows = store.history(Some("M05")).unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].field, "created");
    assert_eq!(store.history(Some("M05a")).unwrap().len(), 4);
}

pub(super) fn a_removed_measures_id_is_never_given_again_and_undo_brings_its_history_back(
    new: &Engine,
) {
    let mut store = new(Some(Lang::De));
    let template = store.measure("M20").unwrap().unwrap();
    let new = |code: &str| Measure {
        id: 0,
        code: code.into(),
        depends_on: Vec::new(),
        ..template.clone()
    };
    let m21 = store.add_measure(&new("M21"), "").unwrap();
    store.set_progress("M21", 10, "", None).unwrap();
    store.delete_measure("M21", "").unwrap();
    // The next new measure gets an id of its own, and a history of its own.
    let m22 = store.add_measure(&new("M22"), "").unwrap();
    assert_ne!(m22.id, m21.id);
    let rows = store.history(Some("M22")).unwrap();
    assert_eq!(rows.len(), 1, "{rows:?}");
    // Removing and undoing: the measure comes back as itself, with its whole history.
    store.set_progress("M22", 20, "", None).unwrap();
    store.delete_measure("M22", "").unwrap();
    store.undo("").unwrap();
    let back = store.measure("M22").unwrap().unwrap();
    assert_eq!(back.id, m22.id);
    let fields: Vec<String> =
        store.history(Some("M22")).unwrap().into_iter().map(|c| c.field).collect();
    assert_eq!(fields, ["created", "progress", "deleted", "created"]);
}

pub(super) fn archiving_keeps_the_day_and_bringing_back_clears_it(new: &Engine) {
    let mut store = new(Some(Lang::De));
    let archive = |store: &mut dyn Storage, archived: bool| {
        store.update_measure("M18", None, "", &|m| Measure { archived, ..m.clone() }).unwrap()
    };
    let archived = archive(&mut *store, true);
    assert_eq!(archived.archived_on, Some(date(2026, 11, 27)), "the day of the store's clock");
    // An edit of an archived measure keeps the day.
    let edited = store
        .update_measure("M18", None, "", &|m| Measure { notes: "x".into(), ..m.clone() })
        .unwrap();
    assert_eq!(edited.archived_on, Some(date(2026, 11, 27)));
    assert_eq!(archive(&mut *store, false).archived_on, None);
    // Undo of the return archives it again, with a day.
    store.undo("").unwrap();
    let again = store.measure("M18").unwrap().unwrap();
    assert!(again.archived && again.archived_on.is_some());
}

pub(super) fn the_import_replaces_only_when_asked_and_its_history_is_not_undone(new: &Engine) {
    let mut source = new(Some(Lang::En)).load_roadmap().unwrap();
    // Identities the target does not have, and facts of its own.
    for m in &mut source.measures {
        m.id = m.id * 10 + 3;
    }
    source.info.town = "Hüfingen".into();
    let history = new(Some(Lang::En)).history(None).unwrap();
    let mut store = new(Some(Lang::De));
    let before = store.load_roadmap().unwrap();
    assert!(matches!(
        store.replace_all(&source, &history, false, None),
        Err(StoreError::WouldReplace(20))
    ));
    assert_eq!(store.load_roadmap().unwrap(), before, "nothing was written");
    store.replace_all(&source, &history, true, None).unwrap();
    let after = store.load_roadmap().unwrap();
    assert_eq!(after.measures.len(), 20);
    assert_eq!(after.measure("M01").unwrap().title, source.measure("M01").unwrap().title);
    for m in &source.measures {
        assert_eq!(after.measure(&m.code).unwrap().id, m.id, "{} keeps its id", m.code);
    }
    assert_eq!(after.info, source.info);
    assert_eq!(after.spent("M02"), source.spent("M02"));
    assert_eq!(store.history(None).unwrap().len(), history.len());
    // The import is a record, not an edit to undo.
    assert!(matches!(store.undo(""), Err(StoreError::NothingToRevert)));
    // An empty roadmap takes an import without being asked.
    let mut empty = new(None);
    empty.replace_all(&source, &history, false, None).unwrap();
    assert_eq!(empty.load_roadmap().unwrap().measures.len(), 20);
}

pub(super) fn meetings_are_recorded_with_their_title(new: &Engine) {
    let mut store = new(Some(Lang::De));
    let meeting = store.add_meeting(date(2026, 12, 10), "  Gemeinderat  ").unwrap();
    assert_eq!((meeting.date, meeting.title.as_str()), (date(2026, 12, 10), "Gemeinderat"));
    assert!(matches!(
        store.add_meeting(date(2026, 12, 11), " "),
        Err(StoreError::EmptyMeetingTitle)
    ));
    let meetings = store.load_roadmap().unwrap().meetings;
    assert_eq!(meetings.len(), 1);
    assert_eq!(meetings[0].title, "Gemeinderat");
}

pub(super) fn baselines_and_plan_money_fields_are_stored_undone_and_copied(new: &Engine) {
    let mut store = new(Some(Lang::De));
    let baseline = store.add_baseline(" Gemeinderat ", date(2026, 12, 10)).unwrap();
    assert_eq!((baseline.title.as_str(), baseline.measures.len()), ("Gemeinderat", 20));
    assert!(matches!(
        store.add_baseline("Gemeinderat", date(2026, 12, 11)),
        Err(StoreError::BaselineExists(_))
    ));
    assert!(matches!(
        store.add_baseline(" ", date(2026, 12, 11)),
        Err(StoreError::EmptyBaselineTitle)
    ));
    // The new plan fields are written, read back and recorded like every other.
    let changed = store
        .update_measure("M18", None, "Förderbescheid", &|m| Measure {
            funding_source: "Breitbandförderung Baden-Württemberg".into(),
            funding_share: 50,
            staff_days_planned: 40,
            staff_days_spent: 3,
            ..m.clone()
        })
        .unwrap();
    let stored = store.measure("M18").unwrap().unwrap();
    assert_eq!(stored, changed);
    assert_eq!(
        (stored.funding_share, stored.staff_days_planned, stored.staff_days_spent),
        (50, 40, 3)
    );
    let fields: Vec<String> =
        store.history(Some("M18")).unwrap().iter().rev().take(4).map(|c| c.field.clone()).collect();
    for field in ["funding_source", "funding_share", "staff_days_planned", "staff_days_spent"] {
        assert!(fields.iter().any(|f| f == field), "{field} in {fields:?}");
    }
    // The frozen plan does not follow the change.
    let roadmap = store.load_roadmap().unwrap();
    let frozen = roadmap.baselines[0].measures.iter().find(|m| m.code == "M18").unwrap();
    assert_eq!(frozen.funding_share, 0);
    // Undo: the fields in one step, then the baseline itself; redo brings it back whole.
    store.undo("").unwrap();
    assert_eq!(store.measure("M18").unwrap().unwrap().funding_share, 0);
    store.undo("").unwrap();
    assert!(store.load_roadmap().unwrap().baselines.is_empty());
    store.redo("").unwrap();
    assert_eq!(store.load_roadmap().unwrap().baselines, roadmap.baselines);
    // A copy into a new roadmap keeps the baselines.
    let mut copy = new(None);
    let history = store.history(None).unwrap();
    copy.replace_all(&store.load_roadmap().unwrap(), &history, false, None).unwrap();
    let copied = copy.load_roadmap().unwrap().baselines;
    assert_eq!(copied.len(), 1);
    assert_eq!(copied[0].measures, roadmap.baselines[0].measures);
}

pub(super) fn a_verdict_is_confirmed_by_another_person_recorded_undone_and_copied(new: &Engine) {
    let mut store = new(Some(Lang::De));
    // On a server the confirmer is the login the server authenticated, whatever name is sent.
    let server = store.path().to_string_lossy().starts_with("postgres");
    let bernd = if server { store.who().to_owned() } else { "bernd".to_owned() };
    let latest = |store: &dyn Storage| {
        let roadmap = store.load_roadmap().unwrap();
        roadmap
            .reevaluations
            .iter()
            .filter(|r| r.code == "M07")
            .max_by_key(|r| (r.date, r.id))
            .cloned()
    };
    store
        .add_reevaluation("M07", date(2026, 11, 30), Verdict::Effective, "Test", "anna", None)
        .unwrap();
    assert!(matches!(
        store.confirm_reevaluation("M07", (date(2026, 12, 1), " ANNA ", None), ""),
        Err(StoreError::SelfConfirmation { by }) if by == "anna"
    ));
    assert_eq!(latest(store.as_ref()).unwrap().confirmed_by, None);
    // A verdict other than the latest (the one a window showed before a newer one came) is a
    // conflict.
    assert!(matches!(
        store.confirm_reevaluation("M07", (date(2026, 12, 1), &bernd, Some(-1)), ""),
        Err(StoreError::Conflict { .. })
    ));
    if server {
        // One login here: whoever recorded the verdict (the server's login) may not confirm it;
        // a second login confirms in tests/record.rs.
        assert!(matches!(
            store.confirm_reevaluation("M07", (date(2026, 12, 1), &bernd, None), ""),
            Err(StoreError::SelfConfirmation { by }) if by == bernd
        ));
        return;
    }
    // Not before the day of the verdict.
    assert!(matches!(
        store.confirm_reevaluation("M07", (date(2026, 11, 29), &bernd, None), ""),
        Err(StoreError::ConfirmedBeforeVerdict { verdict }) if verdict == date(2026, 11, 30)
    ));
    store.confirm_reevaluation("M07", (date(2026, 12, 1), &bernd, None), "Protokoll").unwrap();
    let confirmed = latest(store.as_ref()).unwrap();
    assert_eq!(
        (confirmed.by.as_str(), confirmed.confirmed_by.as_deref(), confirmed.confirmed_at),
        ("anna", Some(bernd.as_str()), Some(date(2026, 12, 1)))
    );
    assert!(matches!(
        store.confirm_reevaluation("M07", (date(2026, 12, 2), "carla", None), ""),
        Err(StoreError::AlreadyConfirmed { by }) if by == bernd
    ));
    let last = store.history(Some("M07")).unwrap().last().cloned().unwrap();
    assert_eq!(
        (last.field.as_str(), last.new.as_deref(), last.comment.as_str()),
        ("reevaluation-confirmed", Some(bernd.as_str()), "Protokoll")
    );
    // Undo takes the confirmation back (the verdict stays), redo gives it again.
    store.undo("").unwrap();
    let undone = latest(store.as_ref()).unwrap();
    assert_eq!((undone.id, undone.confirmed_by), (confirmed.id, None));
    store.redo("").unwrap();
    assert_eq!(latest(store.as_ref()).unwrap(), confirmed);
    // Undoing the verdict itself after its confirmation, and redoing both, keeps it whole.
    store.undo("").unwrap();
    store.undo("").unwrap();
    assert!(latest(store.as_ref()).is_none_or(|r| r.id != confirmed.id));
    store.redo("").unwrap();
    store.redo("").unwrap();
    assert_eq!(latest(store.as_ref()).unwrap(), confirmed);
    // A copy keeps who confirmed.
    let roadmap = store.load_roadmap().unwrap();
    let mut copy = new(None);
    copy.replace_all(&roadmap, &[], true, None).unwrap();
    let copied = copy.load_roadmap().unwrap();
    let copied = copied.reevaluations.iter().find(|r| r.code == "M07" && r.by == "anna").unwrap();
    assert_eq!(copied.confirmed_by.as_deref(), Some(bernd.as_str()));
    // Nothing to confirm: refused.
    let fresh_code = roadmap
        .measures
        .iter()
        .find(|m| roadmap.reevaluations_of(&m.code).next().is_none())
        .map(|m| m.code.clone())
        .unwrap();
    assert!(matches!(
        store.confirm_reevaluation(&fresh_code, (date(2026, 12, 1), "bernd", None), ""),
        Err(StoreError::NoReevaluation(_))
    ));
}

pub(super) fn evidence_comes_back_byte_for_byte_and_is_removed_and_restored_by_undo(new: &Engine) {
    use crate::model::{EvidenceKind, EvidenceSource, MAX_EVIDENCE_BYTES, NewEvidence};
    let mut store = new(Some(Lang::De));
    let bytes: Vec<u8> =
        (0..300_000_u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
    let file = |name: &str, bytes: &[u8], on: Option<NaiveDate>| NewEvidence {
        source: EvidenceSource::File { name: name.into(), bytes: bytes.to_vec() },
        note: " Protokoll ".into(),
        reevaluation: on,
    };
    let added = store.add_evidence("M07", &file("/tmp/scan.pdf", &bytes, None)).unwrap();
    assert_eq!(
        (added.kind, added.name.as_str(), added.size),
        (EvidenceKind::File, "scan.pdf", Some(300_000))
    );
    assert_eq!(added.sha256.as_deref().map(str::len), Some(64));
    assert_eq!((added.added_by.as_str(), added.note.as_str()), (store.who(), "Protokoll"));
    assert_eq!(store.evidence_bytes("M07", added.id).unwrap(), bytes);
    // The same content again is a second piece of evidence, kept once.
    let again = store.add_evidence("M07", &file("copy.pdf", &bytes, None)).unwrap();
    assert_eq!(again.sha256, added.sha256);
    // Another measure's id, a link's bytes, a bad link, a day without a verdict: refused.
    assert!(matches!(store.evidence_bytes("M08", added.id), Err(StoreError::UnknownEvidence(_))));
    let link = |url: &str| NewEvidence {
        source: EvidenceSource::Link(url.into()),
        note: String::new(),
        reevaluation: None,
    };
    let linked = store.add_evidence("M07", &link(" https://intranet/ticket/42 ")).unwrap();
    assert_eq!((linked.url.as_deref(), linked.size), (Some("https://intranet/ticket/42"), None));
    assert!(matches!(store.evidence_bytes("M07", linked.id), Err(StoreError::NotAFile(_))));
    let before = store.history(None).unwrap().len();
    assert!(matches!(
        store.add_evidence("M07", &link("ticket 42")),
        Err(StoreError::InvalidLink(_))
    ));
    assert!(matches!(
        store.add_evidence("M07", &file("a.pdf", b"x", Some(date(2020, 1, 1)))),
        Err(StoreError::NoReevaluationOn { .. })
    ));
    let huge = vec![0_u8; usize::try_from(MAX_EVIDENCE_BYTES).unwrap() + 1];
    assert!(matches!(
        store.add_evidence("M07", &file("big.bin", &huge, None)),
        Err(StoreError::EvidenceTooLarge { size }) if size == MAX_EVIDENCE_BYTES + 1
    ));
    assert_eq!(store.history(None).unwrap().len(), before, "nothing written");
    // With a verdict's day it belongs to that verdict.
    let (verdict, _) = store
        .add_reevaluation("M07", date(2026, 11, 30), Verdict::Effective, "", "anna", None)
        .unwrap();
    let proof =
        store.add_evidence("M07", &file("p.png", b"png", Some(date(2026, 11, 30)))).unwrap();
    assert_eq!(proof.reevaluation, Some(verdict.id));
    // Removed, undone, redone; a measure with evidence is not deleted.
    let listed = |s: &dyn Storage| {
        s.load_roadmap()
            .unwrap()
            .evidence
            .iter()
            .filter(|e| e.code == "M07")
            .map(|e| e.id)
            .collect::<Vec<_>>()
    };
    assert_eq!(listed(store.as_ref()), [added.id, again.id, linked.id, proof.id]);
    store.remove_evidence("M07", added.id).unwrap();
    assert_eq!(listed(store.as_ref()), [again.id, linked.id, proof.id]);
    assert!(matches!(store.remove_evidence("M07", added.id), Err(StoreError::UnknownEvidence(_))));
    let last = store.history(Some("M07")).unwrap().last().cloned().unwrap();
    assert_eq!(
        (last.field.as_str(), last.old.as_deref(), last.new),
        ("evidence", Some("scan.pdf"), None)
    );
    store.undo("").unwrap();
    let back =
        store.load_roadmap().unwrap().evidence.into_iter().find(|e| e.id == added.id).unwrap();
    assert_eq!(back, added);
    assert_eq!(store.evidence_bytes("M07", added.id).unwrap(), bytes);
    store.redo("").unwrap();
    assert_eq!(listed(store.as_ref()), [again.id, linked.id, proof.id]);
    store.undo("").unwrap();
    // Undoing the addition of the latest takes it away again.
    let newest = store.add_evidence("M09", &link("http://x/y")).unwrap();
    store.undo("").unwrap();
    assert!(store.load_roadmap().unwrap().evidence.iter().all(|e| e.id != newest.id));
    let mut empty = new(None);
    let mut measure = store.measure("M07").unwrap().unwrap();
    measure.depends_on.clear();
    measure.owner = None;
    let measure = empty.add_measure(&measure, "").unwrap();
    empty.add_evidence(&measure.code, &link("https://a/b")).unwrap();
    assert!(matches!(empty.delete_measure(&measure.code, ""), Err(StoreError::HasRecords { .. })));
}
