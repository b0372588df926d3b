# Overhead — Korean.
# Messages for the window's panels: passes table, sky chart, live panel, location, picker, clock bar.
# Keys are shared by every language (a test checks); see README.md "Adding a language".

## Pass table: the line of switches above it (src/ui/passes_panel/filters.rs)

panels-passes-heading = 통과 목록
panels-which-chosen = 고른 위성
panels-which-bright = 밝은 위성 모두
panels-visible-only = 보이는 것만
panels-visible-only-hover = 맨눈으로 볼 수 있는 통과만 보여 줘요: 햇빛을 받고, 하늘이 어둡고, 충분히 높고, 우리 하늘에서 보일 만큼 밝은 것
panels-sky = 하늘
panels-sky-hover = 우리 하늘에서 보이는 가장 어두운 별의 밝기(한계 등급)
panels-sky-custom = 직접 입력 ({ $mag }등급)
panels-mag-prefix = { "" }
panels-mag-suffix = 등급
panels-mag-field-hover = 한계 등급: 직접 입력하세요
panels-min-elevation = 최저 고도
panels-window = 기간
panels-window-tonight = 오늘 밤
panels-window-hours = 앞으로 { $hours }시간
panels-window-days =
    { $days ->
        [1] 앞으로 24시간
       *[other] 앞으로 { $days }일
    }
panels-columns-seen = 보이는 동안
panels-columns-seen-hover = 나타나는 곳, 보이는 동안 가장 높은 곳, 사라지는 곳
panels-columns-horizon = 지평선 기준
panels-columns-horizon-hover = 지평선 위로 뜸, 최고점, 짐 (무선 교신용)
panels-searching = 찾는 중… 위성 { $done }/{ $total }

## Pass table: the summary line and the empty states (src/ui/passes_panel/mod.rs)

panels-no-passes-yet = 아직 통과가 없어요.
panels-summary = { $start } ~ { $end } ({ $zone }): { $count ->
        [0] 통과 없음
       *[other] 통과 { $count }번
    }
panels-summary-hidden = , 그중 { $count }번은 숨김 (안 보이거나 너무 희미함)
panels-unknown-brightness = 밝기를 모르는 통과 { $count }번 (?)
panels-unknown-brightness-hover = 이 위성들은 표준 밝기가 알려져 있지 않아서 얼마나 밝게 보일지 알 수 없어요. 너무 어두워서 안 보일 수도 있어요.
panels-export-csv = CSV 저장
panels-export-csv-hover = 표에 나온 줄을 CSV 파일로 저장해요. 엑셀 같은 프로그램에서 열 수 있어요 (시각은 UTC)
panels-export-ics = .ics 저장
panels-export-ics-hover = 표에 나온 줄을 달력 파일로 저장해요 (통과 하나에 일정 하나)
panels-print-handout = 수업 자료 인쇄…
panels-print-handout-hover = 수업에 쓸 한 쪽짜리 PDF예요: 보이는 통과 목록, 그리고 고른 통과(없으면 가장 잘 보이는 통과)의 하늘 지도와 설명
panels-choose-satellites = 왼쪽에서 위성을 고르면 통과가 나와요.
panels-no-passes-in-window = 이 기간에는 통과가 없어요. 기간을 늘리거나 최저 고도를 낮춰 보세요.

## Pass table: column heads (src/ui/passes_panel/columns.rs). Keep them short: the columns are narrow.

panels-col-satellite = 위성
panels-col-date = 날짜
panels-col-time = 시각
panels-col-height = 고도
panels-col-direction = 방향
panels-group-appears = 나타남
panels-group-appears-hover = 처음 보이기 시작하는 때와 곳
panels-group-highest-seen = 최고점 (보이는 동안)
panels-group-highest-seen-hover = 보이는 동안 가장 높이 올라가는 곳
panels-group-vanishes = 사라짐
panels-group-vanishes-hover = 더 이상 안 보이게 되는 때와 곳
panels-col-mag = 밝기
panels-col-mag-hover = 밝기(등급): 숫자가 작을수록 밝아요. 1등급쯤이면 밝은 별만큼 밝아요
panels-col-ends = 끝남
panels-col-ends-hover = 안 보이게 되는 까닭: 짐, 지구 그림자 속으로 들어감, 새벽
panels-group-rise = 뜸
panels-group-rise-hover = 지평선 위로 뜨는 때와 곳
panels-group-highest = 최고점
panels-group-highest-hover = 지평선 위에서 가장 높은 곳
panels-group-set = 짐
panels-group-set-hover = 지평선 아래로 지는 때와 곳
panels-col-duration = 걸린 시간
panels-col-duration-hover = 뜰 때부터 질 때까지
panels-col-visible = 맨눈으로?
panels-col-visible-hover = 맨눈으로 보이는지, 안 보이면 왜 그런지
panels-sort-hover = 이 열로 정렬

## Pass table: the cells (src/ui/passes_panel/cells.rs)

panels-time-how = { $time } ({ $how })
panels-appears-rises = 보이는 높이까지 올라와요
panels-appears-leaves-shadow = 지구 그림자에서 나와요
panels-appears-sky-darkens = 하늘이 충분히 어두워져요
panels-vanishes-sets = 보이는 높이 아래로 내려가요
panels-vanishes-enters-shadow = 지구 그림자 속으로 사라져요
panels-vanishes-sky-brightens = 하늘이 밝아져서 안 보여요
panels-reason-too-low = 너무 낮음
panels-reason-daylight = 낮
panels-reason-earth-shadow = 지구 그림자
panels-not-visible = 안 보임: { $why }
panels-visible = 맨눈으로 보임
panels-visible-no = 안 보임: { $why }
panels-duration-min = { $minutes }분
panels-height-hover = 고도 { $deg }°: { $fists } (팔을 쭉 뻗은 주먹 하나가 약 10°)
panels-direction-hover = 방향: { $words } (북쪽에서 동쪽으로 잰 방위각 { $deg }°)
panels-mag-unknown-hover = 밝기 모름: 이 위성은 표준 밝기가 알려져 있지 않아요
panels-mag-faint = { $mag } 희미함
panels-mag-faint-hover = { $mag }등급: 우리 하늘에서 보이는 한계({ $limit }등급)보다 희미해요. 쌍안경으로 보세요

## Pass table: rows (src/ui/passes_panel/table.rs)

panels-name-hover = { $name } ({ $id }). 누르면 하늘 지도에 나오고, 두 번 누르면 그 시각으로 가요
panels-row-hover = 누르면 하늘 지도에 나오고, 두 번 누르면 그 시각으로 가요

## Sky chart (src/ui/sky_chart/)

panels-chart-heading = 하늘 지도: { $sat }
panels-sky-now = 지금 하늘
panels-none-up = 떠 있는 것이 없어요. 고른 위성도, 햇빛을 받아 { $limit }등급보다 밝을 수 있는 위성도 없어요.
panels-up-now = 지금 떠 있음: { $names }
panels-now-caption = { $time } ({ $zone })의 하늘이에요. 고른 위성과, 햇빛을 받아 { $limit }등급보다 밝을 수 있는 위성(밝기를 아는 것만)이 지난 { $minutes }분 동안 지나온 길을 보여 줘요.
panels-stars-to-mag = 별 밝기 한계
panels-constellations = 별자리
panels-dark-site = 어두운 곳 (은하수)
panels-remove-binocular = 쌍안경 원 지우기
panels-binocular-hint = 지도를 누르면 쌍안경 시야(7°)가 그려져요.
panels-click-a-pass = 목록에서 통과를 누르면 여기에 그려져요.
panels-chart-caption = 시각은 { $zone } 기준. 실선: 햇빛을 받는 구간, 점선: 지구 그림자 속.
panels-mark-rise = 뜸
panels-mark-set = 짐
panels-mark-appears = 나타남
panels-mark-fades = 그림자 속으로
panels-mark-vanishes = 사라짐
panels-mark-highest = 최고 { $deg }°
panels-mark-highest-brightest = 최고 { $deg }°, 가장 밝음 ({ $mag }등급)
panels-mark-brightest = 가장 밝음 ({ $mag }등급)
panels-sun = 해
panels-moon-percent = 달 { $percent }%
panels-planet-mercury = 수성
panels-planet-venus = 금성
panels-planet-mars = 화성
panels-planet-jupiter = 목성
panels-planet-saturn = 토성

## Live panel (src/ui/live_panel.rs)

panels-live-heading = 실시간
panels-live-choose = 따라갈 위성을 고르세요.
panels-loading-satellites = 위성을 불러오는 중…
panels-live-not-in-catalog = { $id }번 위성은 목록에 없어요.
panels-live-no-position = 위치를 알 수 없어요: { $error }
panels-live-azimuth = 방위각
panels-live-elevation = 고도
panels-live-range = 거리
panels-live-range-rate = 거리 변화
panels-live-light = 빛
panels-live-magnitude = 밝기(등급)
panels-live-over = 바로 아래 지점
panels-live-sun-elevation = 해의 고도
panels-live-moon = 달
panels-live-below-horizon = (지평선 아래)
panels-live-approaching = 다가옴
panels-live-receding = 멀어짐
panels-live-sunlit = 햇빛을 받음
panels-live-penumbra = 반그림자 속
panels-live-umbra = 지구 그림자 속
panels-live-magnitude-estimate = { $mag } (추정)
panels-live-over-value = { $lat }°, { $lon }°, 높이 { $km } km
panels-moon-lit = { $percent }% 빛남
panels-moon-up = 고도 { $elevation }°, { $direction } { $azimuth }°, { $lit }
panels-moon-below = 지평선 아래, { $lit }
panels-doppler-at = 도플러: 송신 주파수
panels-doppler-receive = 받는 주파수 { $mhz } MHz ({ $khz } kHz)
panels-elements-age = 궤도 자료: { $date } ({ $when ->
        [after] 보이는 시각보다 { $days }일 뒤
       *[old] { $days }일 지남
    }, { $source })
panels-elements-bundled = 내장 자료 ({ $what })
panels-elements-stale = { $text }: 예측이 몇 분 어긋날 수 있어요.
panels-next-up-sets = 지금 지평선 위에 있어요. { $countdown } 뒤({ $time })에 져요
panels-next-pass = 다음 통과까지 { $countdown }: { $time } { $direction }에서 뜸, 최고 { $deg }°, 안 보임({ $why })
panels-next-pass-visible = 다음 통과까지 { $countdown }, 맨눈으로 보임: { $time } { $direction }에서 나타나 보이는 동안 최고 { $deg }°
panels-next-pass-hover = 하늘 지도에서 보기
panels-next-up-now = 지금 지평선 위에 있어요.
panels-next-none = 찾는 기간 안에 통과가 없어요.

## Location window (src/ui/location_panel.rs)

panels-location-title = 어디에 있나요?
panels-location-welcome = Overhead는 머리 위로 지나가는 위성을 알려 줘요. 그래서 지금 있는 곳을 알아야 해요. 도시를 찾거나, 좌표를 넣거나, 지도를 누르세요.
panels-location-now = 지금: { $place } ({ $coords })
panels-location-saved = 내 장소:
panels-location-search-hint = 도시 이름 찾기
panels-location-no-town = 그런 이름의 도시가 없어요 (인구 15,000명이 넘는 곳만 있어요).
panels-location-type = 또는 좌표를 넣으세요 (북위·동경은 +, 남위·서경은 −):
panels-location-latitude = 위도
panels-location-longitude = 경도
panels-location-height = 높이
panels-location-use = 이 좌표 쓰기
panels-location-click-map = 지도에서 고르기
panels-location-credit = 도시 목록: GeoNames (CC BY 4.0).
panels-location-near = { $lat }°, { $lon }° ({ $town } 근처)

## Satellite picker (src/ui/picker.rs)

panels-picker-heading = 위성
panels-picker-search-hint = 이름이나 NORAD 번호로 찾기
panels-picker-search-hover = 이름의 일부("iss", "starlink")나 카탈로그 번호를 넣으세요
panels-picker-list = 목록
panels-picker-chosen = 고른 위성
panels-picker-chosen-count = 고른 위성 ({ $count })
panels-picker-favourites = 즐겨찾기
panels-picker-favourites-count = 즐겨찾기 ({ $count })
panels-picker-group-count = { $name } ({ $count })
panels-picker-empty = 아직 아무것도 없어요. 위에서 찾거나 목록을 고르세요.
panels-picker-no-match = 맞는 위성이 없어요.
panels-picker-catalog-size = 카탈로그에 위성 { $count }개
panels-picker-unstar = 즐겨찾기 빼기
panels-picker-star = 즐겨찾기에 넣기
panels-picker-choose-hover = NORAD { $id }: 통과와 궤적 보기
panels-picker-follow = 따라가기
panels-picker-follow-hover = 실시간 창과 지도에서 보기
panels-group-stations = 우주 정거장
panels-group-news = 뉴스에 나온 위성

## Where the satellites came from (src/ui/catalog_data.rs), shown in the status bar.

panels-source-downloaded = 내려받은 궤도 자료 (출처 { $count }곳)
panels-source-bundled = 내장 자료
panels-source-empty = 궤도 자료 없음
panels-source-file = { $source }의 궤도 자료

## Clock bar (src/ui/clock_bar.rs)

panels-clock-live = 실시간
panels-clock-live-hover = 지금 실제 시각 보기
panels-clock-play = 재생
panels-clock-pause = 멈춤
panels-clock-rate-hover = 시계가 실제보다 몇 배 빠르게 가는지
panels-clock-rate-button-hover = 실제보다 { $rate }배 빠르게
panels-clock-back-hour = -1시간
panels-clock-back-hour-hover = 시계를 1시간 되돌려요
panels-clock-back-minute = -1분
panels-clock-back-minute-hover = 시계를 1분 되돌려요
panels-clock-forward-minute = +1분
panels-clock-forward-minute-hover = 시계를 1분 앞으로 보내요
panels-clock-forward-hour = +1시간
panels-clock-forward-hour-hover = 시계를 1시간 앞으로 보내요
panels-clock-jump-short = 통과로 가기
panels-clock-jump = 이 통과로 가기
panels-clock-jump-hover = 고른 통과가 뜨기 1분 전으로 시계를 맞춰요
panels-clock-state-live = 실시간
panels-clock-state-paused = 멈춤
panels-clock-state-simulated = 모의 시각, x{ $rate }

## Colour themes (src/ui/theme.rs)

panels-theme-light = 밝게
panels-theme-dark = 어둡게
panels-theme-night = 밤 (빨강)

## 식별("방금 그건 뭐였지?"): 하늘 지도의 식별 모드와 시계의 시각 입력.
panels-clock-type-hover = 날짜와 시각({ $zone })을, 또는 오늘이면 시각만 적고 Enter를 누르세요. 시계가 그때로 가요
panels-clock-type-set = 시계 맞추기
panels-clock-type-error = 시각이 아니에요: 2026-08-22 21:37 또는 21:37처럼 적어 주세요
panels-identify-mode = 방금 그건 뭐였지?
panels-identify-mode-hover = 움직이는 빛 알아내기: 하늘 지도에서 본 곳을 누르고, 이어서 움직여 간 곳을 누르세요
panels-identify-heading = 방금 그건 뭐였지?
panels-identify-took = 걸린 시간
panels-identify-seconds-suffix = 초
panels-identify-took-hover = 첫 점에서 둘째 점까지 몇 초 걸렸는지
panels-identify-clear = 다시 하기
panels-identify-seen = 본 곳
panels-identify-went = 간 곳
panels-identify-hint = 시계를 본 시각에 맞추고(아래에 시각을 적으세요), 하늘 지도에서 본 곳과 움직여 간 곳을 차례로 누르거나 한 곳에서 다른 곳으로 끌어 주세요.
panels-identify-when = { $time }({ $zone })쯤, 앞뒤 1분 안에 봄{ $went ->
        [yes] ; 둘째 점까지 { $seconds }초 걸림.
       *[no] . 움직여 간 곳을 누르세요.
    }
panels-identify-searching = 목록을 살펴보는 중…
panels-identify-follow-hover = 이 위성 따라가기
panels-identify-row = { $rank }. { $name } ({ $chance }): { $when }, { $miss }° 떨어짐, { $way }; { $light }

## 통과 보기(이슈 24): 해나 달 앞을 지나가는 위성.
panels-transits-tab-map = 세계
panels-transits-tab = 해·달 통과
panels-transits-tab-hover = 국제우주정거장이나 톈궁이 가까운 곳에서 해나 달 앞을 지나가는 때와 그걸 볼 수 있는 자리
panels-transits-heading = 해·달 통과
panels-transits-radius = 반경
panels-transits-days = 기간(일)
panels-transits-followed = 따라가는 위성도
panels-transits-alert = 알림
panels-transits-alert-minutes = {" "}분 전
panels-transits-alert-hover = 통과마다 이만큼 먼저 알려 줘요. 중심선까지 갈 시간을 넉넉히 잡으세요(0: 알리지 않음).
panels-transits-export-ics = 달력으로 내보내기…
panels-transits-export-csv = CSV로 내보내기…
panels-transits-searching = 찾는 중…
panels-transits-none = 앞으로 { $days }일 동안 { $radius } km 안으로 지나가는 중심선이 없어요. 반경을 넓히면 더 찾을 수 있어요.
panels-transits-row = { $when } · { $body ->
        [sun] 태양
       *[moon] 달
    } · { $sat } · { $here ->
        [yes] 바로 여기
       *[no] { $point }쪽 { $km } km
    } · { $state ->
        [transit] 여기서도 통과({ $duration }초)
        [near] 여기서는 아깝게 비껴감({ $sep }°)
        [miss] 여기서는 중심에서 { $sep }°
       *[below] 여기서는 지평선 아래
    }
panels-transits-seen-from = 보는 자리:
panels-transits-from-nearest = 가장 가까운 중심선 위({ $point }쪽 { $km } km)
panels-transits-from-place = 지금 있는 곳
panels-transits-close-up-caption = { $body ->
        [sun] 태양
       *[moon] 달
    }과 그 앞을 지나는 { $sat }의 길을 실제 비율로 그렸어요(원반 위에 { $duration }초). 천정을 위로 두고 바라본 모습이에요.
panels-transits-disc-label = 위성이 지나가는 길을 그린 원반 확대 그림
panels-transits-size-unknown = 크기를 몰라 점으로 그렸어요
panels-transits-map-label = 내 주변을 지나는 중심선 지도
panels-transits-map-nearest = { $time }, { $point }쪽 { $km } km
panels-transits-map-scale = 원: 반경 { $radius } km. 지도를 누르면 내 위치를 옮겨요.
panels-transits-map-hover = 내 위치를 여기로 옮기기({ $lat }, { $lon })
panels-transits-alert-banner = { $countdown } 뒤: { $summary }

## Times people trust (issue 20): the pass table's rows
panels-time-uncertain-hover = { $when ->
        [after] 궤도 자료가 이 통과보다 { $days }일 뒤의 것이에요
       *[old] 이 통과에 쓴 궤도 자료는 { $days }일 지난 것이에요
    }. 이 시각은 { $plus_minus } 정도 틀릴 수 있어요(추정). 궤도 자료를 새로 받으면 더 정확해져요.
panels-not-visible-hover = 지평선 위: { $rise }–{ $set }, 최고 { $deg }° { $direction } ("지평선 기준"에 나와요).

## The live panel's next pass: whether it can be seen (issue 20)
panels-next-too-faint = 여기서는 너무 희미함, { $mag }등급
panels-next-visible-later = 다음에 보이는 통과: { $date } { $time } ({ $countdown } 뒤)
panels-next-visible-none = 찾는 기간 안에 맨눈으로 보이는 통과가 없어요.

## A sky chart you can read and show (issue 20)
panels-chart-enlarge = 크게 보기
panels-chart-enlarge-hover = 하늘 지도를 창 전체에 크게 보여요 (지도를 두 번 눌러도 돼요)
panels-chart-close = 닫기
panels-chart-close-hover = 원래 화면으로 돌아가요 (Esc, 또는 지도를 두 번 누르기)
panels-chart-hover = 누르기: 그 자리에 쌍안경 시야(7°). 두 번 누르기: 지도 크게 보기 또는 되돌리기.
panels-live-more = 더 보기

## 이슈 22: 통과 표의 추정 등급.
# 하늘 한계 등급의 1시그마 안에 있는 등급.
panels-mag-maybe = { $mag } 아마도
# 등급에 마우스를 올렸을 때.
panels-mag-verdict-hover = { $mag }: { $verdict }.

## 이슈 25: 궤도 자료 기준 시각에서 먼 시계(실시간 패널).
panels-live-far-from-epoch = 위치를 알 수 없어요: 보이는 시각이 이 궤도 자료의 기준 시각{ $side ->
        [before] 보다 { $days }일 앞이에요
       *[after] 에서 { $days }일 뒤예요
    }. { $limit }일보다 멀면 SGP4 계산은 의미가 없어요. 궤도 자료를 새로 받거나 시계를 자료 날짜 가까이로 맞춰 주세요.

## 이슈 25: 숫자가 아니거나 범위를 벗어난 좌표(위치 창).
panels-location-bad-number = { $what ->
        [latitude] 위도
        [longitude] 경도
       *[height] 높이
    } "{ $text }"는 { $min }부터 { $max }{ $what ->
        [height] m
       *[other] °
    } 사이의 숫자가 아니에요.

## The first evening (issue 20): the proposed place, bright to the eye, ready lists

panels-location-keep = 네, { $place }에서 볼게요
panels-group-bright = 맨눈으로 보이는 위성
panels-picker-choose-all = { $count }개 모두 고르기
panels-picker-choose-all-hover = 이 위성들을 고른 위성에 더해요 (통과 표에 나와요)
panels-unseen-searching = { $line }. 더 앞까지 찾고 있어요…
panels-unseen-go = 그때로 가기
panels-unseen-go-hover = 시계를 이 통과가 보이기 1분 전으로 맞추고, 표와 하늘 지도에 보여 줘요
panels-unseen-folded = 고른 위성 { $count }개는 { $window } 맨눈으로 보이는 통과가 없어요
