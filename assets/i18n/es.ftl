# Mensajes de Safeground en español. Los mismos identificadores que en.ftl (lo comprueba una prueba).

## Unidades y cifras

unit-m2 = { $value } m²
unit-ha = { $value } ha
unit-km = { $value } km
unit-m = { $value } m
figure-none = —
people-suppressed = < { $threshold }

## El informe para donantes

report-title = Informe de avance de la liberación de tierras
report-kicker = Acción humanitaria contra minas · liberación de tierras
report-html-title = Informe de avance de la liberación de tierras — { $donor } — { $period }
report-period = del { $from } al { $to }
report-all-donors = Todos los donantes
report-meta-donor = Donante
report-meta-period = Período
report-meta-organisation = Organización
report-meta-project = Proyecto
report-meta-data-as-of = Datos a
report-meta-scope = Alcance
report-headline = Cifras principales
report-card-released = de tierra liberada en el período ({ $hectares }), devuelta a las comunidades como segura
report-card-cancelled = cancelada mediante estudio no técnico
report-card-reduced = reducida mediante estudio técnico
report-card-cleared = despejada
report-card-remaining = superficie contaminada restante al final del período
report-card-closed = áreas peligrosas cerradas / entregadas en el período
report-card-items = artefactos explosivos encontrados ({ $destroyed } destruidos)
report-card-productivity = por día-desminador (productividad)
report-card-find-rate = artefactos encontrados por cada 1000 m² reducidos o despejados
report-card-people = personas participaron en las entregas
report-card-lands = áreas peligrosas en el alcance
report-released = Tierra liberada
report-series-cancelled = Cancelada
report-series-reduced = Reducida
report-series-cleared = Despejada
report-chart-released = Superficie liberada por mes, según el método de liberación
report-chart-released-caption = Cada barra es la superficie liberada en un mes (en un año para períodos de más de tres años), apilada por categoría: cancelada (estudio no técnico), reducida (estudio técnico) y despejada.
report-chart-remaining = Superficie contaminada restante por clasificación
report-chart-remaining-bar = { $classification } ({ $lands ->
        [one] { $lands } área
       *[other] { $lands } áreas
    })
report-chart-status = Áreas peligrosas por estado al final del período
report-unit-lands = áreas
report-unit-items = artefactos
report-map = Mapa de las áreas peligrosas
report-map-caption = Simbología IMAS de liberación de tierras: relleno según la clasificación, contorno según el estado (discontinuo mientras hay trabajos en curso), partes liberadas en verde claro.
report-map-caption-redacted = No se dibujan las áreas cuya ubicación no es seguro publicar; los avistamientos de artefactos no figuran en el mapa en esta edición.
report-per-land = Avance por área peligrosa
report-col-code = Código
report-col-name = Nombre
report-col-admin-area = Unidad administrativa
report-col-classification = Clasif.
report-col-status = Estado
report-col-cancelled = Cancelada m²
report-col-reduced = Reducida m²
report-col-cleared = Despejada m²
report-col-remaining = Restante m²
report-total-lands = Total ({ $count ->
        [one] { $count } área peligrosa
       *[other] { $count } áreas peligrosas
    })
report-table-truncated = La tabla recoge las { $listed } áreas peligrosas con más tierra liberada en el período (de { $total } en este informe; la fila de total las cuenta todas). Todas las áreas figuran en el archivo CSV de áreas del informe.
report-table-note = Cancelada, reducida y despejada: liberada en el período por las actividades contabilizadas en este informe. Restante: toda la superficie aún sospechosa o confirmada al final del período.
report-items = Artefactos explosivos encontrados y destruidos
report-items-none = Las actividades contabilizadas en este período no encontraron ningún artefacto explosivo.
report-items-chart = Artefactos encontrados por categoría
report-col-category = Categoría
report-col-found = Encontrados
report-col-destroyed = Destruidos
report-total = Total
report-participation = Participación en las entregas
report-col-men = Hombres
report-col-women = Mujeres
report-col-boys = Niños
report-col-girls = Niñas
report-participation-note = Personas de la comunidad que participaron en la entrega de tierras liberadas en el período, según los certificados de entrega.
report-participation-small = Los recuentos de menos de { $threshold } personas se muestran como «< { $threshold }» para proteger a las personas.
report-footer = Elaborado con Safeground { $version } a partir de la base de gestión de información del programa · perfil: { $profile } · { $edition }. Las cifras se calculan a partir de los registros introducidos y validados por la organización; las mismas cifras se entregan en CSV junto a este archivo.
report-edition-redacted = sin datos personales: se omiten los nombres y datos de contacto de informantes y notificantes, las narraciones y las ubicaciones sensibles
report-edition-internal = edición interna: puede contener datos personales, no compartir fuera de la organización
report-method = Metodología y definiciones
report-method-intro = Las definiciones siguen las Normas Internacionales para la Acción contra Minas (IMAS 04.10, 07.11, 08.10, 08.20, 08.30) y el modelo de información de IMSMA.
report-term-land-release = Liberación de tierras
report-def-land-release = Proceso de aplicar todos los esfuerzos razonables para identificar, definir y eliminar toda presencia y sospecha de artefactos explosivos mediante estudio no técnico, estudio técnico y/o despeje.
report-term-sha = Área peligrosa sospechosa (APS)
report-def-sha = Área donde hay indicios de contaminación por artefactos explosivos.
report-term-cha = Área peligrosa confirmada (APC)
report-def-cha = Área donde se ha confirmado la presencia de contaminación por minas o REG sobre la base de pruebas directas.
report-term-cancelled = Cancelada
report-def-cancelled = Superficie liberada mediante estudio no técnico: no se encontraron pruebas de contaminación, sin intervención técnica.
report-term-reduced = Reducida
report-def-reduced = Superficie liberada mediante estudio técnico (con o sin un medio técnico como una máquina o un perro).
report-term-cleared = Despejada
report-def-cleared = Superficie de la que se han retirado y/o destruido todos los artefactos explosivos hasta la profundidad especificada.
report-term-accounting = Contabilidad de superficies
report-def-accounting = Para cada área peligrosa, superficie estimada = cancelada + reducida + despejada + restante, todo en metros cuadrados (1 ha = 10.000 m²); no se mezclan otras unidades.
report-term-period = Período
report-def-period = Una actividad cuenta en el período según su fecha de fin. La superficie restante y el estado son los del último día del período: la superficie estimada menos todo lo liberado en el área hasta ese día.
report-term-attribution = Atribución
report-def-attribution = Una actividad cuenta para un donante cuando la actividad nombra al donante, o no nombra a ninguno y su área peligrosa sí lo hace.
report-term-productivity = Productividad
report-def-productivity = Metros cuadrados reducidos o despejados por día-desminador, en las actividades que registran días-desminador.
report-term-find-rate = Tasa de hallazgo
report-def-find-rate = Artefactos explosivos encontrados por cada 1000 m² reducidos o despejados.
report-term-handover = Entrega
report-def-handover = Proceso por el que el beneficiario recibe y acepta una tierra de la que antes se sospechaba que contenía un peligro explosivo.
report-legend-cha-open = Área peligrosa confirmada (APC), abierta
report-legend-sha-worked-on = Área peligrosa sospechosa (APS), trabajos en curso
report-legend-closed = Cerrada o entregada
report-legend-released = Parte liberada
report-legend-hazard-report = Informe de peligro (letra: categoría de artefacto)
report-legend-reference = { $name } ({ $role })
report-attribution = Mapa base: Natural Earth (dominio público). Los límites no son oficiales.
report-attribution-reference = Mapa base: Natural Earth (dominio público); capas de referencia: archivos propios del programa. Los límites no son oficiales.
report-csv-lands-header = codigo,nombre,unidad_administrativa,clasificacion,estado,estimada_m2,cancelada_m2,reducida_m2,despejada_m2,restante_m2,artefactos_encontrados
report-csv-summary-header = seccion,elemento,valor,unidad

## El filtro del informe

filter-whole-store = toda la base
filter-period = del { $from } al { $to }
filter-from = desde el { $from }
filter-up-to = hasta el { $to }
filter-donor = donante { $donor }
filter-organisation = organización { $organisation }
filter-admin-area = unidad administrativa { $area }

## Gráficos y mapas (SVG)

chart-no-data = No hay datos para este período
chart-no-lands = No hay áreas que mostrar
chart-stacked = Gráfico de barras apiladas
chart-bars = Gráfico de barras
map-no-lands = Mapa: no hay áreas que mostrar
map-label = Mapa de { $lands ->
        [one] { $lands } área
       *[other] { $lands } áreas
    }, { $released ->
        [one] { $released } parte liberada
       *[other] { $released } partes liberadas
    } y { $points ->
        [one] { $points } punto
       *[other] { $points } puntos
    }

## Ajustes

settings-language = Idioma
settings-language-system = Seguir el sistema ({ $language })
settings-language-beta = { $language } (beta: el diseño de derecha a izquierda está incompleto)

## The top bar and its menus

menu-store = Base
menu-new-programme = Nuevo programa…
menu-open-store = Abrir base…
menu-load-demo = Cargar el programa de demostración
top-new-land = Nueva área
top-new-hazard-report = Nuevo informe de peligro
top-import = Importar…
top-export = Exportar
export-profile = Perfil (para quién es el archivo)
export-geojson = GeoJSON…
export-csv = Contabilidad de superficies y actividades (CSV)…
export-gpkg = GeoPackage…
export-report = Informe de avance para el donante…
export-log = Registro de exportaciones
top-dashboard = Panel
top-who-is-recording = ¿Quién registra?
top-recording-as = Registra { $name } ({ $role })
top-recording-hint = La persona que consta en el historial, la auditoría y el registro de exportaciones; cámbiela aquí
top-settings = Ajustes
settings-appearance = Apariencia
appearance-system = Seguir el sistema
appearance-daylight = Luz de día (alto contraste, para exteriores)
appearance-dark = Oscura
settings-coord-format = Formato de coordenadas
settings-gps-threshold = Umbral de precisión GPS (m)
settings-land-codes = Códigos de las áreas en el mapa
settings-online-tiles = Teselas en línea (OpenStreetMap; requiere red, se guardan en caché en el disco)
settings-raster = Mapa base ráster (MBTiles)…
settings-raster-remove = Quitar el mapa base ráster
settings-raster-name = Ráster: { $name }
settings-show-reports = Informes de peligro en el mapa
settings-typed-points = Puntos introducidos del área seleccionada (punto de control, de referencia, de giro)
top-history = Historial
top-history-hint = Quién cambió qué y cuándo: la pista de auditoría de todo el programa (Ctrl+H)
reconciliation = Conciliación
reconciliation-with = Conciliación ({ $problems })
reconciliation-waiting = { $count } en espera
reconciliation-bundle-refused = paquete rechazado
top-reconciliation-hint = Sincronizar paquetes con los otros portátiles y la oficina; resolver conflictos (Ctrl+R)
top-layers = Capas
top-layers-hint = Capas de referencia: límites administrativos, localidades, carreteras, teselas (Ctrl+L)
top-zoom-all = Ver todo
top-measure = Medir
top-stop-measuring = Dejar de medir
top-measure-hint = Haga clic en el mapa para medir distancia y superficie
top-store = Base: { $path }
button-cancel = Cancelar
top-ready = Listo.
top-import-summary = Resumen de la importación
top-messages = Mensajes ({ $count })
top-online-tiles-cached = Teselas en línea activadas; caché en { $folder }
top-raster-unreadable = No se puede leer el mapa base ráster: { $error }
unsaved-land = El área que se está registrando tiene cambios sin guardar: guárdela o cancélela primero
unsaved-hazard-report = El informe de peligro que se está registrando tiene cambios sin guardar: guárdelo o cancélelo primero
unsaved-activity = La actividad que se está registrando tiene cambios sin guardar: guárdela o cancélela primero

## The list and the hazard report panel

list-lands-tab = Áreas ({ $count })
list-reports-tab = Informes de peligro ({ $count })
list-search = Buscar
list-search-lands-hint = código, nombre, donante…
list-search-reports-hint = código, categoría de artefacto, área…
list-only = Solo { $count } áreas: { $reason }
list-show-all = Mostrar todo
list-all = Todas
list-class = Clase
list-status = Estado
list-sort = Ordenar
list-code = Código
list-name = Nombre
list-remaining-m2 = Restante m²
list-eo = Artefacto
list-quantity = Cant.
list-land = Área
list-lands-shown = { $shown } de { $total } áreas
list-reports-shown = { $shown } de { $total } informes de peligro
detail-void = Anular…
report-type-model = Tipo / modelo
report-location = Ubicación
report-as-entered = Tal como se introdujo
report-reported-on = Notificado el
report-reported-by = Notificado por
report-phone = Teléfono
report-organisation = Organización
report-notes = Notas
report-photos = Fotos ({ $count })
report-photo-hint = { $file } — haga clic para abrirla a tamaño completo
report-add-photo = Añadir foto…
photo-title = Foto — { $file }
photo-caption = Leyenda
photo-save-caption = Guardar la leyenda
photo-remove = Quitar la foto…
photo-remove-confirm = ¿Quitar esta foto del informe? (Se conserva en la auditoría de la base.)
photo-remove-yes = Quitar
photo-keep = Conservarla

## The land detail panel

void-because = Anular { $code } porque
void-hint = p. ej., introducido dos veces
void-yes = Anular
void-keep = Conservar
detail-returned = Devuelta: { $comment }
detail-polygon-flagged = Polígono señalado: { $issue }
detail-zoom = Acercar al área
detail-record-activity = Registrar actividad
detail-edit = Editar el área
detail-submit = Enviar
detail-comment-hint = comentario (necesario para devolver)
detail-approve = Aprobar
detail-return = Devolver
detail-ledger = Contabilidad de superficies
detail-details = Detalles
detail-date-of-information = Fecha de la información
detail-evidence = Evidencia
detail-hazard-types = Tipos de peligro
detail-admin = Administración
detail-pcode = P-code
detail-priority = Prioridad
detail-team = Equipo
detail-donor = Donante
detail-project = Proyecto
detail-blockage = Bloqueo
detail-terrain = Terreno
detail-beneficiaries = Beneficiarios
detail-geo-unsafe = No es seguro registrar la ubicación
detail-yes = sí
detail-evidence-items = Evidencias ({ $count })
detail-informant = Informante: { $name } ({ $role }) { $phone }
detail-source-attributes = Atributos de origen ({ $count })
detail-source-attributes-hint = Tal como en el archivo importado; la búsqueda de la lista los encuentra.
detail-points = Puntos introducidos ({ $count })
detail-point = Punto
detail-point-type = Tipo
detail-position = Posición
detail-source = Origen
source-gps = GPS ±{ $accuracy } m
source-gps-poor = GPS ±{ $accuracy } m (deficiente)
source-traverse = desde { $from }: { $bearing }, { $distance } m
source-slope = (pendiente { $degrees }°)
source-map-click = clic en el mapa
source-import = importación
source-typed = introducido
detail-activities = Actividades ({ $count })
detail-void-activity-hint = Anular { $code }: se conserva, se marca como anulada y queda fuera de la contabilidad
detail-activity-released = { $area } liberados{ $items ->
        [0] {""}
        [one] , { $items } artefacto
       *[other] , { $items } artefactos
    }
detail-status-history = Historial de estados ({ $count })
detail-superseded = { $text } [reemplazado]
detail-history = Historial ({ $count })
ledger-estimated = Estimada
ledger-cancelled = Cancelada
ledger-reduced = Reducida
ledger-cleared = Despejada
ledger-remaining = Restante

## Forms and the land editor

date-hint = AAAA-MM-DD
calendar = Calendario
calendar-hint = Elegir la fecha en un calendario
calendar-previous = Mes anterior
calendar-next = Mes siguiente
form-undo = Deshacer
form-redo = Rehacer
form-discard = Descartar los cambios
form-keep-editing = Seguir editando
form-close-land = Esta área tiene cambios sin guardar. ¿Cerrarla y perderlos?
form-close-activity = Esta actividad tiene cambios sin guardar. ¿Cerrarla y perderlos?
form-close-hazard-report = Este informe de peligro tiene cambios sin guardar. ¿Cerrarlo y perderlos?
form-required = Obligatorio
form-store-refused = La base lo rechazó: { $reason }
editor-edit-title = Editar { $code } — { $name }
editor-classification = Clasificación
editor-found-pcode = P-code { $pcode }
editor-found-settlement = localidad más cercana { $settlement }
editor-admin-from-layer = Unidad administrativa según la capa de referencia { $layer }: { $found } (se conserva el valor que escriba)
editor-click-points = Añadir puntos haciendo clic en el mapa
editor-traverse = Poligonal desde un punto de control
editor-area = Superficie { $area } ({ $hectares }), geodésica WGS84
editor-area-needs-points = Superficie: se necesitan al menos tres puntos del perímetro
editor-implausible-area = Revise los puntos: { $hectares } ha supera casi cualquier área peligrosa registrada de una vez (más de { $limit } ha); una coordenada mal escrita o un clic en el lugar equivocado produce esto
editor-overlaps = Se superpone con { $count ->
        [one] { $count } área abierta
       *[other] { $count } áreas abiertas
    }: { $codes } — compruebe que no esté registrada dos veces
editor-save = Guardar el área

## Typed points, evidence and the traverse

form-delete = Eliminar
editor-evidence-items = Elementos de evidencia ({ $count })
editor-evidence-what = Qué (p. ej., señales de minas, cráteres)
editor-evidence-how = Cómo se sabe
editor-add-evidence = Añadir elemento de evidencia
editor-informants = Informantes clave ({ $count })
editor-informants-sensitive = Sensible: los nombres y teléfonos quedan en esta base y en las exportaciones completas; las exportaciones para donantes y para el público los omiten.
editor-informant-role = Papel en la comunidad
editor-add-informant = Añadir informante
editor-point-label = Etiqueta
editor-point-coordinate = Coordenada (cualquier notación)
editor-point-gps = GPS ± m
editor-point-number = Punto { $number }
editor-read-as = leída como { $format }
editor-gps-worse = peor que el umbral de { $threshold } m
editor-gps-poor = deficiente
editor-up = Subir
editor-move-up = Mover arriba
editor-delete-point = Eliminar el punto
editor-add-point = Añadir punto
editor-not-set = Sin definir
editor-admin1 = Nivel administrativo 1
editor-admin1-hint = departamento, región, provincia
editor-admin2 = Nivel administrativo 2
editor-admin2-hint = municipio, distrito
editor-settlement = Localidad
editor-settlement-hint = pueblo o ciudad
editor-pcode-hint = p. ej., BA-ZD-TSJ-014
editor-blockage-hint = qué bloquea el peligro
editor-terrain-hint = vegetación, pendiente, suelo
editor-beneficiaries = Beneficiarios previstos
editor-beneficiaries-hint = personas
editor-project-hint = proyecto del donante
traverse-benchmark = Punto de control
traverse-bearings-in = Rumbos en
traverse-north = Norte
traverse-declination = Declinación (° este)
traverse-declination-date = Fecha de la declinación
traverse-instrument = Instrumento
traverse-leg = Tramo
traverse-bearing = Rumbo
traverse-distance = Distancia m
traverse-slope = Pendiente °
traverse-first-leg = De BM a SP
traverse-leg-bearing = Rumbo del tramo { $leg }
traverse-leg-distance = Distancia del tramo { $leg }
traverse-leg-slope = Pendiente del tramo { $leg }
traverse-add-leg = Añadir tramo
traverse-exact = exacto
traverse-misclosure = Error de cierre { $misclosure } m con rumbo { $bearing }° (cierre { $ratio }), perímetro { $perimeter } m
traverse-use = Usar los puntos de la poligonal
traverse-bad-benchmark = punto de control: { $error }
traverse-bad-declination = declinación: no es un número
traverse-bad-declination-date = fecha de la declinación: escríbala como AAAA-MM-DD
traverse-bad-bearing = tramo { $leg }: el rumbo no es un número
traverse-bad-distance = tramo { $leg }: la distancia no es un número
traverse-bad-slope = tramo { $leg }: la pendiente no es un número
traverse-no-leg = añada al menos un tramo

## The activity and hazard report forms

activity-title = Registrar una actividad
activity-start = Fecha de inicio
activity-end = Fecha de fin
activity-method = Método
activity-deminer-days = Días-desminador
activity-reduced-with-asset = Reducida con medio técnico m²
activity-reduced-without-asset = Reducida sin medio técnico m²
activity-residual-risk = Riesgo residual
activity-direct-evidence = Evidencia directa confirmada (el APS pasa a APC)
activity-devices = Artefactos encontrados
activity-type-model-hint = tipo/modelo
activity-quantity-hint = cant.
activity-add-device = Añadir artefacto
activity-save = Guardar la actividad
hazard-form-location-hint = Escriba la ubicación en cualquier notación, o haga clic en el mapa.
hazard-form-eo-category = Categoría de artefacto
hazard-form-quantity = Cantidad
hazard-form-condition = Estado del artefacto
hazard-form-reporter-phone = Teléfono del notificante
hazard-form-gps-accuracy = Precisión GPS m
hazard-form-no-land = ninguna
hazard-form-geo-unsafe = No es seguro registrar esta ubicación
hazard-form-save = Guardar el informe de peligro

## What the app says it did (and what failed)

action-reading-unsaved-work = La lectura del trabajo sin guardar
action-opening-the-store = La apertura de la base
action-loading-the-records = La carga de los registros
action-loading-the-hazard-report = La carga del informe de peligro
action-this-action = Esta acción
action-saving = El guardado
action-loading-the-land = La carga del área
action-loading-the-demo-programme = La carga del programa de demostración
action-attaching-the-photo = La adición de la foto
action-the-dashboard = El panel
action-writing-the-sample-layers = La escritura de las capas de ejemplo
action-keeping-unsaved-work = La conservación del trabajo sin guardar
action-discarding-unsaved-work = El descarte del trabajo sin guardar
action-saving-the-layer = El guardado de la capa
action-moving-the-layer = El movimiento de la capa
action-removing-the-layer = La eliminación de la capa
action-saving-the-caption = El guardado de la leyenda
action-removing-the-photo = La eliminación de la foto
action-opening-the-photo = La apertura de la foto
action-reading-the-history = La lectura del historial
action-searching-source-attributes = La búsqueda en los atributos de origen
action-adding-the-layer = La adición de la capa
action-reading-the-reference-layers = La lectura de las capas de referencia
action-reading-the-export-log = La lectura del registro de exportaciones
action-export = La exportación
action-writing-the-sync-bundle = La escritura del paquete de sincronización
action-applying-the-sync-bundle = La aplicación del paquete de sincronización
action-syncing-with-the-office-server = La sincronización con el servidor de la oficina
action-reading-the-sync-state = La lectura del estado de sincronización

action-settling = La resolución de { $field } de { $code }
state-failed = { $action } falló: { $error }
state-not-saved = No guardado: { $error }
state-store-busy = La base está ocupada; inténtelo de nuevo en un momento
busy-importing = Importando…
busy-exporting = Exportando…
busy-loading-demo = Cargando el programa de demostración…
busy-opening-store = Abriendo la base…
busy-syncing = Sincronizando con el servidor de la oficina…
stage-connecting = Conectando con { $server }…
stage-receiving = Recibiendo { $count } cambios del servidor de la oficina…
stage-sending = Enviando { $count } cambios al servidor de la oficina…
done-synced = Sincronizado con el servidor de la oficina: { $summary }
done-bundle-written = Paquete de sincronización escrito: { $path } ({ $versions } versiones, { $photos } fotos)
done-bundle-applied = Paquete de sincronización aplicado ({ $path }): { $summary }
done-conflicts-settled = { $count ->
        [one] { $count } conflicto resuelto
       *[other] { $count } conflictos resueltos
    }; la resolución llega a los otros portátiles con el próximo paquete
done-demo-loaded = Programa de demostración cargado en su propia base: { $lands } áreas, { $activities } actividades, { $reports } informes de peligro
done-demo-backup = (los registros de demostración anteriores están en { $path })
done-land-edit-superseded = La modificación tiene fecha anterior a la fecha de la información del área: se conserva en el historial pero no se aplica
done-activity-recorded = Actividad { $code } registrada
done-land-now = área ahora { $classification } · { $status }
done-hazard-report-saved = Informe de peligro { $code } guardado
done-report-edit-superseded = La modificación de { $code } tiene fecha anterior al informe: se conserva en la auditoría, no se aplica
done-activity-voided = { $code } anulada; a { $land } le quedan { $remaining } ({ $classification } · { $status })
done-hazard-report-voided = Informe de peligro { $code } anulado
done-photo-attached = Foto { $file } añadida
done-workflow = { $code } ahora está { $state }
done-photo-removed = Foto quitada (se conserva en la auditoría)
done-photo-unreadable = No se puede mostrar la foto { $file }: { $error }
done-layers-added = { $count ->
        [one] Capa de referencia añadida
       *[other] Capas de referencia añadidas
    }: { $names }

## Windows: the person, the store, the pickers, the export log, the welcome

person-intro = Su nombre figura en cada registro, fila del historial, entrada de auditoría y exportación que haga en este dispositivo.
person-name = Su nombre *
person-name-hint = p. ej., Amina Hodžić
person-organisation = Su organización
person-role = Su función *
person-name-missing = Nombre: indique el nombre por el que le conocen.
person-role-missing = Función: elija una; solo un oficial de gestión de información aprueba registros.
person-save = Guardar la persona
person-not-now = Ahora no
person-now-recording = { $name } ({ $role }) registra ahora en este dispositivo
ask-create-title = No hay ninguna base en esta ruta
ask-create-text = No hay ninguna base de Safeground en { $path }. ¿Se escribió bien el nombre, o se movió el archivo?
ask-create-yes = Crear allí una base nueva y vacía
ask-create-open = Abrir otra base…
pick-open-store = Abrir un archivo de base
pick-new-store = Nuevo programa: elija un archivo de base
pick-import = Importar GeoJSON o CSV de actividades
pick-export-geojson = Exportar GeoJSON
pick-export-csv = Exportar la contabilidad de superficies y las actividades en CSV
pick-export-gpkg = Exportar GeoPackage
pick-report = Escribir el informe de avance para el donante (HTML)
pick-mbtiles = Mapa base ráster (MBTiles)
pick-reference-layer = Añadir una capa de referencia
pick-photo = Adjuntar una foto (JPEG o PNG)
pick-sync-import = Aplicar un paquete de sincronización de otro portátil
pick-sync-export = Escribir un paquete de sincronización
button-close = Cerrar
loading = Cargando…
export-log-empty = Aún no se ha exportado nada de esta base.
export-log-when = Cuándo (UTC)
export-log-who = Quién
export-log-format = Formato
export-log-profile = Perfil
export-log-filter = Filtro
export-log-file = Archivo
export-log-counts = { $lands } áreas, { $activities } actividades, { $reports } informes de peligro
messages = Mensajes
issue-error = Error
issue-warning = Advertencia
issue-features = entidades { $features }
issue-show-lands = Mostrar estas { $count } áreas
welcome-title = Bienvenido a Safeground
welcome-text = Registre áreas peligrosas, informes de peligro y el avance del despeje, sin conexión.
welcome-empty-store = Esta base está vacía: { $path }
welcome-new = Empezar un programa nuevo
welcome-demo = Abrir el programa de demostración
welcome-import = Importar un archivo GeoJSON…
welcome-open = Abrir otro archivo de base…

## The dashboard

dashboard-from = Desde
dashboard-to = Hasta
dashboard-from-hint = Primer día del período, AAAA-MM-DD; vacío: desde el inicio
dashboard-to-hint = Último día del período, AAAA-MM-DD; vacío: hasta hoy
dashboard-bad-date = { $field }: «{ $text }» no es una fecha; escriba AAAA-MM-DD, p. ej., 2025-01-31
dashboard-report-for = Informe para
dashboard-write-report = Escribir el informe para el donante…
dashboard-zoom = Acercar el mapa a estas áreas
dashboard-computing = Calculando…
dashboard-no-activities = no hay actividades en el alcance
dashboard-released = Liberado en el período
dashboard-lands = Áreas en el alcance
dashboard-remaining = Restante al final
dashboard-closed = Cerradas / entregadas
dashboard-items = Artefactos encontrados / destruidos
dashboard-productivity = { $area } m² por día-desminador
dashboard-find-rate = { $rate } artefactos por cada 1000 m²
dashboard-participation = { $men } hombres, { $women } mujeres, { $boys } niños, { $girls } niñas
dashboard-hazard-reports = Informes de peligro
dashboard-chart-released = Superficie liberada por mes, por categoría (m²)
dashboard-chart-productivity = Productividad por mes (m² por día-desminador)
dashboard-chart-find-rate = Tasa de hallazgo por mes (artefactos por cada 1000 m²)
dashboard-chart-remaining = Superficie restante por clasificación (m²)
dashboard-chart-status = Áreas por estado
dashboard-none = Ninguna en el alcance

## Reconciliation: bundles, the office server, conflicts

sync-last-refused = El último paquete, { $file }, fue rechazado y no se cambió nada:
sync-parked = { $count ->
        [one] { $count } cambio espera
       *[other] { $count } cambios esperan
    } cambios anteriores que aún no han llegado; se conservan y se aplican cuando lleguen. Pida a los portátiles de abajo su último paquete.
sync-parked-row = { $kind } { $code } de { $device } (llegó el { $at })
sync-office-server = Servidor de la oficina
sync-address = Dirección
sync-address-hint = La dirección del servidor, que le da su oficial de gestión de información; añada ?sslmode=require para un enlace cifrado
sync-password = Contraseña
sync-password-placeholder = (o desde ~/.pgpass)
sync-password-hint = Solo para esta sincronización; Safeground nunca la guarda
sync-hub-button = Sincronizar con el servidor de la oficina
sync-hub-hint = Envía los cambios de este portátil y recibe los de los demás, cada uno en una transacción; se puede repetir sin riesgo
sync-never = nunca
sync-hub-user = { $user } ({ $role } de { $organisation })
sync-last = Última sincronización { $when }, como { $who }: { $summary }
sync-last-failed = La última sincronización { $when }, como { $who }, falló: { $summary }
sync-never-synced = Aún no se ha sincronizado con un servidor de la oficina.
sync-this-laptop = Este portátil: { $name } ({ $device }), programa { $programme }
sync-unnamed = sin nombre
sync-apply = Aplicar un paquete…
sync-apply-hint = Un archivo .sgbundle de otro portátil o de la oficina (antes se hace una copia de seguridad de esta base)
sync-write-for = Escribir un paquete para
sync-everything = todo (un portátil nuevo se une con él)
sync-write = Escribir…
sync-no-bundle = Aún no se ha enviado ni recibido ningún paquete.
sync-laptop = Portátil
sync-received = Recibido
sync-last-received = Última recepción
sync-sent = Enviado
sync-last-sent = Último envío
sync-changes = { $count ->
        [one] { $count } cambio
       *[other] { $count } cambios
    }
sync-device = dispositivo { $device }
sync-no-conflicts = No hay conflictos abiertos: cada cambio se fusionó por sí solo.
sync-open-conflicts = { $count ->
        [one] { $count } conflicto abierto
       *[other] { $count } conflictos abiertos
    }
sync-conflicts-explained = El mismo campo se cambió a valores distintos en dos portátiles. El valor que se muestra es el ganador provisional (fecha de la información más reciente, luego el cambio más reciente); el otro se conserva hasta que alguien lo resuelva. La resolución llega a cada portátil con el próximo paquete.
sync-select-all = Seleccionar todo
sync-select-none = No seleccionar nada
sync-keep-mine-selected = Conservar el mío para { $count } seleccionados
sync-take-theirs-selected = Tomar el suyo para { $count } seleccionados
sync-keep-mine = Conservar el mío
sync-take-theirs = Tomar el suyo
sync-show-both = Mostrar ambos en el mapa
sync-show-on-map = Mostrar en el mapa
sync-base = Base común
sync-mine = El mío
sync-theirs = El suyo
sync-from = de { $device }
sync-shown-now = Mostrado ahora
sync-winner-mine = el mío (ganador provisional)
sync-winner-theirs = el suyo (ganador provisional)

## Reference layers, history, unsaved work

layers-title = Capas de referencia
layers-intro = Archivos que este programa ya tiene, dibujados bajo las áreas: límites administrativos (de ellos se rellenan la unidad administrativa y el P-code de un área nueva), localidades, carreteras, ríos, paquetes de teselas. Se guardan con esta base.
layers-add = Añadir una capa… (GeoPackage, GeoJSON, Shapefile, MBTiles, PMTiles)
layers-add-sample = Añadir capas de ejemplo (ficticias, para probar)
layers-add-sample-hint = Escribe límites administrativos inventados con P-codes, localidades y carreteras sobre la zona de demostración en una carpeta junto a la base, y los añade
layers-none = Aún no hay capas de referencia.
layers-shown = Se muestra en el mapa
layers-remove-hint = Quitarla de la lista de esta base (el archivo se queda)
layers-down = Bajar
layers-down-hint = Dibujarla más abajo
layers-up-hint = Dibujarla sobre la capa de arriba
layers-cannot-draw = No se puede dibujar: { $error }
layers-holds = Contiene
layers-features = { $count ->
        [one] { $count } entidad
       *[other] { $count } entidades
    }
layers-skipped = ({ $count } sin geometría utilizable omitidas)
layers-no-admin-fields = Sin campos ADMn_PCODE / ADMn_EN: se dibuja, pero no puede rellenar unidades administrativas.
layers-in-report = También en el mapa del informe para el donante
layers-tiles-note = Paquete de teselas: el visible más alto es el fondo del mapa.
history-title = Historial del programa
history-person = Persona
history-record = Registro
history-action = Acción
history-nothing = No hay coincidencias.
history-entries = { $count ->
        [one] { $count } entrada, la más reciente primero
       *[other] { $count } entradas, las más recientes primero
    }
history-entries-latest = { $count } entradas, las más recientes primero (las últimas 500)
unsaved-title = Trabajo sin guardar de la última vez
unsaved-intro = Safeground se cerró con estos formularios abiertos. Aún no se guardó nada como registro; restaure un formulario para seguir donde lo dejó.
unsaved-restore = Restaurar
unsaved-discard = Descartar
unsaved-edit-of = Edición de { $code } ({ $name })
unsaved-new-land-named = Nueva área: { $name }
unsaved-activity-on = Actividad en { $code }
unsaved-unreadable = El formulario sin guardar ({ $kind }) no se pudo leer (lo guardó otra versión de Safeground); se dejó en la base

## The map, the file picker and the import mapping

measure-distance = Distancia { $distance } m
measure-distance-area = Distancia { $distance } m · superficie { $area } ({ $hectares })
map-insert-vertex = Haga clic para insertar aquí un vértice
map-drag-vertex = Arrastre para mover; clic derecho para eliminar
map-basemap = Mapa base: { $attribution }. { $note }
map-not-authoritative = Los límites no son oficiales.
map-basemap-unavailable = Mapa base no disponible: { $error }
map-tiles = Teselas: { $name }
map-flagged = { $code } (señalada)
picker-new-folder = Carpeta nueva
picker-create-folder = Crear la carpeta
picker-file-name = Nombre del archivo
picker-files = Archivos: { $patterns }
picker-open = Abrir
picker-save = Guardar
picker-replace-title = ¿Reemplazar el archivo?
picker-replace-text = { $path } (o un archivo escrito a su lado) ya existe. ¿Reemplazarlo?
picker-replace = Reemplazar
mapping-title = Importar { $file }
mapping-intro = { $count } entidades. Elija qué propiedad contiene cada campo; las demás se conservan con cada área como atributos de origen (se muestran en su detalle y se pueden buscar).
mapping-usual-names = (nombres habituales)
mapping-properties = Propiedades del archivo
mapping-property = Propiedad
mapping-filled = Rellenada
mapping-examples = Ejemplos
mapping-filled-of = { $filled } de { $total }
mapping-import = Importar

## Imports and the store

state-upgraded = La base se actualizó; el archivo anterior se guardó en { $path }
state-import-refused = Importación rechazada, no se escribió nada: { $error }
state-imported = Importado: { $lands } áreas, { $activities } actividades, { $reports } informes de peligro ({ $skipped } omitidos, { $problems } problemas en el resumen de la importación)
state-land-saved = Área { $code } guardada
picker-home = Carpeta personal
picker-data = Datos de Safeground
picker-removable = Extraíble: { $name }
picker-drive = Unidad { $letter }:

## What is wrong with a field

detail-points-plain = Puntos introducidos
problem-required = es obligatorio
problem-required-date = es obligatorio (AAAA-MM-DD)
problem-too-long = tiene más de { $max } caracteres
problem-control-characters = contiene caracteres de control
problem-bidi-control = contiene un carácter de control bidireccional (U+202A–U+202E o U+2066–U+2069); vuelva a escribirlo sin él
problem-not-in-vocabulary = «{ $value }» no es ninguno de: { $allowed }
problem-not-a-date = «{ $value }» no es una fecha entre 1900 y 2100 (AAAA-MM-DD)
problem-negative = { $value } { $unit } es negativo
problem-too-large = { $value } { $unit } supera el máximo de { $max } { $unit }
problem-not-a-number = «{ $value }» no es un número de { $unit }
problem-not-a-whole-number = «{ $value }» no es un número entero ≥ 0
problem-need-points = añada al menos tres puntos del perímetro (inicio, giro, fin), escribiéndolos, haciendo clic en el mapa o con una poligonal

## Sync summaries

summary-bundle = { $new } versiones nuevas de { $total } en el paquete; registros: { $records_new } nuevos, { $updated } modificados, { $merged } fusionados; { $conflicts } conflictos abiertos; { $parked } en espera; { $photos } fotos
summary-hub = { $received } versiones nuevas recibidas (registros: { $records_new } nuevos, { $updated } modificados, { $merged } fusionados); { $sent } versiones enviadas; { $conflicts } conflictos abiertos; { $parked } en espera
summary-hub-not-ours = { $count } cambios en registros de otra organización no enviados
summary-hub-skipped = { $count } cambios del servidor ilegibles, dejados allí
summary-hub-read-only = { $count } cambios locales no enviados (esta función solo lee)

## History and field names

history-on-device = en { $device }
history-from-to = de { $old } a { $new }
history-was = era { $old }
field-validation = Validación
field-polygon = Polígono y puntos
field-evidence-items = Elementos de evidencia
field-key-informants = Informantes clave
field-all-records = Todos los registros

## Refusals

refused-over-release = esta actividad libera { $requested }, pero solo quedan { $remaining } de los { $estimated } estimados del área; corrija la superficie liberada o revise primero el polígono del área

## The store and the map, more

map-raster = Mapa base ráster (MBTiles)
map-raster-attribution = Mapa base ráster: { $attribution }
map-new-report = nuevo informe
worker-start-failed = No se pudo iniciar el gestor de la base: { $error }
store-damaged = La base { $path } está dañada ({ $problems }). No se guardará nada más en ella: restáurela desde una copia de seguridad (safeground restore) y vuelva a abrirla.
store-unchecked = No se pudo comprobar la base { $path } ({ $error }); no se guardará nada en ella hasta que se compruebe.

## Refusals of the lifecycle and the workflow

refused-bucket = una actividad «{ $kind }» no puede registrar { $bucket } (permitido: { $allowed })
refused-land-closed = el área está { $status }; no se puede registrar en ella una actividad «{ $kind }» que libere superficie
refused-completion = un informe de finalización debe liberar todo lo que queda, pero aún quedarían { $remaining }; registre la superficie liberada por categoría o revise el polígono del área
refused-handover-not-closed = un certificado de entrega necesita un área cerrada, pero esta área está { $status }
refused-handover-wrong-kind = la participación en la entrega solo se puede registrar en un certificado de entrega
refused-end-before-start = la fecha de fin { $end } es anterior a la fecha de inicio { $start }
refused-workflow = no se puede «{ $action }» un registro que está { $state }

## Classification
vocab-Classification-indication = Indicio
vocab-Classification-sha = APS
vocab-Classification-cha = APC
vocab-Classification-ammunition_storage = Almacén de municiones
vocab-Classification-eod_spot_task = Tarea puntual de EOD

## Role
vocab-Role-surveyor = Encuestador
vocab-Role-im_officer = Oficial de gestión de información
vocab-Role-coordinator = Coordinador

## LandStatus
vocab-LandStatus-open = Abierta
vocab-LandStatus-worked_on = En intervención
vocab-LandStatus-closed = Cerrada
vocab-LandStatus-handed_over = Entregada

## EvidenceOfContamination
vocab-EvidenceOfContamination-direct = Directa
vocab-EvidenceOfContamination-indirect = Indirecta
vocab-EvidenceOfContamination-none = Ninguna
vocab-EvidenceOfContamination-not_specified = Sin especificar

## SourceModality
vocab-SourceModality-visual = Observación visual
vocab-SourceModality-verbal = Información verbal
vocab-SourceModality-records = Registros anteriores

## HazardType
vocab-HazardType-ap_mines = Minas antipersonal
vocab-HazardType-at_mines = Minas antitanque
vocab-HazardType-cmr = Restos de municiones en racimo
vocab-HazardType-uxo = Municiones sin explotar (MUSE)
vocab-HazardType-axo = Artefactos explosivos abandonados (AEA)
vocab-HazardType-ied = Artefactos explosivos improvisados (AEI)
vocab-HazardType-booby_traps = Trampas explosivas

## EoCategory
vocab-EoCategory-ap_mine = Mina antipersonal
vocab-EoCategory-at_mine = Mina antitanque
vocab-EoCategory-cmr = Resto de munición en racimo
vocab-EoCategory-uxo = MUSE
vocab-EoCategory-axo = AEA
vocab-EoCategory-ied = AEI
vocab-EoCategory-booby_trap = Trampa explosiva
vocab-EoCategory-saa = Munición de armas ligeras
vocab-EoCategory-other = Otro

## ActivityKind
vocab-ActivityKind-nts = Estudio no técnico
vocab-ActivityKind-ts = Estudio técnico
vocab-ActivityKind-clearance = Despeje
vocab-ActivityKind-bac = Despeje de zona de combate
vocab-ActivityKind-eod_spot_task = Tarea puntual de EOD
vocab-ActivityKind-progress_report = Informe de avance
vocab-ActivityKind-cancellation_report = Informe de cancelación
vocab-ActivityKind-completion_report = Informe de finalización
vocab-ActivityKind-handover_certificate = Certificado de entrega
vocab-ActivityKind-post_clearance_inspection = Inspección posterior al despeje

## Method
vocab-Method-manual = Manual
vocab-Method-mechanical = Mecánico
vocab-Method-mdd = Perros detectores de minas
vocab-Method-other = Otro

## Disposal
vocab-Disposal-destroyed_in_situ = Destruido in situ
vocab-Disposal-removed_destroyed = Retirado y destruido
vocab-Disposal-handed_over = Entregado
vocab-Disposal-pending = Pendiente

## Priority
vocab-Priority-high = Alta
vocab-Priority-medium = Media
vocab-Priority-low = Baja

## HazardReportStatus
vocab-HazardReportStatus-reported = Notificado
vocab-HazardReportStatus-verified = Verificado
vocab-HazardReportStatus-destroyed_removed = Destruido / retirado
vocab-HazardReportStatus-no_item_found = No se encontró ningún artefacto

## ItemCondition
vocab-ItemCondition-intact = Intacto
vocab-ItemCondition-damaged = Dañado
vocab-ItemCondition-fragments = Fragmentos
vocab-ItemCondition-unknown = Desconocido

## PointKind
vocab-PointKind-reference = Punto de referencia
vocab-PointKind-benchmark = Punto de control
vocab-PointKind-start = Punto de inicio
vocab-PointKind-turning = Punto de giro
vocab-PointKind-intermediate = Punto intermedio
vocab-PointKind-end = Punto final
vocab-PointKind-evidence = Punto de evidencia
vocab-PointKind-usage = Punto de uso

## ValidationState
vocab-ValidationState-draft = Borrador
vocab-ValidationState-submitted = Enviado
vocab-ValidationState-approved = Aprobado
vocab-ValidationState-returned = Devuelto

## BearingUnit
vocab-BearingUnit-deg = Grados
vocab-BearingUnit-mil = Milésimas

## NorthReference
vocab-NorthReference-magnetic = Magnético
vocab-NorthReference-true = Geográfico
vocab-NorthReference-grid = Cuadrícula

## Instrument
vocab-Instrument-compass_tape = Brújula y cinta
vocab-Instrument-laser_rangefinder = Telémetro láser
vocab-Instrument-total_station = Estación total
vocab-Instrument-other = Otro

## EntityKind
vocab-EntityKind-land = Área
vocab-EntityKind-activity = Actividad
vocab-EntityKind-hazard_report = Informe de peligro
vocab-EntityKind-store = Base

## AuditAction
vocab-AuditAction-create = Creado
vocab-AuditAction-update = Modificado
vocab-AuditAction-delete = Eliminado
vocab-AuditAction-workflow = Flujo de validación
vocab-AuditAction-import = Importado
vocab-AuditAction-void = Anulado

## CoordFormat
vocab-CoordFormat-dd = DD
vocab-CoordFormat-dms = DMS
vocab-CoordFormat-ddm = DDM
vocab-CoordFormat-utm = UTM
vocab-CoordFormat-mgrs = MGRS

## ExportProfile
vocab-ExportProfile-full = Completo (interno)
vocab-ExportProfile-authority = Autoridad nacional
vocab-ExportProfile-donor = Donante
vocab-ExportProfile-public = Público

## LayerRole
vocab-LayerRole-admin_boundaries = Límites administrativos (P-codes)
vocab-LayerRole-settlements = Localidades
vocab-LayerRole-roads = Carreteras
vocab-LayerRole-water = Ríos y masas de agua
vocab-LayerRole-other = Otro
vocab-LayerRole-tiles = Paquete de teselas
