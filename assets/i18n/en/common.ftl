# Overhead — English (the source language).
# Messages shared across the window and the command line.
# Keys are shared by every language (a test checks); see README.md "Adding a language".

## How old the elements are (the window's top bar, the command line's warnings)

# A date: $day, $month_name (data-age-month-name), $year.
data-age-date = { $day } { $month_name } { $year }
# A month's short name, $month 1–12 (in data-age-date).
data-age-month-name =
    { $month ->
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
data-age-less-than-a-day = less than a day old
data-age-days-old =
    { $days ->
        [one] 1 day old
       *[other] { $days } days old
    }
data-age-days-after =
    { $days ->
        [one] 1 day after the time shown
       *[other] { $days } days after the time shown
    }
# Elements dated after the computer's clock (the command line's warning).
data-age-after-clock = dated after the computer's clock; check the clock
# $date is data-age-date, $age one of the data-age-… phrases.
data-age = Elements from { $date } ({ $age }).
data-age-stale = Elements from { $date } ({ $age }): passes today may be off by many minutes.
data-age-after-stale = Elements from { $date } ({ $age }): passes may be off by many minutes.

# The language's own name, in the language menu.
language-name = English
# Used by the translation system's own tests.
test-greeting = Hello, { $name }!

## Issue 25 (hostile input, second round) and issue 20 (offline is a normal state):
## downloads, proxies and element files, for the window and the command line alike.

# No network at all: $host the server that could not be reached (celestrak.org).
catalog-offline = No internet connection: could not reach { $host }
# Why a host could not be reached, for the details (after "celestrak.org: ").
catalog-why-dns = the name could not be resolved (no DNS answer)
catalog-why-refused = the connection was refused
catalog-why-no-route = no route to the host
catalog-why-no-network = the network is unreachable
# $seconds the connection time limit.
catalog-why-no-answer = no answer to the connection within { $seconds } s
# A proxy variable that is not a proxy address: $name (HTTP_PROXY), $value as set
# (without any password), $why what is wrong.
catalog-proxy-malformed = { $name } is set to "{ $value }", which is not a usable proxy address ({ $why }); downloads go without it
# $scheme the proxy URL's scheme (socks5).
catalog-proxy-scheme = only http:// and https:// proxies are supported, not { $scheme }://
catalog-proxy-no-host = it names no host
# The proxy could not be used: $proxy host:port, $why what happened, $url what was asked.
catalog-proxy-unreachable = the proxy { $proxy } could not be used: { $why } (check HTTP_PROXY / HTTPS_PROXY; asked for { $url })
# A server dripping its answer: $url, $rate bytes per second ("1 B"), $received so far,
# $expected the announced length or "none", $elapsed seconds.
catalog-too-slow = { $url } sent only { $received } in { $elapsed } s ({ $rate }/s){ $expected ->
        [none] {""}
       *[other] {" "}of { $expected }
    }: at that rate it cannot finish in time, so the download was given up
# The request failed while Overhead itself was paused: $error what it came to, $paused seconds.
catalog-paused = { $error } (Overhead was paused for { $paused } s meanwhile, stopped or asleep, so the server is not blamed and no wait is imposed)
# An answer that is mostly not element data: $url, $skipped of $records records unusable,
# $first the first one and why.
catalog-mostly-junk = { $url } is mostly not element data ({ $skipped } of { $records } records unusable; first: { $first }); refused
# Cached data an older version kept: $skipped of $records records unusable.
catalog-cached-mostly-junk = the cached data is mostly unusable ({ $skipped } of { $records } records); refresh or remove this source
# Another process holds a source's lock but has stopped moving: $pid its process id, $silent seconds.
catalog-lock-holder-silent = another Overhead process (pid { $pid }) is refreshing this source but has not moved for { $silent } s (stopped or asleep?); not waiting for it
# More satellites than are kept: $limit, $left_out how many were left out.
catalog-too-many-satellites = more than { $limit } satellites: the first { $limit } are kept, { $left_out } left out
# Waiting for another process's download of the same source: $source its label.
catalog-waiting-for-other = another Overhead is downloading { $source }; waiting
# A download in progress: $source, $received so far ("1.2 MB"), $expected the announced
# length or "none", $seconds since it began.
catalog-progress = { $source }: { $received }{ $expected ->
        [none] {""}
       *[other] {" "}of { $expected }
    } after { $seconds } s
