# Overhead — Korean.
# Messages for the window's frame: top bar, menus, settings, status bar, dialogs, notifications, map.
# Keys are shared by every language (a test checks); see README.md "Adding a language".


## Top bar

app-location-button = 위치: { $place }
app-location-hover =
    { $coordinates }
    눌러서 바꾸기
app-times = 시간대
app-theme = 화면 색
app-alert = 알림
app-alert-minutes-before = 분 전
app-alert-hover = 맨눈으로 보이는 통과를 몇 분 전에 알려 줄지 정해요 (0: 알리지 않음)
app-presentation = 발표 모드
app-presentation-hover = 글씨를 크게, 화면을 가득 채워요 (F11 또는 P, 끝낼 때는 Esc). Ctrl +/−로 글씨 크기를 바꿔요.
# Keeps the English word so that someone who cannot read Korean still finds it.
app-language = 언어 · Language
app-language-system = 시스템 설정
app-language-hover = 창에 쓰는 언어예요. "시스템 설정"은 컴퓨터의 언어를 따라가요.
app-loading-satellites = 위성을 불러오는 중…
app-satellites-loaded = 위성 { $count }개, { $source }
app-no-satellites-loaded = 불러온 위성이 없어요
app-age-judged-at = 컴퓨터 시계가 아니라 창에 보이는 시각({ $time })을 기준으로 한 나이예요.
app-use-data-date = 자료 날짜로 맞추기
app-use-data-date-hover = 시계를 궤도 자료의 날짜로 옮겨서, 보이는 통과가 맞도록 해요
app-refreshing = 새로 받는 중 { $done }/{ $total }…
app-refresh-elements = 궤도 자료 새로 받기
app-refresh-elements-hover = CelesTrak에서 새 궤도 자료를 받아요 (자료마다 2시간에 한 번까지)
app-auto-refresh = 자동 새로 받기
app-auto-refresh-off = 자동 새로 받기 꺼짐
app-auto-refresh-check = 시작할 때 이보다 오래되면 새로 받기
app-auto-refresh-hours = 시간
app-auto-refresh-hover = 궤도 자료를 출처에서 마지막으로 확인한 때예요. 눌러서 시작할 때 새로 받을지 정해요.

## How fresh the elements are (top bar, small)

app-fresh-updated = { $ago } 새로 받음
app-fresh-not-updated = 새로 받지 못함: { $why }
app-fresh-never = 새로 받은 적 없음 (내장 자료)
app-ago-just-now = 방금
app-ago-minutes = { $minutes }분 전
app-ago-hours = { $hours }시간 전
app-ago-days = { $days }일 전
app-refresh-offline = 인터넷이 끊겼거나 서버에 닿을 수 없어요
app-refresh-backing-off = 오류가 나서 { $time }까지 기다리는 중

## Status line (bottom)

app-status-dismiss-hover = 이 메시지 닫기
app-status-details = 자세히
app-status-details-hover = 메시지 전체를 보이거나 숨겨요
app-open-folder = 폴더 열기
app-sources = 자료 { $count }개
app-status-refreshed = { $sources }를 새로 받았어요
app-status-refresh-failed = 새로 받지 못했어요: { $reason } ({ $which })
app-refresh-some-of = { $sources } 중 { $failed }개
app-refresh-reason-offline = 인터넷 연결 없음
app-refresh-reason-backing-off = 앞서 실패해서 기다리는 중
app-refresh-reason-other = 자세히를 눌러 보세요
app-refresh-running = 이미 새로 받는 중이에요. 끝날 때까지 기다려 주세요.
app-location-set = 위치: { $place } ({ $coordinates })
app-error-no-satellites = 위성이 없어요: { $error }
app-error-save-lost = 파일을 저장하다가 갑자기 멈췄어요 (프로그램 오류).
app-error-load-lost = 위성을 불러오다가 갑자기 멈췄어요 (프로그램 오류).
app-error-refresh-lost = 새로 받다가 갑자기 멈췄어요 (프로그램 오류).
app-error-search-lost = 통과를 찾다가 갑자기 멈췄어요 (프로그램 오류).
app-error-no-window = 창을 열 수 없어요: { $error }

## Saving exports

app-save-busy = 파일을 저장하는 중이에요. 끝날 때까지 기다려 주세요.
app-saved = 통과 { $count }건을 { $path }에 저장했어요
app-save-cancelled = 파일을 고르지 않아서 저장하지 않았어요.
app-save-failed = { $path }에 쓰지 못했어요: { $error }
app-handout-failed = 수업 자료를 만들지 못했어요: { $error }
app-ui-state-save-failed = 창 상태를 { $path }에 저장하지 못했어요: { $error }
app-save-dialog-title = 통과 목록 저장
app-handout-window = { $start }부터 { $end }까지 ({ $zone })
app-open-folder-failed = { $path } 폴더를 열 수 없어요 ({ $error })

## The night, above the pass table (window "Tonight")

app-night-dark = 오늘 밤: { $dusk }부터 { $dawn }까지 어두워요 (해의 고도 { $limit }° 아래).
app-night-polar = 극야예요: 해의 고도가 하루 종일 { $limit }°보다 낮아요. { $until }까지의 통과를 보여 줘요.
app-night-never-dark = 오늘 밤 { $place }에서는 하늘이 어두워지지 않아요. 앞으로 24시간 동안 해의 고도가 { $limit }°보다 높아서, 어두운 하늘에서 위성을 볼 수 없어요. 기간을 "앞으로 24시간"으로 바꾸면 지평선 위로 지나가는 통과를 볼 수 있어요.
app-no-satellites-loaded-sentence = 불러온 위성이 없어요.

## Pass search notes (under the pass table)

app-note-not-in-catalog = { $id }번 위성은 목록에 없어요
app-note-always-above = { $sat }: 지평선 위에 계속 떠 있어요

## Alerts and notifications

app-alert-show = 보기
app-alert-dismiss = 닫기
app-notify-title = { $sat }, { $time }에 보여요
app-notify-unavailable = 알림은 이 창에만 나와요: 데스크톱 알림 서비스가 없어요 ({ $error }).

## The world map

app-map-heading = 지도
app-map-all-satellites = 모든 위성
app-map-borders = 국경
app-map-zoom-in = 확대
app-map-zoom-out = 축소
app-map-whole-world = 세계 전체
app-map-centre-on-me = 내 위치로
app-map-pick-prompt = 지도를 눌러 내 위치를 정하세요
app-map-cancel = 취소
app-map-pick = 지도에서 위치 정하기
app-map-world-map = 세계 지도
app-map-moon = 달
app-map-you = 여기
app-lat-north = 북위 { $deg }°
app-lat-south = 남위 { $deg }°
app-lon-east = 동경 { $deg }°
app-lon-west = 서경 { $deg }°
app-map-over = { $sat }: 지금 { $lat }, { $lon } 상공 { $alt } km에 있어요
app-map-no-position = { $sat }: 위치를 알 수 없어요 (대기권에 떨어졌을까요?)
app-map-set-location-hover = 위치를 { $lat }°, { $lon }°로 정하기
app-map-follow-hover = { $sat } ({ $id }): 눌러서 따라가기
app-map-place-near = { $coordinates } ({ $city } 근처)

## The settings file (status line at start; also `overhead fetch`)

app-settings-unreadable = 설정을 읽지 못했어요 ({ $path }: { $error }). 기본값을 써요.
app-settings-repaired = 설정을 고쳤어요: { $repairs }.
app-settings-replaced = 설정 파일 { $path }: { $why }. { $kept }. 기본값을 써요.
app-settings-kept-as = 원래 파일은 { $path } 이름으로 남겨 두었어요
app-settings-not-kept = 원래 파일을 따로 남기지 못했어요({ $error }). 설정을 저장하면 덮어써요
app-settings-not-json = 올바른 JSON이 아니에요 ({ $error })
app-settings-no-version = 버전 번호가 없어서 Overhead 설정 파일이 아니에요
app-settings-newer = 더 새 버전의 Overhead가 쓴 파일이에요 (형식 { $version }, 이 버전은 { $max }까지 읽어요)
app-settings-too-old = 이 버전이 더 이상 읽지 않는 옛 형식({ $version })이에요
app-settings-bad-value = 쓸 수 없는 값이 있어요 ({ $error })
app-settings-repair-observers = 좌표가 불가능한 관측 장소 { $count }곳을 지웠어요
app-settings-repair-no-observer = 관측 장소가 남지 않아서 서울을 넣었어요
app-settings-repair-current-observer = 지금 관측 장소를 첫 번째로 되돌렸어요
app-settings-repair-elevations = { $min }..{ $max }° 밖의 통과 찾기 고도를 기본값으로 되돌렸어요
app-settings-repair-groups = 알 수 없는 자료 묶음({ $groups })을 뺐어요
app-settings-repair-limiting-magnitude = 별 밝기 한계를 4등급으로 되돌렸어요
app-settings-save-failed = 설정을 { $path }에 저장하지 못했어요: { $error }

## 식별("방금 그건 뭐였지?").
app-error-identify-lost = 본 것을 찾다가 갑자기 멈췄어요 (프로그램 오류).

## Times people trust (issue 20): seconds everywhere
app-show-seconds = 초까지 보이기
app-show-seconds-hover = 통과 시각을 어디서나 초 단위까지 보여요 (목록, 하늘 지도, 알림, 수업 자료, 달력). Heavens-Above처럼요. 짧은 통과는 언제나 초까지 보여요.

## "Follow" keeps the satellite in the middle of the map (issue 20)
app-map-follow-sat = { $sat } 따라가기
app-map-follow-sat-hover = 움직이는 위성을 지도 가운데에 두어요 (지도를 끌면 멈춰요)

## Switching the language in the window (issue 20)
app-language-switched = 이제 창이 { $language }로 말해요.

## The install: the crate builds off Linux (issue 20)
app-notify-not-on-this-system = 데스크톱 알림은 리눅스에서만 보내요. 여기서는 창 위의 알림 띠가 알려 줘요

## 이슈 20: 오프라인도 평범한 상태(상태 줄).
app-offline-using = { $offline }. { $date } 자료를 써요.
app-offline-bundled = { $offline }. 이미 있는 자료를 써요.
app-settings-repair-names = 관측 장소 이름 { $count }개를 정리했어요(제어 문자가 있거나 너무 길어요)
app-settings-repair-time-zone = { $place }의 시간대 "{ $zone }"를 알 수 없어서 컴퓨터의 시간대를 써요. 장소를 다시 골라 시간대를 정해 주세요

## 이슈 25: 궤도 자료 기준 시각에서 먼 시계(지도의 따라가는 위성 줄).
app-map-far-from-epoch = { $sat }: 위치를 알 수 없어요. 보이는 시각이 궤도 자료 기준 시각에서 1년 넘게 떨어져 있어요

## The first evening (issue 20): the handout opens to be printed

app-handout-opened = 인쇄물을 { $path }에 저장하고 PDF 보기 프로그램으로 열었어요. 거기서 인쇄하세요.
