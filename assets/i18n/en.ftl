# Safeground's messages in English, the source language. Every other language file has the same
# ids (a test fails otherwise). Arguments in { $braces } are filled in by the program; numbers are
# written for the language by the program, so write { $count }, never a figure.

## Units and figures

unit-m2 = { $value } m²
unit-ha = { $value } ha
unit-km = { $value } km
unit-m = { $value } m
figure-none = —
people-suppressed = < { $threshold }

## The donor report

report-title = Land release progress report
report-kicker = Humanitarian mine action · land release
report-html-title = Land release progress report — { $donor } — { $period }
report-period = { $from } to { $to }
report-all-donors = All donors
report-meta-donor = Donor
report-meta-period = Period
report-meta-organisation = Organisation
report-meta-project = Project
report-meta-data-as-of = Data as of
report-meta-scope = Scope
report-headline = Headline figures
report-card-released = land released in the period ({ $hectares }), returned to communities as safe
report-card-cancelled = cancelled by non-technical survey
report-card-reduced = reduced by technical survey
report-card-cleared = cleared
report-card-remaining = contaminated area remaining at the end of the period
report-card-closed = hazardous areas closed / handed over in the period
report-card-items = explosive items found ({ $destroyed } destroyed)
report-card-productivity = per deminer-day (productivity)
report-card-find-rate = items found per 1 000 m² reduced or cleared
report-card-people = people took part in handovers
report-card-lands = hazardous areas in scope
report-released = Land released
report-series-cancelled = Cancelled
report-series-reduced = Reduced
report-series-cleared = Cleared
report-chart-released = Area released per month, by method of release
report-chart-released-caption = Each bar is the area released in one month (one year for periods over three years), stacked by bucket: cancelled (non-technical survey), reduced (technical survey) and cleared.
report-chart-remaining = Remaining contaminated area by classification
report-chart-remaining-bar = { $classification } ({ $lands ->
        [one] { $lands } land
       *[other] { $lands } lands
    })
report-chart-status = Hazardous areas by status at the end of the period
report-unit-lands = lands
report-unit-items = items
report-map = Map of the hazardous areas
report-map-caption = IMAS land-release symbology: fill by classification, outline by status (dashed while work is under way), released parts in light green.
report-map-caption-redacted = Areas whose location is not safe to publish are not drawn; item sightings are not mapped in this edition.
report-per-land = Progress by hazardous area
report-col-code = Code
report-col-name = Name
report-col-admin-area = Admin area
report-col-classification = Class.
report-col-status = Status
report-col-cancelled = Cancelled m²
report-col-reduced = Reduced m²
report-col-cleared = Cleared m²
report-col-remaining = Remaining m²
report-total-lands = Total ({ $count ->
        [one] { $count } hazardous area
       *[other] { $count } hazardous areas
    })
report-table-truncated = The table lists the { $listed } hazardous areas with the most land released in the period (of { $total } in this report; the total row counts them all). Every area is in the report's lands CSV file.
report-table-note = Cancelled, reduced and cleared: released in the period by the activities counted for this report. Remaining: the whole area still suspected or confirmed at the end of the period.
report-items = Explosive ordnance found and destroyed
report-items-none = No explosive items were found by the activities counted in this period.
report-items-chart = Items found by category
report-col-category = Category
report-col-found = Found
report-col-destroyed = Destroyed
report-total = Total
report-participation = Handover participation
report-col-men = Men
report-col-women = Women
report-col-boys = Boys
report-col-girls = Girls
report-participation-note = People of the community who took part in the handover of released land in the period, from the handover certificates.
report-participation-small = Counts of fewer than { $threshold } people are shown as “< { $threshold }” to protect individuals.
report-footer = Prepared with Safeground { $version } from the programme's information management store · profile: { $profile } · { $edition }. Figures are computed from the records as entered and validated by the organisation; the same figures are provided as CSV beside this file.
report-edition-redacted = no personal data: names and contact details of informants and reporters, narratives and unsafe locations are left out
report-edition-internal = internal edition: may contain personal data, do not share outside the organisation
report-method = Methodology and definitions
report-method-intro = Definitions follow the International Mine Action Standards (IMAS 04.10, 07.11, 08.10, 08.20, 08.30) and the IMSMA information model.
report-term-land-release = Land release
report-def-land-release = The process of applying all reasonable effort to identify, define and remove all presence and suspicion of explosive ordnance through non-technical survey, technical survey and/or clearance.
report-term-sha = Suspected hazardous area (SHA)
report-def-sha = An area where there is an indication of contamination by explosive ordnance.
report-term-cha = Confirmed hazardous area (CHA)
report-def-cha = An area where the presence of mine/ERW contamination has been confirmed on the basis of direct evidence.
report-term-cancelled = Cancelled
report-def-cancelled = Area released by non-technical survey: no evidence of contamination was found, without technical intervention.
report-term-reduced = Reduced
report-def-reduced = Area released by technical survey (with or without a technical asset such as a machine or a dog).
report-term-cleared = Cleared
report-def-cleared = Area where all explosive ordnance has been removed and/or destroyed to the specified depth.
report-term-accounting = Area accounting
report-def-accounting = For every hazardous area, estimated area = cancelled + reduced + cleared + remaining, all in square metres (1 ha = 10 000 m²); no other units are mixed.
report-term-period = Period
report-def-period = An activity counts in the period by its end date. Remaining area and status are as at the last day of the period: the estimated area less everything released on the area up to that day.
report-term-attribution = Attribution
report-def-attribution = An activity counts for a donor when the activity names the donor, or names none and its hazardous area does.
report-term-productivity = Productivity
report-def-productivity = Square metres reduced or cleared per deminer-day, over the activities that record deminer-days.
report-term-find-rate = Find rate
report-def-find-rate = Explosive items found per 1 000 m² reduced or cleared.
report-term-handover = Handover
report-def-handover = The process by which the beneficiary receives and accepts land which was previously suspected of containing an explosive hazard.
report-legend-cha-open = Confirmed hazardous area (CHA), open
report-legend-sha-worked-on = Suspected hazardous area (SHA), work under way
report-legend-closed = Closed or handed over
report-legend-released = Released part
report-legend-hazard-report = Hazard report (letter: EO category)
report-legend-reference = { $name } ({ $role })
report-attribution = Basemap: Natural Earth (public domain). Boundaries are not authoritative.
report-attribution-reference = Basemap: Natural Earth (public domain); reference layers: the programme's own files. Boundaries are not authoritative.
report-csv-lands-header = code,name,admin_area,classification,status,estimated_m2,cancelled_m2,reduced_m2,cleared_m2,remaining_m2,items_found
report-csv-summary-header = section,item,value,unit

## The report's filter, as people read it

filter-whole-store = whole store
filter-period = { $from } to { $to }
filter-from = from { $from }
filter-up-to = up to { $to }
filter-donor = donor { $donor }
filter-organisation = organisation { $organisation }
filter-admin-area = admin area { $area }

## Charts and maps (SVG)

chart-no-data = No data for this period
chart-no-lands = No lands to show
chart-stacked = Stacked bar chart
chart-bars = Bar chart
map-no-lands = Map: no lands to show
map-label = Map of { $lands ->
        [one] { $lands } land
       *[other] { $lands } lands
    }, { $released ->
        [one] { $released } released area
       *[other] { $released } released areas
    } and { $points ->
        [one] { $points } point
       *[other] { $points } points
    }

## Settings

settings-language = Language
settings-language-system = Follow the system ({ $language })
settings-language-beta = { $language } (beta: right-to-left layout is incomplete)

## The top bar and its menus

menu-store = Store
menu-new-programme = New programme…
menu-open-store = Open store…
menu-load-demo = Load the demo programme
top-new-land = New land
top-new-hazard-report = New hazard report
top-import = Import…
top-export = Export
export-profile = Profile (who the file is for)
export-geojson = GeoJSON…
export-csv = Ledger and activities CSV…
export-gpkg = GeoPackage…
export-report = Donor progress report…
export-log = Export log
top-dashboard = Dashboard
top-who-is-recording = Who is recording?
top-recording-as = Recording as { $name } ({ $role })
top-recording-hint = The person recorded in history, audit and export log; change it here
top-settings = Settings
settings-appearance = Appearance
appearance-system = Follow the system
appearance-daylight = Daylight (high contrast, for outdoors)
appearance-dark = Dark
settings-coord-format = Coordinate format
settings-gps-threshold = GPS accuracy threshold (m)
settings-land-codes = Land codes on the map
settings-online-tiles = Online tiles (OpenStreetMap; needs a network, cached on disk)
settings-raster = Raster basemap (MBTiles)…
settings-raster-remove = Remove the raster basemap
settings-raster-name = Raster: { $name }
settings-show-reports = Hazard reports on the map
settings-typed-points = Typed points of the selected land (benchmark, reference, turning points)
top-history = History
top-history-hint = Who changed what, when: the whole programme's audit trail (Ctrl+H)
reconciliation = Reconciliation
reconciliation-with = Reconciliation ({ $problems })
reconciliation-waiting = { $count } waiting
reconciliation-bundle-refused = bundle refused
top-reconciliation-hint = Sync bundles with the other laptops and the office; settle conflicts (Ctrl+R)
top-layers = Layers
top-layers-hint = Reference layers: admin boundaries, settlements, roads, tiles (Ctrl+L)
top-zoom-all = Zoom to all
top-measure = Measure
top-stop-measuring = Stop measuring
top-measure-hint = Click on the map to measure distance and area
top-store = Store: { $path }
button-cancel = Cancel
top-ready = Ready.
top-import-summary = Import summary
top-messages = Messages ({ $count })
top-online-tiles-cached = Online tiles on; cached in { $folder }
top-raster-unreadable = Cannot read the raster basemap: { $error }
unsaved-land = The land being recorded has unsaved changes: save it or cancel it first
unsaved-hazard-report = The hazard report being recorded has unsaved changes: save it or cancel it first
unsaved-activity = The activity being recorded has unsaved changes: save it or cancel it first

## The list and the hazard report panel

list-lands-tab = Lands ({ $count })
list-reports-tab = Hazard reports ({ $count })
list-search = Search
list-search-lands-hint = code, name, donor…
list-search-reports-hint = code, EO category, land…
list-only = Only { $count } lands: { $reason }
list-show-all = Show all
list-all = All
list-class = Class
list-status = Status
list-sort = Sort
list-code = Code
list-name = Name
list-remaining-m2 = Remaining m²
list-eo = EO
list-quantity = Qty
list-land = Land
list-lands-shown = { $shown } of { $total } lands
list-reports-shown = { $shown } of { $total } hazard reports
detail-void = Void…
report-type-model = Type / model
report-location = Location
report-as-entered = As entered
report-reported-on = Reported on
report-reported-by = Reported by
report-phone = Phone
report-organisation = Organisation
report-notes = Notes
report-photos = Photos ({ $count })
report-photo-hint = { $file } — click to open full size
report-add-photo = Add photo…
photo-title = Photo — { $file }
photo-caption = Caption
photo-save-caption = Save caption
photo-remove = Remove photo…
photo-remove-confirm = Remove this photo from the report? (It is kept in the store's audit.)
photo-remove-yes = Remove
photo-keep = Keep it

## The land detail panel

void-because = Void { $code } because
void-hint = e.g. entered twice
void-yes = Void
void-keep = Keep
detail-returned = Returned: { $comment }
detail-polygon-flagged = Polygon flagged: { $issue }
detail-zoom = Zoom to land
detail-record-activity = Record activity
detail-edit = Edit land
detail-submit = Submit
detail-comment-hint = comment (needed to return)
detail-approve = Approve
detail-return = Return
detail-ledger = Ledger
detail-details = Details
detail-date-of-information = Date of information
detail-evidence = Evidence
detail-hazard-types = Hazard types
detail-admin = Admin
detail-pcode = P-code
detail-priority = Priority
detail-team = Team
detail-donor = Donor
detail-project = Project
detail-blockage = Blockage
detail-terrain = Terrain
detail-beneficiaries = Beneficiaries
detail-geo-unsafe = Not safe to record location
detail-yes = yes
detail-evidence-items = Evidence ({ $count })
detail-informant = Informant: { $name } ({ $role }) { $phone }
detail-source-attributes = Source attributes ({ $count })
detail-source-attributes-hint = As in the imported file; the list's search finds them.
detail-points = Typed points ({ $count })
detail-point = Point
detail-point-type = Type
detail-position = Position
detail-source = Source
source-gps = GPS ±{ $accuracy } m
source-gps-poor = GPS ±{ $accuracy } m (poor)
source-traverse = from { $from }: { $bearing }, { $distance } m
source-slope = (slope { $degrees }°)
source-map-click = map click
source-import = import
source-typed = typed
detail-activities = Activities ({ $count })
detail-void-activity-hint = Void { $code }: kept, marked void, left out of the ledger
detail-activity-released = released { $area }{ $items ->
        [0] {""}
        [one] , { $items } item
       *[other] , { $items } items
    }
detail-status-history = Status history ({ $count })
detail-superseded = { $text } [superseded]
detail-history = History ({ $count })
ledger-estimated = Estimated
ledger-cancelled = Cancelled
ledger-reduced = Reduced
ledger-cleared = Cleared
ledger-remaining = Remaining

## Forms and the land editor

date-hint = YYYY-MM-DD
calendar = Calendar
calendar-hint = Pick the date from a calendar
calendar-previous = Previous month
calendar-next = Next month
form-undo = Undo
form-redo = Redo
form-discard = Discard changes
form-keep-editing = Keep editing
form-close-land = This land has unsaved changes. Close it and lose them?
form-close-activity = This activity has unsaved changes. Close it and lose them?
form-close-hazard-report = This hazard report has unsaved changes. Close it and lose them?
form-required = Required
form-store-refused = The store refused: { $reason }
editor-edit-title = Edit { $code } — { $name }
editor-classification = Classification
editor-found-pcode = P-code { $pcode }
editor-found-settlement = nearest settlement { $settlement }
editor-admin-from-layer = Admin area from the reference layer { $layer }: { $found } (a value you type is kept)
editor-click-points = Add points by clicking on the map
editor-traverse = Traverse from a benchmark
editor-area = Area { $area } ({ $hectares }), geodesic WGS84
editor-area-needs-points = Area: needs at least three perimeter points
editor-implausible-area = Check the points: { $hectares } ha is larger than nearly every hazard area recorded at once (over { $limit } ha); a mistyped coordinate or a click in the wrong place gives this
editor-overlaps = Overlaps { $count ->
        [one] { $count } open land
       *[other] { $count } open lands
    }: { $codes } — check it is not recorded twice
editor-save = Save land

## Typed points, evidence and the traverse

form-delete = Delete
editor-evidence-items = Evidence items ({ $count })
editor-evidence-what = What (e.g. mine signs, craters)
editor-evidence-how = How known
editor-add-evidence = Add evidence item
editor-informants = Key informants ({ $count })
editor-informants-sensitive = Sensitive: names and phones stay in this store and full exports only; donor and public exports leave them out.
editor-informant-role = Role in the community
editor-add-informant = Add informant
editor-point-label = Label
editor-point-coordinate = Coordinate (any notation)
editor-point-gps = GPS ± m
editor-point-number = Point { $number }
editor-read-as = read as { $format }
editor-gps-worse = worse than the { $threshold } m threshold
editor-gps-poor = poor
editor-up = Up
editor-move-up = Move up
editor-delete-point = Delete point
editor-add-point = Add point
editor-not-set = Not set
editor-admin1 = Admin level 1
editor-admin1-hint = canton, oblast, province
editor-admin2 = Admin level 2
editor-admin2-hint = municipality, district
editor-settlement = Settlement
editor-settlement-hint = village or town
editor-pcode-hint = e.g. BA-ZD-TSJ-014
editor-blockage-hint = what the hazard blocks
editor-terrain-hint = vegetation, slope, soil
editor-beneficiaries = Expected beneficiaries
editor-beneficiaries-hint = people
editor-project-hint = donor project
traverse-benchmark = Benchmark
traverse-bearings-in = Bearings in
traverse-north = North
traverse-declination = Declination (° east)
traverse-declination-date = Declination date
traverse-instrument = Instrument
traverse-leg = Leg
traverse-bearing = Bearing
traverse-distance = Distance m
traverse-slope = Slope °
traverse-first-leg = BM to SP
traverse-leg-bearing = Leg { $leg } bearing
traverse-leg-distance = Leg { $leg } distance
traverse-leg-slope = Leg { $leg } slope
traverse-add-leg = Add leg
traverse-exact = exact
traverse-misclosure = Misclosure { $misclosure } m at bearing { $bearing }° (closure { $ratio }), perimeter { $perimeter } m
traverse-use = Use traverse points
traverse-bad-benchmark = benchmark: { $error }
traverse-bad-declination = declination: not a number
traverse-bad-declination-date = declination date: write it as YYYY-MM-DD
traverse-bad-bearing = leg { $leg }: bearing is not a number
traverse-bad-distance = leg { $leg }: distance is not a number
traverse-bad-slope = leg { $leg }: slope is not a number
traverse-no-leg = add at least one leg

## The activity and hazard report forms

activity-title = Record an activity
activity-start = Start date
activity-end = End date
activity-method = Method
activity-deminer-days = Deminer-days
activity-reduced-with-asset = Reduced with asset m²
activity-reduced-without-asset = Reduced without asset m²
activity-residual-risk = Residual risk
activity-direct-evidence = Direct evidence confirmed (SHA becomes CHA)
activity-devices = Devices found
activity-type-model-hint = type/model
activity-quantity-hint = qty
activity-add-device = Add device
activity-save = Save activity
hazard-form-location-hint = Type the location in any notation, or click on the map.
hazard-form-eo-category = EO category
hazard-form-quantity = Quantity
hazard-form-condition = Condition
hazard-form-reporter-phone = Reporter phone
hazard-form-gps-accuracy = GPS accuracy m
hazard-form-no-land = none
hazard-form-geo-unsafe = Not safe to record this location
hazard-form-save = Save hazard report

## What the app says it did (and what failed)

action-reading-unsaved-work = Reading unsaved work
action-opening-the-store = Opening the store
action-loading-the-records = Loading the records
action-loading-the-hazard-report = Loading the hazard report
action-this-action = This action
action-saving = Saving
action-loading-the-land = Loading the land
action-loading-the-demo-programme = Loading the demo programme
action-attaching-the-photo = Attaching the photo
action-the-dashboard = The dashboard
action-writing-the-sample-layers = Writing the sample layers
action-keeping-unsaved-work = Keeping unsaved work
action-discarding-unsaved-work = Discarding unsaved work
action-saving-the-layer = Saving the layer
action-moving-the-layer = Moving the layer
action-removing-the-layer = Removing the layer
action-saving-the-caption = Saving the caption
action-removing-the-photo = Removing the photo
action-opening-the-photo = Opening the photo
action-reading-the-history = Reading the history
action-searching-source-attributes = Searching source attributes
action-adding-the-layer = Adding the layer
action-reading-the-reference-layers = Reading the reference layers
action-reading-the-export-log = Reading the export log
action-export = Export
action-writing-the-sync-bundle = Writing the sync bundle
action-applying-the-sync-bundle = Applying the sync bundle
action-syncing-with-the-office-server = Syncing with the office server
action-reading-the-sync-state = Reading the sync state

action-settling = Settling { $field } of { $code }
state-failed = { $action } failed: { $error }
state-not-saved = Not saved: { $error }
state-store-busy = The store is busy; try again in a moment
busy-importing = Importing…
busy-exporting = Exporting…
busy-loading-demo = Loading the demo programme…
busy-opening-store = Opening the store…
busy-syncing = Syncing with the office server…
stage-connecting = Connecting to { $server }…
stage-receiving = Receiving { $count } changes from the office server…
stage-sending = Sending { $count } changes to the office server…
done-synced = Synced with the office server: { $summary }
done-bundle-written = Sync bundle written: { $path } ({ $versions } versions, { $photos } photos)
done-bundle-applied = Sync bundle applied ({ $path }): { $summary }
done-conflicts-settled = { $count ->
        [one] { $count } conflict settled
       *[other] { $count } conflicts settled
    }; the settlement goes to the other laptops with the next bundle
done-demo-loaded = Demo programme loaded into its own store file: { $lands } lands, { $activities } activities, { $reports } hazard reports
done-demo-backup = (the earlier demo records are in { $path })
done-land-edit-superseded = The edit is dated earlier than the land's date of information: it was kept in the history but not applied
done-activity-recorded = Activity { $code } recorded
done-land-now = land now { $classification } · { $status }
done-hazard-report-saved = Hazard report { $code } saved
done-report-edit-superseded = The edit of { $code } is dated before the report: kept in the audit, not applied
done-activity-voided = { $code } voided; { $land } now has { $remaining } remaining ({ $classification } · { $status })
done-hazard-report-voided = Hazard report { $code } voided
done-photo-attached = Photo { $file } attached
done-workflow = { $code } is now { $state }
done-photo-removed = Photo removed (kept in the audit)
done-photo-unreadable = The photo { $file } cannot be shown: { $error }
done-layers-added = { $count ->
        [one] Reference layer added
       *[other] Reference layers added
    }: { $names }

## Windows: the person, the store, the pickers, the export log, the welcome

person-intro = Your name goes into every record, history row, audit entry and export you make on this device.
person-name = Your name *
person-name-hint = e.g. Amina Hodžić
person-organisation = Your organisation
person-role = Your role *
person-name-missing = Name: give the name people know you by.
person-role-missing = Role: choose one; only an IM officer approves records.
person-save = Save person
person-not-now = Not now
person-now-recording = { $name } ({ $role }) is now recording on this device
ask-create-title = No store at this path
ask-create-text = There is no Safeground store at { $path }. Was the name typed right, or was the file moved?
ask-create-yes = Create a new, empty store there
ask-create-open = Open another store…
pick-open-store = Open a store file
pick-new-store = New programme: choose a store file
pick-import = Import GeoJSON or activities CSV
pick-export-geojson = Export GeoJSON
pick-export-csv = Export ledger and activities CSV
pick-export-gpkg = Export GeoPackage
pick-report = Write the donor progress report (HTML)
pick-mbtiles = Raster basemap (MBTiles)
pick-reference-layer = Add a reference layer
pick-photo = Attach a photo (JPEG or PNG)
pick-sync-import = Apply a sync bundle from another laptop
pick-sync-export = Write a sync bundle
button-close = Close
loading = Loading…
export-log-empty = Nothing has been exported from this store yet.
export-log-when = When (UTC)
export-log-who = Who
export-log-format = Format
export-log-profile = Profile
export-log-filter = Filter
export-log-file = File
export-log-counts = { $lands } lands, { $activities } activities, { $reports } hazard reports
messages = Messages
issue-error = Error
issue-warning = Warning
issue-features = features { $features }
issue-show-lands = Show these { $count } lands
welcome-title = Welcome to Safeground
welcome-text = Record hazard areas, hazard reports and clearance progress — offline.
welcome-empty-store = This store is empty: { $path }
welcome-new = Start a new programme
welcome-demo = Open the demo programme
welcome-import = Import a GeoJSON file…
welcome-open = Open another store file…

## The dashboard

dashboard-from = From
dashboard-to = To
dashboard-from-hint = First day of the period, YYYY-MM-DD; empty: from the start
dashboard-to-hint = Last day of the period, YYYY-MM-DD; empty: up to today
dashboard-bad-date = { $field }: '{ $text }' is not a date; write YYYY-MM-DD, e.g. 2025-01-31
dashboard-report-for = Report for
dashboard-write-report = Write donor report…
dashboard-zoom = Zoom map to these lands
dashboard-computing = Computing…
dashboard-no-activities = no activities in scope
dashboard-released = Released in the period
dashboard-lands = Lands in scope
dashboard-remaining = Remaining at the end
dashboard-closed = Closed / handed over
dashboard-items = Items found / destroyed
dashboard-productivity = { $area } m² per deminer-day
dashboard-find-rate = { $rate } items per 1 000 m²
dashboard-participation = { $men } men, { $women } women, { $boys } boys, { $girls } girls
dashboard-hazard-reports = Hazard reports
dashboard-chart-released = Area released per month, by bucket (m²)
dashboard-chart-productivity = Productivity per month (m² per deminer-day)
dashboard-chart-find-rate = Find rate per month (items per 1 000 m²)
dashboard-chart-remaining = Remaining area by classification (m²)
dashboard-chart-status = Lands by status
dashboard-none = None in scope

## Reconciliation: bundles, the office server, conflicts

sync-last-refused = The last bundle, { $file }, was refused and nothing was changed:
sync-parked = { $count ->
        [one] { $count } change waits
       *[other] { $count } changes wait
    } for earlier changes that have not arrived; they are kept and applied when those arrive. Ask the laptops below for their latest bundle.
sync-parked-row = { $kind } { $code } from { $device } (arrived { $at })
sync-office-server = Office server
sync-address = Address
sync-address-hint = The hub's address, from your IM officer; add ?sslmode=require for an encrypted link
sync-password = Password
sync-password-placeholder = (or from ~/.pgpass)
sync-password-hint = Used for this sync only; Safeground never stores it
sync-hub-button = Sync with the office server
sync-hub-hint = Sends this laptop's changes and receives everyone else's, each in one transaction; safe to repeat
sync-never = never
sync-hub-user = { $user } ({ $role } of { $organisation })
sync-last = Last sync { $when }, as { $who }: { $summary }
sync-last-failed = Last sync { $when }, as { $who }, failed: { $summary }
sync-never-synced = Not synced with an office server yet.
sync-this-laptop = This laptop: { $name } ({ $device }), programme { $programme }
sync-unnamed = unnamed
sync-apply = Apply a bundle…
sync-apply-hint = A .sgbundle file from another laptop or the office (a backup of this store is taken first)
sync-write-for = Write a bundle for
sync-everything = everything (a new laptop joins from it)
sync-write = Write…
sync-no-bundle = No bundle sent or received yet.
sync-laptop = Laptop
sync-received = Received
sync-last-received = Last received
sync-sent = Sent
sync-last-sent = Last sent
sync-changes = { $count ->
        [one] { $count } change
       *[other] { $count } changes
    }
sync-device = device { $device }
sync-no-conflicts = No open conflicts: every change merged by itself.
sync-open-conflicts = { $count ->
        [one] { $count } open conflict
       *[other] { $count } open conflicts
    }
sync-conflicts-explained = The same field was changed to different values on two laptops. The value shown now is the provisional winner (later date of information, then the later change); the other is kept until someone settles it. A settlement travels to every laptop with the next bundle.
sync-select-all = Select all
sync-select-none = Select none
sync-keep-mine-selected = Keep mine for { $count } selected
sync-take-theirs-selected = Take theirs for { $count } selected
sync-keep-mine = Keep mine
sync-take-theirs = Take theirs
sync-show-both = Show both on map
sync-show-on-map = Show on map
sync-base = Base
sync-mine = Mine
sync-theirs = Theirs
sync-from = from { $device }
sync-shown-now = Shown now
sync-winner-mine = mine (provisional winner)
sync-winner-theirs = theirs (provisional winner)

## Reference layers, history, unsaved work

layers-title = Reference layers
layers-intro = Files this programme already has, drawn under the lands: admin boundaries (a new land's admin area and P-code are filled from them), settlements, roads, rivers, tile packages. Kept with this store.
layers-add = Add a layer… (GeoPackage, GeoJSON, Shapefile, MBTiles, PMTiles)
layers-add-sample = Add sample layers (fictional, to try this)
layers-add-sample-hint = Writes invented admin boundaries with P-codes, settlements and roads over the demo area into a folder beside the store, and adds them
layers-none = No reference layers yet.
layers-shown = Shown on the map
layers-remove-hint = Take it off this store's list (the file stays)
layers-down = Down
layers-down-hint = Draw it further down
layers-up-hint = Draw it over the layer above
layers-cannot-draw = Cannot be drawn: { $error }
layers-holds = Holds
layers-features = { $count ->
        [one] { $count } feature
       *[other] { $count } features
    }
layers-skipped = ({ $count } without a usable geometry left out)
layers-no-admin-fields = No ADMn_PCODE / ADMn_EN fields: it is drawn, but cannot fill admin areas.
layers-in-report = Also on the donor report's map
layers-tiles-note = Tile package: the topmost visible one is the map's background.
history-title = History of the programme
history-person = Person
history-record = Record
history-action = Action
history-nothing = Nothing matches.
history-entries = { $count ->
        [one] { $count } entry, newest first
       *[other] { $count } entries, newest first
    }
history-entries-latest = { $count } entries, newest first (the latest 500)
unsaved-title = Unsaved work from last time
unsaved-intro = Safeground closed while these forms were open. Nothing was saved as a record yet; restore a form to go on where you stopped.
unsaved-restore = Restore
unsaved-discard = Discard
unsaved-edit-of = Edit of { $code } ({ $name })
unsaved-new-land-named = New land: { $name }
unsaved-activity-on = Activity on { $code }
unsaved-unreadable = The unsaved form ({ $kind }) could not be read back (it was kept by another version of Safeground); it was left in the store

## The map, the file picker and the import mapping

measure-distance = Distance { $distance } m
measure-distance-area = Distance { $distance } m · area { $area } ({ $hectares })
map-insert-vertex = Click to insert a vertex here
map-drag-vertex = Drag to move; right-click to delete
map-basemap = Basemap: { $attribution }. { $note }
map-not-authoritative = Boundaries are not authoritative.
map-basemap-unavailable = Basemap unavailable: { $error }
map-tiles = Tiles: { $name }
map-flagged = { $code } (flagged)
picker-new-folder = New folder
picker-create-folder = Create folder
picker-file-name = File name
picker-files = Files: { $patterns }
picker-open = Open
picker-save = Save
picker-replace-title = Replace the file?
picker-replace-text = { $path } (or a file written beside it) already exists. Replace it?
picker-replace = Replace
mapping-title = Import { $file }
mapping-intro = { $count } features. Choose which property holds each field; the others are kept with each land as source attributes (shown in its detail and searchable).
mapping-usual-names = (usual names)
mapping-properties = Properties in the file
mapping-property = Property
mapping-filled = Filled
mapping-examples = Examples
mapping-filled-of = { $filled } of { $total }
mapping-import = Import

## Imports and the store

state-upgraded = The store was upgraded; the old file was backed up to { $path }
state-import-refused = Import refused, nothing written: { $error }
state-imported = Imported { $lands } lands, { $activities } activities, { $reports } hazard reports ({ $skipped } skipped, { $problems } problems listed in the import summary)
state-land-saved = Land { $code } saved
picker-home = Home
picker-data = Safeground data
picker-removable = Removable: { $name }
picker-drive = Drive { $letter }:

## What is wrong with a field

detail-points-plain = Typed points
problem-required = is required
problem-required-date = is required (YYYY-MM-DD)
problem-too-long = is longer than { $max } characters
problem-control-characters = contains control characters
problem-bidi-control = contains a bidirectional control character (U+202A–U+202E or U+2066–U+2069); retype it without
problem-not-in-vocabulary = '{ $value }' is not one of: { $allowed }
problem-not-a-date = '{ $value }' is not a date from 1900 to 2100 (YYYY-MM-DD)
problem-negative = { $value } { $unit } is negative
problem-too-large = { $value } { $unit } is larger than the maximum { $max } { $unit }
problem-not-a-number = '{ $value }' is not a number of { $unit }
problem-not-a-whole-number = '{ $value }' is not a whole number ≥ 0
problem-need-points = add at least three perimeter points (start, turning, end), by typing, clicking on the map or a traverse

## Sync summaries

summary-bundle = { $new } new versions of { $total } in the bundle; records: { $records_new } new, { $updated } updated, { $merged } merged; { $conflicts } conflicts open; { $parked } parked; { $photos } photos
summary-hub = received { $received ->
        [one] { $received } new version
       *[other] { $received } new versions
    } (records: { $records_new } new, { $updated } updated, { $merged } merged); sent { $sent ->
        [one] { $sent } version
       *[other] { $sent } versions
    }; { $conflicts } conflicts open; { $parked } parked
summary-hub-not-ours = { $count } changes to another organisation's records not sent
summary-hub-skipped = { $count } changes on the hub cannot be read and were left there
summary-hub-read-only = { $count } local changes not sent (this role reads only)

## History and field names

history-on-device = on { $device }
history-from-to = from { $old } to { $new }
history-was = was { $old }
field-validation = Validation
field-polygon = Polygon and points
field-evidence-items = Evidence items
field-key-informants = Key informants
field-all-records = All records

## Refusals

refused-over-release = this activity releases { $requested } but only { $remaining } remain of the land's estimated { $estimated }; correct the released area, or revise the land's polygon first

## The store and the map, more

map-raster = Raster basemap (MBTiles)
map-raster-attribution = Raster basemap: { $attribution }
map-new-report = new report
worker-start-failed = The database worker could not start: { $error }
store-damaged = The store { $path } is damaged ({ $problems }). Nothing more will be saved to it: restore it from a backup (safeground restore) and open it again.
store-unchecked = The store { $path } could not be checked ({ $error }); nothing more will be saved to it until it is.

## Refusals of the lifecycle and the workflow

refused-bucket = a { $kind } cannot record { $bucket } (allowed: { $allowed })
refused-land-closed = the land is { $status }; a { $kind } that releases area cannot be recorded on it
refused-completion = a completion report must release everything that remains, but { $remaining } would still remain; record the released area by bucket, or revise the land's polygon
refused-handover-not-closed = a handover certificate needs a Closed land, but this land is { $status }
refused-handover-wrong-kind = handover participation can only be recorded on a handover certificate
refused-end-before-start = end date { $end } is before start date { $start }
refused-workflow = cannot { $action } a record that is { $state }

## Classification
vocab-Classification-indication = Indication
vocab-Classification-sha = SHA
vocab-Classification-cha = CHA
vocab-Classification-ammunition_storage = Ammunition storage
vocab-Classification-eod_spot_task = EOD spot task

## Role
vocab-Role-surveyor = Surveyor
vocab-Role-im_officer = IM officer
vocab-Role-coordinator = Coordinator

## LandStatus
vocab-LandStatus-open = Open
vocab-LandStatus-worked_on = Worked on
vocab-LandStatus-closed = Closed
vocab-LandStatus-handed_over = Handed over

## EvidenceOfContamination
vocab-EvidenceOfContamination-direct = Direct
vocab-EvidenceOfContamination-indirect = Indirect
vocab-EvidenceOfContamination-none = None
vocab-EvidenceOfContamination-not_specified = Not specified

## SourceModality
vocab-SourceModality-visual = Visual observation
vocab-SourceModality-verbal = Verbal information
vocab-SourceModality-records = Former records

## HazardType
vocab-HazardType-ap_mines = AP mines
vocab-HazardType-at_mines = AT mines
vocab-HazardType-cmr = Cluster munition remnants
vocab-HazardType-uxo = UXO
vocab-HazardType-axo = AXO
vocab-HazardType-ied = IED
vocab-HazardType-booby_traps = Booby traps

## EoCategory
vocab-EoCategory-ap_mine = AP mine
vocab-EoCategory-at_mine = AT mine
vocab-EoCategory-cmr = Cluster munition remnant
vocab-EoCategory-uxo = UXO
vocab-EoCategory-axo = AXO
vocab-EoCategory-ied = IED
vocab-EoCategory-booby_trap = Booby trap
vocab-EoCategory-saa = Small arms ammunition
vocab-EoCategory-other = Other

## ActivityKind
vocab-ActivityKind-nts = Non-technical survey
vocab-ActivityKind-ts = Technical survey
vocab-ActivityKind-clearance = Clearance
vocab-ActivityKind-bac = Battle area clearance
vocab-ActivityKind-eod_spot_task = EOD spot task
vocab-ActivityKind-progress_report = Progress report
vocab-ActivityKind-cancellation_report = Cancellation report
vocab-ActivityKind-completion_report = Completion report
vocab-ActivityKind-handover_certificate = Handover certificate
vocab-ActivityKind-post_clearance_inspection = Post-clearance inspection

## Method
vocab-Method-manual = Manual
vocab-Method-mechanical = Mechanical
vocab-Method-mdd = Mine detection dogs
vocab-Method-other = Other

## Disposal
vocab-Disposal-destroyed_in_situ = Destroyed in situ
vocab-Disposal-removed_destroyed = Removed and destroyed
vocab-Disposal-handed_over = Handed over
vocab-Disposal-pending = Pending

## Priority
vocab-Priority-high = High
vocab-Priority-medium = Medium
vocab-Priority-low = Low

## HazardReportStatus
vocab-HazardReportStatus-reported = Reported
vocab-HazardReportStatus-verified = Verified
vocab-HazardReportStatus-destroyed_removed = Destroyed / removed
vocab-HazardReportStatus-no_item_found = No item found

## ItemCondition
vocab-ItemCondition-intact = Intact
vocab-ItemCondition-damaged = Damaged
vocab-ItemCondition-fragments = Fragments
vocab-ItemCondition-unknown = Unknown

## PointKind
vocab-PointKind-reference = Reference point
vocab-PointKind-benchmark = Benchmark
vocab-PointKind-start = Start point
vocab-PointKind-turning = Turning point
vocab-PointKind-intermediate = Intermediate point
vocab-PointKind-end = End point
vocab-PointKind-evidence = Evidence point
vocab-PointKind-usage = Usage point

## ValidationState
vocab-ValidationState-draft = Draft
vocab-ValidationState-submitted = Submitted
vocab-ValidationState-approved = Approved
vocab-ValidationState-returned = Returned

## BearingUnit
vocab-BearingUnit-deg = Degrees
vocab-BearingUnit-mil = Mils

## NorthReference
vocab-NorthReference-magnetic = Magnetic
vocab-NorthReference-true = True
vocab-NorthReference-grid = Grid

## Instrument
vocab-Instrument-compass_tape = Compass and tape
vocab-Instrument-laser_rangefinder = Laser rangefinder
vocab-Instrument-total_station = Total station
vocab-Instrument-other = Other

## EntityKind
vocab-EntityKind-land = Land
vocab-EntityKind-activity = Activity
vocab-EntityKind-hazard_report = Hazard report
vocab-EntityKind-store = Store

## AuditAction
vocab-AuditAction-create = Created
vocab-AuditAction-update = Updated
vocab-AuditAction-delete = Deleted
vocab-AuditAction-workflow = Workflow
vocab-AuditAction-import = Imported
vocab-AuditAction-void = Voided

## CoordFormat
vocab-CoordFormat-dd = DD
vocab-CoordFormat-dms = DMS
vocab-CoordFormat-ddm = DDM
vocab-CoordFormat-utm = UTM
vocab-CoordFormat-mgrs = MGRS

## ExportProfile
vocab-ExportProfile-full = Full (internal)
vocab-ExportProfile-authority = National authority
vocab-ExportProfile-donor = Donor
vocab-ExportProfile-public = Public

## LayerRole
vocab-LayerRole-admin_boundaries = Admin boundaries (P-codes)
vocab-LayerRole-settlements = Settlements
vocab-LayerRole-roads = Roads
vocab-LayerRole-water = Rivers and water
vocab-LayerRole-other = Other
vocab-LayerRole-tiles = Tile package
