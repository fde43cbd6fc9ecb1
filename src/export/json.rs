//! The full JSON export: every record of a roadmap with a format version, for backups that
//! people can read and for other programs.

use serde_json::{Value, json};

use crate::model::{Change, Roadmap};

/// The format name and version written into every export.
pub const FORMAT: &str = "fahrplan-export";
/// The version of the export format.
pub const VERSION: u32 = 1;

/// The whole roadmap with its history as pretty JSON.
pub fn export_json(roadmap: &Roadmap, history: &[Change]) -> Vec<u8> {
    let owner_name = |id: Option<i64>| id.and_then(|id| roadmap.owner(id)).map(|o| o.name.clone());
    let measures: Vec<Value> = roadmap
        .measures
        .iter()
        .map(|m| {
            json!({
                "code": m.code,
                "title": m.title,
                "description": m.description,
                "horizon": m.horizon,
                "owner": owner_name(m.owner),
                "stakeholders": m.stakeholders,
                "status": m.status,
                "progress": m.progress,
                "start": m.start,
                "due": m.due,
                "completed": m.completed,
                "frameworks": m.frameworks,
                "depends_on": m.depends_on,
                "reevaluation_interval_months": m.reevaluation_interval_months,
                "next_reevaluation": m.next_reevaluation,
                "planned_one_off_cents": m.planned_one_off,
                "planned_yearly_cents": m.planned_yearly,
                "notes": m.notes,
                "archived": m.archived,
            })
        })
        .collect();
    let value = json!({
        "format": FORMAT,
        "version": VERSION,
        "info": roadmap.info,
        "owners": roadmap.owners.iter().map(|o| json!({"name": o.name, "kind": o.kind, "contact": o.contact})).collect::<Vec<_>>(),
        "measures": measures,
        "expenses": roadmap.expenses.iter().map(|e| json!({"code": e.code, "date": e.date, "amount_cents": e.amount, "note": e.note})).collect::<Vec<_>>(),
        "reevaluations": roadmap.reevaluations.iter().map(|r| json!({"code": r.code, "date": r.date, "verdict": r.verdict, "note": r.note, "by": r.by})).collect::<Vec<_>>(),
        "meetings": roadmap.meetings.iter().map(|m| json!({"date": m.date, "title": m.title})).collect::<Vec<_>>(),
        "history": history.iter().map(|c| json!({"at": c.at, "who": c.who, "code": c.code, "field": c.field, "old": c.old, "new": c.new, "comment": c.comment})).collect::<Vec<_>>(),
    });
    serde_json::to_vec_pretty(&value).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::store::Store;

    #[test]
    fn the_export_has_every_record_and_its_version() {
        let store = Store::in_memory(Some(Lang::De)).unwrap();
        let roadmap = store.load_roadmap().unwrap();
        let history = store.history(None).unwrap();
        let value: Value = serde_json::from_slice(&export_json(&roadmap, &history)).unwrap();
        assert_eq!(value["format"], FORMAT);
        assert_eq!(value["version"], VERSION);
        assert_eq!(value["measures"].as_array().unwrap().len(), 20);
        assert_eq!(value["expenses"].as_array().unwrap().len(), roadmap.expenses.len());
        assert_eq!(value["history"].as_array().unwrap().len(), 20);
        assert_eq!(value["measures"][15]["code"], "M16");
        assert_eq!(value["measures"][15]["owner"], "IT-Leitung");
        assert_eq!(value["measures"][15]["status"], "in-progress");
        assert_eq!(value["measures"][15]["planned_one_off_cents"], 1_200_000);
    }
}
