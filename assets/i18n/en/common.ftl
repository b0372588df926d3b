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
