# Повідомлення Safeground українською. Ті самі ідентифікатори, що й у en.ftl (це перевіряє тест).

## Одиниці та числа

unit-m2 = { $value } м²
unit-ha = { $value } га
unit-km = { $value } км
unit-m = { $value } м
figure-none = —
people-suppressed = < { $threshold }

## Звіт для донорів

report-title = Звіт про хід звільнення земель
report-kicker = Гуманітарна протимінна діяльність · звільнення земель
report-html-title = Звіт про хід звільнення земель — { $donor } — { $period }
report-period = з { $from } по { $to }
report-all-donors = Усі донори
report-meta-donor = Донор
report-meta-period = Період
report-meta-organisation = Організація
report-meta-project = Проєкт
report-meta-data-as-of = Дані станом на
report-meta-scope = Охоплення
report-headline = Основні показники
report-card-released = земель звільнено за період ({ $hectares }) і повернено громадам як безпечні
report-card-cancelled = скасовано нетехнічним обстеженням
report-card-reduced = зменшено технічним обстеженням
report-card-cleared = очищено
report-card-remaining = забруднена площа, що залишилася на кінець періоду
report-card-closed = небезпечних територій закрито / передано за період
report-card-items = вибухонебезпечних предметів виявлено ({ $destroyed } знищено)
report-card-productivity = на сапера за день (продуктивність)
report-card-find-rate = предметів виявлено на 1 000 м² зменшеної чи очищеної площі
report-card-people = людей взяли участь у передачі земель
report-card-lands = небезпечних територій в охопленні
report-released = Звільнені землі
report-series-cancelled = Скасовано
report-series-reduced = Зменшено
report-series-cleared = Очищено
report-chart-released = Площа, звільнена за місяць, за способом звільнення
report-chart-released-caption = Кожен стовпчик — площа, звільнена за один місяць (за рік, якщо період довший за три роки), поділена на частини: скасована (нетехнічне обстеження), зменшена (технічне обстеження) та очищена.
report-chart-remaining = Забруднена площа, що залишилася, за класифікацією
report-chart-remaining-bar = { $classification } ({ $lands ->
        [one] { $lands } територія
        [few] { $lands } території
        [many] { $lands } територій
       *[other] { $lands } території
    })
report-chart-status = Небезпечні території за статусом на кінець періоду
report-unit-lands = території
report-unit-items = предмети
report-map = Карта небезпечних територій
report-map-caption = Умовні позначення IMAS для звільнення земель: заливка — за класифікацією, контур — за статусом (пунктир, поки тривають роботи), звільнені частини — світло-зеленим.
report-map-caption-redacted = Території, місце яких небезпечно оприлюднювати, не показано; виявлені предмети в цьому виданні на карту не нанесено.
report-per-land = Хід робіт за небезпечними територіями
report-col-code = Код
report-col-name = Назва
report-col-admin-area = Адмінодиниця
report-col-classification = Клас.
report-col-status = Статус
report-col-cancelled = Скасовано, м²
report-col-reduced = Зменшено, м²
report-col-cleared = Очищено, м²
report-col-remaining = Залишилося, м²
report-total-lands = Разом ({ $count ->
        [one] { $count } небезпечна територія
        [few] { $count } небезпечні території
        [many] { $count } небезпечних територій
       *[other] { $count } небезпечної території
    })
report-table-truncated = У таблиці — { $listed } небезпечних територій, де за період звільнено найбільше землі (із { $total } у цьому звіті; рядок «Разом» враховує всі). Кожна територія є у CSV-файлі територій, доданому до звіту.
report-table-note = Скасовано, зменшено й очищено: звільнено за період роботами, врахованими в цьому звіті. Залишилося: уся площа, яка на кінець періоду ще підозріла або підтверджена.
report-items = Виявлені та знищені вибухонебезпечні предмети
report-items-none = Роботи, враховані за цей період, не виявили жодного вибухонебезпечного предмета.
report-items-chart = Виявлені предмети за категорією
report-col-category = Категорія
report-col-found = Виявлено
report-col-destroyed = Знищено
report-total = Разом
report-participation = Участь у передачі земель
report-col-men = Чоловіки
report-col-women = Жінки
report-col-boys = Хлопці
report-col-girls = Дівчата
report-participation-note = Члени громади, які за період взяли участь у передачі звільнених земель, за актами передачі.
report-participation-small = Кількість менше ніж { $threshold } осіб показано як «< { $threshold }», щоб захистити людей.
report-footer = Підготовлено в Safeground { $version } з бази даних управління інформацією програми · профіль: { $profile } · { $edition }. Показники обчислено із записів, внесених і перевірених організацією; ті самі показники надано у CSV поруч із цим файлом.
report-edition-redacted = без персональних даних: імена та контакти інформаторів і заявників, описи та небезпечні для оприлюднення місця вилучено
report-edition-internal = внутрішнє видання: може містити персональні дані, не поширювати за межі організації
report-method = Методологія та визначення
report-method-intro = Визначення відповідають Міжнародним стандартам протимінної діяльності (IMAS 04.10, 07.11, 08.10, 08.20, 08.30) та інформаційній моделі IMSMA.
report-term-land-release = Звільнення земель
report-def-land-release = Процес докладання всіх обґрунтованих зусиль, щоб виявити, визначити й усунути всю присутність і підозру присутності вибухонебезпечних предметів за допомогою нетехнічного обстеження, технічного обстеження та/або розмінування.
report-term-sha = Підозріла небезпечна територія (ПНТ)
report-def-sha = Територія, щодо якої є ознаки забруднення вибухонебезпечними предметами.
report-term-cha = Підтверджена небезпечна територія (ПдНТ)
report-def-cha = Територія, забруднення якої мінами чи вибухонебезпечними залишками війни підтверджено на підставі прямих доказів.
report-term-cancelled = Скасовано
report-def-cancelled = Площа, звільнена нетехнічним обстеженням: доказів забруднення не знайдено, без технічного втручання.
report-term-reduced = Зменшено
report-def-reduced = Площа, звільнена технічним обстеженням (із технічним засобом, як-от машина чи собака, або без нього).
report-term-cleared = Очищено
report-def-cleared = Площа, з якої всі вибухонебезпечні предмети вилучено та/або знищено до визначеної глибини.
report-term-accounting = Облік площ
report-def-accounting = Для кожної небезпечної території оцінена площа = скасовано + зменшено + очищено + залишилося, усе в квадратних метрах (1 га = 10 000 м²); інших одиниць не змішують.
report-term-period = Період
report-def-period = Робота входить у період за датою її завершення. Залишок площі та статус — на останній день періоду: оцінена площа мінус усе, що звільнено на території до цього дня.
report-term-attribution = Віднесення до донора
report-def-attribution = Робота зараховується донору, якщо в ній зазначено цього донора, або не зазначено жодного, а донора зазначено в її небезпечній території.
report-term-productivity = Продуктивність
report-def-productivity = Квадратні метри, зменшені чи очищені на сапера за день, за роботами, де облікуються дні роботи саперів.
report-term-find-rate = Частота виявлення
report-def-find-rate = Вибухонебезпечні предмети, виявлені на 1 000 м² зменшеної чи очищеної площі.
report-term-handover = Передача
report-def-handover = Процес, у якому бенефіціар отримує та приймає землю, яку раніше підозрювали в наявності вибухонебезпеки.
report-legend-cha-open = Підтверджена небезпечна територія (ПдНТ), відкрита
report-legend-sha-worked-on = Підозріла небезпечна територія (ПНТ), роботи тривають
report-legend-closed = Закрита або передана
report-legend-released = Звільнена частина
report-legend-hazard-report = Повідомлення про небезпеку (літера: категорія ВНП)
report-legend-reference = { $name } ({ $role })
report-attribution = Основа карти: Natural Earth (суспільне надбання). Кордони не є офіційними.
report-attribution-reference = Основа карти: Natural Earth (суспільне надбання); довідкові шари: власні файли програми. Кордони не є офіційними.
report-csv-lands-header = код,назва,адмінодиниця,класифікація,статус,оцінена_м2,скасовано_м2,зменшено_м2,очищено_м2,залишилося_м2,виявлено_предметів
report-csv-summary-header = розділ,показник,значення,одиниця

## Фільтр звіту

filter-whole-store = уся база
filter-period = з { $from } по { $to }
filter-from = з { $from }
filter-up-to = по { $to }
filter-donor = донор { $donor }
filter-organisation = організація { $organisation }
filter-admin-area = адмінодиниця { $area }

## Діаграми та карти (SVG)

chart-no-data = Немає даних за цей період
chart-no-lands = Немає територій для показу
chart-stacked = Стовпчикова діаграма з накопиченням
chart-bars = Стовпчикова діаграма
map-no-lands = Карта: немає територій для показу
map-label = Карта: { $lands ->
        [one] { $lands } територія
        [few] { $lands } території
        [many] { $lands } територій
       *[other] { $lands } території
    }, { $released ->
        [one] { $released } звільнена частина
        [few] { $released } звільнені частини
        [many] { $released } звільнених частин
       *[other] { $released } звільненої частини
    } і { $points ->
        [one] { $points } точка
        [few] { $points } точки
        [many] { $points } точок
       *[other] { $points } точки
    }

## Налаштування

settings-language = Мова
settings-language-system = Як у системі ({ $language })
settings-language-beta = { $language } (бета: розкладка справа наліво неповна)

## The top bar and its menus

menu-store = База
menu-new-programme = Нова програма…
menu-open-store = Відкрити базу…
menu-load-demo = Завантажити демонстраційну програму
top-new-land = Нова територія
top-new-hazard-report = Нове повідомлення про небезпеку
top-import = Імпорт…
top-export = Експорт
export-profile = Профіль (для кого файл)
export-geojson = GeoJSON…
export-csv = Облік площ і роботи (CSV)…
export-gpkg = GeoPackage…
export-report = Звіт про хід робіт для донора…
export-log = Журнал експорту
top-dashboard = Панель показників
top-who-is-recording = Хто вносить дані?
top-recording-as = Вносить { $name } ({ $role })
top-recording-hint = Особа, яку записано в історії, аудиті та журналі експорту; змінити тут
top-settings = Налаштування
settings-appearance = Вигляд
appearance-system = Як у системі
appearance-daylight = Денний (висока контрастність, для роботи надворі)
appearance-dark = Темний
settings-coord-format = Формат координат
settings-gps-threshold = Поріг точності GPS (м)
settings-land-codes = Коди територій на карті
settings-online-tiles = Онлайн-тайли (OpenStreetMap; потрібна мережа, кешуються на диску)
settings-raster = Растрова основа (MBTiles)…
settings-raster-remove = Прибрати растрову основу
settings-raster-name = Растр: { $name }
settings-show-reports = Повідомлення про небезпеку на карті
settings-typed-points = Введені точки вибраної території (репер, орієнтир, поворотні точки)
top-history = Історія
top-history-hint = Хто що змінив і коли: журнал аудиту всієї програми (Ctrl+H)
reconciliation = Узгодження
reconciliation-with = Узгодження ({ $problems })
reconciliation-waiting = { $count } очікують
reconciliation-bundle-refused = пакет відхилено
top-reconciliation-hint = Синхронізувати пакети з іншими ноутбуками й офісом; розв’язати конфлікти (Ctrl+R)
top-layers = Шари
top-layers-hint = Довідкові шари: адміністративні межі, населені пункти, дороги, тайли (Ctrl+L)
top-zoom-all = Показати все
top-measure = Виміряти
top-stop-measuring = Зупинити вимірювання
top-measure-hint = Клацніть на карті, щоб виміряти відстань і площу
top-store = База: { $path }
button-cancel = Скасувати
top-ready = Готово.
top-import-summary = Підсумок імпорту
top-messages = Повідомлення ({ $count })
top-online-tiles-cached = Онлайн-тайли ввімкнено; кеш у { $folder }
top-raster-unreadable = Не вдається прочитати растрову основу: { $error }
unsaved-land = Територія, яку ви вносите, має незбережені зміни: спершу збережіть або скасуйте її
unsaved-hazard-report = Повідомлення про небезпеку, яке ви вносите, має незбережені зміни: спершу збережіть або скасуйте його
unsaved-activity = Робота, яку ви вносите, має незбережені зміни: спершу збережіть або скасуйте її

## The list and the hazard report panel

list-lands-tab = Території ({ $count })
list-reports-tab = Повідомлення про небезпеку ({ $count })
list-search = Пошук
list-search-lands-hint = код, назва, донор…
list-search-reports-hint = код, категорія ВНП, територія…
list-only = Лише { $count } територій: { $reason }
list-show-all = Показати всі
list-all = Усі
list-class = Клас
list-status = Статус
list-sort = Сортувати
list-code = Код
list-name = Назва
list-remaining-m2 = Залишок, м²
list-eo = ВНП
list-quantity = К-сть
list-land = Територія
list-lands-shown = { $shown } з { $total } територій
list-reports-shown = { $shown } з { $total } повідомлень про небезпеку
detail-void = Анулювати…
report-type-model = Тип / модель
report-location = Місце
report-as-entered = Як введено
report-reported-on = Дата повідомлення
report-reported-by = Хто повідомив
report-phone = Телефон
report-organisation = Організація
report-notes = Примітки
report-photos = Фото ({ $count })
report-photo-hint = { $file } — клацніть, щоб відкрити в повному розмірі
report-add-photo = Додати фото…
photo-title = Фото — { $file }
photo-caption = Підпис
photo-save-caption = Зберегти підпис
photo-remove = Прибрати фото…
photo-remove-confirm = Прибрати це фото з повідомлення? (Воно залишиться в аудиті бази.)
photo-remove-yes = Прибрати
photo-keep = Залишити

## The land detail panel

void-because = Анулювати { $code }, бо
void-hint = напр. внесено двічі
void-yes = Анулювати
void-keep = Залишити
detail-returned = Повернено: { $comment }
detail-polygon-flagged = Полігон позначено: { $issue }
detail-zoom = Наблизити до території
detail-record-activity = Внести роботу
detail-edit = Редагувати територію
detail-submit = Подати
detail-comment-hint = коментар (потрібен, щоб повернути)
detail-approve = Затвердити
detail-return = Повернути
detail-ledger = Облік площ
detail-details = Відомості
detail-date-of-information = Дата інформації
detail-evidence = Докази
detail-hazard-types = Типи небезпеки
detail-admin = Адмінодиниця
detail-pcode = P-код
detail-priority = Пріоритет
detail-team = Команда
detail-donor = Донор
detail-project = Проєкт
detail-blockage = Блокування
detail-terrain = Місцевість
detail-beneficiaries = Бенефіціари
detail-geo-unsafe = Місце небезпечно записувати
detail-yes = так
detail-evidence-items = Докази ({ $count })
detail-informant = Інформатор: { $name } ({ $role }) { $phone }
detail-source-attributes = Атрибути джерела ({ $count })
detail-source-attributes-hint = Як в імпортованому файлі; пошук у списку їх знаходить.
detail-points = Введені точки ({ $count })
detail-point = Точка
detail-point-type = Тип
detail-position = Положення
detail-source = Джерело
source-gps = GPS ±{ $accuracy } м
source-gps-poor = GPS ±{ $accuracy } м (низька точність)
source-traverse = від { $from }: { $bearing }, { $distance } м
source-slope = (схил { $degrees }°)
source-map-click = клацання на карті
source-import = імпорт
source-typed = введено вручну
detail-activities = Роботи ({ $count })
detail-void-activity-hint = Анулювати { $code }: зберігається, позначається анульованою, не входить в облік площ
detail-activity-released = звільнено { $area }{ $items ->
        [0] {""}
        [one] , { $items } предмет
        [few] , { $items } предмети
       *[other] , { $items } предметів
    }
detail-status-history = Історія статусів ({ $count })
detail-superseded = { $text } [замінено]
detail-history = Історія ({ $count })
ledger-estimated = Оцінена
ledger-cancelled = Скасовано
ledger-reduced = Зменшено
ledger-cleared = Очищено
ledger-remaining = Залишилося

## Forms and the land editor

date-hint = РРРР-ММ-ДД
calendar = Календар
calendar-hint = Вибрати дату в календарі
calendar-previous = Попередній місяць
calendar-next = Наступний місяць
form-undo = Скасувати дію
form-redo = Повторити
form-discard = Відкинути зміни
form-keep-editing = Продовжити редагування
form-close-land = Територія має незбережені зміни. Закрити її й утратити їх?
form-close-activity = Робота має незбережені зміни. Закрити її й утратити їх?
form-close-hazard-report = Повідомлення про небезпеку має незбережені зміни. Закрити його й утратити їх?
form-required = Обов’язкове поле
form-store-refused = База відмовила: { $reason }
editor-edit-title = Редагування { $code } — { $name }
editor-classification = Класифікація
editor-found-pcode = P-код { $pcode }
editor-found-settlement = найближчий населений пункт { $settlement }
editor-admin-from-layer = Адмінодиниця з довідкового шару { $layer }: { $found } (введене вами значення зберігається)
editor-click-points = Додавати точки клацанням на карті
editor-traverse = Хід від репера
editor-area = Площа { $area } ({ $hectares }), геодезична WGS84
editor-area-needs-points = Площа: потрібно щонайменше три точки периметра
editor-implausible-area = Перевірте точки: { $hectares } га більше майже за будь-яку небезпечну територію, внесену за один раз (понад { $limit } га); так буває через помилку в координаті чи клацання не в тому місці
editor-overlaps = Перекриває { $count ->
        [one] { $count } відкриту територію
        [few] { $count } відкриті території
       *[other] { $count } відкритих територій
    }: { $codes } — перевірте, чи її не внесено двічі
editor-save = Зберегти територію

## Typed points, evidence and the traverse

form-delete = Видалити
editor-evidence-items = Докази ({ $count })
editor-evidence-what = Що (напр. знаки мін, вирви)
editor-evidence-how = Звідки відомо
editor-add-evidence = Додати доказ
editor-informants = Ключові інформатори ({ $count })
editor-informants-sensitive = Чутливі дані: імена й телефони залишаються в цій базі та в повних експортах; експорти для донорів і публіки їх не містять.
editor-informant-role = Роль у громаді
editor-add-informant = Додати інформатора
editor-point-label = Позначка
editor-point-coordinate = Координата (будь-який запис)
editor-point-gps = GPS ± м
editor-point-number = Точка { $number }
editor-read-as = прочитано як { $format }
editor-gps-worse = гірше за поріг { $threshold } м
editor-gps-poor = низька точність
editor-up = Вгору
editor-move-up = Перемістити вгору
editor-delete-point = Видалити точку
editor-add-point = Додати точку
editor-not-set = Не задано
editor-admin1 = Адмінрівень 1
editor-admin1-hint = область, кантон, провінція
editor-admin2 = Адмінрівень 2
editor-admin2-hint = громада, район
editor-settlement = Населений пункт
editor-settlement-hint = село чи місто
editor-pcode-hint = напр. BA-ZD-TSJ-014
editor-blockage-hint = що блокує небезпека
editor-terrain-hint = рослинність, схил, ґрунт
editor-beneficiaries = Очікувані бенефіціари
editor-beneficiaries-hint = осіб
editor-project-hint = проєкт донора
traverse-benchmark = Репер
traverse-bearings-in = Азимути в
traverse-north = Північ
traverse-declination = Схилення (° на схід)
traverse-declination-date = Дата схилення
traverse-instrument = Прилад
traverse-leg = Відрізок
traverse-bearing = Азимут
traverse-distance = Відстань, м
traverse-slope = Схил, °
traverse-first-leg = Від BM до SP
traverse-leg-bearing = Азимут відрізка { $leg }
traverse-leg-distance = Відстань відрізка { $leg }
traverse-leg-slope = Схил відрізка { $leg }
traverse-add-leg = Додати відрізок
traverse-exact = точна
traverse-misclosure = Нев’язка { $misclosure } м за азимутом { $bearing }° (замикання { $ratio }), периметр { $perimeter } м
traverse-use = Використати точки ходу
traverse-bad-benchmark = репер: { $error }
traverse-bad-declination = схилення: це не число
traverse-bad-declination-date = дата схилення: запишіть її як РРРР-ММ-ДД
traverse-bad-bearing = відрізок { $leg }: азимут — не число
traverse-bad-distance = відрізок { $leg }: відстань — не число
traverse-bad-slope = відрізок { $leg }: схил — не число
traverse-no-leg = додайте принаймні один відрізок

## The activity and hazard report forms

activity-title = Внести роботу
activity-start = Дата початку
activity-end = Дата завершення
activity-method = Метод
activity-deminer-days = Людино-дні саперів
activity-reduced-with-asset = Зменшено з технічним засобом, м²
activity-reduced-without-asset = Зменшено без технічного засобу, м²
activity-residual-risk = Залишковий ризик
activity-direct-evidence = Прямі докази підтверджено (ПНТ стає ПдНТ)
activity-devices = Виявлені предмети
activity-type-model-hint = тип/модель
activity-quantity-hint = к-сть
activity-add-device = Додати предмет
activity-save = Зберегти роботу
hazard-form-location-hint = Введіть місце в будь-якому записі або клацніть на карті.
hazard-form-eo-category = Категорія ВНП
hazard-form-quantity = Кількість
hazard-form-condition = Стан
hazard-form-reporter-phone = Телефон заявника
hazard-form-gps-accuracy = Точність GPS, м
hazard-form-no-land = немає
hazard-form-geo-unsafe = Місце небезпечно записувати
hazard-form-save = Зберегти повідомлення про небезпеку

## What the app says it did (and what failed)

action-reading-unsaved-work = Читання незбереженої роботи
action-opening-the-store = Відкриття бази
action-loading-the-records = Завантаження записів
action-loading-the-hazard-report = Завантаження повідомлення про небезпеку
action-this-action = Ця дія
action-saving = Збереження
action-loading-the-land = Завантаження території
action-loading-the-demo-programme = Завантаження демонстраційної програми
action-attaching-the-photo = Додавання фото
action-the-dashboard = Панель показників
action-writing-the-sample-layers = Запис зразкових шарів
action-keeping-unsaved-work = Збереження незбереженої роботи
action-discarding-unsaved-work = Відкидання незбереженої роботи
action-saving-the-layer = Збереження шару
action-moving-the-layer = Переміщення шару
action-removing-the-layer = Видалення шару
action-saving-the-caption = Збереження підпису
action-removing-the-photo = Видалення фото
action-opening-the-photo = Відкриття фото
action-reading-the-history = Читання історії
action-searching-source-attributes = Пошук в атрибутах джерела
action-adding-the-layer = Додавання шару
action-reading-the-reference-layers = Читання довідкових шарів
action-reading-the-export-log = Читання журналу експорту
action-export = Експорт
action-writing-the-sync-bundle = Запис пакета синхронізації
action-applying-the-sync-bundle = Застосування пакета синхронізації
action-syncing-with-the-office-server = Синхронізація з офісним сервером
action-reading-the-sync-state = Читання стану синхронізації

action-settling = Розв’язання { $field } у { $code }
state-failed = { $action }: помилка: { $error }
state-not-saved = Не збережено: { $error }
state-store-busy = База зайнята; спробуйте за мить
busy-importing = Імпорт…
busy-exporting = Експорт…
busy-loading-demo = Завантаження демонстраційної програми…
busy-opening-store = Відкриття бази…
busy-syncing = Синхронізація з офісним сервером…
stage-connecting = Підключення до { $server }…
stage-receiving = Отримання змін з офісного сервера: { $count }…
stage-sending = Надсилання змін на офісний сервер: { $count }…
done-synced = Синхронізовано з офісним сервером: { $summary }
done-bundle-written = Пакет синхронізації записано: { $path } (версій: { $versions }, фото: { $photos })
done-bundle-applied = Пакет синхронізації застосовано ({ $path }): { $summary }
done-conflicts-settled = { $count ->
        [one] Розв’язано { $count } конфлікт
        [few] Розв’язано { $count } конфлікти
       *[other] Розв’язано { $count } конфліктів
    }; рішення потрапить на інші ноутбуки з наступним пакетом
done-demo-loaded = Демонстраційну програму завантажено в окрему базу: територій — { $lands }, робіт — { $activities }, повідомлень про небезпеку — { $reports }
done-demo-backup = (попередні демонстраційні записи — у { $path })
done-land-edit-superseded = Зміну датовано раніше за дату інформації території: її збережено в історії, але не застосовано
done-activity-recorded = Роботу { $code } внесено
done-land-now = територія тепер { $classification } · { $status }
done-hazard-report-saved = Повідомлення про небезпеку { $code } збережено
done-report-edit-superseded = Зміну { $code } датовано раніше за повідомлення: збережено в аудиті, не застосовано
done-activity-voided = { $code } анульовано; на { $land } залишилося { $remaining } ({ $classification } · { $status })
done-hazard-report-voided = Повідомлення про небезпеку { $code } анульовано
done-photo-attached = Фото { $file } додано
done-workflow = { $code } тепер: { $state }
done-photo-removed = Фото прибрано (зберігається в аудиті)
done-photo-unreadable = Фото { $file } неможливо показати: { $error }
done-layers-added = { $count ->
        [one] Довідковий шар додано
       *[other] Довідкові шари додано
    }: { $names }

## Windows: the person, the store, the pickers, the export log, the welcome

person-intro = Ваше ім’я потрапляє в кожен запис, рядок історії, запис аудиту й експорт, які ви робите на цьому пристрої.
person-name = Ваше ім’я *
person-name-hint = напр. Олена Коваль
person-organisation = Ваша організація
person-role = Ваша роль *
person-name-missing = Ім’я: вкажіть ім’я, під яким вас знають.
person-role-missing = Роль: виберіть одну; записи затверджує лише фахівець з управління інформацією.
person-save = Зберегти особу
person-not-now = Не зараз
person-now-recording = { $name } ({ $role }) тепер вносить дані на цьому пристрої
ask-create-title = За цим шляхом немає бази
ask-create-text = За шляхом { $path } немає бази Safeground. Чи правильно введено назву, чи файл перемістили?
ask-create-yes = Створити там нову порожню базу
ask-create-open = Відкрити іншу базу…
pick-open-store = Відкрити файл бази
pick-new-store = Нова програма: виберіть файл бази
pick-import = Імпорт GeoJSON або CSV робіт
pick-export-geojson = Експорт у GeoJSON
pick-export-csv = Експорт обліку площ і робіт у CSV
pick-export-gpkg = Експорт у GeoPackage
pick-report = Записати звіт про хід робіт для донора (HTML)
pick-mbtiles = Растрова основа (MBTiles)
pick-reference-layer = Додати довідковий шар
pick-photo = Додати фото (JPEG або PNG)
pick-sync-import = Застосувати пакет синхронізації з іншого ноутбука
pick-sync-export = Записати пакет синхронізації
button-close = Закрити
loading = Завантаження…
export-log-empty = З цієї бази ще нічого не експортували.
export-log-when = Коли (UTC)
export-log-who = Хто
export-log-format = Формат
export-log-profile = Профіль
export-log-filter = Фільтр
export-log-file = Файл
export-log-counts = територій: { $lands }, робіт: { $activities }, повідомлень про небезпеку: { $reports }
messages = Повідомлення
issue-error = Помилка
issue-warning = Попередження
issue-features = об’єкти { $features }
issue-show-lands = Показати ці території ({ $count })
welcome-title = Ласкаво просимо до Safeground
welcome-text = Вносьте небезпечні території, повідомлення про небезпеку й хід розмінування — без мережі.
welcome-empty-store = Ця база порожня: { $path }
welcome-new = Почати нову програму
welcome-demo = Відкрити демонстраційну програму
welcome-import = Імпортувати файл GeoJSON…
welcome-open = Відкрити інший файл бази…

## The dashboard

dashboard-from = З
dashboard-to = По
dashboard-from-hint = Перший день періоду, РРРР-ММ-ДД; порожньо: від початку
dashboard-to-hint = Останній день періоду, РРРР-ММ-ДД; порожньо: до сьогодні
dashboard-bad-date = { $field }: «{ $text }» — не дата; пишіть РРРР-ММ-ДД, напр. 2025-01-31
dashboard-report-for = Звіт для
dashboard-write-report = Записати звіт для донора…
dashboard-zoom = Наблизити карту до цих територій
dashboard-computing = Обчислення…
dashboard-no-activities = в охопленні немає робіт
dashboard-released = Звільнено за період
dashboard-lands = Територій в охопленні
dashboard-remaining = Залишилося на кінець
dashboard-closed = Закрито / передано
dashboard-items = Предметів виявлено / знищено
dashboard-productivity = { $area } м² на сапера за день
dashboard-find-rate = { $rate } предметів на 1 000 м²
dashboard-participation = чоловіків: { $men }, жінок: { $women }, хлопців: { $boys }, дівчат: { $girls }
dashboard-hazard-reports = Повідомлення про небезпеку
dashboard-chart-released = Площа, звільнена за місяць, за способом (м²)
dashboard-chart-productivity = Продуктивність за місяць (м² на сапера за день)
dashboard-chart-find-rate = Частота виявлення за місяць (предметів на 1 000 м²)
dashboard-chart-remaining = Площа, що залишилася, за класифікацією (м²)
dashboard-chart-status = Території за статусом
dashboard-none = В охопленні немає

## Reconciliation: bundles, the office server, conflicts

sync-last-refused = Останній пакет, { $file }, відхилено, нічого не змінено:
sync-parked = { $count ->
        [one] { $count } зміна чекає
        [few] { $count } зміни чекають
       *[other] { $count } змін чекають
    } на попередні зміни, які ще не надійшли; їх збережено й застосують, щойно ті надійдуть. Попросіть ноутбуки нижче про їхній останній пакет.
sync-parked-row = { $kind } { $code } від { $device } (надійшло { $at })
sync-office-server = Офісний сервер
sync-address = Адреса
sync-address-hint = Адреса сервера від фахівця з управління інформацією; додайте ?sslmode=require для шифрованого з’єднання
sync-password = Пароль
sync-password-placeholder = (або з ~/.pgpass)
sync-password-hint = Лише для цієї синхронізації; Safeground ніколи його не зберігає
sync-hub-button = Синхронізувати з офісним сервером
sync-hub-hint = Надсилає зміни цього ноутбука й отримує зміни інших, кожне однією транзакцією; можна повторювати без ризику
sync-never = ніколи
sync-hub-user = { $user } ({ $role }, { $organisation })
sync-last = Остання синхронізація { $when } як { $who }: { $summary }
sync-last-failed = Остання синхронізація { $when } як { $who } не вдалася: { $summary }
sync-never-synced = Ще не синхронізовано з офісним сервером.
sync-this-laptop = Цей ноутбук: { $name } ({ $device }), програма { $programme }
sync-unnamed = без назви
sync-apply = Застосувати пакет…
sync-apply-hint = Файл .sgbundle з іншого ноутбука чи з офісу (спершу робиться резервна копія цієї бази)
sync-write-for = Записати пакет для
sync-everything = усе (новий ноутбук приєднується з нього)
sync-write = Записати…
sync-no-bundle = Ще жодного пакета не надіслано й не отримано.
sync-laptop = Ноутбук
sync-received = Отримано
sync-last-received = Востаннє отримано
sync-sent = Надіслано
sync-last-sent = Востаннє надіслано
sync-changes = { $count ->
        [one] { $count } зміна
        [few] { $count } зміни
       *[other] { $count } змін
    }
sync-device = пристрій { $device }
sync-no-conflicts = Відкритих конфліктів немає: кожна зміна об’єдналася сама.
sync-open-conflicts = { $count ->
        [one] { $count } відкритий конфлікт
        [few] { $count } відкриті конфлікти
       *[other] { $count } відкритих конфліктів
    }
sync-conflicts-explained = Одне й те саме поле змінили на різні значення на двох ноутбуках. Показане зараз значення — тимчасовий переможець (пізніша дата інформації, потім пізніша зміна); інше зберігається, доки хтось не вирішить. Рішення потрапляє на кожен ноутбук з наступним пакетом.
sync-select-all = Вибрати всі
sync-select-none = Зняти вибір
sync-keep-mine-selected = Залишити моє для вибраних ({ $count })
sync-take-theirs-selected = Взяти їхнє для вибраних ({ $count })
sync-keep-mine = Залишити моє
sync-take-theirs = Взяти їхнє
sync-show-both = Показати обидва на карті
sync-show-on-map = Показати на карті
sync-base = Спільна основа
sync-mine = Моє
sync-theirs = Їхнє
sync-from = від { $device }
sync-shown-now = Показано зараз
sync-winner-mine = моє (тимчасовий переможець)
sync-winner-theirs = їхнє (тимчасовий переможець)

## Reference layers, history, unsaved work

layers-title = Довідкові шари
layers-intro = Файли, які вже має ця програма, показані під територіями: адміністративні межі (з них заповнюються адмінодиниця та P-код нової території), населені пункти, дороги, річки, пакети тайлів. Зберігаються разом із цією базою.
layers-add = Додати шар… (GeoPackage, GeoJSON, Shapefile, MBTiles, PMTiles)
layers-add-sample = Додати зразкові шари (вигадані, щоб спробувати)
layers-add-sample-hint = Записує вигадані адміністративні межі з P-кодами, населені пункти й дороги в районі демонстрації в папку поруч із базою та додає їх
layers-none = Довідкових шарів ще немає.
layers-shown = Показано на карті
layers-remove-hint = Прибрати зі списку цієї бази (файл залишається)
layers-down = Нижче
layers-down-hint = Малювати нижче
layers-up-hint = Малювати над шаром вище
layers-cannot-draw = Неможливо намалювати: { $error }
layers-holds = Містить
layers-features = { $count ->
        [one] { $count } об’єкт
        [few] { $count } об’єкти
       *[other] { $count } об’єктів
    }
layers-skipped = (без придатної геометрії пропущено: { $count })
layers-no-admin-fields = Немає полів ADMn_PCODE / ADMn_EN: шар малюється, але не може заповнювати адмінодиниці.
layers-in-report = Також на карті звіту для донора
layers-tiles-note = Пакет тайлів: найвищий видимий стає тлом карти.
history-title = Історія програми
history-person = Особа
history-record = Запис
history-action = Дія
history-nothing = Нічого не знайдено.
history-entries = { $count ->
        [one] { $count } запис, найновіші першими
        [few] { $count } записи, найновіші першими
       *[other] { $count } записів, найновіші першими
    }
history-entries-latest = Записів: { $count }, найновіші першими (останні 500)
unsaved-title = Незбережена робота з минулого разу
unsaved-intro = Safeground закрився, коли ці форми були відкриті. Жодного запису ще не збережено; відновіть форму, щоб продовжити з того місця, де ви зупинилися.
unsaved-restore = Відновити
unsaved-discard = Відкинути
unsaved-edit-of = Редагування { $code } ({ $name })
unsaved-new-land-named = Нова територія: { $name }
unsaved-activity-on = Робота на { $code }
unsaved-unreadable = Незбережену форму ({ $kind }) не вдалося прочитати (її збережено іншою версією Safeground); вона залишилася в базі

## The map, the file picker and the import mapping

measure-distance = Відстань { $distance } м
measure-distance-area = Відстань { $distance } м · площа { $area } ({ $hectares })
map-insert-vertex = Клацніть, щоб вставити тут вершину
map-drag-vertex = Перетягніть, щоб перемістити; клацніть правою кнопкою, щоб видалити
map-basemap = Основа карти: { $attribution }. { $note }
map-not-authoritative = Кордони не є офіційними.
map-basemap-unavailable = Основа карти недоступна: { $error }
map-tiles = Тайли: { $name }
map-flagged = { $code } (позначено)
picker-new-folder = Нова папка
picker-create-folder = Створити папку
picker-file-name = Назва файлу
picker-files = Файли: { $patterns }
picker-open = Відкрити
picker-save = Зберегти
picker-replace-title = Замінити файл?
picker-replace-text = { $path } (або файл, записаний поруч) уже існує. Замінити?
picker-replace = Замінити
mapping-title = Імпорт { $file }
mapping-intro = Об’єктів: { $count }. Виберіть, яка властивість містить кожне поле; решта зберігаються з кожною територією як атрибути джерела (видно в її відомостях, шукаються).
mapping-usual-names = (звичні назви)
mapping-properties = Властивості у файлі
mapping-property = Властивість
mapping-filled = Заповнено
mapping-examples = Приклади
mapping-filled-of = { $filled } з { $total }
mapping-import = Імпортувати

## Imports and the store

state-upgraded = Базу оновлено; старий файл збережено в { $path }
state-import-refused = Імпорт відхилено, нічого не записано: { $error }
state-imported = Імпортовано: територій — { $lands }, робіт — { $activities }, повідомлень про небезпеку — { $reports } (пропущено: { $skipped }, проблем у підсумку імпорту: { $problems })
state-land-saved = Територію { $code } збережено
picker-home = Домашня папка
picker-data = Дані Safeground
picker-removable = Знімний носій: { $name }
picker-drive = Диск { $letter }:

## What is wrong with a field

detail-points-plain = Введені точки
problem-required = обов’язкове поле
problem-required-date = обов’язкове поле (РРРР-ММ-ДД)
problem-too-long = довше за { $max } символів
problem-control-characters = містить керівні символи
problem-bidi-control = містить символ керування напрямком тексту (U+202A–U+202E або U+2066–U+2069); введіть без нього
problem-not-in-vocabulary = «{ $value }» не є жодним із: { $allowed }
problem-not-a-date = «{ $value }» — не дата між 1900 і 2100 роками (РРРР-ММ-ДД)
problem-negative = { $value } { $unit } — від’ємне значення
problem-too-large = { $value } { $unit } більше за максимум { $max } { $unit }
problem-not-a-number = «{ $value }» — не число ({ $unit })
problem-not-a-whole-number = «{ $value }» — не ціле число ≥ 0
problem-need-points = додайте щонайменше три точки периметра (початкову, поворотну, кінцеву) — введенням, клацанням на карті чи ходом

## Sync summaries

summary-bundle = нових версій: { $new } з { $total } у пакеті; записи: нових — { $records_new }, змінених — { $updated }, об’єднаних — { $merged }; відкритих конфліктів: { $conflicts }; в очікуванні: { $parked }; фото: { $photos }
summary-hub = отримано нових версій: { $received } (записи: нових — { $records_new }, змінених — { $updated }, об’єднаних — { $merged }); надіслано версій: { $sent }; відкритих конфліктів: { $conflicts }; в очікуванні: { $parked }
summary-hub-not-ours = не надіслано змін до записів іншої організації: { $count }
summary-hub-skipped = змін на сервері, які неможливо прочитати (залишено там): { $count }
summary-hub-read-only = не надіслано локальних змін (ця роль лише читає): { $count }

## History and field names

history-on-device = на { $device }
history-from-to = з «{ $old }» на «{ $new }»
history-was = було «{ $old }»
field-validation = Погодження
field-polygon = Полігон і точки
field-evidence-items = Докази
field-key-informants = Ключові інформатори
field-all-records = Усі записи

## Refusals

refused-over-release = ця робота звільняє { $requested }, але з оціненої площі території { $estimated } залишилося лише { $remaining }; виправте звільнену площу або спершу перегляньте полігон території

## The store and the map, more

map-raster = Растрова основа (MBTiles)
map-raster-attribution = Растрова основа: { $attribution }
map-new-report = нове повідомлення
worker-start-failed = Не вдалося запустити обробник бази: { $error }
store-damaged = Базу { $path } пошкоджено ({ $problems }). У неї більше нічого не зберігатиметься: відновіть її з резервної копії (safeground restore) і відкрийте знову.
store-unchecked = Базу { $path } не вдалося перевірити ({ $error }); у неї нічого не зберігатиметься, доки її не перевірено.

## Refusals of the lifecycle and the workflow

refused-bucket = робота «{ $kind }» не може вносити { $bucket } (дозволено: { $allowed })
refused-land-closed = територія має статус «{ $status }»; роботу «{ $kind }», що звільняє площу, на ній внести не можна
refused-completion = звіт про завершення має звільнити все, що залишилося, але залишилося б { $remaining }; внесіть звільнену площу за способами або перегляньте полігон території
refused-handover-not-closed = для акта передачі територія має бути закрита, а вона має статус «{ $status }»
refused-handover-wrong-kind = участь у передачі можна внести лише в акт передачі
refused-end-before-start = дата завершення { $end } раніше за дату початку { $start }
refused-workflow = неможливо виконати дію «{ $action }» для запису зі станом «{ $state }»

## Classification
vocab-Classification-indication = Ознака
vocab-Classification-sha = ПНТ
vocab-Classification-cha = ПдНТ
vocab-Classification-ammunition_storage = Склад боєприпасів
vocab-Classification-eod_spot_task = Разове завдання з ЗВНП

## Role
vocab-Role-surveyor = Обстежувач
vocab-Role-im_officer = Фахівець з управління інформацією
vocab-Role-coordinator = Координатор

## LandStatus
vocab-LandStatus-open = Відкрита
vocab-LandStatus-worked_on = Роботи тривають
vocab-LandStatus-closed = Закрита
vocab-LandStatus-handed_over = Передана

## EvidenceOfContamination
vocab-EvidenceOfContamination-direct = Прямі
vocab-EvidenceOfContamination-indirect = Непрямі
vocab-EvidenceOfContamination-none = Немає
vocab-EvidenceOfContamination-not_specified = Не зазначено

## SourceModality
vocab-SourceModality-visual = Візуальне спостереження
vocab-SourceModality-verbal = Усна інформація
vocab-SourceModality-records = Попередні записи

## HazardType
vocab-HazardType-ap_mines = Протипіхотні міни
vocab-HazardType-at_mines = Протитанкові міни
vocab-HazardType-cmr = Залишки касетних боєприпасів
vocab-HazardType-uxo = Нерозірвані боєприпаси (НРБ)
vocab-HazardType-axo = Залишені вибухонебезпечні боєприпаси (ЗВБ)
vocab-HazardType-ied = Саморобні вибухові пристрої (СВП)
vocab-HazardType-booby_traps = Міни-пастки

## EoCategory
vocab-EoCategory-ap_mine = Протипіхотна міна
vocab-EoCategory-at_mine = Протитанкова міна
vocab-EoCategory-cmr = Залишок касетного боєприпасу
vocab-EoCategory-uxo = НРБ
vocab-EoCategory-axo = ЗВБ
vocab-EoCategory-ied = СВП
vocab-EoCategory-booby_trap = Міна-пастка
vocab-EoCategory-saa = Набої до стрілецької зброї
vocab-EoCategory-other = Інше

## ActivityKind
vocab-ActivityKind-nts = Нетехнічне обстеження
vocab-ActivityKind-ts = Технічне обстеження
vocab-ActivityKind-clearance = Розмінування
vocab-ActivityKind-bac = Очищення району бойових дій
vocab-ActivityKind-eod_spot_task = Разове завдання з ЗВНП
vocab-ActivityKind-progress_report = Звіт про хід робіт
vocab-ActivityKind-cancellation_report = Звіт про скасування
vocab-ActivityKind-completion_report = Звіт про завершення
vocab-ActivityKind-handover_certificate = Акт передачі
vocab-ActivityKind-post_clearance_inspection = Перевірка після розмінування

## Method
vocab-Method-manual = Ручний
vocab-Method-mechanical = Механізований
vocab-Method-mdd = Мінно-розшукові собаки
vocab-Method-other = Інший

## Disposal
vocab-Disposal-destroyed_in_situ = Знищено на місці
vocab-Disposal-removed_destroyed = Вилучено та знищено
vocab-Disposal-handed_over = Передано
vocab-Disposal-pending = Очікує

## Priority
vocab-Priority-high = Високий
vocab-Priority-medium = Середній
vocab-Priority-low = Низький

## HazardReportStatus
vocab-HazardReportStatus-reported = Повідомлено
vocab-HazardReportStatus-verified = Перевірено
vocab-HazardReportStatus-destroyed_removed = Знищено / вилучено
vocab-HazardReportStatus-no_item_found = Предмет не знайдено

## ItemCondition
vocab-ItemCondition-intact = Цілий
vocab-ItemCondition-damaged = Пошкоджений
vocab-ItemCondition-fragments = Уламки
vocab-ItemCondition-unknown = Невідомо

## PointKind
vocab-PointKind-reference = Орієнтир
vocab-PointKind-benchmark = Репер
vocab-PointKind-start = Початкова точка
vocab-PointKind-turning = Поворотна точка
vocab-PointKind-intermediate = Проміжна точка
vocab-PointKind-end = Кінцева точка
vocab-PointKind-evidence = Точка доказу
vocab-PointKind-usage = Точка використання

## ValidationState
vocab-ValidationState-draft = Чернетка
vocab-ValidationState-submitted = Подано
vocab-ValidationState-approved = Затверджено
vocab-ValidationState-returned = Повернено

## BearingUnit
vocab-BearingUnit-deg = Градуси
vocab-BearingUnit-mil = Тисячні

## NorthReference
vocab-NorthReference-magnetic = Магнітна
vocab-NorthReference-true = Географічна
vocab-NorthReference-grid = Координатна сітка

## Instrument
vocab-Instrument-compass_tape = Компас і рулетка
vocab-Instrument-laser_rangefinder = Лазерний далекомір
vocab-Instrument-total_station = Тахеометр
vocab-Instrument-other = Інше

## EntityKind
vocab-EntityKind-land = Територія
vocab-EntityKind-activity = Робота
vocab-EntityKind-hazard_report = Повідомлення про небезпеку
vocab-EntityKind-store = База

## AuditAction
vocab-AuditAction-create = Створено
vocab-AuditAction-update = Змінено
vocab-AuditAction-delete = Видалено
vocab-AuditAction-workflow = Погодження
vocab-AuditAction-import = Імпортовано
vocab-AuditAction-void = Анульовано

## CoordFormat
vocab-CoordFormat-dd = DD
vocab-CoordFormat-dms = DMS
vocab-CoordFormat-ddm = DDM
vocab-CoordFormat-utm = UTM
vocab-CoordFormat-mgrs = MGRS

## ExportProfile
vocab-ExportProfile-full = Повний (внутрішній)
vocab-ExportProfile-authority = Національний орган
vocab-ExportProfile-donor = Донор
vocab-ExportProfile-public = Публічний

## LayerRole
vocab-LayerRole-admin_boundaries = Адміністративні межі (P-коди)
vocab-LayerRole-settlements = Населені пункти
vocab-LayerRole-roads = Дороги
vocab-LayerRole-water = Річки та водойми
vocab-LayerRole-other = Інше
vocab-LayerRole-tiles = Пакет тайлів
