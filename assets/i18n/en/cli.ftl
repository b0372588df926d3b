# Overhead — English.
# Messages for the command line's human output (tables, messages, --help is not translated).
# Keys are shared by every language (a test checks); see README.md "Adding a language".


## overhead passes: the table (stdout).
# First line: $start, $end the window ("2026-08-22 18:00 UTC"), $zone the time zone's label,
# $limit the faintest magnitude the sky shows ("4.5").
cli-passes-title = Passes from { $start } to { $end } ({ $zone }); naked-eye limit magnitude { $limit }
# Group headings over the columns.
cli-col-appears = Appears
cli-col-highest-seen = Highest while seen
cli-col-vanishes = Vanishes
cli-col-above = Above the horizon
# Column headings. cli-col-point heads a cell "21:39:00  40° NNE  17°" (time, height,
# compass point, bearing): keep the words over their numbers.
cli-col-date = Date
cli-col-satellite = Satellite
cli-col-point = time     height dir
cli-col-how = How
cli-col-mag = Mag
cli-col-eye = Eye
cli-col-horizon = rise–set, highest
cli-col-age = Age d
# The "Eye" column: bright enough for the naked eye, or too faint.
cli-eye-yes = yes
cli-eye-faint = faint
# A pass that cannot be seen: $why words-why-*.
cli-not-visible = not visible: { $why }
cli-no-passes = No passes in this window.
# Notes on satellites without passes: $error the reason the search stopped (English).
cli-stopped = stopped: { $error }
cli-always-above = always above the horizon (no rises or sets)
cli-never-above = never above the horizon in this window
# Brightness summary (under the table, or on stderr): $count passes, $limit the magnitude.
cli-faint-passes = { $count ->
        [one] { $count } visible pass is
       *[other] { $count } visible passes are
    } fainter than magnitude { $limit } (too faint for the naked eye here)
cli-unknown-brightness = { $count ->
        [one] { $count } visible pass has
       *[other] { $count } visible passes have
    } no known brightness (no standard magnitude; shown as ?)
# Between the two parts of the summary, and at its end.
cli-summary-join = {"; "}
cli-summary-end = .

## overhead passes: messages on stderr.
# A warning line: $message the warning.
cli-warning = warning: { $message }
# Where the elements come from: $origin cache / bundled, $message their age.
cli-using = using { $origin ->
        [cache] cached CelesTrak data over the bundled snapshot
       *[bundled] the bundled snapshot (run `overhead fetch` to update)
    }. { $message }
cli-no-elements = no element sets: nothing cached and the bundled snapshot is unreadable
# $file the elements file, $warning what was wrong with a set.
cli-skipped = { $file }: skipped { $warning }
# Stale elements: $stale of $total sets are more than $days days from the window; the
# farthest is $name ($id), epoch $epoch, $far days before or after ($side) the window.
cli-stale = { $stale } of { $total } element sets are more than { $days } days from this window (farthest: { $name } ({ $id }), epoch { $epoch } { $far } days { $side ->
        [after] after
       *[before] before
    } it): times may be off by many minutes; fetch fresh elements
cli-choose-satellites = choose satellites with --sat NORAD, --name TEXT or --all
# $id a catalog number.
cli-satellite-missing = satellite { $id } is not in the elements
cli-none-chosen = none of the chosen satellites is in the elements
cli-cannot-write = cannot write the output
# $days the most days a set may be from the window.
cli-none-searched = no satellite was searched: the window is more than { $days } days from every element epoch
# $name the --tz text (quoted).
cli-bad-tz = --tz { $name } is not an IANA time zone name
# $text the --start text (quoted).
cli-bad-start = --start { $text } is not an RFC 3339 time like 2026-08-22T18:00:00Z
# $start the window's start, $days its length.
cli-too-late = --start { $start } plus { $days } days is past the last date this program can handle
# --tonight in a polar night: $limit the Sun's elevation (degrees), $from the start (UTC).
cli-polar-night = polar night: the Sun stays below { $limit }° all day; searching the 24 hours from { $from }
# --tonight where it never gets dark: $limit degrees, $from, $until times (UTC).
cli-never-dark = The sky does not get dark tonight here: the Sun stays above { $limit }° from { $from } to { $until }, so no satellite can be seen against a dark sky.
# $count more satellites not searched.
cli-more-not-searched = { $count } more satellites not searched for the same reason

## overhead sky: the table.
# First line: $lat, $lon degrees ("37.5665"), $ns n / s, $ew e / w, $alt metres, $time
# ("2026-08-22 12:00:00"), $daylight cli-sky-daylight.
cli-sky-title = Sky over { $lat }°{ $ns ->
        [n] N
       *[s] S
    } { $lon }°{ $ew ->
        [e] E
       *[w] W
    } ({ $alt } m) at { $time } UTC: { $daylight }
# The sky's state from the Sun's elevation: $state day / civil / nautical / astronomical / night.
cli-sky-daylight = { $state ->
        [day] day
        [civil] civil twilight
        [nautical] nautical twilight
        [astronomical] astronomical twilight
       *[night] night
    }
cli-sky-directions = Directions: compass point and bearing from true north, height above the horizon (no refraction).
# Where something is: $bearing ("SSW 192°"), $deg the height, padded ("  22").
cli-sky-up = { $bearing }  { $deg }° up
cli-sky-below = { $bearing }  { $deg }° below the horizon
cli-sky-sun = Sun
cli-sky-moon = Moon
# The Moon's phase: $lit percent, $waxing yes / no.
cli-sky-moon-phase = ({ $lit }% lit, { $waxing ->
        [yes] waxing
       *[no] waning
    })
cli-sky-planets = Planets
# A planet's name: $name the English name (Mercury, Venus, Mars, Jupiter, Saturn).
cli-sky-planet = { $name }
# A magnitude, padded ("  1.8").
cli-sky-mag = mag { $mag }
# $up stars above the horizon, of $total in the list.
cli-sky-stars = Stars above the horizon ({ $up } of the { $total } in the list; the others are below)
# $text the --time text (quoted).
cli-bad-time = --time { $text } is not an RFC 3339 time like 2026-08-22T12:00:00Z

## overhead fetch and overhead handout: messages on stderr.
# The settings could not be found: $error why.
cli-default-settings = { $error }; using the default settings
# $source the source's label.
cli-not-modified-no-copy = warning: { $source }: the server says nothing changed, but no copy is cached
# $file the file that could not be written.
cli-cannot-write-file = cannot write { $file }
# The handout was written: $file, $count visible passes, $sat the satellite on the chart.
cli-handout-wrote = wrote { $file } ({ $count ->
        [one] 1 visible pass
       *[other] { $count } visible passes
    })
cli-handout-wrote-chart = wrote { $file } ({ $count ->
        [one] 1 visible pass
       *[other] { $count } visible passes
    }, chart: { $sat })

## Arguments that cannot be used (stderr).
# A unit of a range: $unit degrees / metres / days / seconds / (visual magnitude).
cli-unit = { $unit }
# A range: $kind closed (min allowed) / open (more than min); $min, $max numbers; $unit cli-unit.
cli-range = { $kind ->
        [open] more than { $min } and at most { $max } { $unit }
       *[closed] from { $min } to { $max } { $unit }
    }
# A number outside its range: $arg the flag ("--lon"), $value what was given, $finite yes /
# no, $range cli-range.
cli-arg-out-of-range = { $arg } { $value } is { $finite ->
        [yes] out of range
       *[no] not a finite number
    }; it must be { $range }
# A whole number outside its range: $arg, $value, $min, $max.
cli-arg-whole-out-of-range = { $arg } { $value } is out of range; it must be from { $min } to { $max }
# Empty text: $arg the flag.
cli-arg-empty = { $arg } is empty; give it some text

## overhead identify ("what was that?").
# Where it was: $point compass point, $bearing whole degrees, $height whole degrees up.
cli-identify-where = { $point } { $bearing }°, { $height }° up
# The second point: $where_ cli-identify-where, $s seconds after the first.
cli-identify-then = ; { $s } s later { $where_ }
# Only the way it went: $where_ a point on its way.
cli-identify-toward = ; going towards { $where_ }
# How bright it looked: $mag.
cli-identify-seen-magnitude = ; it looked like magnitude { $mag }
# The sighting as reported: $place coordinates, $time "2026-08-22 12:37:10 UTC",
# $tolerance seconds, $where_ the first point, $motion cli-identify-then / -toward or
# nothing, $magnitude cli-identify-seen-magnitude or nothing.
cli-identify-sighting = Seen from { $place } at { $time } (give or take { $tolerance } s): { $where_ }{ $motion }{ $magnitude }.
# Above the candidates: $fits yes (those that fit) / no (the nearest misses), $tried how
# many satellites were tried.
cli-identify-list = { $fits ->
        [yes] Candidates, best first ({ $tried } satellites tried):
       *[no] Nearest misses ({ $tried } satellites tried; none fits):
    }
# The table's columns.
cli-identify-col-chance = Chance
cli-identify-col-satellite = Satellite
cli-identify-col-when = When
cli-identify-col-miss = Missed by
cli-identify-col-way = Way it went
cli-identify-col-speed = Speed
cli-identify-col-where = Where then
cli-identify-col-light = Light
# --at or --to that is neither "AZ,EL" nor a name: $arg, $text.
cli-identify-bad-place = { $arg } { $text } is neither "azimuth,elevation" in degrees (like 120,35) nor the name of a star, a planet or the Moon
# A name the sky does not know: $arg, $name, $has_near yes / no, $near the near spellings.
cli-identify-unknown-name = { $arg } { $name }: no star, planet or Moon of that name{ $has_near ->
        [yes] ; did you mean { $near }?
       *[no] {""}
    }
# The named body is below the horizon at the time: $arg, $name, $deg degrees below.
cli-identify-below-horizon = { $arg } { $name }: it was { $deg }° below the horizon then
# --at and --to are the same point.
cli-identify-same-place = --at and --to are the same point; give where it went, or leave --to out
# No satellite could be tried: $days the limit.
cli-identify-none-searched = no satellite was tried: --time is more than { $days } days from every element epoch
# Satellites flying with a candidate (docked modules, a launch's train): $name, $others.
cli-identify-together = { $name } flies together with { $others } (one light).
# overhead sky --satellites: the list's title; $count how many, $limit the limiting magnitude.
cli-sky-satellites = Satellites up and sunlit that could be brighter than magnitude { $limit } ({ $count }; only those with a known standard magnitude)

## overhead transits (issue 24): the table (stdout).
# First line: $start, $end the window ("2026-08-22 00:00 UTC"), $radius km ("50"), $place
# the observer's coordinates (words-coordinates), $zone the time zone's label.
cli-transits-title = Transits across the Sun and the Moon from { $start } to { $end } ({ $zone }) whose centre line passes within { $radius } km of { $place }
# When there are none: $radius km.
cli-transits-none = None in this window: no centre line passes within { $radius } km, and none crosses the disc from where you are.

## Issue 22: passes within a sigma of the sky's limit.
# $count passes whose estimated brightness is within its uncertainty of magnitude $limit.
cli-maybe-passes = { $count ->
        [one] { $count } visible pass is
       *[other] { $count } visible passes are
    } near magnitude { $limit } within the estimate's uncertainty (maybe: binoculars help)

## Issue 25: counted skipped records, downloads that wait (stderr).
# More skipped records than are listed: $file, $count not listed, $total skipped in all.
cli-skipped-more = { $file }: { $count } more unusable records skipped ({ $total } in all)
# No network (one line per host): $offline catalog-offline, $date the data in use (data-age-date).
cli-offline-using = { $offline }; using data from { $date }.

## Issue 25: the handout's output path (stderr).
# Standard output, as messages name it (--out -).
output-stdout = standard output
# An output refused: $path (cleaned), $kind what it is.
output-refused = cannot write { $path }: { $kind ->
        [directory] it is a directory; name a file in it
        [block-device] it is a block device (a disk), which is never written over
        [socket] it is a socket
        [slash] it ends with /, so it names a directory; name a file
       *[terminal] it is a terminal; redirect it (--out - > handout.pdf) or name a file
    }
# Writing failed: $path (cleaned), $error what the system said.
output-failed = cannot write { $path }: { $error }
# --chart-sat names a chosen satellite without a visible pass: $id, $name.
cli-chart-sat-no-pass = --chart-sat { $id } ({ $name }) has no visible pass in this window, so it cannot be charted; leave --chart-sat out to chart the best pass
# --chart-sat names a satellite that was not chosen: $id.
cli-chart-sat-not-chosen = --chart-sat { $id } is not among the chosen satellites; choose it with --sat { $id } as well
# overhead sky outside the planets' elements' years: $first, $last (1800, 2050).
cli-sky-planets-omitted = not shown: the planets' elements are valid from { $first } to { $last } only, and far outside those years they place a planet degrees off (Saturn 8–11° in the year 500)
# Reading an element file stopped: $file, $count unusable records in a row.
cli-stopped-reading = { $file }: reading stopped after { $count } unusable records in a row; the rest of the file was not read

## The first evening (issue 20): `--name` finds what people type (src/cli/passes.rs)

# A --name that is a satellite's exact name, number or common name, while more names hold
# the text: $text as given, $chosen the satellites it chose ("ISS (ZARYA) (25544)"),
# $others how many other names hold it.
cli-name-exact = --name "{ $text }" is { $chosen }; { $others ->
        [one] one more name holds
       *[other] { $others } more names hold
    } the text (give the whole name or --sat to choose them too)

## A place by name (--city)
# $name: what was given, quoted.
cli-unknown-city = --city { $name } matches no bundled place; try another spelling, "Name, Country", or give --lat and --lon
