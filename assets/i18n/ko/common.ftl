# Overhead — Korean.
# Messages shared across the window and the command line.
# Keys are shared by every language (a test checks); see README.md "Adding a language".

language-name = 한국어
test-greeting = 안녕하세요, { $name }!
## How old the elements are (the window's top bar, the command line's warnings)

data-age-date = { $year }년 { $month_name } { $day }일
data-age-month-name = { $month }월
data-age-less-than-a-day = 하루가 안 됨
data-age-days-old = { $days }일 지남
data-age-days-after = 보이는 시각보다 { $days }일 뒤
data-age-after-clock = 컴퓨터 시계보다 나중 날짜예요. 시계를 확인해 주세요
data-age = 궤도 자료: { $date } ({ $age }).
data-age-stale = 궤도 자료: { $date } ({ $age }). 오늘 통과 시각이 몇 분 넘게 틀릴 수 있어요.
data-age-after-stale = 궤도 자료: { $date } ({ $age }). 통과 시각이 몇 분 넘게 틀릴 수 있어요.

