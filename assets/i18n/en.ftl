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
health-done = Closed
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
months = { $n } months
next-with-interval = { $date } (every { $n } months)
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
label-status = Status
label-comment = Comment
hint-comment = optional, e.g. council decision of …
hint-sort = Click to sort
action-apply-status = Apply status
action-close-message = Close
detail-none = Select a measure on the left to see all its details.
empty-roadmap = This roadmap has no measures yet.
measures-count = { $n } measures
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
err-exists = { $path } exists already. Please choose another name.
err-read-only = The roadmap is open read-only; nothing was changed.
err-conflict = Measure { $code } was changed by someone else in the meantime. Your change was not saved; the current values are shown.
err-busy = The file is in use by another program. Please try again in a moment; nothing was changed.
err-disk-full = The disk is full. Nothing was changed; please free some space and try again.
err-migration = The file could not be brought up to the current format: { $detail }
err-seed = The default roadmap shipped with Fahrplan is broken: { $detail }
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
invalid-interval = The review interval { $value } must be between 1 and 120 months.

## Command line
cli-unknown-code = There is no measure { $code }.
cli-bad-status = Unknown status "{ $status }". Valid are: { $valid }.
cli-status-set = { $code }: status { $old } → { $new }
cli-no-file = { $path } does not exist.
cli-check-ok = { $path }: sound (integrity { $integrity }, schema version { $version }, application id { $id }, { $measures } measures)

## Timeline
group-horizon = Horizon
group-owner = Owner
group-status = Status
no-owner = No owner
lane-done = { $done } of { $total } done
lane-overdue = { $n } overdue
