# Fahrplan — English texts.

## Status values, horizons, schedule health, verdicts, frameworks
status-planned = Planned
status-in-progress = In progress
status-done = Done
status-on-hold = On hold
status-cancelled = Cancelled
horizon-short = Short term
horizon-medium = Medium term
horizon-long = Long term
horizon-short-long = Short term (now)
horizon-medium-long = Medium term (1–2 years)
horizon-long-long = Long term (2–3 years)
health-overdue = Overdue
health-not-started = Start missed
health-due-soon = Due soon
health-on-track = On track
health-done = Done
verdict-effective = Effective
verdict-partly = Partly effective
verdict-not-effective = Not effective
framework-itil4 = ITIL 4
framework-itil3 = ITIL v3
framework-vds3473 = VdS 3473
framework-bsi = BSI IT-Grundschutz
framework-other = Other

## Columns and fields
col-code = No.
col-title = Measure
col-horizon = Horizon
col-owner = Owner
col-status = Status
col-progress = Progress
col-due = Due
col-next-reevaluation = Next review
col-health = Schedule
col-at = When
col-who = Who
col-field = Field
col-old = Old
col-new = New
col-comment = Comment
field-stakeholders = Stakeholders
field-start = Start
field-completed = Completed on
field-interval = Review interval
field-one-off = Planned one-off
field-yearly = Planned yearly
field-spent = Spent
field-depends-on = Depends on
field-frameworks = Framework references
field-description = Description
field-notes = Notes
months = { $n ->
    [one] 1 month
   *[other] { $n } months
 }
next-with-interval = { $date } { $n ->
    [one] (every month)
   *[other] (every { $n } months)
 }
section-reevaluations = Effectiveness reviews
section-expenses = Expenses
none-yet = None yet.

## Window
menu-file = File
menu-new-default = New roadmap with default measures …
menu-new-empty = New empty roadmap …
menu-open = Open …
menu-save-copy = Save a copy as …
menu-recent = Recently opened
menu-recent-none = No files yet
menu-quit = Quit
file-filter = Fahrplan files
label-language = Language
label-status = New status
label-comment = Comment
hint-comment = optional, e.g. council decision of …
hint-sort = Click to sort
action-apply-status = Apply status
action-close-message = Close
detail-none = Select a measure on the left to see all its details.
empty-roadmap = This roadmap has no measures yet.
measures-count = { $n ->
    [one] 1 measure
   *[other] { $n } measures
 }
banner-viewer = Opened for viewing only: nothing can be changed here.
banner-locked = Being edited by { $holder }. You see the last saved state; once the file is free you can edit here.
banner-read-only = This file is open read-only: changes are not possible.
info-copy-saved = Copy saved: { $path }
history-seeded = Default roadmap created

## Errors
err-not-a-database = { $path } is not a Fahrplan file (not a SQLite database). The file was not changed.
err-foreign = { $path } belongs to another application and is not a Fahrplan file. The file was not changed.
err-damaged = { $path } is damaged and cannot be used ({ $detail }). The file was not changed.
err-too-new = { $path } was created by a newer version of Fahrplan. Please update Fahrplan. The file was not changed.
err-needs-migration = { $path } comes from an older version of Fahrplan and cannot be updated while read-only.
err-io = { $path } cannot be opened or created: { $detail }
err-no-file = No roadmap at { $path }. “fahrplan new { $path }” creates a new one.
cli-created = New roadmap created: { $path } ({ $n ->
    [one] one measure
   *[other] { $n } measures
})
create-offer-title = No roadmap here
create-offer-text = There is no roadmap at { $path } yet. Create one? (It starts with the 20 measures from Blumberg, which you can change or delete.)
create-offer-create = Create
err-blocked = The file { $path } beside the roadmap belongs to { $owner } and keeps you from writing; Fahrplan may neither change nor remove it. Whoever manages the folder can check whether it belongs to an edit in progress, and otherwise remove it. Nothing was changed.
banner-blocked = Read-only: the file { $path } belongs to { $owner } and keeps you from writing (Fahrplan may not remove it). You see the last saved state.
note-last-saved-state = The last write to this file was interrupted (a crash, for instance); shown is the last saved state. Whoever may edit the file repairs it the next time they open it.
err-exists = { $path } exists already. Please choose another name.
lock-holder-unknown = someone whom the lock file does not name (who it is cannot be known)
lock-holder = { $user } ({ $host }) since { $since }
err-locked = The roadmap is being edited by { $holder }. Nothing was changed; please try again later.
err-interrupted = A write to { $path } was interrupted (a crash or a network failure). It is restored as soon as someone with write permission opens it; until then it cannot be shown here.
err-gone = The entry was removed meanwhile. Nothing was changed.
err-not-a-login = { $role } is not a person's login (a group, a login with members, a role of Fahrplan's or of the server); only logins get rights. Nothing was changed.
reeval-confirmed-imported = { $by } { $date } (imported: counts only once confirmed here)
history-imported = imported
hfield-replaced-import = Roadmap replaced by an import of
hfield-replaced-restore = Roadmap replaced by a restore of
err-reason-needed = Please give a reason: it is kept in the history.
hfield-evidence-purged = Evidence erased
info-evidence-purged = { $code }: "{ $name }" erased for good; the history keeps its name, size, checksum, who and why. Older backups still hold the file.
info-evidence-purged-shared = { $code }: "{ $name }" removed; the same file is still evidence elsewhere and so stays stored.
cli-unchanged = { $code }: already { $value }; nothing changed.
invalid-too-long = { $field }: { $len } characters, at most { $max } are allowed.
err-waited = The server waited too long (10 seconds for a lock, 30 for a step) because another connection holds the roadmap (a schema upgrade, a write, or a read left open, in psql for example). Please try again shortly or ask the server's administrator; nothing was changed.
unreadable-rows = { $n ->
    [one] One entry cannot be read and is left out
   *[other] { $n } entries cannot be read and are left out
} (written outside Fahrplan): { $rows }. Everything else is shown; a backup of a file keeps them unchanged, a copy from a server is refused.
hfield-unreadable = Unreadable time
evidence-purge = Erase for good …
evidence-purge-tip = Erase “{ $name }” from the roadmap for good (data protection), without undo
evidence-purge-title = Erase “{ $name }” for good?
evidence-purge-explain = The file leaves the roadmap; no undo brings it back. The history keeps “Evidence erased” with name, size, checksum, who and why. Older backups still hold it.
evidence-purge-reason = Reason (kept in the history)
evidence-purge-confirm = Erase for good
unreadable-kind-measure = Measure { $name }
unreadable-kind-expense = Expense of { $name }
unreadable-kind-reevaluation = Re-evaluation of { $name }
unreadable-kind-meeting = Meeting “{ $name }”
unreadable-kind-baseline = Baseline “{ $name }”
unreadable-kind-owner = Owner “{ $name }”
unreadable-kind-evidence = Evidence of { $name }
unreadable-kind-framework_ref = Framework reference of { $name }
hfield-planned_start = Start
hfield-date = Date
hfield-amount_cents = Amount
hfield-verdict = Verdict
hfield-confirmed_at = Confirmed on
hfield-archived_on = Archived on
hfield-reeval_interval_months = Re-evaluation interval
hfield-data = Content
unreadable-more = and { $n } more (“fahrplan check” names all)
err-unreadable-copy = { $n } entries cannot be read (written outside Fahrplan; “fahrplan check” names them); a copy would lose them and so is not made. Please correct them first; nothing was changed.
unreadable-field = { $what }: { $field } "{ $value }"
hfield-note = Note
hfield-framework = Framework
hfield-kind = Kind
hfield-by_whom = Evaluated by
hfield-confirmed_by = Confirmed by
hfield-owner_id = Owner
hfield-version = Version
hfield-confirmation_imported = Confirmation imported
err-admin-only = Only the roadmap's administrators may replace it whole (import, restore); nothing was changed. An administrator gives the right with "fahrplan server grant LOGIN admin".
err-read-only = The roadmap is open read-only; nothing was changed.
err-conflict = Measure { $code } was changed by someone else in the meantime. Your change was not saved; the current values are shown.
err-busy = The file is in use by another program. Please try again in a moment; nothing was changed.
err-disk-full = The disk is full. Nothing was changed; please free some space and try again.
err-migration = The file could not be brought up to the current format: { $detail }
err-seed = The default roadmap shipped with Fahrplan is broken: { $detail }
cli-server-needs-url = This command needs a server: --db postgresql://USER@HOST/DATABASE
cli-server-needs-roadmap = Please name the roadmap with --roadmap NAME.
cli-server-created = Roadmap "{ $name }" created on the server (roles fahrplan_{ $name }_editor and fahrplan_{ $name }_viewer).
cli-server-granted = { $login } is now { $role ->
    [editor] an editor
   *[other] a viewer
 } of "{ $name }".
cli-server-revoked = { $login } no longer has a role in "{ $name }".
err-server = No connection to the server { $host }: { $reason }
server-refused = the connection was refused (is the server running, is the port right?)
server-unknown-host = the host name is unknown
server-timeout = no answer within 10 seconds
server-authentication = user name or password were not accepted
server-not-admitted = the server admits no such connection (this computer, this user, or no encryption; see pg_hba.conf)
server-tls = the encrypted connection could not be made ({ $detail })
server-closed = the connection was lost
err-bad-url = The server address cannot be used: { $detail }
err-roadmap-name = "{ $name }" is not a roadmap name: lowercase letters, digits and _ are allowed (starting with a letter, at most 31 characters).
err-no-roadmap = The server has no roadmap "{ $name }", or you may not read it.
err-no-roadmaps = The server has no roadmap you may read.
err-choose-roadmap = Please choose a roadmap with --roadmap: { $names }
err-still-member = { $login } still has the role { $role }: it was given by another role or through a group. Nothing was changed; please revoke it there.
err-not-allowed = The server does not allow this user to do that: { $detail }
err-roadmap-exists = The server already has a roadmap "{ $name }".
err-bad-data = The database refused data its rules do not allow ({ $check }): a date, a length or an amount out of bounds. Nothing was changed.
err-unrecorded = The server refused the change because the history does not record it as made ({ $detail }). Nothing was changed; reload and try again.
err-foreign-tables = { $path }: the tables of this file differ from Fahrplan's (changed by hand); it is not taken over. Nothing was changed.
err-clock-off = The server refused the change: this computer's clock is more than a day off the server's. Please check the computer's date and time; nothing was changed.
err-database = Database error: { $detail }. Nothing was changed.
err-window = The window could not be opened: { $detail }
invalid-empty-code = The measure's number is missing.
invalid-empty-title = The title is missing.
invalid-duplicate-code = The number { $code } is already taken.
invalid-due-before-start = The due date { $due } lies before the start { $start }.
invalid-progress = Progress { $value } is not between 0 and 100%.
invalid-unknown-owner = This owner does not exist.
invalid-unknown-dependency = The measure { $code } to depend on does not exist.
invalid-cycle = The dependencies form a cycle: { $cycle }
invalid-negative-money = Planned amounts must not be negative.
invalid-whole = “{ $value }” is not a whole number from 0 to { $max }.
field-funding-source = Funded by
field-funding-share = Funding share (%)
field-staff-planned = Staff days planned
field-staff-spent = Staff days spent
invalid-interval = The review interval { $value } must be between 1 and 120 months.
invalid-funding-share = The funding share { $value } % must be between 0 and 100 %.

## Command line
cli-unknown-code = There is no measure { $code }.
cli-bad-status = Unknown status "{ $status }". Valid are: { $valid }.
cli-status-set = { $code }: status { $old } → { $new }
cli-check-ok = { $path }: file undamaged (integrity { $integrity }, schema version { $version }, application id { $id }, { $measures ->
    [one] 1 measure
   *[other] { $measures } measures
 })

## Timeline
group-horizon = Horizon
group-owner = Owner
group-status = Status
no-owner = No owner
lane-done = { $done } of { $total } done
lane-overdue = { $n } overdue
label-group-by = Group by
action-zoom-in = Zoom in
action-zoom-out = Zoom out
action-show-all = Show all
action-today = Today
label-baseline = Baseline
label-baseline-hint = Shows under each bar, thin, the dates as approved on { $date }.
label-dependencies = Dependencies
label-adopted = Adopted
label-today = Today
label-period = Period
timeline-empty = No measure matches the filter.
tab-timeline = Timeline
tab-table = Table
action-show-details = Show details
action-hide-details = Hide details
label-search = Search
hint-search = No., title, owner
filter-all = All
label-overdue-only = Overdue only
action-clear-filter = Clear filter
filter-nothing = No measure matches the filter.
measures-shown = { $n } of { $total ->
    [one] 1 measure
   *[other] { $total } measures
 }
picture-subtitle = { $town } · as of { $date }
menu-export-png = Export timeline as picture (PNG) …
info-exported = Exported: { $path }
err-export = { $path } could not be written: { $detail }
invalid-amount-too-large = The amount { $value } is too large: at most { $max } (either way) is allowed.
invalid-zero-amount = The amount is zero.
err-has-dependents = Measure { $code } cannot be deleted because { $dependents } depend on it.
err-has-records = Measure { $code } has expenses or re-evaluations and cannot be deleted; please archive it.
err-nothing-to-revert = There is nothing to undo or redo.
cli-bad-progress = Invalid progress "{ $value }": a whole number from 0 to 100 is expected.
cli-bad-amount = Invalid amount "{ $value }": e.g. 1234.56 or 1,234.56 is expected.
cli-bad-number = Invalid number “{ $value }”: a whole number in the allowed range is expected.
cli-unknown-owner = There is no owner “{ $value }”.
cli-edit-nothing = { $code }: nothing changed (the values are already so).
cli-edited = { $code }: changed ({ $fields })
cli-baseline-added = Baseline “{ $title }” of { $date } recorded ({ $count } measures).
cli-baseline-measures = { $count } measures
cli-unknown-baseline = There is no baseline “{ $title }”.
cli-no-baseline = There is no baseline yet (fahrplan baseline add TITLE).
cli-deviations-title = Deviations from the decision “{ $title }” of { $date }
cli-deviations-none = No deviations: the plan is as it was approved.
cli-deviations-totals = One-off cost { $old } → { $new }; running cost { $old_yearly } → { $new_yearly } a year
deviation-added = new since the decision
deviation-removed = dropped since the decision
deviation-due = due { $old } → { $new } ({ $days ->
    [one] { $days } day
   *[other] { $days } days
 })
deviation-one-off = one-off cost { $delta }
deviation-fields = also changed: { $fields }
finance-year = Budget year
finance-one-off = One-off cost
finance-running = Running cost
finance-funding = Funding
finance-own-share = Own share
finance-staff-days = Staff days
finance-funding-source = Funded by
finance-total = Total
cli-meeting-baseline = baseline “{ $titles }”
cli-bad-date = Invalid date "{ $value }": e.g. 2026-12-31 or 31.12.2026 is expected.
cli-progress-set = { $code }: progress { $old } → { $new }
cli-expense-added = { $code }: expense of { $amount } on { $date } booked; spent in total { $spent }
cli-reevaluated = { $code }: review on { $date } recorded as "{ $verdict }"; next review { $next }
cli-undone = Undone:
cli-redone = Redone:
info-expense-booked = { $code }: expense of { $amount } on { $date } booked.
info-reevaluated = { $code }: review recorded, next review { $next }.
info-now-editing = { $file } is free now: you can edit the roadmap.
info-saved = { $code } saved.
info-deleted = { $code } deleted.
info-undone = Undone: { $codes }
info-redone = Redone: { $codes }
invalid-date-missing = Please enter a date.
invalid-date-range = The date { $value } lies outside the years 1900 to 2200.
invalid-date = "{ $value }" is not a valid date (e.g. 2026-12-31 or 31.12.2026).
invalid-money = "{ $value }" is not a valid amount (e.g. 12500 or 12,500.00).
editor-title = Edit { $code }
editor-title-new = New measure
editor-unsaved = ● not saved
field-title = Title
field-interval-months = Review interval (months)
field-depends-on-count = Depends on ({ $n })
field-frameworks-count = Framework references ({ $n })
action-save = Save
action-cancel = Cancel
action-remove = Remove
action-add = Add
label-add-reference = From the catalogue
label-from-catalogue = Choose an entry …
label-free-reference = Own reference
action-apply = Apply
section-book-expense = Book an expense
section-record-reevaluation = Record an effectiveness review
label-date = Date
label-amount = Amount (€)
label-note = Note
label-verdict = Verdict
label-choose = Please choose …
action-book = Book
action-record = Record
action-edit = Edit
action-delete = Delete …
confirm-delete = Really delete measure { $code } "{ $title }"? Undo can bring it back.
action-new-measure = New measure
action-undo = Undo
action-redo = Redo
due-button = Reviews due: { $n }
due-title = Effectiveness reviews due and overdue
due-none = No review is overdue or due within the next 30 days.
due-overdue = overdue since { $date }
due-soon = due on { $date }
report-deviation-totals = One-off cost as approved { $old }, now { $new }
report-due-approved = Due as approved
report-due-now = Due now
report-slip-days = Days
report-also-changed = Also changed
report-finance-measures = Own share per measure
detail-funding = { $share } % = { $amount } { $source }
detail-staff-days = { $spent } of { $planned } spent
tab-finance = Financial plan
deviations-heading = Deviations from the decision of { $date } ({ $title })
deviations-heading-none = Deviations from the decision
deviations-none-yet = No baseline recorded yet. When recording a council meeting below, choose “Record baseline”.
deviations-totals = One-off cost as approved { $old }, now { $new } ({ $delta })
deviation-slip-later = due { $days ->
    [one] { $days } day
   *[other] { $days } days
 } later
deviation-slip-earlier = due { $days ->
    [one] { $days } day
   *[other] { $days } days
 } earlier
deviation-field-title = title
deviation-field-horizon = horizon
deviation-field-owner = owner
deviation-field-start = start
deviation-field-planned_yearly = running cost
deviation-field-funding_source = funding
deviation-field-funding_share = funding share
deviation-field-staff_days_planned = staff days
finance-from = From budget year
finance-this-year = Current year
finance-horizon = { $horizon } · { $n } of { $all } { $all ->
        [one] measure
       *[other] measures
    } with costs { $years } · own share per year
finance-note = One-off cost in the year of the start, running cost pro rata from the month after delivery, funding as a share of the one-off cost, staff days spread over the run.
dashboard-meeting-baseline = Record baseline
dashboard-meeting-baseline-hint = Records the whole plan (dates, costs, funding, staff days) as the council approved it; the overview then shows later deviations.
tab-history = History
history-filter-measure = Measure
history-filter-who = Person
history-filter-field = Field
history-filter-from = from
history-filter-to = to
history-count = { $n ->
    [one] 1 entry
   *[other] { $n } entries
 }
err-empty-owner = Please enter a name for the owner.
err-duplicate-owner = There is already an owner "{ $name }".
err-owner-in-use = "{ $name }" is still responsible for { $codes } and cannot be deleted; please merge it first.
info-archived = { $code } archived (hidden, history kept).
info-unarchived = { $code } taken out of the archive.
action-archive = Archive
action-unarchive = Take out of the archive
action-duplicate = Duplicate
copy-suffix = (copy)
label-archived = Archived
label-show-archived = Show archived
owners-button = Owners …
owners-title = Owners
owners-kind-role = Person or role
owners-kind-department = Department
owners-kind-external = External provider
owners-measures = { $n ->
    [one] 1 measure
   *[other] { $n } measures
 }
owners-rename = Rename
owners-merge-into = Merge into …
owners-new = New owner
owners-name = Name
owners-kind = Kind
owners-contact = Contact
action-create = Create
context-status = Set status
yes = Yes
no = No
hfield-created = Created
hfield-deleted = Deleted
hfield-code = No.
hfield-comment = Comment
hfield-title = Title
hfield-description = Description
hfield-horizon = Horizon
hfield-owner = Owner
hfield-stakeholders = Stakeholders
hfield-status = Status
hfield-progress = Progress
hfield-start = Start
hfield-due = Due
hfield-completed = Completed on
hfield-frameworks = Frameworks
hfield-depends_on = Dependencies
hfield-reevaluation_interval_months = Review interval
hfield-next_reevaluation = Next review
hfield-planned_one_off_cents = Planned one-off
hfield-planned_yearly_cents = Planned yearly
hfield-notes = Notes
hfield-archived = Archived
hfield-expense = Expense
hfield-reevaluation = Effectiveness review
hfield-owner-added = Owner added
hfield-owner-renamed = Owner renamed
hfield-owner-deleted = Owner deleted
action-show-history = Show history
err-needs-upgrade = The roadmap “{ $name }” was made by an older Fahrplan. The server’s administrator must open it once (e.g. fahrplan --db … --roadmap { $name } list) to upgrade it.
err-empty-baseline = Please enter a title for the baseline.
err-baseline-exists = A baseline “{ $title }” exists already; please choose another title.
err-empty-meeting = Please enter a title for the meeting.
hfield-funding_source = Funded by
hfield-funding_share = Funding share
hfield-staff_days_planned = Staff days planned
hfield-staff_days_spent = Staff days spent
hfield-baseline-added = Baseline recorded
hfield-baseline-deleted = Baseline removed
deviation-field-cancelled = cancelled or taken up again
hfield-meeting-added = Meeting recorded
hfield-meeting-deleted = Meeting deleted
cli-no-meeting = No meeting is recorded yet; please give --since DATE or record one with "meeting add".
cli-meeting-added = Meeting on { $date } recorded: { $title }
summary-done = Done
summary-total = Total
summary-overdue = Overdue
summary-due-soon = Due within 30 days
summary-reevaluations-overdue = Reviews overdue
summary-reevaluations-due = Reviews due within 30 days
since-heading = Since { $date }: { $n ->
    [one] 1 change
   *[other] { $n } changes
 }, { $completed ->
    [one] 1 measure
   *[other] { $completed } measures
 } completed, expenses { $expenses }
kind-status = Status
kind-progress = Progress
kind-expense = Expense
kind-re-evaluation = Review
kind-dates = Dates
kind-added = added
kind-removed = removed
tab-dashboard = Overview
dashboard-average = avg. { $p }
dashboard-archived-spent = of which archived
dashboard-archived-money = Included: { $n ->
    [one] 1 archived measure
   *[other] { $n } archived measures
 } with { $spent } spent (one-off { $one_off })
dashboard-none = None.
dashboard-overdue = Overdue ({ $n })
dashboard-due-soon = Due within 30 days ({ $n })
dashboard-reeval-overdue = Overdue ({ $n })
dashboard-reeval-due = Due within 30 days ({ $n })
dashboard-verdicts = Verdicts of the last 12 months
dashboard-money-by-year = Money per calendar year: planned and spent
dashboard-overruns = Largest overruns
dashboard-planned-to-date = Planned to date
dashboard-excess = Excess
dashboard-planned = Planned
dashboard-year = Year
dashboard-latest = Latest changes
dashboard-since-meeting = Since the meeting on { $date } ({ $title })
dashboard-since = Since { $date }
dashboard-since-none = Since the last meeting (none recorded yet)
dashboard-since-date = Since (date)
dashboard-completed = Completed: { $codes }
dashboard-meeting-date = Meeting on
dashboard-meeting-title = Title
dashboard-meeting-add = Record meeting
slide-title = Title
slide-timeline = Timeline of all measures
slide-horizons = Measures per horizon
slide-money = Money: planned and spent
slide-reevaluations = Effectiveness reviews
slide-baseline = Since the decision
present-since-baseline = Since the decision of { $date }
present-baseline-count = { $n ->
    [0] No measure deviates from the decision “{ $title }”.
    [one] One measure deviates from the decision “{ $title }”.
   *[other] { $n } measures deviate from the decision “{ $title }”.
 }
present-baseline-money = One-off cost as approved { $old }, now { $new }
slide-changes = Changes since the last meeting
present-as-of = As of { $date }
present-summary = { $done } of { $total ->
    [one] 1 measure
   *[other] { $total } measures
 } done · { $overdue } overdue
present-quit-question = End the presentation and quit Fahrplan?
present-quit-keys = Enter: quit · Esc: keep presenting
present-more = and { $n } more
present-verdicts = Verdicts (12 months)
present-back = Esc: back
menu-present = Presentation
menu-present-start = Start presentation (F5)
menu-present-slides = Slides

present-changes-summary = { $meeting }: { $changes ->
    [one] 1 change
   *[other] { $changes } changes
 } · { $completed ->
    [one] 1 measure
   *[other] { $completed } measures
 } completed · expenses { $expenses }
present-since-meeting = Since the meeting on { $date }
present-measure-owner = Measure · owner
present-planned-to-date = Plan to date
present-spent-of = { $spent } of { $planned }
banner-offline = The connection to the server is lost. The last state is shown; Fahrplan connects again as soon as the server can be reached.
banner-newer = This file comes from a newer version of Fahrplan and is open read-only. Please update Fahrplan to edit it.
cli-backup-elsewhere = The folder { $folder } belongs to { $owner }, not to you: the backup is therefore in a folder of your own (named above), and “fahrplan backups” lists it there.
cli-backup-written = Backup written and verified: { $path }
cli-restored = Restored from { $backup }; the previous file is kept as { $kept }
backup-damaged = damaged
err-damaged-set-aside = The Fahrplan file was damaged. It was set aside unchanged as { $path }. Please restore the newest backup under "File › Backups …".
info-restored = Backup restored: { $path }
menu-backups = Backups …
backups-title = Backups
backups-checking = Finding and checking the backups …
backups-none = No backups yet.
backups-now = Back up now
backups-restore = Restore
banner-network = This file lies on a network drive, where file locking is unreliable; please edit it from one computer at a time or keep it locally.
ics-due = { $code } due: { $title }
ics-reevaluation = { $code } effectiveness review: { $title }
menu-export-csv = Export measures as CSV (Excel) …
menu-export-expenses = Export expenses as CSV …
menu-export-json = Export everything as JSON …
menu-export-ics = Export dates as calendar (iCalendar) …
import-at = line { $line }, column { $column }
import-file = file
import-not-export = not a Fahrplan export (format "{ $format }")
import-version = unknown version { $version } of the export format
import-owner = owner "{ $name }"
import-baseline-title = A baseline has no title, or the title “{ $title }” occurs twice.
import-owner-duplicate = the name is missing or appears twice
import-unknown-owner = the owner "{ $name }" is missing from the file
import-would-replace = The roadmap already has { $n ->
    [one] 1 measure
   *[other] { $n } measures
 }; the import would replace them. Please confirm with --replace.
import-failed = Import refused, nothing was changed: { $problem }
import-done = Imported: { $measures ->
    [one] 1 measure
   *[other] { $measures } measures
 }, { $expenses ->
    [one] 1 expense
   *[other] { $expenses } expenses
 }, { $history ->
    [one] 1 history entry
   *[other] { $history } history entries
 }.

## Report (PDF)
report-title = Report to the town council
report-as-of = As of { $date }
report-summary = Overview
report-measures = Measures
report-average-progress = Avg. progress
report-reevaluations-due = Re-evaluations due ({ $n })
report-horizon-figures = { $n ->
    [one] 1 measure
   *[other] { $n } measures
 }, { $done } done · average progress { $progress } · spent { $spent }
report-money-horizons = Per horizon
report-money-year-note = Planned: one-off costs in the year the measure starts, running costs pro rata from the month after completion. Spent: booked expenses dated in the year.
report-cell-shortened = [Shortened: { $n ->
    [one] 1 more line is
   *[other] { $n } more lines are
 } in the full text in Fahrplan and in the JSON export.]
report-difference = Difference
report-last-reevaluation = Last review
report-verdict = Verdict
report-kind = Kind
report-change = Change
report-contents = Contents
report-made = Made with Fahrplan from the file { $file } on { $date }.
report-page = Page { $page } of { $pages }
report-footer = { $file } · as of { $date }

## Background work, Export menu, import
menu-export = Export
menu-export-pdf = Report to the town council (PDF) …
menu-import = Import a JSON export …
job-busy = Background work (an export, an import, opening or restoring a file) is still running; please wait until it has finished.
job-exporting = Writing { $path }
job-reading = Reading and checking { $path }
job-opening = Opening and checking { $path }
job-creating = Creating { $path }
job-restoring = Restoring the backup { $path }
job-importing = Applying the import { $path }
job-lost-store = The background work ended unexpectedly. The file was opened again and shows what is saved.
job-no-thread = The work could not start in the background ({ $detail }); nothing was changed.
job-closing = Fahrplan will close as soon as the background work has finished.
job-connecting = Connecting to the server …
menu-connect = Connect to server …
connect-title = Connect to server
connect-host = Server
connect-port = Port
connect-database = Database
connect-user = User
connect-password = Password
connect-password-note = The password is not stored.
connect-tls = Encryption
connect-tls-prefer = where possible
connect-tls-require = always
connect-tls-verify = always, check the certificate
connect-root = Root certificate (file)
connect-list = Show roadmaps
connect-none = This server has no roadmap you may see.
connect-asked = The server { $server } asks for a password to open the roadmap “{ $roadmap }”.
connect-open-named = Open “{ $roadmap }”
connect-open = Open
connect-role = { $role ->
    [editor] edit
    [admin] administer
   *[other] read
 }
job-lost = The background work ended unexpectedly; nothing was changed.
import-preview-title = Check the import
import-preview-file = File: { $path }
import-preview-contents = Contains { $measures ->
    [one] 1 measure
   *[other] { $measures } measures
 }, { $owners ->
    [one] 1 owner
   *[other] { $owners } owners
 }, { $expenses ->
    [one] 1 expense
   *[other] { $expenses } expenses
 }, { $reevaluations ->
    [one] 1 re-evaluation
   *[other] { $reevaluations } re-evaluations
 }, { $meetings ->
    [one] 1 meeting
   *[other] { $meetings } meetings
 } and { $history ->
    [one] 1 history entry
   *[other] { $history } history entries
 }.
import-preview-replace = The open roadmap has { $n ->
    [one] 1 measure
   *[other] { $n } measures
 }. They will be replaced, with all expenses, re-evaluations and the history, by the file's content. A backup is made first.
import-preview-empty = The open roadmap is empty; the file's content is taken over.
import-preview-apply = Import
import-preview-replace-apply = Replace and import
file-expenses = expenses
import-too-large = { $path } is { $size } MB, far too large for a Fahrplan export, and was not read; nothing was changed.
import-preview-target = Into: { $path }
err-report-font = A font shipped with Fahrplan could not be read: { $detail }
err-report-picture = The timeline could not be drawn: { $detail }
err-report-write = The report could not be written as PDF: { $detail }
cli-since-pdf-only = --since applies only to the report (--format pdf or html).
import-added = New: { $n } ({ $codes })
import-changed = Changed: { $n } ({ $codes })
import-removed = Removed: { $n } ({ $codes })
import-evidence-dropped = Evidence is dropped (an export carries none): { $files ->
    [one] one file
   *[other] { $files } files
} and { $links ->
    [one] one link
   *[other] { $links } links
}. They stay in the backup taken before the roadmap is replaced.
import-unchanged = Unchanged: { $n }

# What the timeline shows, in words (the report's figure, the HTML report's picture).
figure-timeline = Timeline from { $from } to { $to } with { $n ->
    [one] 1 measure
   *[other] { $n } measures
 } as bars from start to due date, grouped by horizon; a vertical line marks today, { $today }.
figure-timeline-empty = Timeline without measures.
figure-horizon = { $horizon }: { $n ->
    [one] 1 measure
   *[other] { $n } measures
 }, { $done } of them done and { $running } in progress.
figure-overdue = Overdue: { $n ->
    [one] 1 measure
   *[other] { $n } measures
 }: { $list }.
figure-overdue-none = No measure is overdue.
figure-overdue-item = { $code } “{ $title }”, due since { $due }
menu-export-html = Report for the website (HTML, accessible) …
html-skip = Skip to the content
finance-figure = Amount
cli-owner-ics-only = --owner applies only to the calendar (--format ics).
menu-export-ics-owners = Calendar per owner …
info-exported-calendars = { $n ->
    [one] 1 calendar
   *[other] { $n } calendars
 } written to { $path }
err-no-reevaluation = { $code } has no re-evaluation yet that could be confirmed.
err-self-confirmation = Four eyes: { $by } recorded the verdict and cannot confirm it; another person must.
err-already-confirmed = The latest verdict is already confirmed (by { $by }).
cli-confirmed = { $code }: verdict confirmed by { $who } on { $date }.
hfield-reevaluation-confirmed = Verdict confirmed
reeval-confirmed = confirmed by { $by } on { $date }
reeval-unconfirmed = unconfirmed
reeval-needs-other = (another person must confirm)
action-confirm = Confirm
dashboard-unconfirmed = Unconfirmed verdicts ({ $n })
dashboard-recorded-by = recorded by { $by }
present-unconfirmed = Unconfirmed: { $n }
date-pick = Calendar
date-pick-hint = Choose the date in a calendar (or type it, e.g. 2026-11-27)
date-previous-month = Previous month
date-next-month = Next month
weekdays-short = Mo Tu We Th Fr Sa Su
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
filter-framework = Reference
reeval-confirmed-by = confirmed by { $by }
reeval-not-confirmed = not confirmed
file-calendar = dates
import-confirmation = a verdict's confirmation is incomplete, earlier than the verdict, or by the person who recorded it

## Evidence
hfield-evidence = Evidence
evidence-heading = Evidence
evidence-empty = No evidence yet. Drop minutes, scans or screenshots here or choose a file.
evidence-add-file = Add file …
evidence-add-link = Add link
evidence-link-hint = https://… or \\server\share\…
evidence-link-label = Link
evidence-note-label = Note on the evidence
evidence-note-hint = What does it show? (optional)
evidence-open = Open
evidence-open-tip = Opens { $name } with the system's program (as a copy in a temporary folder).
evidence-remove = Remove
evidence-remove-tip = Takes { $name } out of the evidence (undo brings it back).
evidence-meta = { $size } · { $who }, { $date }
evidence-link-meta = Link · { $who }, { $date }
evidence-for-reevaluation = for the re-evaluation of { $date }
evidence-checksum = SHA-256: { $sha }
evidence-drop = Drop to keep the file as evidence for { $code }
evidence-pick-title = Choose evidence for { $code }
evidence-link = Link
evidence-col-id = No.
evidence-col-name = Name
evidence-col-size = Size
evidence-col-added = Added
evidence-col-note = Note
info-evidence-added = { $code }: evidence “{ $name }” kept.
info-evidence-removed = { $code }: evidence “{ $name }” removed.
cli-evidence-file-added = { $code }: evidence { $id } “{ $name }” kept ({ $size }, SHA-256 { $sha }).
cli-evidence-link-added = { $code }: link { $id } “{ $name }” kept.
cli-evidence-none = { $code } has no evidence yet.
cli-evidence-saved = Wrote { $path } ({ $size }).
err-no-reevaluation-on = { $code } has no re-evaluation on { $date }.
err-unknown-evidence = This measure has no evidence no. { $id }.
err-evidence-not-file = Evidence no. { $id } is a link, not a file.
err-evidence-too-large = The file is { $size }; evidence may be at most 25 MB.
err-evidence-missing = { $path } does not exist.
err-evidence-not-a-file = { $path } is not a file (a folder?).
err-evidence-file-too-large = { $path } is { $size }; evidence may be at most 25 MB. Please make it smaller (e.g. scan to PDF at a lower resolution) or keep it as a link.
err-link-empty = Please give a file or a link.
err-link-too-long = A link may be at most { $max } characters long. Nothing was changed.
err-link-unsupported = A link must begin with http://, https:// or file://, or be a network path (\\server\share\…).
report-evidence-note = Files are kept in the roadmap; the checksum (SHA-256) shows that a copy presented is unchanged.
present-no-meeting = No meeting recorded yet. Once a meeting is entered in the overview, this slide shows what changed since.
evidence-save = Save …
info-evidence-path = { $url } is a network path: please open it in the file manager (for safety, Fahrplan opens web addresses only).
err-evidence-not-viewable = “{ $name }” is not opened: files of this kind can be programs. Use “Save …” to keep it where you choose.
err-confirmed-before-verdict = The verdict of { $date } cannot be confirmed before that day.

## Money compared like with like (plan to date against spent to date).
money-since = since { $month }
money-spent-to-date = Spent to date
money-deviation = Deviation
money-plan-terms = Plan: { $one_off } one-off · { $yearly } a year
money-plan-terms-hint = The terms of the plan: one-off cost of all measures and running cost per year after delivery. Spending is compared with "planned to date": one-off cost of what has started and running cost pro rata from delivery to today. Cancelled measures plan nothing more: what was spent on them counts as deviation.
report-money-period = Period from the first start or the first expense
report-money-rule = Planned to date: one-off cost of the measures that have started and running cost pro rata from the month after delivery to today. Deviation: spent minus planned to date.
report-period = Period
report-plan-terms = Terms of the plan
change-booked = +{ $amount } booked
change-unbooked = −{ $amount } cancelled
report-made-web = { $roadmap }: made with Fahrplan on { $date }.
dashboard-more = and { $n } more
dashboard-show-fewer = show fewer
dashboard-latest-empty = No changes yet. Every change of status, progress, dates, expenses and re-evaluations appears here, with its time and person.

## The timeline's legend: one entry per kind of mark drawn.
legend-title = Legend
legend-show = Show legend
legend-hide = Hide legend
legend-status-planned = Planned (empty bar)
legend-status-in-progress = In progress (filled up to its progress)
legend-status-done = Done
legend-status-on-hold = On hold (hatched)
legend-status-cancelled = Cancelled (struck through)
legend-overdue = Overdue (red outline, warning triangle)
legend-due-tick = Tick: originally planned end
legend-verdict = Re-evaluation: { $verdict }
legend-next-reevaluation = Next re-evaluation
legend-reevaluation-overdue = Re-evaluation overdue
legend-baseline = Baseline (grey line under the bar)
legend-dependency = Dependency
legend-dependency-violated = Dependency violated (starts before its predecessor ends)
legend-adopted = Roadmap adopted
marker-past = Re-evaluation on { $date }: { $verdict }
marker-next = Next re-evaluation on { $date }
marker-overdue = Re-evaluation overdue since { $date }
marker-due-tick = Originally due on { $date }, done on { $done }
present-timeline-of = Timeline: { $horizon }
present-done-of = { $horizon }: done
legend-due-tick-short = planned end
picture-key = Titles shortened in the picture:
cli-check-chain-ok = History: { $rows } entries, the chain of checksums is unbroken; last checksum { $hash } (note it down to compare with a later check).
chain-unverified = The history's chain of checksums could not be verified: { $reason }
chain-broken = The history was changed outside Fahrplan: entry { $id } does not fit the chain of checksums (the { $verified } entries before it fit the chain). Please compare the backups and tell those responsible.

## The assessment (issue 27)
err-unknown-catalog = This roadmap has no catalogue “{ $name }”.
err-unknown-round = This roadmap has no assessment round “{ $title }”.
err-unknown-requirement = The catalogue “{ $catalog }” has no requirement “{ $id }”.
err-ambiguous-requirement = Several catalogues have a requirement “{ $id }” ({ $catalogs }); please choose one with --catalog.
err-not-covered = The round “{ $round }” does not cover the catalogue “{ $catalog }”.
err-catalog-in-use = The catalogue “{ $name }” is used by assessment rounds ({ $rounds }) and cannot be removed.
err-round-exists = An assessment round “{ $title }” exists already; please choose another title.
err-round-no-catalog = An assessment round needs at least one catalogue (--catalog NAME).
err-catalog-empty = The catalogue “{ $name }” holds no requirement.
err-catalog-duplicate-id = The catalogue “{ $catalog }” holds the id “{ $id }” twice.
err-assess-empty = { $field } is empty.
err-maturity = Maturity { $value } is not between 0 and 5.
err-no-round = This roadmap has no assessment round yet.
hfield-catalog = Catalogue
hfield-round = Assessment round
hfield-assessment-result = Assessment
hfield-requirement-link = Requirement linked
hfield-id = Id
hfield-text = Text
hfield-level = Level
hfield-attribute = Attribute
hfield-name = Name
hfield-source = Source
hfield-by = Assessed by
outcome-met = met
outcome-partial = partly met
outcome-not-met = not met
outcome-not-applicable = not applicable
outcome-open = open
import-not-catalog = This is no OSCAL catalog (the object “catalog” is missing).
import-missing-id-group = A group has no id.
import-missing-id-control = A control has no id.
import-missing-id-requirement = A requirement has no id (column 2).
import-csv-columns = { $n } columns; at least group, id and title are needed (group;id;title;text;level).
import-not-utf8 = The text is not saved as UTF-8; please save as “CSV UTF-8”.
col-catalog = Catalogue
col-group = Group
col-requirement = Requirement
col-result = Result
col-maturity = Maturity
col-carried-over = Carried over
col-assessed-on = Assessed on
col-measures = Measures
cli-catalog-removed = Catalogue “{ $name }” removed.
cli-catalog-imported = Catalogue “{ $name }” { $version } imported: { $n } requirements.
cli-catalog-updated = Catalogue “{ $name }” brought to version { $version }: { $n } requirements.
cli-catalog-preview = Preview (nothing written): catalogue “{ $name }” { $version } with { $n } requirements.
cli-catalog-added = New ({ $n }): { $ids }
cli-catalog-removed-ids = Gone ({ $n }, their results and links are removed): { $ids }
cli-catalog-changed = Changed ({ $n }, results stay; please assess again): { $ids }
cli-catalog-kept = Results kept for { $n } unchanged requirements.
cli-round-added = Assessment round “{ $title }” added.
cli-bad-result = Unknown result “{ $result }”; possible are: { $valid }.
cli-result-set = { $round }: { $catalog } { $id } is now “{ $result }”; fulfilment degree { $catalog }: { $degree }.
cli-gaps = Gaps in “{ $round }”: { $n }
gap-no-measure = no measure
gap-done-measures = only completed measures ({ $codes })
cli-to-reassess = To be assessed again: { $n }
cli-without-requirement = Measures without a requirement: { $codes }
cli-linked = { $code } is now linked to { $catalog } { $id }.
cli-unlinked = { $code } is no longer linked to { $catalog } { $id }.
cli-round-csv-only = --round applies only to --format csv.
col-requirements = Requirements
col-degree = Fulfilment degree
none = none
unreadable-kind-catalog = Catalogue “{ $name }”
unreadable-kind-round = Assessment round “{ $name }”
unreadable-kind-assessment_result = Assessment result in “{ $name }”
unreadable-kind-requirement_link = Requirement link of { $name }
outcome-letter-met = M
outcome-letter-partial = P
outcome-letter-not-met = N
outcome-letter-not-applicable = –
outcome-letter-open = ?
tab-assessment = Assessment
assess-empty = This roadmap has no assessment round yet. Catalogues come with “fahrplan catalog import”, rounds with “fahrplan assessment add”.
assess-compare = Compare with
assess-compare-none = —
assess-all-groups = All groups
assess-without-measure = without a measure
assess-to-reassess = to assess again
assess-search = Id or title …
assess-degree = Fulfilment degree
assess-rule = Fulfilment degree = (met + ½ partly met) ÷ applicable requirements; open counts as not met.
assess-ungrouped = Without a group
assess-count = { $shown } of { $total } requirements
assess-before = Before
assess-reassess-tag = to assess again
assess-open-measure = Open the measure
assess-carried-legend = italics: carried over, not assessed again
assess-carried-hint = Carried over from the earlier round, not assessed again in this one.
assess-overview = Assessment: fulfilment degree per catalogue, first → latest round
assess-overview-degree = Fulfilment degree { $catalog }: { $degree }
assess-overview-gaps = Gaps without a measure: { $n }
assess-gaps-only = gaps only
assess-gaps-hint = Not (fully) met, and no active measure works on it.
assess-requirements = Requirements ({ $n })
assess-unlink = Remove the link
assess-link-search = Search id or title …
assess-link-none = No matching requirement.
slide-effect = Effect
present-effect = Effect: { $catalog }
present-effect-degree = Fulfilment degree { $first } → { $latest }
present-effect-one = Fulfilment degree { $latest }
report-assessment = Assessment: fulfilment degree
report-assessment-rounds = Assessment rounds: { $rounds }. Per catalogue: the first and the latest round covering it.
report-points = Points
report-gaps = Gaps without an active measure ({ $n })
assess-overview-gaps-of = { $catalog }: { $n }
cli-catalog-what = Please give a file or --shipped itil4|vds3473.
assess-import-catalog = Import a catalogue …
assess-catalog-files = Catalogues (OSCAL JSON, CSV)
assess-preview-new = New catalogue “{ $name }” { $version } with { $n } requirements. Nothing is written yet.
assess-preview-update = Bring the catalogue “{ $name }” to version { $version } ({ $n } requirements)? Nothing is written yet.
assess-import = Import
err-assess-conflict = “{ $what }” was changed meanwhile; this can no longer be undone.
err-assess-unprintable = “{ $what }” contains control characters; it is not taken.
err-assess-too-deep = “{ $what }” lies deeper than { $max } levels.
err-assess-too-many = More than { $max } requirements in one catalogue.
assess-overview-rounds = First round { $first }, latest { $latest }
assess-result-in = { $result } in “{ $round }”
assess-unlink-named = Remove the link to { $what }
import-assessment-replaced = This roadmap’s assessment ({ $rounds } rounds, { $results } results) is replaced by the file’s.
assess-search-label = Search
assess-link-label = Link a requirement
err-catalog-twice = The file holds the catalogue “{ $name }” twice.
import-catalog-too-large = The file has { $size }; a catalogue may have at most { $max }.
overview-title = All roadmaps
overview-col-town = Municipality
overview-col-role = Your role
overview-col-done = Done
overview-col-overdue = Overdue
overview-col-reeval-overdue = Reviews overdue
overview-col-reeval-due = Reviews in 30 days
overview-col-unconfirmed = Unconfirmed
overview-col-degree = Fulfilment
overview-col-meeting = Last council meeting
overview-col-baseline = Last adopted plan
overview-col-changed = Last changed
overview-done = { $done } / { $total }
overview-degree = { $catalog }: { $latest }
overview-degree-change = { $catalog }: { $latest } ({ $change })
overview-unreadable = { $name } cannot be read: { $reason }
overview-none = No roadmaps found that you may see.
overview-none-folder = This folder holds no Fahrplan file.
overview-as-of = { $source } · as of { $date }, read at { $time }
overview-open-hint = Opens the roadmap of { $town }
overview-loading = Reading the roadmaps …
overview-refresh = Read again
overview-report-pdf = County overview as PDF …
overview-report-html = County overview as web page …
overview-back = All roadmaps
overview-close = Close the overview
overview-legend = Red: overdue or unconfirmed. Reviews: re-evaluations of effectiveness. Unconfirmed: verdicts without a second confirmation (four eyes). Fulfilment: latest assessment per catalogue, in brackets the change since the first in percentage points. Planned to date and spent: costs up to today. A click on a row opens the roadmap.
overview-sort = Sort by { $column }
menu-overview-folder = Overview of a folder …
connect-overview = Show all roadmaps
cli-overview-needs-source = "overview" needs a server (--db postgresql://…) or a folder (--dir FOLDER).
cli-overview-needs-output = For { $format }, "overview" needs a file to write (--output FILE).
county-kicker = Information security of the municipalities
county-title = County overview
county-heading = { $n ->
    [one] The roadmap of one municipality
   *[other] The roadmaps of { $n } municipalities
 }
county-towns = Municipalities
county-measures-done = Measures done
county-done-progress = { $done } of { $total } (progress { $progress })
county-comparison = The municipalities compared
county-legend = Overdue: measures past their due date. Reviews: re-evaluations of effectiveness, overdue or due within the next 30 days. Unconfirmed: verdicts nobody has confirmed as a second person yet (four eyes). Planned to date and spent: costs up to the report's day, like compared with like. Fulfilment: latest assessment per catalogue, in brackets the change since the first assessment in percentage points. Red bold figures: action needed.
county-figure = Figure
county-value = Value
county-overdue-measures = Overdue measures
county-col-due = Due since
county-reevaluations = Reviews overdue or due within 30 days
county-col-reevaluation = Review on
county-unconfirmed = Unconfirmed verdicts
county-none = None.
report-contents-more = … and { $n } more sections (in the bookmarks)
county-degrees = Fulfilment per catalogue
county-catalog = Catalogue
county-first = First assessment
county-latest = Latest assessment
county-change = Change (points)
overview-read-failed = Reading again failed; what was read before is shown. Reason: { $reason }
overview-col-meeting-baseline = Council meeting · adopted plan
overview-meeting-baseline = { $meeting } · adopted: { $baseline }
overview-col-name = Roadmap (file or name on the server)
