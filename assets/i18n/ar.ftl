# رسائل Safeground بالعربية. المعرّفات نفسها الموجودة في en.ftl (يتحقق اختبار من ذلك).

## الوحدات والأرقام

unit-m2 = { $value } م²
unit-ha = { $value } هكتار
unit-km = { $value } كم
unit-m = { $value } م
figure-none = —
people-suppressed = < { $threshold }

## تقرير الجهات المانحة

report-title = تقرير التقدم في الإفراج عن الأراضي
report-kicker = الأعمال الإنسانية المتعلقة بالألغام · الإفراج عن الأراضي
report-html-title = تقرير التقدم في الإفراج عن الأراضي — { $donor } — { $period }
report-period = من { $from } إلى { $to }
report-all-donors = جميع الجهات المانحة
report-meta-donor = الجهة المانحة
report-meta-period = الفترة
report-meta-organisation = المنظمة
report-meta-project = المشروع
report-meta-data-as-of = البيانات حتى
report-meta-scope = النطاق
report-headline = الأرقام الرئيسية
report-card-released = من الأراضي أُفرج عنها خلال الفترة ({ $hectares })، وأُعيدت إلى المجتمعات آمنةً
report-card-cancelled = أُلغيت بالمسح غير التقني
report-card-reduced = خُفّضت بالمسح التقني
report-card-cleared = طُهّرت
report-card-remaining = المساحة الملوثة المتبقية في نهاية الفترة
report-card-closed = مناطق خطرة أُغلقت / سُلّمت خلال الفترة
report-card-items = من الذخائر المتفجرة عُثر عليها (أُتلف منها { $destroyed })
report-card-productivity = لكل يوم عمل لنازع ألغام (الإنتاجية)
report-card-find-rate = مادة عُثر عليها لكل ١٠٠٠ م² خُفّضت أو طُهّرت
report-card-people = شخصًا شاركوا في عمليات التسليم
report-card-lands = منطقة خطرة ضمن النطاق
report-released = الأراضي المُفرج عنها
report-series-cancelled = أُلغيت
report-series-reduced = خُفّضت
report-series-cleared = طُهّرت
report-chart-released = المساحة المُفرج عنها شهريًا حسب طريقة الإفراج
report-chart-released-caption = يمثل كل عمود المساحة المُفرج عنها في شهر واحد (في سنة واحدة للفترات التي تزيد على ثلاث سنوات)، مقسّمة حسب الفئة: ملغاة (مسح غير تقني)، ومخفّضة (مسح تقني)، ومطهّرة.
report-chart-remaining = المساحة الملوثة المتبقية حسب التصنيف
report-chart-remaining-bar = { $classification } ({ $lands ->
        [zero] لا مناطق
        [one] منطقة واحدة
        [two] منطقتان
        [few] { $lands } مناطق
       *[other] { $lands } منطقة
    })
report-chart-status = المناطق الخطرة حسب الحالة في نهاية الفترة
report-unit-lands = مناطق
report-unit-items = مواد
report-map = خريطة المناطق الخطرة
report-map-caption = رموز المعايير الدولية (IMAS) للإفراج عن الأراضي: اللون الداخلي حسب التصنيف، والحدود حسب الحالة (متقطعة أثناء العمل)، والأجزاء المُفرج عنها باللون الأخضر الفاتح.
report-map-caption-redacted = لا تُرسم المناطق التي لا يكون نشر موقعها آمنًا؛ ولا تظهر مشاهدات الذخائر على الخريطة في هذه النسخة.
report-per-land = التقدم حسب المنطقة الخطرة
report-col-code = الرمز
report-col-name = الاسم
report-col-admin-area = الوحدة الإدارية
report-col-classification = التصنيف
report-col-status = الحالة
report-col-cancelled = ملغاة م²
report-col-reduced = مخفّضة م²
report-col-cleared = مطهّرة م²
report-col-remaining = متبقية م²
report-total-lands = المجموع ({ $count ->
        [zero] لا مناطق خطرة
        [one] منطقة خطرة واحدة
        [two] منطقتان خطرتان
        [few] { $count } مناطق خطرة
       *[other] { $count } منطقة خطرة
    })
report-table-truncated = يعرض الجدول { $listed } منطقة خطرة أُفرج فيها عن أكبر مساحة خلال الفترة (من أصل { $total } في هذا التقرير؛ ويحتسب سطر المجموع جميعها). وكل منطقة موجودة في ملف CSV للمناطق المرفق بالتقرير.
report-table-note = ملغاة ومخفّضة ومطهّرة: ما أُفرج عنه خلال الفترة بالأنشطة المحتسبة في هذا التقرير. متبقية: كامل المساحة التي لا تزال مشتبهًا بها أو مؤكدة في نهاية الفترة.
report-items = الذخائر المتفجرة التي عُثر عليها وأُتلفت
report-items-none = لم تعثر الأنشطة المحتسبة في هذه الفترة على أي ذخائر متفجرة.
report-items-chart = المواد التي عُثر عليها حسب الفئة
report-col-category = الفئة
report-col-found = عُثر عليها
report-col-destroyed = أُتلفت
report-total = المجموع
report-participation = المشاركة في التسليم
report-col-men = رجال
report-col-women = نساء
report-col-boys = فتيان
report-col-girls = فتيات
report-participation-note = أفراد المجتمع الذين شاركوا في تسليم الأراضي المُفرج عنها خلال الفترة، بحسب شهادات التسليم.
report-participation-small = تُعرض الأعداد التي تقل عن { $threshold } أشخاص على أنها «< { $threshold }» حمايةً للأفراد.
report-footer = أُعدّ باستخدام Safeground { $version } من قاعدة بيانات إدارة المعلومات للبرنامج · الملف: { $profile } · { $edition }. حُسبت الأرقام من السجلات كما أدخلتها المنظمة وتحققت منها؛ وتُقدَّم الأرقام نفسها بصيغة CSV بجانب هذا الملف.
report-edition-redacted = دون بيانات شخصية: حُذفت أسماء المُبلّغين ومصادر المعلومات وبيانات الاتصال بهم والسرديات والمواقع غير الآمنة للنشر
report-edition-internal = نسخة داخلية: قد تحتوي على بيانات شخصية، لا تُشارك خارج المنظمة
report-method = المنهجية والتعاريف
report-method-intro = تتبع التعاريف المعايير الدولية للأعمال المتعلقة بالألغام (IMAS 04.10 و07.11 و08.10 و08.20 و08.30) ونموذج معلومات IMSMA.
report-term-land-release = الإفراج عن الأراضي
report-def-land-release = عملية بذل كل جهد معقول لتحديد وجود الذخائر المتفجرة أو الاشتباه في وجودها ورسم حدوده وإزالته بالكامل، من خلال المسح غير التقني و/أو المسح التقني و/أو التطهير.
report-term-sha = منطقة خطرة مشتبه بها (SHA)
report-def-sha = منطقة توجد فيها مؤشرات على التلوث بالذخائر المتفجرة.
report-term-cha = منطقة خطرة مؤكدة (CHA)
report-def-cha = منطقة تأكد وجود تلوث فيها بالألغام أو مخلفات الحرب القابلة للانفجار استنادًا إلى أدلة مباشرة.
report-term-cancelled = ملغاة
report-def-cancelled = مساحة أُفرج عنها بالمسح غير التقني: لم يُعثر على دليل على التلوث، دون تدخل تقني.
report-term-reduced = مخفّضة
report-def-reduced = مساحة أُفرج عنها بالمسح التقني (بوسيلة تقنية مثل آلة أو كلب أو من دونها).
report-term-cleared = مطهّرة
report-def-cleared = مساحة أُزيلت منها جميع الذخائر المتفجرة و/أو أُتلفت حتى العمق المحدد.
report-term-accounting = حساب المساحات
report-def-accounting = لكل منطقة خطرة: المساحة المقدّرة = الملغاة + المخفّضة + المطهّرة + المتبقية، وكلها بالمتر المربع (١ هكتار = ١٠٠٠٠ م²)؛ ولا تُخلط وحدات أخرى.
report-term-period = الفترة
report-def-period = يُحتسب النشاط في الفترة بحسب تاريخ انتهائه. والمساحة المتبقية والحالة هما كما في آخر يوم من الفترة: المساحة المقدّرة مطروحًا منها كل ما أُفرج عنه في المنطقة حتى ذلك اليوم.
report-term-attribution = الإسناد
report-def-attribution = يُحتسب النشاط لجهة مانحة عندما يذكرها النشاط، أو عندما لا يذكر أي جهة وتذكرها منطقته الخطرة.
report-term-productivity = الإنتاجية
report-def-productivity = الأمتار المربعة المخفّضة أو المطهّرة لكل يوم عمل لنازع ألغام، في الأنشطة التي تسجّل أيام عمل نازعي الألغام.
report-term-find-rate = معدل العثور
report-def-find-rate = الذخائر المتفجرة التي عُثر عليها لكل ١٠٠٠ م² خُفّضت أو طُهّرت.
report-term-handover = التسليم
report-def-handover = العملية التي يتسلّم بها المستفيد أرضًا كان يُشتبه سابقًا في احتوائها على خطر متفجر ويقبلها.
report-legend-cha-open = منطقة خطرة مؤكدة (CHA)، مفتوحة
report-legend-sha-worked-on = منطقة خطرة مشتبه بها (SHA)، العمل جارٍ
report-legend-closed = مغلقة أو مُسلّمة
report-legend-released = جزء مُفرج عنه
report-legend-hazard-report = بلاغ خطر (الحرف: فئة الذخيرة)
report-legend-reference = { $name } ({ $role })
report-attribution = الخريطة الأساسية: Natural Earth (ملكية عامة). الحدود غير معتمدة رسميًا.
report-attribution-reference = الخريطة الأساسية: Natural Earth (ملكية عامة)؛ الطبقات المرجعية: ملفات البرنامج نفسه. الحدود غير معتمدة رسميًا.
report-csv-lands-header = الرمز,الاسم,الوحدة_الإدارية,التصنيف,الحالة,المقدرة_م2,الملغاة_م2,المخفضة_م2,المطهرة_م2,المتبقية_م2,المواد_المعثور_عليها
report-csv-summary-header = القسم,البند,القيمة,الوحدة

## مرشّح التقرير

filter-whole-store = قاعدة البيانات كاملة
filter-period = من { $from } إلى { $to }
filter-from = ابتداءً من { $from }
filter-up-to = حتى { $to }
filter-donor = الجهة المانحة { $donor }
filter-organisation = المنظمة { $organisation }
filter-admin-area = الوحدة الإدارية { $area }

## الرسوم البيانية والخرائط (SVG)

chart-no-data = لا توجد بيانات لهذه الفترة
chart-no-lands = لا توجد مناطق لعرضها
chart-stacked = رسم بياني بأعمدة مكدّسة
chart-bars = رسم بياني بالأعمدة
map-no-lands = خريطة: لا توجد مناطق لعرضها
map-label = خريطة { $lands ->
        [zero] بلا مناطق
        [one] لمنطقة واحدة
        [two] لمنطقتين
        [few] لـ{ $lands } مناطق
       *[other] لـ{ $lands } منطقة
    } و{ $released ->
        [zero] بلا أجزاء مُفرج عنها
        [one] جزء واحد مُفرج عنه
        [two] جزأين مُفرج عنهما
        [few] { $released } أجزاء مُفرج عنها
       *[other] { $released } جزءًا مُفرجًا عنه
    } و{ $points ->
        [zero] بلا نقاط
        [one] نقطة واحدة
        [two] نقطتين
        [few] { $points } نقاط
       *[other] { $points } نقطة
    }

## الإعدادات

settings-language = اللغة
settings-language-system = لغة النظام ({ $language })
settings-language-beta = { $language } (تجريبية: التخطيط من اليمين إلى اليسار غير مكتمل)

## The top bar and its menus

menu-store = قاعدة البيانات
menu-new-programme = برنامج جديد…
menu-open-store = فتح قاعدة بيانات…
menu-load-demo = تحميل البرنامج التجريبي
top-new-land = منطقة جديدة
top-new-hazard-report = بلاغ خطر جديد
top-import = استيراد…
top-export = تصدير
export-profile = الملف التعريفي (لمن الملف)
export-geojson = GeoJSON…
export-csv = سجل المساحات والأنشطة (CSV)…
export-gpkg = GeoPackage…
export-report = تقرير التقدم للجهة المانحة…
export-log = سجل التصدير
top-dashboard = لوحة المؤشرات
top-who-is-recording = من يُدخل البيانات؟
top-recording-as = يُدخل البيانات: { $name } ({ $role })
top-recording-hint = الشخص المسجّل في السجل والتدقيق وسجل التصدير؛ يمكن تغييره هنا
top-settings = الإعدادات
settings-appearance = المظهر
appearance-system = مثل النظام
appearance-daylight = ضوء النهار (تباين عالٍ، للعمل في الخارج)
appearance-dark = داكن
settings-coord-format = صيغة الإحداثيات
settings-gps-threshold = حد دقة GPS (م)
settings-land-codes = رموز المناطق على الخريطة
settings-online-tiles = بلاطات الخريطة عبر الإنترنت (OpenStreetMap؛ تحتاج إلى شبكة، وتُخزَّن على القرص)
settings-raster = خريطة أساسية نقطية (MBTiles)…
settings-raster-remove = إزالة الخريطة الأساسية النقطية
settings-raster-name = الخريطة النقطية: { $name }
settings-show-reports = بلاغات الخطر على الخريطة
settings-typed-points = النقاط المُدخلة للمنطقة المحددة (علامة مساحية، نقطة مرجعية، نقاط انعطاف)
top-history = السجل
top-history-hint = من غيّر ماذا ومتى: سجل التدقيق للبرنامج كله (Ctrl+H)
reconciliation = المطابقة
reconciliation-with = المطابقة ({ $problems })
reconciliation-waiting = { $count } قيد الانتظار
reconciliation-bundle-refused = رُفضت الحزمة
top-reconciliation-hint = مزامنة الحزم مع الحواسيب الأخرى والمكتب؛ وحل التعارضات (Ctrl+R)
top-layers = الطبقات
top-layers-hint = الطبقات المرجعية: الحدود الإدارية، التجمعات السكنية، الطرق، البلاطات (Ctrl+L)
top-zoom-all = عرض الكل
top-measure = قياس
top-stop-measuring = إيقاف القياس
top-measure-hint = انقر على الخريطة لقياس المسافة والمساحة
top-store = قاعدة البيانات: { $path }
button-cancel = إلغاء
top-ready = جاهز.
top-import-summary = ملخص الاستيراد
top-messages = الرسائل ({ $count })
top-online-tiles-cached = تم تشغيل البلاطات عبر الإنترنت؛ التخزين المؤقت في { $folder }
top-raster-unreadable = تعذّرت قراءة الخريطة الأساسية النقطية: { $error }
unsaved-land = في المنطقة التي يجري إدخالها تغييرات غير محفوظة: احفظها أو ألغها أولًا
unsaved-hazard-report = في بلاغ الخطر الذي يجري إدخاله تغييرات غير محفوظة: احفظه أو ألغه أولًا
unsaved-activity = في النشاط الذي يجري إدخاله تغييرات غير محفوظة: احفظه أو ألغه أولًا

## The list and the hazard report panel

list-lands-tab = المناطق ({ $count })
list-reports-tab = بلاغات الخطر ({ $count })
list-search = بحث
list-search-lands-hint = الرمز، الاسم، الجهة المانحة…
list-search-reports-hint = الرمز، فئة الذخيرة، المنطقة…
list-only = { $count } منطقة فقط: { $reason }
list-show-all = عرض الكل
list-all = الكل
list-class = التصنيف
list-status = الحالة
list-sort = الترتيب
list-code = الرمز
list-name = الاسم
list-remaining-m2 = المتبقي م²
list-eo = الذخيرة
list-quantity = العدد
list-land = المنطقة
list-lands-shown = { $shown } من أصل { $total } منطقة
list-reports-shown = { $shown } من أصل { $total } بلاغ خطر
detail-void = إبطال…
report-type-model = النوع / الطراز
report-location = الموقع
report-as-entered = كما أُدخل
report-reported-on = تاريخ البلاغ
report-reported-by = المُبلّغ
report-phone = الهاتف
report-organisation = المنظمة
report-notes = ملاحظات
report-photos = الصور ({ $count })
report-photo-hint = { $file } — انقر لفتحها بالحجم الكامل
report-add-photo = إضافة صورة…
photo-title = صورة — { $file }
photo-caption = التعليق
photo-save-caption = حفظ التعليق
photo-remove = إزالة الصورة…
photo-remove-confirm = هل تريد إزالة هذه الصورة من البلاغ؟ (تبقى في سجل تدقيق قاعدة البيانات.)
photo-remove-yes = إزالة
photo-keep = الإبقاء عليها

## The land detail panel

void-because = إبطال { $code } لأن
void-hint = مثلًا: أُدخل مرتين
void-yes = إبطال
void-keep = إبقاء
detail-returned = مُعادة: { $comment }
detail-polygon-flagged = مضلع مُعلَّم: { $issue }
detail-zoom = تكبير إلى المنطقة
detail-record-activity = تسجيل نشاط
detail-edit = تعديل المنطقة
detail-submit = تقديم
detail-comment-hint = تعليق (مطلوب للإعادة)
detail-approve = اعتماد
detail-return = إعادة
detail-ledger = سجل المساحات
detail-details = التفاصيل
detail-date-of-information = تاريخ المعلومات
detail-evidence = الأدلة
detail-hazard-types = أنواع الخطر
detail-admin = الوحدة الإدارية
detail-pcode = الرمز P
detail-priority = الأولوية
detail-team = الفريق
detail-donor = الجهة المانحة
detail-project = المشروع
detail-blockage = العرقلة
detail-terrain = التضاريس
detail-beneficiaries = المستفيدون
detail-geo-unsafe = تسجيل الموقع غير آمن
detail-yes = نعم
detail-evidence-items = الأدلة ({ $count })
detail-informant = مصدر معلومات: { $name } ({ $role }) { $phone }
detail-source-attributes = سمات المصدر ({ $count })
detail-source-attributes-hint = كما في الملف المستورد؛ ويعثر عليها البحث في القائمة.
detail-points = النقاط المُدخلة ({ $count })
detail-point = النقطة
detail-point-type = النوع
detail-position = الموقع
detail-source = المصدر
source-gps = GPS ±{ $accuracy } م
source-gps-poor = GPS ±{ $accuracy } م (ضعيفة)
source-traverse = من { $from }: { $bearing }، { $distance } م
source-slope = (الميل { $degrees }°)
source-map-click = نقرة على الخريطة
source-import = استيراد
source-typed = مُدخلة يدويًا
detail-activities = الأنشطة ({ $count })
detail-void-activity-hint = إبطال { $code }: يُحتفظ به ويُعلَّم باطلًا ويُستبعد من سجل المساحات
detail-activity-released = أُفرج عن { $area }{ $items ->
        [0] {""}
        [one] ، مادة واحدة
        [two] ، مادتان
        [few] ، { $items } مواد
       *[other] ، { $items } مادة
    }
detail-status-history = سجل الحالات ({ $count })
detail-superseded = { $text } [مُستبدَل]
detail-history = السجل ({ $count })
ledger-estimated = المقدّرة
ledger-cancelled = الملغاة
ledger-reduced = المخفّضة
ledger-cleared = المطهّرة
ledger-remaining = المتبقية

## Forms and the land editor

date-hint = سنة-شهر-يوم (YYYY-MM-DD)
calendar = التقويم
calendar-hint = اختيار التاريخ من التقويم
calendar-previous = الشهر السابق
calendar-next = الشهر التالي
form-undo = تراجع
form-redo = إعادة
form-discard = تجاهل التغييرات
form-keep-editing = متابعة التعديل
form-close-land = في هذه المنطقة تغييرات غير محفوظة. هل تريد إغلاقها وفقدانها؟
form-close-activity = في هذا النشاط تغييرات غير محفوظة. هل تريد إغلاقه وفقدانها؟
form-close-hazard-report = في بلاغ الخطر هذا تغييرات غير محفوظة. هل تريد إغلاقه وفقدانها؟
form-required = مطلوب
form-store-refused = رفضت قاعدة البيانات: { $reason }
editor-edit-title = تعديل { $code } — { $name }
editor-classification = التصنيف
editor-found-pcode = الرمز P { $pcode }
editor-found-settlement = أقرب تجمع سكني { $settlement }
editor-admin-from-layer = الوحدة الإدارية من الطبقة المرجعية { $layer }: { $found } (تُحفظ القيمة التي تكتبها)
editor-click-points = إضافة نقاط بالنقر على الخريطة
editor-traverse = مسار قياس من علامة مساحية
editor-area = المساحة { $area } ({ $hectares })، جيوديسية WGS84
editor-area-needs-points = المساحة: تحتاج إلى ثلاث نقاط محيط على الأقل
editor-implausible-area = تحقّق من النقاط: { $hectares } هكتار أكبر من كل منطقة خطرة تقريبًا سُجّلت دفعة واحدة (أكثر من { $limit } هكتار)؛ ينتج هذا عن إحداثي مكتوب خطأ أو نقرة في غير مكانها
editor-overlaps = تتداخل مع { $count ->
        [one] منطقة مفتوحة واحدة
        [two] منطقتين مفتوحتين
        [few] { $count } مناطق مفتوحة
       *[other] { $count } منطقة مفتوحة
    }: { $codes } — تحقّق من أنها غير مسجّلة مرتين
editor-save = حفظ المنطقة

## Typed points, evidence and the traverse

form-delete = حذف
editor-evidence-items = عناصر الأدلة ({ $count })
editor-evidence-what = ماذا (مثلًا علامات ألغام، حفر)
editor-evidence-how = مصدر المعرفة
editor-add-evidence = إضافة عنصر دليل
editor-informants = مصادر المعلومات الرئيسية ({ $count })
editor-informants-sensitive = بيانات حساسة: تبقى الأسماء والهواتف في قاعدة البيانات هذه وفي التصدير الكامل فقط؛ ويستبعدها التصدير للجهات المانحة وللعموم.
editor-informant-role = الدور في المجتمع
editor-add-informant = إضافة مصدر معلومات
editor-point-label = التسمية
editor-point-coordinate = الإحداثي (بأي صيغة)
editor-point-gps = GPS ± م
editor-point-number = النقطة { $number }
editor-read-as = قُرئ بصيغة { $format }
editor-gps-worse = أسوأ من حد { $threshold } م
editor-gps-poor = ضعيفة
editor-up = أعلى
editor-move-up = نقل إلى أعلى
editor-delete-point = حذف النقطة
editor-add-point = إضافة نقطة
editor-not-set = غير محددة
editor-admin1 = المستوى الإداري ١
editor-admin1-hint = محافظة، إقليم، ولاية
editor-admin2 = المستوى الإداري ٢
editor-admin2-hint = بلدية، قضاء
editor-settlement = التجمع السكني
editor-settlement-hint = قرية أو بلدة
editor-pcode-hint = مثلًا BA-ZD-TSJ-014
editor-blockage-hint = ما الذي يعرقله الخطر
editor-terrain-hint = الغطاء النباتي، الانحدار، التربة
editor-beneficiaries = المستفيدون المتوقعون
editor-beneficiaries-hint = أشخاص
editor-project-hint = مشروع الجهة المانحة
traverse-benchmark = العلامة المساحية
traverse-bearings-in = الاتجاهات بوحدة
traverse-north = الشمال
traverse-declination = الانحراف (° شرقًا)
traverse-declination-date = تاريخ الانحراف
traverse-instrument = الأداة
traverse-leg = الضلع
traverse-bearing = الاتجاه
traverse-distance = المسافة م
traverse-slope = الميل °
traverse-first-leg = من BM إلى SP
traverse-leg-bearing = اتجاه الضلع { $leg }
traverse-leg-distance = مسافة الضلع { $leg }
traverse-leg-slope = ميل الضلع { $leg }
traverse-add-leg = إضافة ضلع
traverse-exact = تام
traverse-misclosure = خطأ الإغلاق { $misclosure } م باتجاه { $bearing }° (الإغلاق { $ratio })، المحيط { $perimeter } م
traverse-use = استخدام نقاط المسار
traverse-bad-benchmark = العلامة المساحية: { $error }
traverse-bad-declination = الانحراف: ليس رقمًا
traverse-bad-declination-date = تاريخ الانحراف: اكتبه بصيغة YYYY-MM-DD
traverse-bad-bearing = الضلع { $leg }: الاتجاه ليس رقمًا
traverse-bad-distance = الضلع { $leg }: المسافة ليست رقمًا
traverse-bad-slope = الضلع { $leg }: الميل ليس رقمًا
traverse-no-leg = أضف ضلعًا واحدًا على الأقل

## The activity and hazard report forms

activity-title = تسجيل نشاط
activity-start = تاريخ البدء
activity-end = تاريخ الانتهاء
activity-method = الطريقة
activity-deminer-days = أيام عمل نازعي الألغام
activity-reduced-with-asset = مخفّضة بوسيلة تقنية م²
activity-reduced-without-asset = مخفّضة دون وسيلة تقنية م²
activity-residual-risk = الخطر المتبقي
activity-direct-evidence = تأكّد وجود دليل مباشر (تصبح المنطقة المشتبه بها مؤكدة)
activity-devices = المواد التي عُثر عليها
activity-type-model-hint = النوع/الطراز
activity-quantity-hint = العدد
activity-add-device = إضافة مادة
activity-save = حفظ النشاط
hazard-form-location-hint = اكتب الموقع بأي صيغة، أو انقر على الخريطة.
hazard-form-eo-category = فئة الذخيرة
hazard-form-quantity = الكمية
hazard-form-condition = الحالة المادية
hazard-form-reporter-phone = هاتف المُبلّغ
hazard-form-gps-accuracy = دقة GPS م
hazard-form-no-land = لا شيء
hazard-form-geo-unsafe = تسجيل هذا الموقع غير آمن
hazard-form-save = حفظ بلاغ الخطر

## What the app says it did (and what failed)

action-reading-unsaved-work = قراءة العمل غير المحفوظ
action-opening-the-store = فتح قاعدة البيانات
action-loading-the-records = تحميل السجلات
action-loading-the-hazard-report = تحميل بلاغ الخطر
action-this-action = هذا الإجراء
action-saving = الحفظ
action-loading-the-land = تحميل المنطقة
action-loading-the-demo-programme = تحميل البرنامج التجريبي
action-attaching-the-photo = إرفاق الصورة
action-the-dashboard = لوحة المؤشرات
action-writing-the-sample-layers = كتابة الطبقات النموذجية
action-keeping-unsaved-work = الاحتفاظ بالعمل غير المحفوظ
action-discarding-unsaved-work = تجاهل العمل غير المحفوظ
action-saving-the-layer = حفظ الطبقة
action-moving-the-layer = نقل الطبقة
action-removing-the-layer = إزالة الطبقة
action-saving-the-caption = حفظ التعليق
action-removing-the-photo = إزالة الصورة
action-opening-the-photo = فتح الصورة
action-reading-the-history = قراءة السجل
action-searching-source-attributes = البحث في سمات المصدر
action-adding-the-layer = إضافة الطبقة
action-reading-the-reference-layers = قراءة الطبقات المرجعية
action-reading-the-export-log = قراءة سجل التصدير
action-export = التصدير
action-writing-the-sync-bundle = كتابة حزمة المزامنة
action-applying-the-sync-bundle = تطبيق حزمة المزامنة
action-syncing-with-the-office-server = المزامنة مع خادم المكتب
action-reading-the-sync-state = قراءة حالة المزامنة

action-settling = حسم { $field } في { $code }
state-failed = تعذّر { $action }: { $error }
state-not-saved = لم يُحفظ: { $error }
state-store-busy = قاعدة البيانات مشغولة؛ حاول مجددًا بعد لحظة
busy-importing = جارٍ الاستيراد…
busy-exporting = جارٍ التصدير…
busy-loading-demo = جارٍ تحميل البرنامج التجريبي…
busy-opening-store = جارٍ فتح قاعدة البيانات…
busy-syncing = جارٍ المزامنة مع خادم المكتب…
stage-connecting = جارٍ الاتصال بـ { $server }…
stage-receiving = جارٍ استلام { $count } تغيير من خادم المكتب…
stage-sending = جارٍ إرسال { $count } تغيير إلى خادم المكتب…
done-synced = تمت المزامنة مع خادم المكتب: { $summary }
done-bundle-written = كُتبت حزمة المزامنة: { $path } ({ $versions } نسخة، { $photos } صورة)
done-bundle-applied = طُبّقت حزمة المزامنة ({ $path }): { $summary }
done-conflicts-settled = { $count ->
        [one] حُسم تعارض واحد
        [two] حُسم تعارضان
        [few] حُسمت { $count } تعارضات
       *[other] حُسم { $count } تعارضًا
    }؛ ويصل الحسم إلى الحواسيب الأخرى مع الحزمة التالية
done-demo-loaded = حُمّل البرنامج التجريبي في قاعدة بيانات خاصة به: { $lands } منطقة، { $activities } نشاطًا، { $reports } بلاغ خطر
done-demo-backup = (السجلات التجريبية السابقة في { $path })
done-land-edit-superseded = تاريخ التعديل أقدم من تاريخ معلومات المنطقة: حُفظ في السجل لكنه لم يُطبّق
done-activity-recorded = سُجّل النشاط { $code }
done-land-now = المنطقة الآن { $classification } · { $status }
done-hazard-report-saved = حُفظ بلاغ الخطر { $code }
done-report-edit-superseded = تاريخ تعديل { $code } أقدم من البلاغ: حُفظ في سجل التدقيق ولم يُطبّق
done-activity-voided = أُبطل { $code }؛ ويتبقى في { $land } الآن { $remaining } ({ $classification } · { $status })
done-hazard-report-voided = أُبطل بلاغ الخطر { $code }
done-photo-attached = أُرفقت الصورة { $file }
done-workflow = { $code } الآن: { $state }
done-photo-removed = أُزيلت الصورة (تبقى في سجل التدقيق)
done-photo-unreadable = تعذّر عرض الصورة { $file }: { $error }
done-layers-added = { $count ->
        [one] أُضيفت طبقة مرجعية
       *[other] أُضيفت طبقات مرجعية
    }: { $names }

## Windows: the person, the store, the pickers, the export log, the welcome

person-intro = يظهر اسمك في كل سجل وسطر في السجل وقيد تدقيق وتصدير تجريه على هذا الجهاز.
person-name = اسمك *
person-name-hint = مثلًا: أمينة حسن
person-organisation = منظمتك
person-role = دورك *
person-name-missing = الاسم: اكتب الاسم الذي يعرفك به الناس.
person-role-missing = الدور: اختر دورًا؛ لا يعتمد السجلات إلا مسؤول إدارة المعلومات.
person-save = حفظ الشخص
person-not-now = ليس الآن
person-now-recording = يُدخل { $name } ({ $role }) البيانات الآن على هذا الجهاز
ask-create-title = لا توجد قاعدة بيانات في هذا المسار
ask-create-text = لا توجد قاعدة بيانات Safeground في { $path }. هل كُتب الاسم صحيحًا، أم نُقل الملف؟
ask-create-yes = إنشاء قاعدة بيانات جديدة فارغة هناك
ask-create-open = فتح قاعدة بيانات أخرى…
pick-open-store = فتح ملف قاعدة بيانات
pick-new-store = برنامج جديد: اختر ملف قاعدة بيانات
pick-import = استيراد GeoJSON أو CSV للأنشطة
pick-export-geojson = تصدير GeoJSON
pick-export-csv = تصدير سجل المساحات والأنشطة بصيغة CSV
pick-export-gpkg = تصدير GeoPackage
pick-report = كتابة تقرير التقدم للجهة المانحة (HTML)
pick-mbtiles = خريطة أساسية نقطية (MBTiles)
pick-reference-layer = إضافة طبقة مرجعية
pick-photo = إرفاق صورة (JPEG أو PNG)
pick-sync-import = تطبيق حزمة مزامنة من حاسوب آخر
pick-sync-export = كتابة حزمة مزامنة
button-close = إغلاق
loading = جارٍ التحميل…
export-log-empty = لم يُصدَّر شيء من قاعدة البيانات هذه بعد.
export-log-when = متى (UTC)
export-log-who = من
export-log-format = الصيغة
export-log-profile = الملف التعريفي
export-log-filter = المرشّح
export-log-file = الملف
export-log-counts = { $lands } منطقة، { $activities } نشاطًا، { $reports } بلاغ خطر
messages = الرسائل
issue-error = خطأ
issue-warning = تحذير
issue-features = العناصر { $features }
issue-show-lands = عرض هذه المناطق ({ $count })
welcome-title = مرحبًا بك في Safeground
welcome-text = سجّل المناطق الخطرة وبلاغات الخطر وتقدم التطهير — دون اتصال بالإنترنت.
welcome-empty-store = قاعدة البيانات هذه فارغة: { $path }
welcome-new = بدء برنامج جديد
welcome-demo = فتح البرنامج التجريبي
welcome-import = استيراد ملف GeoJSON…
welcome-open = فتح ملف قاعدة بيانات آخر…

## The dashboard

dashboard-from = من
dashboard-to = إلى
dashboard-from-hint = أول يوم في الفترة، YYYY-MM-DD؛ فارغ: من البداية
dashboard-to-hint = آخر يوم في الفترة، YYYY-MM-DD؛ فارغ: حتى اليوم
dashboard-bad-date = { $field }: «{ $text }» ليس تاريخًا؛ اكتب YYYY-MM-DD، مثلًا 2025-01-31
dashboard-report-for = التقرير لـ
dashboard-write-report = كتابة تقرير الجهة المانحة…
dashboard-zoom = تكبير الخريطة إلى هذه المناطق
dashboard-computing = جارٍ الحساب…
dashboard-no-activities = لا أنشطة ضمن النطاق
dashboard-released = المُفرج عنها خلال الفترة
dashboard-lands = المناطق ضمن النطاق
dashboard-remaining = المتبقي في النهاية
dashboard-closed = مغلقة / مُسلّمة
dashboard-items = مواد عُثر عليها / أُتلفت
dashboard-productivity = { $area } م² لكل يوم عمل لنازع ألغام
dashboard-find-rate = { $rate } مادة لكل ١٠٠٠ م²
dashboard-participation = رجال: { $men }، نساء: { $women }، فتيان: { $boys }، فتيات: { $girls }
dashboard-hazard-reports = بلاغات الخطر
dashboard-chart-released = المساحة المُفرج عنها شهريًا حسب الفئة (م²)
dashboard-chart-productivity = الإنتاجية شهريًا (م² لكل يوم عمل لنازع ألغام)
dashboard-chart-find-rate = معدل العثور شهريًا (مواد لكل ١٠٠٠ م²)
dashboard-chart-remaining = المساحة المتبقية حسب التصنيف (م²)
dashboard-chart-status = المناطق حسب الحالة
dashboard-none = لا شيء ضمن النطاق

## Reconciliation: bundles, the office server, conflicts

sync-last-refused = رُفضت الحزمة الأخيرة، { $file }، ولم يتغير شيء:
sync-parked = { $count ->
        [one] تغيير واحد ينتظر
        [two] تغييران ينتظران
        [few] { $count } تغييرات تنتظر
       *[other] { $count } تغييرًا ينتظر
    } تغييرات سابقة لم تصل بعد؛ وهي محفوظة وستُطبّق عند وصولها. اطلب من الحواسيب أدناه أحدث حزمة لديها.
sync-parked-row = { $kind } { $code } من { $device } (وصل { $at })
sync-office-server = خادم المكتب
sync-address = العنوان
sync-address-hint = عنوان الخادم من مسؤول إدارة المعلومات؛ أضف ?sslmode=require لاتصال مشفّر
sync-password = كلمة المرور
sync-password-placeholder = (أو من ~/.pgpass)
sync-password-hint = تُستخدم لهذه المزامنة فقط؛ ولا يحفظها Safeground أبدًا
sync-hub-button = المزامنة مع خادم المكتب
sync-hub-hint = يرسل تغييرات هذا الحاسوب ويستقبل تغييرات الآخرين، كلٌّ في معاملة واحدة؛ ويمكن تكراره بأمان
sync-never = أبدًا
sync-hub-user = { $user } ({ $role } في { $organisation })
sync-last = آخر مزامنة { $when } باسم { $who }: { $summary }
sync-last-failed = فشلت آخر مزامنة { $when } باسم { $who }: { $summary }
sync-never-synced = لم تتم المزامنة مع خادم مكتب بعد.
sync-this-laptop = هذا الحاسوب: { $name } ({ $device })، البرنامج { $programme }
sync-unnamed = بلا اسم
sync-apply = تطبيق حزمة…
sync-apply-hint = ملف ‎.sgbundle من حاسوب آخر أو من المكتب (تُؤخذ نسخة احتياطية من قاعدة البيانات هذه أولًا)
sync-write-for = كتابة حزمة لـ
sync-everything = كل شيء (ينضم منها حاسوب جديد)
sync-write = كتابة…
sync-no-bundle = لم تُرسل أو تُستقبل أي حزمة بعد.
sync-laptop = الحاسوب
sync-received = المُستلم
sync-last-received = آخر استلام
sync-sent = المُرسل
sync-last-sent = آخر إرسال
sync-changes = { $count ->
        [zero] لا تغييرات
        [one] تغيير واحد
        [two] تغييران
        [few] { $count } تغييرات
       *[other] { $count } تغييرًا
    }
sync-device = الجهاز { $device }
sync-no-conflicts = لا تعارضات مفتوحة: دُمج كل تغيير تلقائيًا.
sync-open-conflicts = { $count ->
        [one] تعارض مفتوح واحد
        [two] تعارضان مفتوحان
        [few] { $count } تعارضات مفتوحة
       *[other] { $count } تعارضًا مفتوحًا
    }
sync-conflicts-explained = غُيّر الحقل نفسه إلى قيم مختلفة على حاسوبين. القيمة المعروضة الآن هي الفائزة مؤقتًا (تاريخ المعلومات الأحدث، ثم التغيير الأحدث)؛ وتُحفظ الأخرى حتى يحسمها أحد. ويصل الحسم إلى كل حاسوب مع الحزمة التالية.
sync-select-all = تحديد الكل
sync-select-none = إلغاء التحديد
sync-keep-mine-selected = إبقاء قيمتي لـ { $count } محددة
sync-take-theirs-selected = أخذ قيمتهم لـ { $count } محددة
sync-keep-mine = إبقاء قيمتي
sync-take-theirs = أخذ قيمتهم
sync-show-both = عرض الاثنين على الخريطة
sync-show-on-map = عرض على الخريطة
sync-base = الأساس
sync-mine = قيمتي
sync-theirs = قيمتهم
sync-from = من { $device }
sync-shown-now = المعروض الآن
sync-winner-mine = قيمتي (الفائزة مؤقتًا)
sync-winner-theirs = قيمتهم (الفائزة مؤقتًا)

## Reference layers, history, unsaved work

layers-title = الطبقات المرجعية
layers-intro = ملفات يملكها هذا البرنامج، تُرسم تحت المناطق: الحدود الإدارية (تُملأ منها الوحدة الإدارية والرمز P لكل منطقة جديدة)، والتجمعات السكنية، والطرق، والأنهار، وحزم البلاطات. تُحفظ مع قاعدة البيانات هذه.
layers-add = إضافة طبقة… (GeoPackage، GeoJSON، Shapefile، MBTiles، PMTiles)
layers-add-sample = إضافة طبقات نموذجية (خيالية، للتجربة)
layers-add-sample-hint = يكتب حدودًا إدارية مُختلَقة برموز P وتجمعات سكنية وطرقًا فوق منطقة العرض في مجلد بجانب قاعدة البيانات، ويضيفها
layers-none = لا طبقات مرجعية بعد.
layers-shown = معروضة على الخريطة
layers-remove-hint = إزالتها من قائمة قاعدة البيانات هذه (يبقى الملف)
layers-down = إلى أسفل
layers-down-hint = رسمها في مستوى أدنى
layers-up-hint = رسمها فوق الطبقة الأعلى
layers-cannot-draw = تعذّر الرسم: { $error }
layers-holds = تحتوي
layers-features = { $count ->
        [zero] لا عناصر
        [one] عنصر واحد
        [two] عنصران
        [few] { $count } عناصر
       *[other] { $count } عنصرًا
    }
layers-skipped = (استُبعد { $count } دون هندسة صالحة)
layers-no-admin-fields = لا حقول ADMn_PCODE / ADMn_EN: تُرسم الطبقة لكنها لا تملأ الوحدات الإدارية.
layers-in-report = وعلى خريطة تقرير الجهة المانحة أيضًا
layers-tiles-note = حزمة بلاطات: أعلى حزمة ظاهرة هي خلفية الخريطة.
history-title = سجل البرنامج
history-person = الشخص
history-record = السجل
history-action = الإجراء
history-nothing = لا نتائج مطابقة.
history-entries = { $count ->
        [one] قيد واحد، الأحدث أولًا
        [two] قيدان، الأحدث أولًا
        [few] { $count } قيود، الأحدث أولًا
       *[other] { $count } قيدًا، الأحدث أولًا
    }
history-entries-latest = { $count } قيدًا، الأحدث أولًا (آخر ٥٠٠)
unsaved-title = عمل غير محفوظ من المرة الماضية
unsaved-intro = أُغلق Safeground بينما كانت هذه النماذج مفتوحة. لم يُحفظ أي سجل بعد؛ استعد نموذجًا لتتابع من حيث توقفت.
unsaved-restore = استعادة
unsaved-discard = تجاهل
unsaved-edit-of = تعديل { $code } ({ $name })
unsaved-new-land-named = منطقة جديدة: { $name }
unsaved-activity-on = نشاط على { $code }
unsaved-unreadable = تعذّرت قراءة النموذج غير المحفوظ ({ $kind }) (حفظه إصدار آخر من Safeground)؛ وقد تُرك في قاعدة البيانات

## The map, the file picker and the import mapping

measure-distance = المسافة { $distance } م
measure-distance-area = المسافة { $distance } م · المساحة { $area } ({ $hectares })
map-insert-vertex = انقر لإدراج رأس هنا
map-drag-vertex = اسحب للنقل؛ انقر بالزر الأيمن للحذف
map-basemap = الخريطة الأساسية: { $attribution }. { $note }
map-not-authoritative = الحدود غير معتمدة رسميًا.
map-basemap-unavailable = الخريطة الأساسية غير متاحة: { $error }
map-tiles = البلاطات: { $name }
map-flagged = { $code } (مُعلَّمة)
picker-new-folder = مجلد جديد
picker-create-folder = إنشاء المجلد
picker-file-name = اسم الملف
picker-files = الملفات: { $patterns }
picker-open = فتح
picker-save = حفظ
picker-replace-title = استبدال الملف؟
picker-replace-text = { $path } (أو ملف كُتب بجانبه) موجود بالفعل. هل تريد استبداله؟
picker-replace = استبدال
mapping-title = استيراد { $file }
mapping-intro = { $count } عنصرًا. اختر الخاصية التي تحتوي كل حقل؛ وتُحفظ البقية مع كل منطقة كسمات مصدر (تظهر في تفاصيلها ويمكن البحث فيها).
mapping-usual-names = (الأسماء المعتادة)
mapping-properties = خصائص الملف
mapping-property = الخاصية
mapping-filled = المملوءة
mapping-examples = أمثلة
mapping-filled-of = { $filled } من { $total }
mapping-import = استيراد

## Imports and the store

state-upgraded = رُقّيت قاعدة البيانات؛ وحُفظت نسخة احتياطية من الملف القديم في { $path }
state-import-refused = رُفض الاستيراد، ولم يُكتب شيء: { $error }
state-imported = استُورد: { $lands } منطقة، { $activities } نشاطًا، { $reports } بلاغ خطر (تُخطّي { $skipped }، و{ $problems } مشكلة مدرجة في ملخص الاستيراد)
state-land-saved = حُفظت المنطقة { $code }
picker-home = المجلد الشخصي
picker-data = بيانات Safeground
picker-removable = قابل للإزالة: { $name }
picker-drive = محرك الأقراص { $letter }:

## What is wrong with a field

detail-points-plain = النقاط المُدخلة
problem-required = مطلوب
problem-required-date = مطلوب (YYYY-MM-DD)
problem-too-long = أطول من { $max } حرفًا
problem-control-characters = يحتوي على محارف تحكم
problem-bidi-control = يحتوي على محرف تحكم في اتجاه النص (U+202A–U+202E أو U+2066–U+2069)؛ أعد كتابته من دونه
problem-not-in-vocabulary = «{ $value }» ليس من القيم: { $allowed }
problem-not-a-date = «{ $value }» ليس تاريخًا بين ١٩٠٠ و٢١٠٠ (YYYY-MM-DD)
problem-negative = { $value } { $unit } قيمة سالبة
problem-too-large = { $value } { $unit } أكبر من الحد الأقصى { $max } { $unit }
problem-not-a-number = «{ $value }» ليس رقمًا بوحدة { $unit }
problem-not-a-whole-number = «{ $value }» ليس عددًا صحيحًا ≥ ٠
problem-need-points = أضف ثلاث نقاط محيط على الأقل (البداية، الانعطاف، النهاية)، بكتابتها أو بالنقر على الخريطة أو بمسار قياس

## Sync summaries

summary-bundle = { $new } نسخة جديدة من أصل { $total } في الحزمة؛ السجلات: { $records_new } جديد، { $updated } مُعدّل، { $merged } مدموج؛ { $conflicts } تعارض مفتوح؛ { $parked } قيد الانتظار؛ { $photos } صورة
summary-hub = استُلمت { $received } نسخة جديدة (السجلات: { $records_new } جديد، { $updated } مُعدّل، { $merged } مدموج)؛ أُرسلت { $sent } نسخة؛ { $conflicts } تعارض مفتوح؛ { $parked } قيد الانتظار
summary-hub-not-ours = لم تُرسل { $count } تغييرات على سجلات منظمة أخرى
summary-hub-skipped = { $count } تغييرًا على الخادم تتعذّر قراءتها تُركت هناك
summary-hub-read-only = لم تُرسل { $count } تغييرات محلية (هذا الدور للقراءة فقط)

## History and field names

history-on-device = على { $device }
history-from-to = من { $old } إلى { $new }
history-was = كانت { $old }
field-validation = الاعتماد
field-polygon = المضلع والنقاط
field-evidence-items = عناصر الأدلة
field-key-informants = مصادر المعلومات الرئيسية
field-all-records = جميع السجلات

## Refusals

refused-over-release = يُفرج هذا النشاط عن { $requested } بينما لا يتبقى سوى { $remaining } من المساحة المقدّرة للمنطقة { $estimated }؛ صحّح المساحة المُفرج عنها، أو راجع مضلع المنطقة أولًا

## The store and the map, more

map-raster = خريطة أساسية نقطية (MBTiles)
map-raster-attribution = خريطة أساسية نقطية: { $attribution }
map-new-report = بلاغ جديد
worker-start-failed = تعذّر تشغيل معالج قاعدة البيانات: { $error }
store-damaged = قاعدة البيانات { $path } تالفة ({ $problems }). لن يُحفظ فيها شيء بعد الآن: استعدها من نسخة احتياطية (safeground restore) ثم افتحها مجددًا.
store-unchecked = تعذّر فحص قاعدة البيانات { $path } ({ $error })؛ لن يُحفظ فيها شيء حتى يتم فحصها.

## Refusals of the lifecycle and the workflow

refused-bucket = لا يمكن لنشاط «{ $kind }» تسجيل { $bucket } (المسموح: { $allowed })
refused-land-closed = حالة المنطقة «{ $status }»؛ ولا يمكن تسجيل نشاط «{ $kind }» يُفرج عن مساحة فيها
refused-completion = يجب أن يُفرج تقرير الإنجاز عن كل ما تبقى، لكن سيتبقى { $remaining }؛ سجّل المساحة المُفرج عنها حسب الفئة، أو راجع مضلع المنطقة
refused-handover-not-closed = تحتاج شهادة التسليم إلى منطقة مغلقة، لكن حالة هذه المنطقة «{ $status }»
refused-handover-wrong-kind = لا تُسجّل المشاركة في التسليم إلا على شهادة تسليم
refused-end-before-start = تاريخ الانتهاء { $end } قبل تاريخ البدء { $start }
refused-workflow = لا يمكن «{ $action }» سجل حالته «{ $state }»

## Classification
vocab-Classification-indication = مؤشر
vocab-Classification-sha = مشتبه بها
vocab-Classification-cha = مؤكدة
vocab-Classification-ammunition_storage = مخزن ذخيرة
vocab-Classification-eod_spot_task = مهمة تخلّص موضعية

## Role
vocab-Role-surveyor = مسؤول مسح
vocab-Role-im_officer = مسؤول إدارة المعلومات
vocab-Role-coordinator = منسّق

## LandStatus
vocab-LandStatus-open = مفتوحة
vocab-LandStatus-worked_on = قيد العمل
vocab-LandStatus-closed = مغلقة
vocab-LandStatus-handed_over = مُسلّمة

## EvidenceOfContamination
vocab-EvidenceOfContamination-direct = مباشر
vocab-EvidenceOfContamination-indirect = غير مباشر
vocab-EvidenceOfContamination-none = لا يوجد
vocab-EvidenceOfContamination-not_specified = غير محدد

## SourceModality
vocab-SourceModality-visual = ملاحظة بصرية
vocab-SourceModality-verbal = معلومات شفهية
vocab-SourceModality-records = سجلات سابقة

## HazardType
vocab-HazardType-ap_mines = ألغام مضادة للأفراد
vocab-HazardType-at_mines = ألغام مضادة للدبابات
vocab-HazardType-cmr = مخلفات الذخائر العنقودية
vocab-HazardType-uxo = ذخائر غير منفجرة
vocab-HazardType-axo = ذخائر متفجرة متروكة
vocab-HazardType-ied = عبوات ناسفة بدائية الصنع
vocab-HazardType-booby_traps = أفخاخ متفجرة

## EoCategory
vocab-EoCategory-ap_mine = لغم مضاد للأفراد
vocab-EoCategory-at_mine = لغم مضاد للدبابات
vocab-EoCategory-cmr = مخلّف ذخيرة عنقودية
vocab-EoCategory-uxo = ذخيرة غير منفجرة
vocab-EoCategory-axo = ذخيرة متروكة
vocab-EoCategory-ied = عبوة ناسفة بدائية
vocab-EoCategory-booby_trap = فخ متفجر
vocab-EoCategory-saa = ذخيرة أسلحة خفيفة
vocab-EoCategory-other = أخرى

## ActivityKind
vocab-ActivityKind-nts = مسح غير تقني
vocab-ActivityKind-ts = مسح تقني
vocab-ActivityKind-clearance = تطهير
vocab-ActivityKind-bac = تطهير مناطق القتال
vocab-ActivityKind-eod_spot_task = مهمة تخلّص موضعية
vocab-ActivityKind-progress_report = تقرير تقدم
vocab-ActivityKind-cancellation_report = تقرير إلغاء
vocab-ActivityKind-completion_report = تقرير إنجاز
vocab-ActivityKind-handover_certificate = شهادة تسليم
vocab-ActivityKind-post_clearance_inspection = فحص ما بعد التطهير

## Method
vocab-Method-manual = يدوي
vocab-Method-mechanical = آلي
vocab-Method-mdd = كلاب كشف الألغام
vocab-Method-other = أخرى

## Disposal
vocab-Disposal-destroyed_in_situ = أُتلف في موقعه
vocab-Disposal-removed_destroyed = أُزيل وأُتلف
vocab-Disposal-handed_over = سُلّم
vocab-Disposal-pending = قيد الانتظار

## Priority
vocab-Priority-high = عالية
vocab-Priority-medium = متوسطة
vocab-Priority-low = منخفضة

## HazardReportStatus
vocab-HazardReportStatus-reported = مُبلّغ عنه
vocab-HazardReportStatus-verified = تم التحقق منه
vocab-HazardReportStatus-destroyed_removed = أُتلف / أُزيل
vocab-HazardReportStatus-no_item_found = لم يُعثر على أي مادة

## ItemCondition
vocab-ItemCondition-intact = سليم
vocab-ItemCondition-damaged = متضرر
vocab-ItemCondition-fragments = شظايا
vocab-ItemCondition-unknown = غير معروف

## PointKind
vocab-PointKind-reference = نقطة مرجعية
vocab-PointKind-benchmark = علامة مساحية
vocab-PointKind-start = نقطة البداية
vocab-PointKind-turning = نقطة انعطاف
vocab-PointKind-intermediate = نقطة وسيطة
vocab-PointKind-end = نقطة النهاية
vocab-PointKind-evidence = نقطة دليل
vocab-PointKind-usage = نقطة استخدام

## ValidationState
vocab-ValidationState-draft = مسودة
vocab-ValidationState-submitted = مُقدّم
vocab-ValidationState-approved = معتمد
vocab-ValidationState-returned = مُعاد

## BearingUnit
vocab-BearingUnit-deg = درجات
vocab-BearingUnit-mil = ميلات

## NorthReference
vocab-NorthReference-magnetic = مغناطيسي
vocab-NorthReference-true = جغرافي
vocab-NorthReference-grid = الشبكة

## Instrument
vocab-Instrument-compass_tape = بوصلة وشريط قياس
vocab-Instrument-laser_rangefinder = مقياس مسافة ليزري
vocab-Instrument-total_station = محطة شاملة
vocab-Instrument-other = أخرى

## EntityKind
vocab-EntityKind-land = منطقة
vocab-EntityKind-activity = نشاط
vocab-EntityKind-hazard_report = بلاغ خطر
vocab-EntityKind-store = قاعدة البيانات

## AuditAction
vocab-AuditAction-create = أُنشئ
vocab-AuditAction-update = عُدّل
vocab-AuditAction-delete = حُذف
vocab-AuditAction-workflow = سير العمل
vocab-AuditAction-import = استُورد
vocab-AuditAction-void = أُلغي

## CoordFormat
vocab-CoordFormat-dd = DD
vocab-CoordFormat-dms = DMS
vocab-CoordFormat-ddm = DDM
vocab-CoordFormat-utm = UTM
vocab-CoordFormat-mgrs = MGRS

## ExportProfile
vocab-ExportProfile-full = كامل (داخلي)
vocab-ExportProfile-authority = السلطة الوطنية
vocab-ExportProfile-donor = الجهة المانحة
vocab-ExportProfile-public = عام

## LayerRole
vocab-LayerRole-admin_boundaries = الحدود الإدارية (P-codes)
vocab-LayerRole-settlements = التجمعات السكنية
vocab-LayerRole-roads = الطرق
vocab-LayerRole-water = الأنهار والمسطحات المائية
vocab-LayerRole-other = أخرى
vocab-LayerRole-tiles = حزمة بلاطات الخريطة
