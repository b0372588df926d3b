# Overhead — English.
# Messages for the window's panels: passes table, sky chart, live panel, location, picker, clock bar.
# Keys are shared by every language (a test checks); see README.md "Adding a language".

## Pass table: the line of switches above it (src/ui/passes_panel/filters.rs)

# Heading of the pass table.
panels-passes-heading = Passes
# Which satellites the table lists: the ones chosen in the picker, or every bright one.
panels-which-chosen = Chosen satellites
panels-which-bright = All bright ones
# Check box that hides passes one cannot see with the naked eye, and its hover.
panels-visible-only = Visible only
panels-visible-only-hover = Only passes you can expect to see with the naked eye: sunlit, in a dark sky, high enough, and not fainter than your sky shows
# Label before the sky-darkness menu, and its hover.
panels-sky = Sky
panels-sky-hover = The faintest stars your sky shows (limiting magnitude)
# A limiting magnitude typed by the user (the presets are words-sky-*); $mag is a number like "4.3".
panels-sky-custom = Custom (mag { $mag })
# Written before and after the number in the limiting-magnitude field ("mag 4.0"; "4.0등급");
# { "" } is nothing, { " " } a space.
panels-mag-prefix = mag{ " " }
panels-mag-suffix = { "" }
panels-mag-field-hover = Limiting magnitude: type your own
# Label before the minimum-elevation field (degrees).
panels-min-elevation = Min. elevation
# Label before the search-window menu.
panels-window = Window
# Search windows: tonight (dusk to dawn), or the next $hours hours / $days days.
panels-window-tonight = Tonight
panels-window-hours = next { $hours } h
panels-window-days =
    { $days ->
        [one] next 24 h
       *[other] next { $days } days
    }
# The two column sets of the table, and their hovers.
panels-columns-seen = When seen
panels-columns-seen-hover = Where it appears, its highest point while seen, where it vanishes
panels-columns-horizon = Horizon times
panels-columns-horizon-hover = Rise, highest point and set above the horizon (for radio)
# While a search runs; $done and $total count satellites.
panels-searching = Searching… { $done }/{ $total } satellites

## Pass table: the summary line and the empty states (src/ui/passes_panel/mod.rs)

# Before any search has finished.
panels-no-passes-yet = No passes yet.
# Above the table; $count passes, $start and $end are date-times, $zone the time zone.
panels-summary =
    { $count ->
        [one] 1 pass
       *[other] { $count } passes
    } from { $start } to { $end } ({ $zone })
# Added to the summary when "Visible only" hides some passes.
panels-summary-hidden = , { $count } hidden (not visible or too faint)
# Passes whose brightness cannot be estimated, and the hover that says why.
panels-unknown-brightness = { $count } of unknown brightness (?)
panels-unknown-brightness-hover = No standard magnitude is known for these satellites, so how bright they look cannot be estimated: they may be too faint to see.
# Export buttons and their hovers.
panels-export-csv = Export CSV
panels-export-csv-hover = The rows shown, as a spreadsheet (times in UTC)
panels-export-ics = Export .ics
panels-export-ics-hover = The rows shown, as a calendar file with one event per pass
panels-print-handout = Print handout…
panels-print-handout-hover = A one-page PDF for a class: the visible passes, and a star chart of the selected pass (or the best one) with directions in words
# The table is empty: no satellite chosen, or no pass in the window.
panels-choose-satellites = Choose satellites on the left to see their passes.
panels-no-passes-in-window = No passes in this window. Try a longer window or a lower minimum elevation.

## Pass table: column heads (src/ui/passes_panel/columns.rs). Keep them short: the columns are narrow.

panels-col-satellite = Satellite
panels-col-date = Date
# Sub-columns under "Appears", "Highest while seen", "Vanishes", "Rise", "Highest", "Set".
panels-col-time = time
panels-col-height = height
panels-col-direction = direction
# Titles over three sub-columns (time, height, direction), and their hovers.
panels-group-appears = Appears
panels-group-appears-hover = When and where you first see it
panels-group-highest-seen = Highest while seen
panels-group-highest-seen-hover = Its highest point while you can see it
panels-group-vanishes = Vanishes
panels-group-vanishes-hover = When and where you lose sight of it
panels-col-mag = Mag
panels-col-mag-hover = Brightness (magnitude): the lower, the brighter; about 1 is a bright star
panels-col-ends = Ends
panels-col-ends-hover = How you lose sight of it: it sets, fades into Earth's shadow, or the dawn
# The horizon column set (for radio): above the horizon, whether sunlit or not.
panels-group-rise = Rise
panels-group-rise-hover = When and where it comes up over the horizon
panels-group-highest = Highest
panels-group-highest-hover = Its highest point above the horizon
panels-group-set = Set
panels-group-set-hover = When and where it goes down below the horizon
panels-col-duration = Duration
panels-col-duration-hover = From rise to set
panels-col-visible = Visible?
panels-col-visible-hover = Whether the naked eye can see it, and if not, why
# Hover of every sortable column head.
panels-sort-hover = Sort by this column

## Pass table: the cells (src/ui/passes_panel/cells.rs)

# Hover of the appear / vanish time: $time is "21:39:05", $how says why it appears or vanishes there.
panels-time-how = { $time } ({ $how })
# How the seen part begins (hover of the "Appears" time).
panels-appears-rises = comes up above the visible height
panels-appears-leaves-shadow = comes out of Earth's shadow
panels-appears-sky-darkens = the sky gets dark enough
# How the seen part ends (hover of the "Vanishes" time and of "Ends").
panels-vanishes-sets = sinks below the visible height
panels-vanishes-enters-shadow = fades into Earth's shadow
panels-vanishes-sky-brightens = lost in the brightening sky
# Why a pass cannot be seen with the naked eye (in the table).
panels-reason-too-low = too low
panels-reason-daylight = daylight
panels-reason-earth-shadow = in Earth's shadow
# Spans the three "Appears" columns of a pass that cannot be seen; $why is one reason above.
panels-not-visible = not visible: { $why }
# "Visible?" column of the horizon set.
panels-visible = visible
panels-visible-no = no: { $why }
# Duration column; $minutes is a number like "6.5".
panels-duration-min = { $minutes } min
# Hover of a height; $deg is whole degrees, $fists the fist scale in words ("about two fists above the horizon").
panels-height-hover = { $deg }° above the horizon: { $fists } (a fist at arm's length is about 10°)
# Hover of a direction; $words is the compass direction in words, $deg the bearing.
panels-direction-hover = Direction: { $words } (bearing { $deg }° from north, through east)
# Magnitude cells: unknown, and fainter than the sky shows ($mag and $limit like "4.3").
panels-mag-unknown-hover = Brightness unknown: no standard magnitude is known for this satellite
panels-mag-faint = { $mag } faint
panels-mag-faint-hover = Magnitude { $mag }: fainter than your sky shows (limit { $limit }); try binoculars

## Pass table: rows (src/ui/passes_panel/table.rs)

# Hover of the satellite's name; $name and $id (catalog number).
panels-name-hover = { $name } ({ $id }). Click to show in the sky chart; double-click to jump there
panels-row-hover = Click to show in the sky chart; double-click to jump there

## Sky chart (src/ui/sky_chart/)

# Heading with the selected pass's satellite, or of the whole sky at the clock's time.
panels-chart-heading = Sky chart: { $sat }
panels-sky-now = Sky now
# Which satellites are up now (the chosen ones, and the sunlit ones that could be brighter
# than the sky's limit $limit); $names is a comma-separated list.
panels-none-up = Nothing is up: none of the chosen satellites, and no sunlit one that could be brighter than magnitude { $limit }.
panels-up-now = Up now: { $names }
# Under the "now" chart; $time, $zone, $minutes of trail, $limit the sky's limiting magnitude.
panels-now-caption = The sky at { $time } ({ $zone }), with the chosen satellites and every sunlit one that could be brighter than magnitude { $limit } (of those with a known brightness), and their last { $minutes } minutes.
# The chart's switches.
panels-stars-to-mag = stars to mag
panels-constellations = Constellations
panels-dark-site = Dark site (Milky Way)
panels-remove-binocular = Remove binocular circle
panels-binocular-hint = Click the chart for a 7° binocular field.
# No pass selected.
panels-click-a-pass = Click a pass in the table to draw it here.
# What the lines mean; $zone is the time zone of the times on the chart.
panels-chart-caption = Times in { $zone }. Solid: sunlit; dashed: in Earth's shadow.
# Marks on the pass's path.
panels-mark-rise = rise
panels-mark-set = set
panels-mark-appears = appears
panels-mark-fades = fades into shadow
panels-mark-vanishes = vanishes
# $deg whole degrees; $mag like "-2.1".
panels-mark-highest = highest { $deg }°
panels-mark-highest-brightest = highest { $deg }°, brightest (mag { $mag })
panels-mark-brightest = brightest (mag { $mag })
# The Sun, the Moon ($percent lit) and the planets on the chart.
panels-sun = Sun
panels-moon-percent = Moon { $percent }%
panels-planet-mercury = Mercury
panels-planet-venus = Venus
panels-planet-mars = Mars
panels-planet-jupiter = Jupiter
panels-planet-saturn = Saturn

## Live panel (src/ui/live_panel.rs)

panels-live-heading = Live
panels-live-choose = Choose a satellite to follow.
panels-loading-satellites = Loading satellites…
panels-live-not-in-catalog = Satellite { $id } is not in the catalog.
panels-live-no-position = No position: { $error }
# Row names of the readout.
panels-live-azimuth = Azimuth
panels-live-elevation = Elevation
panels-live-range = Range
panels-live-range-rate = Range rate
panels-live-light = Light
panels-live-magnitude = Magnitude
panels-live-over = Over
panels-live-sun-elevation = Sun elevation
panels-live-moon = Moon
# Values: below the horizon (after the elevation), moving toward or away, lit or not.
panels-live-below-horizon = (below horizon)
panels-live-approaching = approaching
panels-live-receding = receding
panels-live-sunlit = sunlit
panels-live-penumbra = in partial shadow
panels-live-umbra = in Earth's shadow
# $mag like "-1.2".
panels-live-magnitude-estimate = { $mag } (estimate)
# The point below the satellite: $lat and $lon in degrees, $km its height.
panels-live-over-value = { $lat }°, { $lon }°, { $km } km up
# The Moon: $elevation and $azimuth whole degrees, $direction a compass point, $lit the "78% lit" part.
panels-moon-lit = { $percent }% lit
panels-moon-up = { $elevation }° up, { $direction } { $azimuth }°, { $lit }
panels-moon-below = below horizon, { $lit }
# Doppler shift for a radio frequency; $mhz like "145.8034", $khz like "+3.4".
panels-doppler-at = Doppler at
panels-doppler-receive = you receive { $mhz } MHz ({ $khz } kHz)
# Age of the orbital elements; $date, $days like "1.5", $source a file or web address.
panels-elements-age = Elements from { $date } ({ $when ->
        [after] { $days } days after the time shown
       *[old] { $days } days old
    }, { $source })
# The bundled element snapshot, as the source of a satellite's elements: $what says
# which catalog and its date ("CelesTrak active, 2026-08-22").
panels-elements-bundled = bundled snapshot ({ $what })
panels-elements-stale = { $text }: predictions may be off by minutes.
# The next pass of the followed satellite; $countdown like "1 h 05 min", $time "21:39", $direction a compass point, $deg whole degrees.
panels-next-up-sets = Above the horizon now; sets in { $countdown } ({ $time })
# The next pass when it cannot be seen: $countdown to its rise, $time of the rise, $direction
# where it rises, $deg its highest, $why why it cannot be seen (words-why-…, or too faint).
panels-next-pass = Next pass in { $countdown }: rises { $time } { $direction }, max { $deg }°, not visible ({ $why })
# The next pass when it can be seen: $countdown to when it appears, $time when it appears,
# $direction where, $deg its highest while seen.
panels-next-pass-visible = Next pass in { $countdown }, visible: appears { $time } { $direction }, highest { $deg }° while seen
panels-next-pass-hover = Show it in the sky chart
panels-next-up-now = Above the horizon now.
panels-next-none = No pass found in the search window.

## Location window (src/ui/location_panel.rs)

panels-location-title = Where are you?
panels-location-welcome = Overhead predicts what passes over you, so it needs to know where you are. Search for a town, type coordinates, or click the map.
# $place is the place's name, $coords its coordinates.
panels-location-now = Now: { $place } ({ $coords })
panels-location-saved = Your places:
panels-location-search-hint = Search a town or city
panels-location-no-town = No town of that name (the list has places over 15,000 people).
panels-location-type = Or type coordinates (north and east positive):
panels-location-latitude = Latitude
panels-location-longitude = Longitude
panels-location-height = Height
panels-location-use = Use these coordinates
panels-location-click-map = Click on the map
panels-location-credit = Town list: GeoNames (CC BY 4.0).
# Name of a typed place; $lat and $lon like "37.567", $town the nearest town.
panels-location-near = { $lat }°, { $lon }° (near { $town })

## Satellite picker (src/ui/picker.rs)

panels-picker-heading = Satellites
panels-picker-search-hint = Search name or NORAD number
panels-picker-search-hover = Type part of a name ("iss", "starlink") or a catalog number
# Label before the list menu; what the list shows ($count satellites).
panels-picker-list = List
panels-picker-chosen = Chosen
panels-picker-chosen-count = Chosen ({ $count })
panels-picker-favourites = Favourites
panels-picker-favourites-count = Favourites ({ $count })
# A catalog group in the menu; $name is its name, $count its satellites.
panels-picker-group-count = { $name } ({ $count })
panels-picker-empty = Nothing here yet: search above, or pick a group.
panels-picker-no-match = No satellite matches.
panels-picker-catalog-size = { $count } satellites in the catalog
panels-picker-unstar = Unstar
panels-picker-star = Star as a favourite
# Hover of a satellite's check box; $id is its catalog number.
panels-picker-choose-hover = NORAD { $id }: show its passes and track
panels-picker-follow = follow
panels-picker-follow-hover = Show it in the live panel and on the map
# The picker's own groups.
panels-group-stations = Space stations
panels-group-news = In the news

## Where the satellites came from (src/ui/catalog_data.rs), shown in the status bar.

# $count sources downloaded.
panels-source-downloaded =
    { $count ->
        [one] downloaded elements (1 source)
       *[other] downloaded elements ({ $count } sources)
    }
panels-source-bundled = bundled snapshot
panels-source-empty = no element sets
# A file of elements given with OVERHEAD_ELEMENTS; $source is its path.
panels-source-file = elements from { $source }

## Clock bar (src/ui/clock_bar.rs)

panels-clock-live = Live
panels-clock-live-hover = Show the real time
panels-clock-play = Play
panels-clock-pause = Pause
panels-clock-rate-hover = How much faster than real time the clock runs
# $rate is a whole number (1, 10, 60…).
panels-clock-rate-button-hover = Run { $rate } times faster than real time
# Steps of the clock, and their hovers.
panels-clock-back-hour = -1 h
panels-clock-back-hour-hover = Back one hour
panels-clock-back-minute = -1 min
panels-clock-back-minute-hover = Back one minute
panels-clock-forward-minute = +1 min
panels-clock-forward-minute-hover = Forward one minute
panels-clock-forward-hour = +1 h
panels-clock-forward-hour-hover = Forward one hour
# Jump button: short (presenting) and long form, and its hover.
panels-clock-jump-short = Jump to pass
panels-clock-jump = Jump to this pass
panels-clock-jump-hover = Set the clock to a minute before the selected pass rises
# The clock's state after the time, in brackets.
panels-clock-state-live = live
panels-clock-state-paused = paused
panels-clock-state-simulated = simulated, x{ $rate }

## Colour themes (src/ui/theme.rs)

panels-theme-light = Light
panels-theme-dark = Dark
panels-theme-night = Night (red)

## Identify ("what was that?"): the sky chart's Identify mode and the clock's typed time.
# The clock bar's time field: its hint, its hover ($zone the zone times are typed in), its
# button, and what it says when the text is not a time.
panels-clock-type-hover = Type a date and time ({ $zone }), or a time alone for today, and press Enter: the clock jumps there
panels-clock-type-set = Set clock
panels-clock-type-error = Not a time: write 2026-08-22 21:37 or 21:37
# The chart's switch and heading in Identify mode.
panels-identify-mode = What was that?
panels-identify-mode-hover = Identify a moving light: click where you saw it on the chart, then where it went
panels-identify-heading = What was that?
# "It took [10 s]": how long it went from the first click to the second.
panels-identify-took = It took
panels-identify-seconds-suffix = { " " }s
panels-identify-took-hover = How many seconds it took from the first point to the second
panels-identify-clear = Start again
# The two marks on the chart (for screen readers).
panels-identify-seen = seen here
panels-identify-went = went here
# Before any click.
panels-identify-hint = Set the clock to when you saw it (type the time below), then click where it was on the chart and where it went, or drag from one to the other.
# The sighting: $time "21:37:10", $zone, $went yes (a second point) / no, $seconds.
panels-identify-when = Seen at { $time } ({ $zone }), give or take a minute{ $went ->
        [yes] ; it went to the second point in { $seconds } s.
       *[no] . Click where it went.
    }
panels-identify-searching = Looking through the catalog…
panels-identify-follow-hover = Follow this satellite
# A candidate in the list: $rank, $chance ("97%"), $name, $when ("6 s late"), $miss degrees,
# $way ("same way (3° off)"), $light ("sunlit, mag -3.1").
panels-identify-row = { $rank }. { $name } ({ $chance }): { $when }, { $miss }° away, { $way }; { $light }

## The Transits view (issue 24; src/ui/transits): satellites across the Sun and the Moon.
# The tabs over the central area.
panels-transits-tab-map = World
panels-transits-tab = Transits
panels-transits-tab-hover = When the ISS or Tiangong crosses the Sun or the Moon near you, and where to stand to see it
panels-transits-heading = Transits
# Beside the radius field.
panels-transits-radius = Within
panels-transits-days = Days
panels-transits-followed = and the followed satellite
panels-transits-alert = Alert
panels-transits-alert-minutes = {" "}min before
panels-transits-alert-hover = A notification this long before each transit: time enough to get to the line (0: none)
panels-transits-export-ics = Export calendar…
panels-transits-export-csv = Export CSV…
panels-transits-searching = Searching…
# No event: $radius km, $days days.
panels-transits-none = No centre line passes within { $radius } km in the next { $days } days. A larger radius finds more.
# One line of the list: $when date and time, $body sun / moon, $sat the satellite, $here yes
# when the line passes within half a km, $km, $point, $state transit / near / miss / below,
# $sep degrees, $duration seconds.
panels-transits-row = { $when } · { $body ->
        [sun] Sun
       *[moon] Moon
    } · { $sat } · { $here ->
        [yes] here
       *[no] { $km } km { $point }
    } · { $state ->
        [transit] a transit here ({ $duration } s)
        [near] a near miss here ({ $sep }°)
        [miss] { $sep }° from the centre here
       *[below] below your horizon
    }
# The close-up's choice of point.
panels-transits-seen-from = Seen from:
# $km, $point the nearest point's distance and direction.
panels-transits-from-nearest = the nearest point ({ $km } km { $point })
panels-transits-from-place = where you are
# Under the close-up: $body sun / moon, $sat, $duration seconds on the disc.
panels-transits-close-up-caption = The { $body ->
        [sun] Sun
       *[moon] Moon
    } and { $sat }'s path across it, to scale ({ $duration } s on the disc), as you face it with the zenith up.
panels-transits-disc-label = Close-up of the disc with the satellite's path
panels-transits-size-unknown = size unknown: drawn as a dot
panels-transits-map-label = Map of the centre lines around you
# By the nearest point on the map: $time, $km, $point.
panels-transits-map-nearest = { $time }, { $km } km { $point }
# The map's corner: $radius km.
panels-transits-map-scale = Circle: { $radius } km. Click to move your place.
# Hovering the map: $lat, $lon degrees.
panels-transits-map-hover = Move your place here ({ $lat }, { $lon })
# The banner before a transit: $countdown ("1 h 05 min"), $summary words-transit-summary.
panels-transits-alert-banner = In { $countdown }: { $summary }

## Times people trust (issue 20): the pass table's rows
# Hover of a time whose elements are old for it: $when "old" or "after" (the elements are
# newer than the pass), $days their age ("99.3"), $plus_minus the uncertainty ("±17 min").
panels-time-uncertain-hover = { $when ->
        [after] The elements are { $days } days newer than this pass
       *[old] The elements are { $days } days old for this pass
    }: this time may be off by { $plus_minus } (an estimate). Refresh the elements for better times.
# Hover of a pass that is never seen: above the horizon from $rise to $set, highest $deg° in
# the $direction.
panels-not-visible-hover = Above the horizon { $rise }–{ $set }, highest { $deg }° { $direction } ("Horizon times" lists it).

## The live panel's next pass: whether it can be seen (issue 20)
# Why the next pass cannot be seen, when it is lit but fainter than the sky shows: $mag.
panels-next-too-faint = too faint here, mag { $mag }
# After a next pass that cannot be seen: the next that can ($date, $time it appears,
# $countdown until then), or that none can in the search window.
panels-next-visible-later = Next visible: { $date } { $time } (in { $countdown })
panels-next-visible-none = No visible pass in the search window.

## A sky chart you can read and show (issue 20)
# The button after the chart's heading that opens it over the whole window, and the one
# that brings it back; their hovers; the hover of the chart itself.
panels-chart-enlarge = Enlarge
panels-chart-enlarge-hover = Show the chart over the whole window (or double-click it)
panels-chart-close = Close
panels-chart-close-hover = Back to the normal window (Esc, or double-click the chart)
panels-chart-hover = Click: a 7° binocular field here. Double-click: enlarge or shrink the chart.
# The live panel's fold with the radio and geometry details (range rate, Doppler, Moon…).
panels-live-more = More

## Issue 22: magnitudes as estimates in the passes table.
# A magnitude within a sigma of the sky's limit: $mag "4.2" or "3.5–5.0".
panels-mag-maybe = { $mag } maybe
# The hover on a magnitude: $mag words-mag-measured or words-mag-estimated, $verdict words-verdict.
panels-mag-verdict-hover = { $mag }: { $verdict }.

## Issue 25: the clock far from the elements' epoch (the live panel).
# $days how far ("19,892" or "365.3"), $side before / after, $limit the limit in days (365).
panels-live-far-from-epoch = No position: the time shown is { $days } days { $side ->
        [before] before
       *[after] after
    } these elements' epoch, and more than { $limit } days away SGP4's answer means nothing. Fetch fresh elements, or set the clock nearer their date.

## Issue 25: typed coordinates that are not numbers or out of range (the location window).
# $what latitude / longitude / height, $text as typed, $min and $max the range.
panels-location-bad-number = The { $what ->
        [latitude] latitude
        [longitude] longitude
       *[height] height
    } "{ $text }" is not a number from { $min } to { $max }{ $what ->
        [height] {" "}m
       *[other] °
    }.

## The first evening (issue 20): the proposed place, bright to the eye, ready lists

# The location prompt of a first start: keep the place proposed from the computer's time
# zone; $place its name ("London").
panels-location-keep = Yes, use { $place }
# The picker's group of satellites a naked eye can see somewhere on their orbits under the
# chosen sky (src/catalog/bright.rs).
panels-group-bright = Bright to the eye
# Under a group or ready list in the picker: choose all of its $count satellites not yet chosen.
panels-picker-choose-all = { $count ->
        [one] Choose it
       *[other] Choose all { $count }
    }
panels-picker-choose-all-hover = Add these satellites to the chosen ones (the pass table lists them)
# A chosen satellite's line while its next pass to see is still being searched for:
# $line words-unseen-plain ("MALLIGYONG-1: no visible pass in these 2 days").
panels-unseen-searching = { $line }; looking further ahead…
# The button on a satellite's line that takes the clock to its next pass to see.
panels-unseen-go = Go to it
panels-unseen-go-hover = Set the clock to a minute before this pass is seen, and show it in the table and the sky chart
# Over the lines of the chosen satellites with nothing to see, when there are many: $count
# of them, $window words-unseen-window ("in these 2 days").
panels-unseen-folded = { $count } chosen satellites have no visible pass { $window }
