# Overhead — English.
# Messages for the window's frame: top bar, menus, settings, status bar, dialogs, notifications, map.
# Keys are shared by every language (a test checks); see README.md "Adding a language".


## Top bar

# The button with the observer's place; $place is its name.
app-location-button = Location: { $place }
# Hover text of the place button; $coordinates is "48.8534° N, 2.3488° E, 35 m".
app-location-hover =
    { $coordinates }
    Click to change
# Label of the time zone menu.
app-times = Times
# Label of the colour theme menu.
app-theme = Theme
# Label before the alert minutes box.
app-alert = Alert
# Unit after the alert minutes number, with the space before it if the language wants one.
app-alert-minutes-before = { " " }min before
app-alert-hover = Warn this many minutes before a visible pass (0: never)
# The toggle for large text and full screen, for a class.
app-presentation = Presentation
app-presentation-hover = Large text, full screen (F11 or P; Esc leaves). Ctrl +/− zooms.
# Label of the language menu, and its first choice (follow the computer's language).
app-language = Language
app-language-system = System
app-language-hover = The language of the window. "System" follows the computer's language.
app-loading-satellites = Loading satellites…
# How many satellites are loaded and where from; $source is a data note such as "CelesTrak GP data (US Space Force)".
app-satellites-loaded =
    { $count ->
        [one] 1 satellite, { $source }
       *[other] { $count } satellites, { $source }
    }
app-no-satellites-loaded = No satellites loaded
# Hover: the data's age is judged at the simulated clock; $time is that date and time.
app-age-judged-at = Age at the time the window shows ({ $time }), not the computer's clock.
app-use-data-date = Use the data's date
app-use-data-date-hover = Run the clock at the date of the elements, so that the passes shown are right
# While a refresh runs: $done of $total sources.
app-refreshing = Refreshing { $done }/{ $total }…
app-refresh-elements = Refresh elements
app-refresh-elements-hover = Download new elements from CelesTrak (at most once every 2 hours per source)
# The small menu on how fresh the elements are, when no refresh said anything yet.
app-auto-refresh = auto-refresh
app-auto-refresh-off = auto-refresh off
app-auto-refresh-check = Refresh at start when older than
# Unit after the hours box, with the space before it if the language wants one.
app-auto-refresh-hours = { " " }h
app-auto-refresh-hover = When the elements were last checked with their source. Click to set the refresh at start.

## How fresh the elements are (top bar, small)

# $ago is one of the app-ago-… phrases.
app-fresh-updated = updated { $ago }
# $why says why the refresh brought nothing.
app-fresh-not-updated = not updated: { $why }
app-fresh-never = never updated (bundled elements)
app-ago-just-now = just now
app-ago-minutes = { $minutes } min ago
app-ago-hours = { $hours } h ago
app-ago-days = { $days } days ago
# Why a refresh brought nothing.
app-refresh-offline = offline, or the server is unreachable
# $time is a UTC date and time.
app-refresh-backing-off = waiting after an error, until { $time }

## Status line (bottom)

app-status-dismiss-hover = Dismiss this message
app-status-details = Details
app-status-details-hover = Show or hide the whole message
# Button beside "Saved … to …".
app-open-folder = Open folder
app-sources =
    { $count ->
        [one] 1 source
       *[other] { $count } sources
    }
# $sources is app-sources.
app-status-refreshed = Refreshed { $sources }
# $reason is one of app-refresh-reason-…; $which says how many sources failed.
app-status-refresh-failed = Could not refresh: { $reason } ({ $which })
# "2 of 3 sources": $failed, and $sources (app-sources).
app-refresh-some-of = { $failed } of { $sources }
app-refresh-reason-offline = no network
app-refresh-reason-backing-off = waiting after an earlier failure
app-refresh-reason-other = see the details
app-refresh-running = A refresh is already running; wait for it to finish.
# $place is the place's name, $coordinates "48.8534° N, 2.3488° E, 35 m".
app-location-set = Location: { $place } ({ $coordinates })
# $error is what went wrong (may be English from the system).
app-error-no-satellites = No satellites: { $error }
app-error-save-lost = Saving the export stopped unexpectedly (a bug).
app-error-load-lost = Loading the satellites failed unexpectedly (a bug).
app-error-refresh-lost = The refresh stopped unexpectedly (a bug).
app-error-search-lost = The pass search stopped unexpectedly (a bug).
# Shown to the user when the window cannot open at all (on the terminal).
app-error-no-window = cannot open the window: { $error }

## Saving exports

app-save-busy = An export is being saved; finish that first.
# $count passes were written to $path.
app-saved =
    { $count ->
        [one] Saved 1 pass to { $path }
       *[other] Saved { $count } passes to { $path }
    }
app-save-cancelled = Export cancelled: no file chosen.
app-save-failed = Could not write { $path }: { $error }
app-handout-failed = Could not make the handout: { $error }
app-ui-state-save-failed = Could not save the window state to { $path }: { $error }
# Title of the save dialog.
app-save-dialog-title = Save the passes
# The handout's line on the time span: $start, $end dates and times, $zone the time zone.
app-handout-window = From { $start } to { $end } ({ $zone })
# $error: why a folder could not be opened.
app-open-folder-failed = cannot open { $path } ({ $error })

## The night, above the pass table (window "Tonight")

# $dusk and $dawn are times ("21:31"), $limit the Sun's darkness limit in degrees ("-6").
app-night-dark = Tonight: dark from { $dusk } to { $dawn } (Sun below { $limit }°).
# $until is a date and time.
app-night-polar = Polar night: the Sun stays below { $limit }° all day; showing the passes until { $until }.
app-night-never-dark = The sky does not get dark tonight at { $place }: the Sun stays above { $limit }° for the next 24 hours, so no satellite can be seen against a dark sky. Choose "next 24 h" for the passes above the horizon.
app-no-satellites-loaded-sentence = No satellites loaded.

## Pass search notes (under the pass table)

app-note-not-in-catalog = { $id } is not in the catalog
app-note-always-above = { $sat } stays above the horizon

## Alerts and notifications

# Buttons of the alert banner over the map.
app-alert-show = Show
app-alert-dismiss = Dismiss
# Title of the desktop notification: $sat the satellite's name, $time when it becomes visible ("05:02").
app-notify-title = { $sat } visible at { $time }
# $error: why no desktop notification could be shown (technical, from the system).
app-notify-unavailable = Alerts show in the window only: no desktop notification service ({ $error }).

## The world map

app-map-heading = Map
app-map-all-satellites = All satellites
app-map-borders = Borders
app-map-zoom-in = Zoom in
app-map-zoom-out = Zoom out
app-map-whole-world = Whole world
app-map-centre-on-me = Centre on me
app-map-pick-prompt = Click the map to set your location
app-map-cancel = Cancel
app-map-pick = Set location on map
# Screen reader name of the map.
app-map-world-map = World map
# Label of the Moon's disc on the map.
app-map-moon = Moon
# Label of the observer's cross on the map.
app-map-you = You
# Latitude and longitude, $deg pre-formatted ("37.58").
app-lat-north = { $deg }° N
app-lat-south = { $deg }° S
app-lon-east = { $deg }° E
app-lon-west = { $deg }° W
# Where the followed satellite is: $sat, $lat and $lon (app-lat-…, app-lon-…), $alt height in km.
app-map-over = { $sat } is over { $lat }, { $lon }, { $alt } km up
app-map-no-position = { $sat }: no position (decayed?)
# Hover while choosing a place on the map: $lat, $lon in degrees ("37.58", "126.98").
app-map-set-location-hover = Set location to { $lat }°, { $lon }°
# Hover on a satellite's dot: $sat name, $id catalog number.
app-map-follow-hover = { $sat } ({ $id }): click to follow
# A place clicked on the map: $coordinates ("37.58° N, 126.98° E"), $city the nearest city.
app-map-place-near = { $coordinates } (near { $city })

## The settings file (status line at start; also `overhead fetch`)

# $path is the settings file, $error what the system said.
app-settings-unreadable = Could not read the settings ({ $path }: { $error }); using the defaults.
# $repairs lists what was changed (app-settings-repair-…, joined with "; ").
app-settings-repaired = Settings repaired: { $repairs }.
# A damaged settings file is replaced by the defaults: $path, $why (app-settings-not-json …), $kept (app-settings-kept-as or -not-kept).
app-settings-replaced = The settings file { $path } { $why }; { $kept }. Using the defaults.
app-settings-kept-as = it was kept as { $path }
app-settings-not-kept = it could not be kept aside ({ $error }) and will be overwritten when settings are saved
app-settings-not-json = is not valid JSON ({ $error })
app-settings-no-version = has no version number, so it is not an Overhead settings file
# $version the file's format, $max the newest this build reads.
app-settings-newer = was written by a newer version of Overhead (format { $version }; this one reads up to { $max })
app-settings-too-old = is from an old format ({ $version }) that this version no longer reads
app-settings-bad-value = has a value that cannot be used ({ $error })
app-settings-repair-observers =
    { $count ->
        [one] 1 observer with impossible coordinates removed
       *[other] { $count } observers with impossible coordinates removed
    }
app-settings-repair-no-observer = no observer left, Seoul added
app-settings-repair-current-observer = current observer reset to the first
# $min and $max in degrees.
app-settings-repair-elevations = pass search elevations outside { $min }..{ $max }° reset to the defaults
# $groups: the unknown group names.
app-settings-repair-groups = unknown source group(s) { $groups } dropped
app-settings-repair-limiting-magnitude = limiting magnitude reset to 4
# $path the settings file, $error what the system said.
app-settings-save-failed = Could not save the settings to { $path }: { $error }

## Identify ("what was that?").
app-error-identify-lost = The search for what was seen stopped unexpectedly (a bug).

## Times people trust (issue 20): seconds everywhere
# In the Times menu, under the clocks: pass times to the second, and its hover.
app-show-seconds = Show seconds
app-show-seconds-hover = Pass times to the second everywhere (the table, the sky chart, alerts, the handout and the calendar), as Heavens-Above shows them. Short passes always show their seconds.

## "Follow" keeps the satellite in the middle of the map (issue 20)
# The map's switch: $sat the followed satellite's name.
app-map-follow-sat = Follow { $sat }
app-map-follow-sat-hover = Keep it in the middle of the map as it moves (dragging the map stops this)

## Switching the language in the window (issue 20)
# The status line after the language menu changed it: $language its own name ("English").
app-language-switched = The window now speaks { $language }.

## The install: the crate builds off Linux (issue 20)
# Why no desktop notification is sent on a system other than Linux.
app-notify-not-on-this-system = desktop notifications are sent on Linux only; the window's banner is the alert here

## Issue 20: offline is a normal state (the status line).
# No network: $offline catalog-offline, $date the date of the data in use (data-age-date).
app-offline-using = { $offline }; using data from { $date }.
# No network and no date known: $offline catalog-offline.
app-offline-bundled = { $offline }; using the data already here.
# Settings repaired (issue 25): $count observer names cleaned of control characters or cut.
app-settings-repair-names = { $count ->
        [one] an observer's name was cleaned (control characters, or too long)
       *[other] { $count } observers' names were cleaned (control characters, or too long)
    }
# An unknown time zone in the settings: $zone as written, $place the observer's name.
app-settings-repair-time-zone = the time zone "{ $zone }" of { $place } is unknown, so the computer's zone is used; choose the place again to set it

## Issue 25: the clock far from the elements' epoch (the map's line on the followed satellite).
# $sat its name.
app-map-far-from-epoch = { $sat }: no position, the time shown is more than a year from its elements' epoch

## The first evening (issue 20): the handout opens to be printed

# After "Print handout…": saved to $path and opened in the PDF viewer.
app-handout-opened = Handout saved to { $path } and opened in your PDF viewer: print it from there.
