# Overhead — Korean.
# Messages for the command line's human output (tables, messages, --help is not translated).
# Keys are shared by every language (a test checks); see README.md "Adding a language".


## overhead passes: 표.
cli-passes-title = { $start } ~ { $end } 통과 목록. 표의 시각은 { $zone } 기준, 맨눈 한계 { $limit }등급
cli-col-appears = 나타남
cli-col-highest-seen = 보이는 동안 최고점
cli-col-vanishes = 사라짐
cli-col-above = 지평선 위
cli-col-date = 날짜
cli-col-satellite = 위성
cli-col-point = 시각      고도 방향
cli-col-how = 어떻게
cli-col-mag = 밝기
cli-col-eye = 맨눈
cli-col-horizon = 뜸–짐, 최고 고도
cli-col-age = 자료(일)
cli-eye-yes = 보임
cli-eye-faint = 희미
cli-not-visible = 보이지 않음: { $why }
cli-no-passes = 이 기간에는 통과가 없어요.
cli-stopped = 계산 멈춤: { $error }
cli-always-above = 늘 지평선 위에 있어요(뜨고 지지 않아요)
cli-never-above = 이 기간에는 지평선 위로 올라오지 않아요
cli-faint-passes = 보이는 통과 중 { $count }번은 { $limit }등급보다 희미해서 여기서는 맨눈으로 보기 어려워요.
cli-unknown-brightness = 보이는 통과 중 { $count }번은 밝기를 알 수 없어요(표준 등급이 없어서 ?로 표시했어요).
cli-summary-join = {" "}
cli-summary-end = {""}

## overhead passes: 오류 출력(stderr) 메시지.
cli-warning = 경고: { $message }
cli-using = { $origin ->
        [cache] 저장해 둔 CelesTrak 자료를 써요(없는 위성은 내장 자료로).
       *[bundled] 프로그램에 들어 있는 자료를 써요(새로 받으려면 `overhead fetch`).
    } { $message }
cli-no-elements = 궤도 자료가 없어요: 저장된 자료가 없고 내장 자료를 읽을 수 없어요
cli-skipped = { $file }: 건너뜀 { $warning }
cli-stale = 궤도 자료 { $total }개 중 { $stale }개가 이 기간과 { $days }일 넘게 떨어져 있어요(가장 먼 것: { $name } ({ $id }), 기준 시각 { $epoch }, 이 기간보다 { $far }일 { $side ->
        [after] 뒤
       *[before] 앞
    }). 시각이 몇 분 넘게 틀릴 수 있으니 새 자료를 받으세요
cli-choose-satellites = --sat NORAD, --name TEXT 또는 --all로 위성을 고르세요
cli-satellite-missing = { $id }번 위성은 궤도 자료에 없어요
cli-none-chosen = 고른 위성이 궤도 자료에 하나도 없어요
cli-cannot-write = 결과를 쓸 수 없어요
cli-none-searched = 찾아본 위성이 없어요: 이 기간이 모든 궤도 자료의 기준 시각에서 { $days }일 넘게 떨어져 있어요
cli-bad-tz = --tz { $name }: IANA 시간대 이름이 아니에요(예: Asia/Seoul)
cli-bad-start = --start { $text }: 2026-08-22T18:00:00Z 같은 RFC 3339 시각이 아니에요
cli-too-late = --start { $start }에 { $days }일을 더하면 이 프로그램이 다룰 수 있는 마지막 날짜를 넘어요
cli-polar-night = 극야예요: 해의 고도가 하루 종일 { $limit }°보다 낮아요. { $from }부터 24시간을 찾아요
cli-never-dark = 오늘 밤 이곳은 하늘이 어두워지지 않아요. { $from }부터 { $until }까지 해의 고도가 { $limit }°보다 높아서, 어두운 하늘에서 위성을 볼 수 없어요.
cli-more-not-searched = 같은 이유로 위성 { $count }개를 더 찾지 않았어요

## overhead sky: 표.
cli-sky-title = { $time } UTC, { $ns ->
        [n] 북위
       *[s] 남위
    } { $lat }° { $ew ->
        [e] 동경
       *[w] 서경
    } { $lon }°(높이 { $alt } m)의 하늘: { $daylight }
cli-sky-daylight = { $state ->
        [day] 낮
        [civil] 시민 박명
        [nautical] 항해 박명
        [astronomical] 천문 박명
       *[night] 밤
    }
cli-sky-directions = 방향: 16방위와 진북에서 잰 방위각, 지평선에서 잰 고도(대기 굴절 없음).
cli-sky-up = { $bearing }  고도 { $deg }°
cli-sky-below = { $bearing }  지평선 아래 { $deg }°
cli-sky-sun = 해
cli-sky-moon = 달
cli-sky-moon-phase = ({ $lit }% 빛남, { $waxing ->
        [yes] 차는 달
       *[no] 기우는 달
    })
cli-sky-planets = 행성
cli-sky-planet = { $name ->
        [Mercury] 수성
        [Venus] 금성
        [Mars] 화성
        [Jupiter] 목성
        [Saturn] 토성
       *[other] { $name }
    }
cli-sky-mag = { $mag }등급
cli-sky-stars = 지평선 위의 별 (목록의 { $total }개 중 { $up }개; 나머지는 지평선 아래)
cli-bad-time = --time { $text }: 2026-08-22T12:00:00Z 같은 RFC 3339 시각이 아니에요

## overhead fetch, overhead handout: 오류 출력 메시지.
cli-default-settings = { $error }; 기본 설정을 사용해요
cli-not-modified-no-copy = 경고: { $source }: 서버는 바뀐 것이 없다고 하지만 저장된 사본이 없어요
cli-cannot-write-file = { $file } 파일에 쓸 수 없어요
cli-handout-wrote = 수업 자료를 만들었어요: { $file } (보이는 통과 { $count }번)
cli-handout-wrote-chart = 수업 자료를 만들었어요: { $file } (보이는 통과 { $count }번, 하늘 지도: { $sat })

## 쓸 수 없는 인수(오류 출력).
cli-unit = { $unit ->
        [degrees] 도
        [metres] 미터
        [days] 일
        [seconds] 초
        [km] km
       *[other] 겉보기 등급
    }
cli-range = { $kind ->
        [open] { $min }보다 크고 { $max } 이하({ $unit })
       *[closed] { $min }부터 { $max }까지({ $unit })
    }
cli-arg-out-of-range = { $arg } { $value }: { $finite ->
        [yes] 범위를 벗어났어요
       *[no] 유한한 수가 아니에요
    }. { $range }여야 해요
cli-arg-whole-out-of-range = { $arg } { $value }: 범위를 벗어났어요. { $min }부터 { $max }까지여야 해요
cli-arg-empty = { $arg }: 비어 있어요. 값을 넣어 주세요

## overhead identify ("방금 그건 뭐였지?").
cli-identify-where = { $point } { $bearing }°, 높이 { $height }°
cli-identify-then = ; { $s }초 뒤 { $where_ }
cli-identify-toward = ; { $where_ } 쪽으로 감
cli-identify-seen-magnitude = ; { $mag }등급쯤으로 보였음
cli-identify-sighting = { $place }에서 { $time }에 봄(앞뒤 { $tolerance }초): { $where_ }{ $motion }{ $magnitude }.
cli-identify-list = { $fits ->
        [yes] 후보, 잘 맞는 순서 (위성 { $tried }개를 살펴봄):
       *[no] 가장 가까웠던 위성 (위성 { $tried }개를 살펴봄; 맞는 것 없음):
    }
cli-identify-col-chance = 가능성
cli-identify-col-satellite = 위성
cli-identify-col-when = 시각
cli-identify-col-miss = 떨어진 거리
cli-identify-col-way = 움직인 방향
cli-identify-col-speed = 빠르기
cli-identify-col-where = 그때 위치
cli-identify-col-light = 햇빛
cli-identify-bad-place = { $arg } { $text }: 120,35 같은 "방위각,고도"(도)도, 별·행성·달의 이름도 아니에요
cli-identify-unknown-name = { $arg } { $name }: 그런 이름의 별, 행성, 달이 없어요{ $has_near ->
        [yes] . 혹시 { $near } 중 하나인가요?
       *[no] {""}
    }
cli-identify-below-horizon = { $arg } { $name }: 그때 지평선 아래 { $deg }°에 있었어요
cli-identify-same-place = --at과 --to가 같은 곳이에요. 움직여 간 곳을 주거나 --to를 빼 주세요
cli-identify-none-searched = 살펴본 위성이 없어요: --time이 모든 궤도 요소의 기준 시각에서 { $days }일 넘게 떨어져 있어요
cli-identify-together = { $name }은(는) { $others }와(과) 함께 날아요(빛 하나).
cli-sky-satellites = 지평선 위에서 햇빛을 받고 있고 { $limit }등급보다 밝을 수 있는 위성 ({ $count }개; 표준 등급을 아는 것만)

## overhead transits(이슈 24): 표(표준 출력).
cli-transits-title = { $start }부터 { $end }까지({ $zone }) 중심선이 { $place }에서 { $radius } km 안으로 지나가는 해·달 통과
cli-transits-none = 이 기간에는 없어요. { $radius } km 안으로 지나가는 중심선도, 지금 있는 곳에서 원반을 가로지르는 통과도 없어요.

## 이슈 22: 하늘 한계 등급의 1시그마 안에 있는 통과.
cli-maybe-passes = 보이는 통과 { $count }건은 추정 오차 안에서 { $limit }등급 언저리예요(아마도: 쌍안경이 도움이 돼요)

## 이슈 25: 건너뛴 레코드 개수, 기다리는 내려받기(오류 출력).
cli-skipped-more = { $file }: 쓸 수 없는 레코드 { $count }개를 더 건너뛰었어요(모두 { $total }개)
cli-offline-using = { $offline }. { $date } 자료를 써요.

## 이슈 25: 수업 자료를 쓸 곳(오류 출력).
output-stdout = 표준 출력
output-refused = { $path }에 쓸 수 없어요: { $kind ->
        [directory] 폴더예요. 그 안의 파일 이름을 주세요
        [block-device] 블록 장치(디스크)라서 덮어쓰지 않아요
        [socket] 소켓이에요
        [slash] /로 끝나서 폴더를 가리켜요. 파일 이름을 주세요
       *[terminal] 터미널이에요. 출력을 돌리거나(--out - > handout.pdf) 파일 이름을 주세요
    }
output-failed = { $path }에 쓸 수 없어요: { $error }
cli-chart-sat-no-pass = --chart-sat { $id } ({ $name })는 이 기간에 보이는 통과가 없어서 하늘 지도로 그릴 수 없어요. --chart-sat을 빼면 가장 좋은 통과를 그려요
cli-chart-sat-not-chosen = --chart-sat { $id }는 고른 위성이 아니에요. --sat { $id }로도 골라 주세요
cli-sky-planets-omitted = 표시하지 않아요: 행성 궤도 요소는 { $first }년부터 { $last }년까지만 맞고, 그 밖으로 멀어지면 행성 위치가 몇 도씩 틀려요(서기 500년이면 토성이 8–11°)
cli-stopped-reading = { $file }: 쓸 수 없는 레코드가 { $count }개 이어져서 읽기를 멈췄어요. 파일의 나머지는 읽지 않았어요

## The first evening (issue 20): `--name` finds what people type (src/cli/passes.rs)

cli-name-exact = --name "{ $text }": { $chosen }만 골랐어요. 이 글자가 들어간 이름이 { $others }개 더 있어요 (함께 고르려면 이름 전체를 쓰거나 --sat을 쓰세요)

## A place by name (--city)
# $name: what was given, quoted.
cli-unknown-city = --city { $name }: 들어 있는 도시 목록에서 찾을 수 없어요. 다른 철자나 "이름, 나라"로 써 보거나 --lat와 --lon을 주세요
