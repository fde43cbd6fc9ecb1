//! Generated roadmaps for the property tests of the exports: random sizes, every enum value,
//! dependencies only on earlier measures (no cycles), and texts built from the fragments that
//! break naive writers (umlauts, quotes, newlines, separators, leading `=`/`@`/`+`/`-`, tabs,
//! backslashes, markup, emoji) in every text field.

use chrono::{NaiveDate, NaiveDateTime, TimeDelta};

use crate::model::{
    Change, Expense, Framework, FrameworkRef, Horizon, Measure, Meeting, Money, Owner, OwnerKind,
    Reevaluation, Roadmap, RoadmapInfo, Status, Verdict,
};

const FRAGMENTS: &[&str] = &[
    "Ä",
    "ö",
    "ü",
    "ß",
    "€",
    "\"",
    "'",
    "„",
    "“",
    "\n",
    "\r\n",
    ";",
    ",",
    "\t",
    "\\",
    "=",
    "@",
    "+",
    "-",
    "<b>",
    "&amp;",
    " ",
    "Maßnahme",
    "Bürgermeisteramt",
    "x",
    "42",
    "1.234,56",
    "😀",
    "日本",
    "—",
];
const LEADS: &[&str] = &["", "", "=", "@", "+", "-", "\t", "=SUMME(A1)", "@cmd"];

/// A text of 0–12 fragments, often starting like a spreadsheet formula.
pub fn text(rng: &mut fastrand::Rng) -> String {
    let mut s = LEADS[rng.usize(..LEADS.len())].to_owned();
    for _ in 0..rng.usize(0..12) {
        s.push_str(FRAGMENTS[rng.usize(..FRAGMENTS.len())]);
    }
    s
}

fn date(rng: &mut fastrand::Rng) -> NaiveDate {
    NaiveDate::from_ymd_opt(2022, 1, 1).unwrap() + TimeDelta::days(rng.i64(0..2200))
}

fn pick<T: Copy>(rng: &mut fastrand::Rng, all: &[T]) -> T {
    all[rng.usize(..all.len())]
}

/// A valid roadmap with its history.
pub fn roadmap(rng: &mut fastrand::Rng) -> (Roadmap, Vec<Change>) {
    let owners: Vec<Owner> = (0..rng.usize(1..6))
        .map(|i| Owner {
            id: i as i64 + 1,
            name: format!("Stelle {i} {}", text(rng)),
            kind: pick(rng, OwnerKind::ALL),
            contact: rng.bool().then(|| text(rng)),
        })
        .collect();
    let mut measures: Vec<Measure> = Vec::new();
    for i in 0..rng.usize(1..16) {
        let start = date(rng);
        let mut m = Measure::new(
            format!("M{:02}", i + 1),
            format!("T{i} {}", text(rng)),
            start,
            start + TimeDelta::days(rng.i64(0..900)),
        );
        // Database ids, as a loaded roadmap has them.
        m.id = i as i64 + 1;
        m.description = text(rng);
        m.notes = text(rng);
        m.horizon = pick(rng, Horizon::ALL);
        m.owner = rng.bool().then(|| owners[rng.usize(..owners.len())].id);
        m.stakeholders = (0..rng.usize(0..3)).map(|_| text(rng)).collect();
        m.status = pick(rng, Status::ALL);
        m.progress = if m.status == Status::Done { 100 } else { rng.u8(0..=100) };
        m.completed = (m.status == Status::Done).then_some(m.due);
        m.frameworks = (0..rng.usize(0..3))
            .map(|_| FrameworkRef { framework: pick(rng, Framework::ALL), reference: text(rng) })
            .collect();
        m.depends_on =
            measures.iter().filter(|_| rng.u8(0..4) == 0).map(|d| d.code.clone()).collect();
        m.reevaluation_interval_months = rng.bool().then(|| rng.u32(1..=36));
        m.next_reevaluation = rng.bool().then(|| date(rng));
        m.planned_one_off = Money(rng.i64(0..1_000_000_000));
        m.planned_yearly = Money(rng.i64(0..100_000_000));
        m.archived = rng.u8(0..8) == 0;
        measures.push(m);
    }
    let code = |rng: &mut fastrand::Rng| measures[rng.usize(..measures.len())].code.clone();
    let expenses = (0..rng.usize(0..20))
        .map(|_| Expense {
            id: 0,
            code: code(rng),
            date: date(rng),
            amount: Money(rng.i64(1..100_000_000)),
            note: text(rng),
        })
        .collect();
    let reevaluations = (0..rng.usize(0..10))
        .map(|_| Reevaluation {
            id: 0,
            code: code(rng),
            date: date(rng),
            verdict: pick(rng, Verdict::ALL),
            note: text(rng),
            by: text(rng),
            confirmed_by: None,
            confirmed_at: None,
            imported: false,
        })
        .collect();
    let meetings = (0..rng.usize(0..4))
        .map(|_| Meeting { id: 0, date: date(rng), title: format!("Sitzung {}", text(rng)) })
        .collect();
    let history = (0..rng.usize(0..20))
        .map(|i| Change {
            id: 0,
            batch: 0,
            at: NaiveDateTime::new(date(rng), chrono::NaiveTime::MIN)
                + TimeDelta::seconds(i as i64),
            who: text(rng),
            code: Some(code(rng)),
            measure_id: None,
            field: pick(rng, &["status", "title", "notes", "expense"]).to_owned(),
            old: rng.bool().then(|| text(rng)),
            new: rng.bool().then(|| text(rng)),
            comment: text(rng),
            imported: false,
        })
        .collect();
    let info = RoadmapInfo {
        town: format!("Stadt {}", text(rng)),
        name: format!("Fahrplan {}", text(rng)),
        adopted: rng.bool().then(|| date(rng)),
    };
    (
        Roadmap {
            info,
            measures,
            owners,
            expenses,
            reevaluations,
            meetings,
            baselines: Vec::new(),
            evidence: Vec::new(),
            assessment: crate::model::Assessment::default(),
            unreadable: Vec::new(),
        },
        history,
    )
}
