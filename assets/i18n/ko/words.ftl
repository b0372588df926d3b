# Overhead — Korean.
# Messages for report/ words (plain_description, alerts, brightness, compass points, fist scale), timefmt dates, the handout, ICS event text.
# Keys are shared by every language (a test checks); see README.md "Adding a language".


## 16방위: 표, 하늘 그림, 문장("북북동쪽 하늘")에 쓰여요.
words-point-n = 북
words-point-nne = 북북동
words-point-ne = 북동
words-point-ene = 동북동
words-point-e = 동
words-point-ese = 동남동
words-point-se = 남동
words-point-sse = 남남동
words-point-s = 남
words-point-ssw = 남남서
words-point-sw = 남서
words-point-wsw = 서남서
words-point-w = 서
words-point-wnw = 서북서
words-point-nw = 북서
words-point-nnw = 북북서

## 8방향(마우스를 올렸을 때).
words-dir-n = 북쪽
words-dir-ne = 북동쪽
words-dir-e = 동쪽
words-dir-se = 남동쪽
words-dir-s = 남쪽
words-dir-sw = 남서쪽
words-dir-w = 서쪽
words-dir-nw = 북서쪽

# 팔을 쭉 뻗은 주먹(약 10°)으로 잰 높이; $count 0~9 (9는 머리 위).
words-fists = { $count ->
        [0] 지평선 바로 위
        [1] 지평선에서 주먹 한 개쯤 위
        [2] 지평선에서 주먹 두 개쯤 위
        [3] 지평선에서 주먹 세 개쯤 위
        [4] 지평선에서 주먹 네 개쯤 위
        [5] 지평선에서 주먹 다섯 개쯤 위
        [6] 지평선에서 주먹 여섯 개쯤 위
        [7] 지평선에서 주먹 일곱 개쯤 위
        [8] 지평선에서 주먹 여덟 개쯤 위
       *[9] 머리 바로 위
    }
# 문장 속 괄호 안의 높이("주먹 세 개 높이").
words-fists-short = { $count ->
        [0] 지평선 바로 위
        [1] 주먹 한 개 높이
        [2] 주먹 두 개 높이
        [3] 주먹 세 개 높이
        [4] 주먹 네 개 높이
        [5] 주먹 다섯 개 높이
        [6] 주먹 여섯 개 높이
        [7] 주먹 일곱 개 높이
        [8] 주먹 여덟 개 높이
       *[9] 머리 바로 위
    }

words-bearing = { $point }(방위각 { $bearing }°)
words-height = 고도 { $height }°
words-look = { $point }(방위각 { $bearing }°, 고도 { $height }°)

# 표의 "어떻게" 칸: 나타나는 방법.
words-appears-short = { $appears ->
        [rises] 뜸
        [shadow] 그림자 밖
       *[dusk] 어두워짐
    }
# 표의 "어떻게" 칸: 사라지는 방법.
words-vanishes-short = { $vanishes ->
        [sets] 짐
        [shadow] 그림자 속
       *[dawn] 새벽
    }

# 통과가 보이지 않는 이유.
words-why-too-low = 너무 낮음
words-why-daylight = 낮이라 하늘이 밝음
words-why-shadow = 지구 그림자 속
words-why-unknown = 볼 수 없음

# 보이는 통과의 쉬운 설명. 변수는 영어 파일의 설명을 보세요.
words-plain-visible = { $start_time }, { $start_point }쪽 하늘(방위각 { $start_bearing }°, 고도 { $start_height }°)을 보세요. { $appears ->
        [rises] 거기서 나타나요.
        [shadow] 지구 그림자에서 나와 나타나요.
       *[dusk] 하늘이 충분히 어두워지면서 보이기 시작해요.
    } { $shape ->
        [peak] { $peak_time }에 { $peak_point }쪽 하늘(방위각 { $peak_bearing }°) 고도 { $peak_height }°({ $peak_fists })까지 올라갔다가,
        [climbs] 보이는 동안 계속 올라가다가,
       *[sinks] 그곳이 가장 높은 곳({ $peak_fists })이고,
    } { $end_time }에 { $end_point }쪽 { $place ->
        [high] 높은 하늘
        [low] 낮은 하늘
       *[plain] 하늘
    }(방위각 { $end_bearing }°, 고도 { $end_height }°)에서 { $vanishes ->
        [sets] 사라져요.
        [shadow] 지구 그림자 속으로 들어가 사라져요.
       *[dawn] 밝아지는 새벽하늘에 묻혀 사라져요.
    } { $brightness }
# 보이지 않는 통과의 설명.
words-plain-not-visible = { $rise_time }부터 { $set_time }까지 지평선 위에 있지만 맨눈으로는 보이지 않아요({ $why }). { $peak_time }에 { $peak_point }쪽 하늘(방위각 { $peak_bearing }°) 고도 { $peak_height }°까지 올라가요.

# 밝기를 한 문장으로; $level, $mag("1.8").
words-brightness = { $level ->
        [very-bright] 어떤 별보다도 밝아요
        [bright] 가장 밝은 별들만큼 밝아요
        [easy] 밝은 별처럼 쉽게 보여요
        [faint] 희미해서 어두운 하늘이 필요해요
       *[very-faint] 아주 희미해서 쌍안경이 있으면 좋아요
    }({ $mag }등급).
# 알림에 쓰는 짧은 밝기.
words-brightness-short = { $level ->
        [very-bright] 아주 밝음
        [bright] 밝음
        [easy] 잘 보임
        [faint] 희미함, 어두운 하늘 필요
       *[very-faint] 아주 희미함, 쌍안경 추천
    }
words-brightness-unknown = 밝기는 알 수 없어요.

# 알림에서 어디를 볼지.
words-seen = { $start_time }, { $start_point }쪽 하늘(방위각 { $start_bearing }°, 고도 { $start_height }°)을 보세요. 가장 높을 때는 { $peak_point }쪽 고도 { $peak_height }°이고, { $end_time }에 { $vanishes ->
        [sets] 사라져요.
        [shadow] 지구 그림자 속으로 사라져요.
       *[dawn] 새벽하늘에 묻혀 사라져요.
    } { $brightness }
words-seen-brightness = 밝기 { $mag }등급, { $short }.
words-seen-brightness-unknown = 밝기는 알 수 없어요.

# 곧 시작하는 통과의 알림.
words-alert = { $sat } { $until } 뒤: { $directions }
words-alert-rises = { $sat }, { $until } 뒤에 떠요.

# 관측 위치.
words-coordinates = { $ns ->
        [n] 북위
       *[s] 남위
    } { $lat }°, { $ew ->
        [e] 동경
       *[w] 서경
    } { $lon }°, 높이 { $alt } m

# 통과하는 길 가까이에 있는 밝은 달.
words-moon-near = 밝은 달({ $lit }% 빛남)이 위성이 지나는 길에서 { $deg }° 떨어져 있어요.

# 하늘 밝기 설정(보이는 가장 어두운 별의 등급).
words-sky-city = 도시(3등급)
words-sky-suburb = 교외(4등급)
words-sky-dark = 어두운 곳(5.5등급)
words-sky-binoculars = 쌍안경(7.5등급)

# 달력 일정의 제목.
words-event-summary = { $sat } 통과, 최고 고도 { $height }° { $point } ({ $visibility })
words-event-visibility = { $state ->
        [faint] 보임, { $mag }등급: 여기서는 맨눈으로 보기에 너무 희미함
        [visible] 보임, { $mag }등급
        [unknown] 보임, 밝기 모름
       *[hidden] 보이지 않음: { $why }
    }
# 달력 일정 설명의 한 줄.
words-event-point = { $label } { $time }: { $look }, 거리 { $range_km } km
words-event-appears = 나타남
words-event-highest-seen = 보이는 동안 최고점
words-event-vanishes = 사라짐
words-event-rise = 뜸
words-event-highest = 최고점
words-event-set = 짐
words-event-elements = 궤도 자료는 { $when ->
        [after] 통과보다 { $age_days }일 뒤의 것이에요
       *[old] { $age_days }일 전 것이에요
    }(시각 오차 약 { $timing }, 추정). 관측 위치 { $lat }, { $lon }.

## 시계와 날짜.
words-time-observer = 관측 위치의 시각
words-time-computer = 이 컴퓨터의 시각
words-time-utc = 세계시(UTC)
words-zone-computer = 컴퓨터 시각 (UTC{ $offset })
words-weekday = { $day ->
        [1] 월
        [2] 화
        [3] 수
        [4] 목
        [5] 금
        [6] 토
       *[7] 일
    }
words-month = { $month }월
words-day = { $day_num }일
# "11월 30일 (월)".
words-date = { $month_name } { $day } ({ $weekday })
words-date-time = { $year }년 { $month_name } { $day } ({ $weekday }) { $time }
# "1분 7초" (Korean does not pad with zeros).
words-countdown = { $unit ->
        [days] { $d }일 { $h }시간
        [hours] { $h }시간 { $m_num }분
        [minutes] { $m_num }분 { $s_num }초
       *[seconds] { $s_num }초
    }
words-date-year = { $year }년 { $month_name } { $day } ({ $weekday })

## 인쇄용 안내지(A4 한 장).
words-handout-title = { $place } 하늘을 지나는 위성
words-handout-night = { $date } 밤: { $from }부터 { $to }까지 어두워요 ({ $zone }, 해의 고도 { $limit }° 아래)
words-handout-window = { $from }부터 { $to }까지 ({ $zone })
words-handout-col-satellite = 위성
words-handout-col-appears = 나타남
words-handout-col-highest = 최고점
words-handout-col-vanishes = 사라짐
words-handout-col-mag = 밝기
words-handout-col-point = 시각    방향 방위 고도
words-handout-faint = { $mag } 희미함
words-handout-row-note = { $date }: { $appears } → { $vanishes }
words-handout-none = 이 기간에는 고른 위성이 맨눈으로 보이는 통과가 없어요.
words-handout-no-chart = 오늘 밤에는 그릴 만큼 밝은 통과가 없어요.
words-handout-best = 가장 잘 보이는 통과: { $sat }, { $date } { $time }
words-handout-mark-appears = 나타남
words-handout-mark-highest = 최고점
words-handout-mark-fades = 그림자 속으로
words-handout-mark-vanishes = 사라짐
words-handout-legend = 하늘 지도 보는 법: 머리를 북쪽으로 두고 등을 대고 누워요. 가운데는 머리 바로 위, 둥근 테두리는 지평선이에요. 동쪽이 왼쪽에 있어요. 위성이 햇빛을 받는 곳은 실선, 지구 그림자 속에 있는 곳은 점선이에요. 팔을 쭉 뻗은 주먹 하나가 약 10°예요.
words-handout-foot = { $data } { $made } UTC에 Overhead { $version } 프로그램으로 만들었어요. 시각은 { $zone } 기준이에요. 공개된 궤도 자료로 계산한 예측이니 당일에 다시 확인하세요.
words-handout-data = 궤도 자료: { $source }, 가장 오래된 기준 시각 { $epoch } (이 자료를 만들기 { $days }일 전).
words-handout-data-plain = 궤도 자료: { $source }.
words-handout-source = CelesTrak GP 자료(미국 우주군)

## 식별("방금 그건 뭐였지?"): overhead identify와 하늘 지도의 식별 모드.
words-identify-when = { $side ->
        [after] 말한 시각보다 { $s }초 뒤에
        [before] 말한 시각보다 { $s }초 앞서
       *[at] 말한 시각에
    }
words-identify-when-short = { $side ->
        [after] { $s }초 늦게
        [before] { $s }초 일찍
       *[at] 제시간
    }
words-identify-way-short = { $way ->
        [same] 같은 방향 ({ $off }° 차이)
        [opposite] 반대 방향
        [off] { $off }° 어긋남
       *[none] —
    }
words-identify-rate-short = { $compare ->
        [same] 초당 { $rate }°, 본 것과 같음
        [faster] 초당 { $rate }°, { $percent }% 더 빠르게 봄
        [slower] 초당 { $rate }°, { $percent }% 더 느리게 봄
        [much-faster] 초당 { $rate }°, 세 배 넘게 빠르게 봄
        [much-slower] 초당 { $rate }°, 3분의 1도 안 되게 느리게 봄
       *[none] 초당 { $rate }°
    }
words-identify-light-short = { $state ->
        [mag] 햇빛 받음, { $mag }등급
        [unknown] 햇빛 받음, 밝기 모름
       *[shadow] 지구 그림자 속
    }
words-identify-verdict = { $name }: { $when } 그곳에서 { $miss }° 떨어진 곳을 { $way ->
        [same] 같은 방향으로 지나갔어요
        [opposite] 반대 방향으로 지나갔어요
        [off] 본 방향과 { $off }° 어긋나게 지나갔어요
       *[none] 지나갔어요
    }. { $light ->
        [mag] 밝기 { $mag }등급
        [unknown] 밝기는 알 수 없어요
       *[shadow] 그때는 지구 그림자 속이라 보였을 리가 없어요
    }
words-identify-nothing-fits = 알려진 위성 중 맞는 것이 없어요. 가장 가까웠던 것: { $nearest }
words-identify-nothing-up = 알려진 위성 중 맞는 것이 없어요. 그때 그 근처 하늘에 떠 있던 위성이 없어요.
words-identify-score-small = 1% 미만

## 해나 달 앞을 지나가는 위성(통과, 이슈 24): 명령줄 표, 달력 파일, 창.
words-transit-body = { $body ->
        [sun] 태양
       *[moon] 달
    }
words-transit-sat = { $id ->
        [25544] 국제우주정거장(ISS)
        [48274] 톈궁 우주정거장
       *[other] { $name }
    }
words-transit-coordinates = { $ns ->
        [n] 북위
       *[s] 남위
    } { $lat }°, { $ew ->
        [e] 동경
       *[w] 서경
    } { $lon }°
words-transit-sentence = { $sat }의 { $body ->
        [sun] 태양
       *[moon] 달
    } 통과: { $when }, { $here ->
        [yes] 바로 지금 있는 곳에서
       *[no] { $place }에서(내 위치에서 { $point }쪽으로 { $km } km)
    } 보여요({ $duration }초). { $seen }
words-transit-place = { $state ->
        [transit] 지금 있는 곳에서도 { $body ->
            [sun] 태양
           *[moon] 달
        } 원반을 가로질러요. 중심에서 { $sep }° 떨어져 { $duration }초 동안 지나가요. 여기서 통과를 볼 수 있어요!
        [near] 지금 있는 곳에서는 { $body ->
            [sun] 태양
           *[moon] 달
        } 중심에서 { $sep }° 떨어져 지나가요. 아깝게 비껴가요.
        [miss] 지금 있는 곳에서는 { $body ->
            [sun] 태양
           *[moon] 달
        } 중심에서 { $sep }° 떨어져 지나가요.
       *[below] 지금 있는 곳에서는 { $body ->
            [sun] 태양이
           *[moon] 달이
        } 지평선 아래에 있어요.
    }
words-transit-details = 원반을 가로지르는 모습이 보이는 띠의 폭은 { $width } km예요. { $body ->
        [sun] 태양은
       *[moon] 달은
    } { $point }쪽(방위 { $bearing }°) { $height }° 높이에 있고, { $sat }까지 거리는 { $range } km{ $sized ->
        [yes] , 크기는 { $size }″예요.
       *[no] 예요.
    }
words-transit-elements = { $when ->
        [after] 궤도 자료가 이 시각보다 { $age }일 뒤의 것이에요.
       *[old] 궤도 자료가 { $age }일 지났어요.
    } 시각이 { $plus_minus }만큼 틀릴 수 있고(열에 아홉은 그보다 가까워요), 그만큼 선도 궤도를 따라 움직여요. 전날 새 궤도 자료로 다시 확인하세요.
words-transit-solar-filter = 인증된 태양 필터를 망원경, 쌍안경, 카메라 렌즈 앞에 씌우지 않고는 잠깐이라도 태양을 보면 안 돼요.
words-transit-summary = { $sat }의 { $body ->
        [sun] 태양
       *[moon] 달
    } 통과{ $here ->
        [yes] {""}, 바로 지금 있는 곳
       *[no] , 내 위치에서 { $point }쪽 { $km } km
    }, { $time }


## 이슈 22: 추정값인 표준 등급과 세 갈래 판정 (report/magnitude_words.rs).
# 예상 등급의 1시그마 범위.
words-mag-range = { $low }–{ $high }
# 표준 등급을 무엇으로 추정했는지.
words-mag-basis = { $key ->
        [starlink-original] 초기형 스타링크 측광
        [starlink-visorsat] 스타링크 바이저샛 측광
        [starlink-v1-5] 스타링크 v1.5 측광
        [starlink-v1-5-polar] 스타링크 v1.5 측광
        [starlink-v2-mini] 스타링크 v2 미니 측광
        [starlink-v2-mini-low] 스타링크 v2 미니 측광(밝기 저감 전)
        [starlink-dtc] 스타링크 다이렉트 투 셀 측광
        [starlink-dtc-early] 스타링크 다이렉트 투 셀 측광(2024년 초)
        [oneweb] 원웹 측광
        [kuiper] 아마존 카이퍼 측광
        [qianfan] 첸판 측광
        [guowang] 궈왕 측광
        [bluebird] 블루버드 측광
        [bluewalker-3] 블루워커 3 측광
        [tiangong-visual] 톈궁 맨눈 관측 한 건
        [qs-mag] 매캔츠의 관측 표준 등급
        [radar-size] 레이더 단면적
        [mass-size] 발사 질량
        [sibling-size] 같은 계열 자매 위성들의 등급
       *[other] { $key }
    }
# 추정한 등급.
words-mag-estimated = 약 { $range }등급, { $basis }으로 추정{ $flare ->
        [yes] , 번쩍일 수 있음
       *[no] {""}
    }
# 그 위성을 직접 잰 등급.
words-mag-measured = { $mag }등급{ $flare ->
        [yes] , 번쩍일 수 있음
       *[no] {""}
    }
# 등급에 마우스를 올렸을 때.
words-mag-hover = 표준 등급 { $value } ± { $sigma }(1000km 거리, 반쯤 비칠 때), { $source ->
        [measured] 이 위성을 직접 잰 값
        [family] 같은 계열의 값: { $basis }
       *[size] 크기로 추정: { $basis }
    }. 출처: { $citation }
# 하늘에서 보일 만큼 밝은지.
words-verdict = { $state ->
        [yes] { $sky ->
            [city] 도시 하늘에서도
            [suburb] 교외 하늘에서도
            [dark] 어두운 하늘에서
           *[binoculars] 쌍안경으로
        } 보일 만큼 밝아요
        [perhaps] { $sky ->
            [city] 도시 하늘에서
            [suburb] 교외 하늘에서
            [dark] 어두운 하늘에서
           *[binoculars] 쌍안경으로
        } 겨우 보일 수도 있어요{ $binoculars ->
            [will] . 쌍안경으로는 보여요
            [may] . 쌍안경으로는 보일 수도 있어요
           *[no] {""}
        }
        [probably-not] { $sky ->
            [city] 도시 하늘에서는
            [suburb] 교외 하늘에서는
            [dark] 어두운 하늘에서도
           *[binoculars] 쌍안경으로도
        } 너무 희미할 것 같아요{ $binoculars ->
            [will] . 쌍안경으로는 보여요
            [may] . 쌍안경으로는 보일 수도 있어요
           *[no] {""}
        }
       *[no] { $sky ->
            [city] 도시 하늘에서는
            [suburb] 교외 하늘에서는
            [dark] 어두운 하늘에서도
           *[binoculars] 쌍안경으로도
        } 너무 희미해요
    }
# 표의 "맨눈" 열.
words-verdict-cell-yes = 보임
words-verdict-cell-maybe = 아마도
words-verdict-cell-no = 희미함
# 추정 등급의 밝기 문장.
words-brightness-estimated = { $level ->
        [very-bright] 어떤 별보다도 밝아요
        [bright] 가장 밝은 별들만큼 밝아요
        [easy] 밝은 별처럼 쉽게 보여요
        [faint] 희미해서 어두운 하늘이 필요해요
       *[very-faint] 아주 희미해서 쌍안경이 있으면 좋아요
    }({ $estimated }).
# 알림에서 추정 등급의 밝기.
words-seen-brightness-estimated = 밝기 { $estimated }, { $short }.
# 달력 일정 제목에서 판정이 "아마도"일 때.
words-event-visibility-maybe = 보임, 약 { $mag }등급: 여기서는 맨눈으로 겨우 보일까 말까
# 유인물에서 하늘 한계 등급의 1시그마 안에 있는 등급.
words-handout-maybe = { $mag }?
# 추정 등급이 있는 유인물 줄의 메모.
words-handout-row-note-magnitude = { $note }; { $magnitude }

## The first evening (issue 20): ready lists, and satellites with nothing to see (src/report/outlook.rs)

words-list-famous = 유명하고 밝은 위성
words-list-korean-recon = 남북한 정찰위성
words-unseen-window = { $kind ->
        [tonight] 오늘 밤
        [days] { $count }일 동안
       *[hours] { $count }시간 동안
    }
words-unseen-next = { $sat }: { $window } 맨눈으로 보이는 통과가 없어요. 다음은 { $date } { $time } ({ $dir }쪽에서 나타나 { $height }°까지 올라요)
words-unseen-plain = { $sat }: { $window } 맨눈으로 보이는 통과가 없어요
words-unseen-none = { $sat }: { $window } 맨눈으로 보이는 통과가 없고, 그 뒤 { $days }일 동안에도 없어요 (낮이거나, 지구 그림자 속이거나, 너무 어두워요)
words-unseen-never-rises = { $sat }: 여기서는 지평선 위로 뜨지 않아요 (앞으로 { $days }일 동안도 뜨지 않아요)

## The first evening (issue 20): the handout accounts for every satellite and pass

words-handout-brightest-of = 보이는 통과 { $count }번 가운데 가장 밝은 { $shown }번을 시간 순서로 실었어요. 다음 쪽에 모두 있어요.
words-handout-all-passes = { $place } 하늘에서 보이는 통과 { $count }번 모두 (시간 순서)
words-handout-page = { $pages }쪽 가운데 { $page }쪽.
words-handout-unseen-more = … 이 기간에 맨눈으로 보이는 통과가 없는 위성이 { $count }개 더 있어요. 이 자료 끝에 모두 실었어요.
words-handout-unseen-heading = 이 기간에 맨눈으로 보이는 통과가 없는 위성

## Times people trust (issue 20): how uncertain a time is
words-plus-minus = { $unit ->
        [seconds] ±{ $n }초
        [minutes] ±{ $n }분
       *[hours] ±{ $n }시간
    }


## The ± beside a pass's times (issue 26; words-plus-minus above).
words-handout-row-note-timing = { $note } · 시각 오차 { $plus_minus }
