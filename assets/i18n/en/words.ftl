# Overhead — English.
# Messages for report/ words (plain_description, alerts, brightness, compass points, fist scale), timefmt dates, the handout, ICS event text.
# Keys are shared by every language (a test checks); see README.md "Adding a language".


## Compass points (16), in tables, on the sky chart and in sentences ("Look NNE ...").
words-point-n = N
words-point-nne = NNE
words-point-ne = NE
words-point-ene = ENE
words-point-e = E
words-point-ese = ESE
words-point-se = SE
words-point-sse = SSE
words-point-s = S
words-point-ssw = SSW
words-point-sw = SW
words-point-wsw = WSW
words-point-w = W
words-point-wnw = WNW
words-point-nw = NW
words-point-nnw = NNW

## The 8 directions in words, for hovers ("north-west").
words-dir-n = north
words-dir-ne = north-east
words-dir-e = east
words-dir-se = south-east
words-dir-s = south
words-dir-sw = south-west
words-dir-w = west
words-dir-nw = north-west

# Height as fists held at arm's length (about 10° each); $count is 0 to 9 (9 means overhead).
words-fists = { $count ->
        [0] just above the horizon
        [1] about one fist above the horizon
        [2] about two fists above the horizon
        [3] about three fists above the horizon
        [4] about four fists above the horizon
        [5] about five fists above the horizon
        [6] about six fists above the horizon
        [7] about seven fists above the horizon
        [8] about eight fists above the horizon
       *[9] straight overhead
    }
# The same, inside a sentence's brackets ("It climbs to 51° up (about five fists) ...").
words-fists-short = { $count ->
        [0] just above the horizon
        [1] about one fist
        [2] about two fists
        [3] about three fists
        [4] about four fists
        [5] about five fists
        [6] about six fists
        [7] about seven fists
        [8] about eight fists
       *[9] straight overhead
    }

# A direction: compass point and whole-degree bearing ("NNE (bearing 17°)").
words-bearing = { $point } (bearing { $bearing }°)
# A height in degrees above the horizon ("25° up").
words-height = { $height }° up
# Where to look: point, bearing and height ("NNE (bearing 17°, 25° up)").
words-look = { $point } (bearing { $bearing }°, { $height }° up)

# How a visible pass begins, in the table's "How" column.
words-appears-short = { $appears ->
        [rises] rises
        [shadow] from shadow
       *[dusk] dusk
    }
# How a visible pass ends, in the table's "How" column.
words-vanishes-short = { $vanishes ->
        [sets] sets
        [shadow] into shadow
       *[dawn] dawn
    }

# Why a pass cannot be seen (table cells, sentences, calendar titles).
words-why-too-low = too low
words-why-daylight = daylight
words-why-shadow = in Earth's shadow
words-why-unknown = it cannot be seen

# The plain description of a visible pass (sky chart, handout, calendar event), one
# sentence per part. $start_* is where it appears, $peak_* its highest point while seen,
# $end_* where it vanishes: $*_point a compass point (words-point-*), $*_bearing and
# $*_height whole degrees, $*_time a time ("21:39"). $appears: rises / shadow (comes out
# of Earth's shadow) / dusk (the sky gets dark enough). $shape: peak (climbs, then goes
# down), climbs (climbs all the time it is seen), sinks (highest where it appears).
# $peak_fists: words-fists-short. $vanishes: sets / shadow / dawn. $place: high (it
# fades into shadow 45° up or more), low (it sets), plain. $brightness: a whole sentence
# (words-brightness or words-brightness-unknown).
words-plain-visible = Look { $start_point } (bearing { $start_bearing }°, { $start_height }° up) at { $start_time }, { $appears ->
        [rises] where it comes up.
        [shadow] where it comes out of Earth's shadow.
       *[dusk] once the sky is dark enough.
    } { $shape ->
        [peak] It climbs to { $peak_height }° up ({ $peak_fists }) in the { $peak_point } (bearing { $peak_bearing }°) at { $peak_time }, then
        [climbs] It climbs all the way and
       *[sinks] It is highest there ({ $peak_fists }), then sinks and
    } { $vanishes ->
        [sets] drops out of sight
        [shadow] fades into Earth's shadow
       *[dawn] is lost in the brightening sky
    } { $place ->
        [high] high in the
        [low] low in the
       *[plain] in the
    } { $end_point } (bearing { $end_bearing }°, { $end_height }° up) at { $end_time }. { $brightness }
# The plain description of a pass that cannot be seen. $rise_time, $set_time: when it is
# above the horizon; $why: words-why-*; $peak_*: its highest point (as in words-plain-visible).
words-plain-not-visible = Above the horizon from { $rise_time } to { $set_time } but not visible to the eye ({ $why }); highest { $peak_height }° up in the { $peak_point } (bearing { $peak_bearing }°) at { $peak_time }.

# How bright a magnitude looks, a whole sentence; $level: very-bright / bright / easy /
# faint / very-faint; $mag: the magnitude ("1.8").
words-brightness = { $level ->
        [very-bright] Very bright, brighter than any star
        [bright] Bright, like the brightest stars
        [easy] Easy to see, like a bright star
        [faint] Faint: it needs a dark sky
       *[very-faint] Very faint: binoculars help
    } (magnitude { $mag }).
# The same in a few words, for alerts; $level as in words-brightness.
words-brightness-short = { $level ->
        [very-bright] very bright
        [bright] bright
        [easy] easy to see
        [faint] faint, needs a dark sky
       *[very-faint] very faint, binoculars help
    }
# A pass without a standard magnitude, a whole sentence of the plain description.
words-brightness-unknown = Brightness unknown (no standard magnitude for it).

# Where to look for a visible pass, for alerts and notifications; variables as in
# words-plain-visible; $brightness: words-seen-brightness or words-seen-brightness-unknown.
words-seen = Look { $start_point } (bearing { $start_bearing }°, { $start_height }° up) at { $start_time }; highest { $peak_height }° up in the { $peak_point }; { $vanishes ->
        [sets] sets
        [shadow] fades into Earth's shadow
       *[dawn] is lost in the dawn
    } at { $end_time }. { $brightness }
# The brightness in an alert; $mag the magnitude, $short words-brightness-short.
words-seen-brightness = Magnitude { $mag }, { $short }.
words-seen-brightness-unknown = Brightness unknown.

# An alert for a pass that starts soon: $sat the satellite's name, $until how long until
# it appears ("4 min 10 s"), $directions words-seen (first letter in lower case in English).
words-alert = { $sat } in { $until }: { $directions }
# An alert for a pass that cannot be seen: $sat, $until as in words-alert.
words-alert-rises = { $sat } rises in { $until }.

# Where the observer stands: $lat, $lon degrees ("37.5665"), $ns: n / s, $ew: e / w,
# $alt metres ("38").
words-coordinates = { $lat }° { $ns ->
        [n] N
       *[s] S
    }, { $lon }° { $ew ->
        [e] E
       *[w] W
    }, { $alt } m

# The Moon near a visible pass: $lit percent lit ("78"), $deg degrees from the path ("15").
words-moon-near = Bright Moon ({ $lit }% lit) { $deg }° from the path.

# Limiting-magnitude presets (the faintest star the sky shows), in the settings.
words-sky-city = City (mag 3)
words-sky-suburb = Suburb (mag 4)
words-sky-dark = Dark site (mag 5.5)
words-sky-binoculars = Binoculars (mag 7.5)

# The calendar event's title: $sat the name, $height degrees, $point the compass point
# of the highest point, $visibility words-event-visibility.
words-event-summary = { $sat } pass, max { $height }° { $point } ({ $visibility })
# The visibility in the calendar event's title: $state faint (visible but fainter than the
# sky allows) / visible / unknown (visible, brightness unknown) / hidden (not visible);
# $mag the magnitude; $why words-why-* (or empty).
words-event-visibility = { $state ->
        [faint] visible, magnitude { $mag }: too faint for the naked eye here
        [visible] visible, magnitude { $mag }
        [unknown] visible, brightness unknown
       *[hidden] not visible: { $why }
    }
# One line of the calendar event's description: $label words-event-*, $time the time,
# $look words-look, $range_km kilometres ("1234").
words-event-point = { $label } { $time }: { $look }, range { $range_km } km
words-event-appears = Appears
words-event-highest-seen = Highest while visible
words-event-vanishes = Vanishes
words-event-rise = Rise
words-event-highest = Highest
words-event-set = Set
# The last line of the calendar event's description: $age_days the elements' age ("2.4"),
# never negative: $when is "old", or "after" when the elements are newer than the pass;
# $timing the timing uncertainty ("±12 s", words-plus-minus), $lat, $lon the observer ("37.5665").
words-event-elements = Elements { $when ->
        [after] { $age_days } days newer than the pass
       *[old] { $age_days } days old
    } (timing { $timing }, estimate). Observer { $lat }, { $lon }.

## Clocks and dates (timefmt).
# The choices of which clock times are shown in (settings menu).
words-time-observer = Observer's time
words-time-computer = This computer's time
words-time-utc = UTC
# The zone label when times are this computer's: $offset like "+09:00".
words-zone-computer = computer's time (UTC{ $offset })
# Short weekday names, $day 1 (Monday) to 7 (Sunday).
words-weekday = { $day ->
        [1] Mon
        [2] Tue
        [3] Wed
        [4] Thu
        [5] Fri
        [6] Sat
       *[7] Sun
    }
# Short month names, $month 1 to 12.
words-month = { $month ->
        [1] Jan
        [2] Feb
        [3] Mar
        [4] Apr
        [5] May
        [6] Jun
        [7] Jul
        [8] Aug
        [9] Sep
        [10] Oct
        [11] Nov
       *[12] Dec
    }
# The day of the month in a date: $day_num 1 to 31 ("05" in English).
words-day = { $day_num ->
        [1] 01
        [2] 02
        [3] 03
        [4] 04
        [5] 05
        [6] 06
        [7] 07
        [8] 08
        [9] 09
       *[other] { $day_num }
    }
# A date ("Sat 22 Aug"): $weekday words-weekday, $day words-day, $month_name words-month.
words-date = { $weekday } { $day } { $month_name }
# A date with year and time ("Sat 22 Aug 2026 21:14:05"): as words-date, with $year and
# $time ("21:14:05").
words-date-time = { $weekday } { $day } { $month_name } { $year } { $time }
# A countdown: $unit days / hours / minutes / seconds (the largest), $d, $h numbers, $m, $s
# two-digit minutes and seconds ("05"), except $s alone, which is plain ("12 s").
words-countdown = { $unit ->
        [days] { $d } d { $h } h
        [hours] { $h } h { $m } min
        [minutes] { $m_num } min { $s } s
       *[seconds] { $s_num } s
    }
# A date with the year ("Sat 22 Aug 2026"), variables as in words-date with $year.
words-date-year = { $weekday } { $day } { $month_name } { $year }

## The printable handout (one A4 page).
# The page's title: $place the place's name.
words-handout-title = Satellites over { $place }
# Under the title, for --tonight: $date ("Sat 22 Aug 2026"), $from, $to times ("19:43"),
# $zone the time zone's label, $limit the Sun's elevation in degrees ("-6").
words-handout-night = Night of { $date }: dark from { $from } to { $to } ({ $zone }), Sun below { $limit }°
# Under the title, for --days: $from, $to date and time, $zone.
words-handout-window = From { $from } to { $to } ({ $zone })
# The table's headings (monospaced, 20 columns each; Mag 5).
words-handout-col-satellite = Satellite
words-handout-col-appears = Appears
words-handout-col-highest = Highest
words-handout-col-vanishes = Vanishes
words-handout-col-mag = Mag
# Under the three point headings: a cell reads "21:39 NNE  17° 32°" (time, compass point,
# bearing, height).
words-handout-col-point = time  dir bear. up
# A magnitude too faint for the sky: $mag ("5.2").
words-handout-faint = { $mag } faint
# Under each row: $date ("Sat 22 Aug"), $appears words-appears-short, $vanishes words-vanishes-short.
words-handout-row-note = { $date }: { $appears }, then { $vanishes }
words-handout-none = No visible pass of the chosen satellites in this window.
words-handout-no-chart = No pass bright enough to draw tonight.
# Over the chart: $sat the name, $date ("Sat 22 Aug"), $time ("21:39").
words-handout-best = Best pass: { $sat }, { $date } { $time }
# Marks on the chart's path.
words-handout-mark-appears = appears
words-handout-mark-highest = highest
words-handout-mark-fades = fades (shadow)
words-handout-mark-vanishes = vanishes
# Beside the chart, under the directions.
words-handout-legend = How to read the chart: lie on your back with your head to the north. The centre is straight overhead, the rim is the horizon; east is on the left. The path is solid where the satellite is lit by the Sun, dashed where it is in Earth's shadow. A fist at arm's length is about 10°.
# The foot of the page: $data words-handout-data, $version the program's version, $made
# when the page was made ("2026-08-22 12:00"), $zone the time zone's label.
words-handout-foot = { $data } Made with Overhead { $version } on { $made } UTC. Times in { $zone }. Predictions from public orbital elements: check them again on the day.
# Where the elements came from: $source words-handout-source, $epoch the oldest element
# epoch ("2026-08-22 12:00 UTC"), $days how many days before the page was made ("3").
words-handout-data = Orbital elements: { $source }, oldest epoch { $epoch } ({ $days } days before this page was made).
words-handout-data-plain = Orbital elements: { $source }.
words-handout-source = CelesTrak GP data (US Space Force)

## Identify ("what was that?"): overhead identify and the sky chart's Identify mode.
# When the satellite was nearest the first point, against the time given: $side after /
# before / at, $s whole seconds.
words-identify-when = { $side ->
        [after] { $s } s after the time you gave
        [before] { $s } s before the time you gave
       *[at] at the time you gave
    }
# The same, short, for a table column.
words-identify-when-short = { $side ->
        [after] { $s } s late
        [before] { $s } s early
       *[at] on time
    }
# The way it moved against the way seen: $way same / opposite / off / none (not given),
# $off the angle between them in whole degrees.
words-identify-way-short = { $way ->
        [same] same way ({ $off }° off)
        [opposite] opposite way
        [off] { $off }° off
       *[none] —
    }
# Its angular rate: $rate degrees per second ("1.10"); $compare same / faster (seen faster
# than it moved) / slower / much-faster (three times or more) / much-slower (a third or
# less) / none; $percent the difference in whole per cent.
words-identify-rate-short = { $compare ->
        [same] { $rate }°/s, as seen
        [faster] { $rate }°/s, seen { $percent }% faster
        [slower] { $rate }°/s, seen { $percent }% slower
        [much-faster] { $rate }°/s, seen over three times faster
        [much-slower] { $rate }°/s, seen under a third as fast
       *[none] { $rate }°/s
    }
# Sunlight and brightness: $state mag / unknown / shadow, $mag the magnitude ("-3.1").
words-identify-light-short = { $state ->
        [mag] sunlit, mag { $mag }
        [unknown] sunlit, brightness unknown
       *[shadow] in the Earth's shadow
    }
# The verdict on a candidate: $name the satellite, $miss degrees from the first point
# ("0.8"), $when words-identify-when, $way same / opposite / off / none, $off degrees,
# $light mag / unknown / shadow, $mag the magnitude.
words-identify-verdict = { $name }: passed { $miss }° from there { $when }{ $way ->
        [same] , moving the same way
        [opposite] , moving the opposite way
        [off] , moving { $off }° off the way you saw
       *[none] {""}
    }; { $light ->
        [mag] magnitude { $mag }
        [unknown] brightness unknown
       *[shadow] in the Earth's shadow then, so it cannot have been seen
    }
# No candidate fits; $nearest the nearest miss's words-identify-verdict.
words-identify-nothing-fits = Nothing known fits. The nearest miss: { $nearest }
# No satellite of the catalog was up anywhere near.
words-identify-nothing-up = Nothing known fits: no satellite of the catalog was up near there then.
# A share of the probability under half a per cent.
words-identify-score-small = <1%

## Transits across the Sun and the Moon (issue 24): the command line's table, the
## calendar file and the window.
# The body: $body sun / moon.
words-transit-body = { $body ->
        [sun] Sun
       *[moon] Moon
    }
# A satellite's everyday name: $id its catalog number, $name the name as published.
words-transit-sat = { $id ->
        [25544] the ISS
        [48274] Tiangong
       *[other] { $name }
    }
# A point with no town near it: $lat, $lon degrees ("51.77"), $ns n / s, $ew e / w.
words-transit-coordinates = { $lat }° { $ns ->
        [n] N
       *[s] S
    }, { $lon }° { $ew ->
        [e] E
       *[w] W
    }
# The one sentence about a transit: $body sun / moon, $sat words-transit-sat, $when the
# date and time ("Sat 5 Sep 14:02:13"), $here yes when the centre line passes within half
# a kilometre of the observer, $place the nearest town or words-transit-coordinates, $km
# the distance ("21", "2.4"), $point a compass point ("N"), $duration seconds the
# satellite is on the disc there ("0.52"), $seen words-transit-place.
words-transit-sentence = { $body ->
        [sun] Sun
       *[moon] Moon
    } transit by { $sat }, { $when } { $here ->
        [yes] right where you are
       *[no] at { $place }, { $km } km { $point } of you
    } ({ $duration } s); { $seen }
# What the observer's own place sees: $state transit / near / miss / below, $body sun /
# moon, $sep the least separation in degrees ("0.31"), $duration seconds on the disc.
words-transit-place = { $state ->
        [transit] from where you are it crosses the { $body ->
            [sun] Sun
           *[moon] Moon
        }'s disc { $sep }° from its centre, for { $duration } s: a transit here!
        [near] from where you are it passes { $sep }° from the { $body ->
            [sun] Sun
           *[moon] Moon
        }'s centre: a near miss here.
        [miss] from where you are it passes { $sep }° from the { $body ->
            [sun] Sun
           *[moon] Moon
        }'s centre.
       *[below] from where you are the { $body ->
            [sun] Sun
           *[moon] Moon
        } is below the horizon.
    }
# The details: $width the strip's width in km, $body, $height the body's height in degrees
# at the observer, $point its compass point, $bearing its bearing, $sat
# words-transit-sat, $range km, $sized yes / no, $size the satellite's size in arcseconds.
words-transit-details = The strip where it crosses the disc is { $width } km wide. The { $body ->
        [sun] Sun
       *[moon] Moon
    } is { $height }° up in the { $point } (bearing { $bearing }°); { $sat } is { $range } km away{ $sized ->
        [yes] , { $size }″ across.
       *[no] .
    }
# $when old / after (elements newer than the event), $age the elements' age in days ("0.3"),
# $plus_minus words-plus-minus ("±19 s": the 90 % bound of the timing model, issue 26).
words-transit-elements = { $when ->
        [after] Elements { $age } days after the time shown
       *[old] Elements { $age } days old
    }: the time may be off by { $plus_minus } (nine times in ten it is closer), and the line moves along the track with it. Check the prediction again the day before, with fresh elements.
words-transit-solar-filter = Never look at the Sun, even for a moment, without a certified solar filter over the front of your telescope, binoculars or camera lens.
# A calendar event's or an alert's title: $body, $sat, $here yes / no, $km, $point, $time
# ("14:02:13").
words-transit-summary = { $body ->
        [sun] Sun
       *[moon] Moon
    } transit by { $sat }{ $here ->
        [yes] {""} right where you are
       *[no] , { $km } km { $point } of you
    }, { $time }


## Issue 22: standard magnitudes as estimates, and the three-way verdict (report/magnitude_words.rs).
# A predicted magnitude's one-sigma range; $low and $high are magnitudes ("5.5").
words-mag-range = { $low }–{ $high }
# What a standard magnitude was estimated from; $key: a family, qs-mag, radar-size or a
# notable measurement; any other key is shown as it is.
words-mag-basis = { $key ->
        [starlink-original] original Starlink photometry
        [starlink-visorsat] Starlink VisorSat photometry
        [starlink-v1-5] Starlink v1.5 photometry
        [starlink-v1-5-polar] Starlink v1.5 photometry
        [starlink-v2-mini] Starlink v2 Mini photometry
        [starlink-v2-mini-low] Starlink v2 Mini photometry (before brightness mitigation)
        [starlink-dtc] Starlink direct-to-cell photometry
        [starlink-dtc-early] Starlink direct-to-cell photometry (early 2024)
        [oneweb] OneWeb photometry
        [kuiper] Amazon Kuiper photometry
        [qianfan] Qianfan photometry
        [guowang] Guowang photometry
        [bluebird] BlueBird photometry
        [bluewalker-3] BlueWalker 3 photometry
        [tiangong-visual] one visual estimate of Tiangong
        [qs-mag] McCants' observed standard magnitude
        [radar-size] its radar cross-section
        [mass-size] its launch mass
        [sibling-size] its sister satellites of the same programme
       *[other] { $key }
    }
# An estimated magnitude: $range words-mag-range, $basis words-mag-basis, $flare yes/no.
words-mag-estimated = about { $range }, estimated from { $basis }{ $flare ->
        [yes] ; may flare
       *[no] {""}
    }
# A magnitude measured for the satellite itself: $mag ("1.8"), $flare yes/no.
words-mag-measured = magnitude { $mag }{ $flare ->
        [yes] ; may flare
       *[no] {""}
    }
# The hover on a magnitude: $value and $sigma the standard magnitude and its one sigma,
# $source measured/family/size, $basis words-mag-basis, $citation the source as published.
words-mag-hover = Standard magnitude { $value } ± { $sigma } (at 1000 km, half lit), { $source ->
        [measured] measured for this satellite
        [family] from its family: { $basis }
       *[size] from its size: { $basis }
    }. Source: { $citation }
# Whether a pass is bright enough for the sky: $state yes / perhaps (within a sigma, on the
# bright side) / probably-not (within a sigma, on the faint side) / no; $sky city / suburb /
# dark / binoculars; $binoculars will / may / no (whether binoculars show it).
words-verdict = { $state ->
        [yes] bright enough for { $sky ->
            [city] a city sky
            [suburb] a suburban sky
            [dark] a dark sky
           *[binoculars] binoculars
        }
        [perhaps] perhaps visible { $sky ->
            [city] in a city sky
            [suburb] in a suburban sky
            [dark] under a dark sky
           *[binoculars] in binoculars
        }, near its limit{ $binoculars ->
            [will] ; binoculars will show it
            [may] ; binoculars may show it
           *[no] {""}
        }
        [probably-not] probably too faint for { $sky ->
            [city] a city sky
            [suburb] a suburban sky
            [dark] a dark sky
           *[binoculars] binoculars
        }{ $binoculars ->
            [will] ; binoculars will show it
            [may] ; binoculars may show it
           *[no] {""}
        }
       *[no] too faint for { $sky ->
            [city] a city sky
            [suburb] a suburban sky
            [dark] a dark sky
           *[binoculars] binoculars
        }
    }
# The table's "Eye" column.
words-verdict-cell-yes = yes
words-verdict-cell-maybe = maybe
words-verdict-cell-no = faint
# A whole sentence of brightness for an estimated magnitude (plain description, handout):
# $level as words-brightness, $estimated words-mag-estimated.
words-brightness-estimated = { $level ->
        [very-bright] Very bright
        [bright] Bright
        [easy] Easy to see
        [faint] Faint: it needs a dark sky
       *[very-faint] Very faint: binoculars help
    } ({ $estimated }).
# The brightness in an alert for an estimated magnitude: $estimated words-mag-estimated,
# $short words-brightness-short.
words-seen-brightness-estimated = Magnitude { $estimated }, { $short }.
# The visibility in a calendar event's title when the verdict is maybe: $mag words-mag-range.
words-event-visibility-maybe = visible, magnitude about { $mag }: near the limit of the naked eye here
# The handout's magnitude within a sigma of the sky's limit: $mag "4.2" or "3.5–5.0".
words-handout-maybe = { $mag }?
# The note under a handout row with an estimated magnitude: $note words-handout-row-note,
# $magnitude words-mag-estimated or words-mag-measured.
words-handout-row-note-magnitude = { $note }; { $magnitude }

## The first evening (issue 20): ready lists, and satellites with nothing to see (src/report/outlook.rs)

# Names of the ready lists of satellites (src/catalog/lists.rs), in the picker.
words-list-famous = Famous and bright
words-list-korean-recon = Korean reconnaissance satellites
# The search window in a sentence: $kind is tonight, days or hours; $count how many.
words-unseen-window = { $kind ->
        [tonight] tonight
        [days] in these { $count } days
       *[hours] { $count ->
            [one] in this hour
           *[other] in these { $count } hours
        }
    }
# A satellite asked for with no pass to see in the window, and its next one: $sat its name,
# $window words-unseen-window, $date and $time where it appears ("Tue 01 Sep", "21:12"),
# $dir the compass point it appears in ("NNW"), $height its highest while seen, degrees.
words-unseen-next = { $sat }: no visible pass { $window }; next visible { $date } { $time } (from the { $dir }, { $height }° up)
# No search ahead was made (a long list).
words-unseen-plain = { $sat }: no visible pass { $window }
# It rises, but no pass to see in the window nor in the $days days after.
words-unseen-none = { $sat }: no visible pass { $window }, nor in the { $days } days after (its passes are in daylight, in Earth's shadow or too faint)
# It never got above the horizon, in the window nor in the $days days after.
words-unseen-never-rises = { $sat }: never rises here (not in the next { $days } days either)

## The first evening (issue 20): the handout accounts for every satellite and pass

# Under the first page's table when it holds only the brightest passes: $shown of $count.
words-handout-brightest-of = The { $shown } brightest of { $count } visible passes, in time order; the next page lists all of them.
# The heading of the pages after the first: $place the place's name, $count the passes.
words-handout-all-passes = All { $count } visible passes over { $place }, in time order
# After the foot of a handout of several pages: $page of $pages.
words-handout-page = Page { $page } of { $pages }.
# The last line of the first page's lines for satellites with nothing to see, when more
# than fit: $count more, listed at the end.
words-handout-unseen-more = … and { $count ->
        [one] one more satellite
       *[other] { $count } more satellites
    } with no visible pass in this window, listed at the end of this handout.
# The heading of a last page that lists only the satellites with nothing to see.
words-handout-unseen-heading = Satellites with no visible pass in this window

## Times people trust (issue 20): how uncertain a time is
# A time's uncertainty ("±45 s", "±17 min", "±3 h"): $unit is seconds, minutes or hours,
# $n the whole number.
words-plus-minus = { $unit ->
        [seconds] ±{ $n } s
        [minutes] ±{ $n } min
       *[hours] ±{ $n } h
    }


## The ± beside a pass's times (issue 26; words-plus-minus above).
# Under a row of the handout's table once its times are uncertain by more than a few
# seconds: $note words-handout-row-note, $plus_minus words-plus-minus ("±12 s").
words-handout-row-note-timing = { $note }; times { $plus_minus }
