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


## 이슈 25(위험한 입력, 두 번째)와 이슈 20(오프라인도 평범한 상태): 창과 명령줄이 함께 쓰는
## 내려받기, 프록시, 궤도 자료 파일 메시지.

catalog-offline = 인터넷에 연결되어 있지 않아요: { $host }에 닿을 수 없어요
catalog-why-dns = 이름을 찾을 수 없어요(DNS 응답 없음)
catalog-why-refused = 연결이 거부됐어요
catalog-why-no-route = 그 호스트로 가는 경로가 없어요
catalog-why-no-network = 네트워크에 닿을 수 없어요
catalog-why-no-answer = { $seconds }초 안에 연결 응답이 없어요
catalog-proxy-malformed = { $name }에 설정된 "{ $value }"는 쓸 수 있는 프록시 주소가 아니에요({ $why }). 프록시 없이 내려받아요
catalog-proxy-scheme = http://와 https:// 프록시만 쓸 수 있어요. { $scheme }://는 안 돼요
catalog-proxy-no-host = 호스트 이름이 없어요
catalog-proxy-unreachable = 프록시 { $proxy }를 쓸 수 없어요: { $why } (HTTP_PROXY / HTTPS_PROXY를 확인해 주세요. 요청한 주소: { $url })
catalog-too-slow = { $url }에서 { $elapsed }초 동안 { $received }{ $expected ->
        [none] {""}
       *[other] (전체 { $expected })
    }만 받았어요(초당 { $rate }). 이 속도로는 제시간에 끝낼 수 없어서 내려받기를 그만뒀어요
catalog-paused = { $error } (그동안 Overhead가 { $paused }초 멈춰 있었어요(정지 또는 절전). 서버 탓이 아니므로 기다림을 두지 않아요)
catalog-mostly-junk = { $url }의 내용은 대부분 궤도 자료가 아니에요(레코드 { $records }개 중 { $skipped }개를 쓸 수 없음, 첫 번째: { $first }). 받지 않았어요
catalog-cached-mostly-junk = 저장된 자료 대부분을 쓸 수 없어요(레코드 { $records }개 중 { $skipped }개). 이 자료를 새로 받거나 지워 주세요
catalog-lock-holder-silent = 다른 Overhead 프로세스(pid { $pid })가 이 자료를 받는 중인데 { $silent }초째 움직임이 없어요(정지했거나 절전 중?). 기다리지 않아요
catalog-too-many-satellites = 위성이 { $limit }개보다 많아요. 처음 { $limit }개만 쓰고 { $left_out }개는 뺐어요
catalog-waiting-for-other = 다른 Overhead가 { $source }를 내려받는 중이에요. 기다려요
catalog-progress = { $source }: { $seconds }초 동안 { $received }{ $expected ->
        [none] {""}
       *[other] {" "}/ { $expected }
    } 받음
