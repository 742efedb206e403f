# Messages de Safeground en français. Mêmes identifiants que en.ftl (un test le vérifie).

## Unités et chiffres

unit-m2 = { $value } m²
unit-ha = { $value } ha
unit-km = { $value } km
unit-m = { $value } m
figure-none = —
people-suppressed = < { $threshold }

## Le rapport aux bailleurs

report-title = Rapport d’avancement de la remise à disposition des terres
report-kicker = Action humanitaire contre les mines · remise à disposition des terres
report-html-title = Rapport d’avancement de la remise à disposition des terres — { $donor } — { $period }
report-period = du { $from } au { $to }
report-all-donors = Tous les bailleurs
report-meta-donor = Bailleur
report-meta-period = Période
report-meta-organisation = Organisation
report-meta-project = Projet
report-meta-data-as-of = Données au
report-meta-scope = Périmètre
report-headline = Chiffres clés
report-card-released = terres remises à disposition sur la période ({ $hectares }), rendues aux communautés comme sûres
report-card-cancelled = annulées par enquête non technique
report-card-reduced = réduites par enquête technique
report-card-cleared = dépolluées
report-card-remaining = superficie contaminée restante en fin de période
report-card-closed = zones dangereuses clôturées / remises sur la période
report-card-items = engins explosifs trouvés ({ $destroyed } détruits)
report-card-productivity = par jour-démineur (productivité)
report-card-find-rate = engins trouvés pour 1 000 m² réduits ou dépollués
report-card-people = personnes ont participé aux remises
report-card-lands = zones dangereuses dans le périmètre
report-released = Terres remises à disposition
report-series-cancelled = Annulées
report-series-reduced = Réduites
report-series-cleared = Dépolluées
report-chart-released = Superficie remise à disposition par mois, par méthode
report-chart-released-caption = Chaque barre représente la superficie remise à disposition en un mois (en un an pour les périodes de plus de trois ans), empilée par catégorie : annulée (enquête non technique), réduite (enquête technique) et dépolluée.
report-chart-remaining = Superficie contaminée restante par classification
report-chart-remaining-bar = { $classification } ({ $lands ->
        [one] { $lands } zone
       *[other] { $lands } zones
    })
report-chart-status = Zones dangereuses par statut en fin de période
report-unit-lands = zones
report-unit-items = engins
report-map = Carte des zones dangereuses
report-map-caption = Symbologie NILAM de la remise à disposition des terres : remplissage selon la classification, contour selon le statut (en tirets pendant les travaux), parties remises à disposition en vert clair.
report-map-caption-redacted = Les zones dont l’emplacement ne peut être publié sans risque ne sont pas dessinées ; les signalements d’engins ne figurent pas sur la carte dans cette édition.
report-per-land = Avancement par zone dangereuse
report-col-code = Code
report-col-name = Nom
report-col-admin-area = Zone administrative
report-col-classification = Class.
report-col-status = Statut
report-col-cancelled = Annulée m²
report-col-reduced = Réduite m²
report-col-cleared = Dépolluée m²
report-col-remaining = Restante m²
report-total-lands = Total ({ $count ->
        [one] { $count } zone dangereuse
       *[other] { $count } zones dangereuses
    })
report-table-truncated = Le tableau présente les { $listed } zones dangereuses où le plus de terres a été remis à disposition sur la période (sur { $total } dans ce rapport ; la ligne de total les compte toutes). Toutes les zones figurent dans le fichier CSV des zones joint au rapport.
report-table-note = Annulée, réduite et dépolluée : remise à disposition sur la période par les activités retenues pour ce rapport. Restante : toute la superficie encore suspectée ou confirmée en fin de période.
report-items = Engins explosifs trouvés et détruits
report-items-none = Aucun engin explosif n’a été trouvé par les activités retenues sur cette période.
report-items-chart = Engins trouvés par catégorie
report-col-category = Catégorie
report-col-found = Trouvés
report-col-destroyed = Détruits
report-total = Total
report-participation = Participation aux remises
report-col-men = Hommes
report-col-women = Femmes
report-col-boys = Garçons
report-col-girls = Filles
report-participation-note = Membres de la communauté ayant participé à la remise des terres libérées sur la période, d’après les certificats de remise.
report-participation-small = Les effectifs de moins de { $threshold } personnes sont indiqués « < { $threshold } » pour protéger les personnes.
report-footer = Établi avec Safeground { $version } à partir de la base de gestion de l’information du programme · profil : { $profile } · { $edition }. Les chiffres sont calculés à partir des enregistrements saisis et validés par l’organisation ; les mêmes chiffres sont fournis en CSV à côté de ce fichier.
report-edition-redacted = sans données personnelles : les noms et coordonnées des informateurs et déclarants, les récits et les emplacements sensibles sont omis
report-edition-internal = édition interne : peut contenir des données personnelles, ne pas diffuser hors de l’organisation
report-method = Méthodologie et définitions
report-method-intro = Les définitions suivent les Normes internationales de l’action contre les mines (IMAS 04.10, 07.11, 08.10, 08.20, 08.30) et le modèle d’information IMSMA.
report-term-land-release = Remise à disposition des terres
report-def-land-release = Processus consistant à déployer tous les efforts raisonnables pour identifier, délimiter et éliminer toute présence et tout soupçon de présence d’engins explosifs par l’enquête non technique, l’enquête technique et/ou la dépollution.
report-term-sha = Zone suspectée dangereuse (ZSD)
report-def-sha = Zone où existe une indication de contamination par des engins explosifs.
report-term-cha = Zone dangereuse confirmée (ZDC)
report-def-cha = Zone où la présence d’une contamination par des mines ou des REG a été confirmée sur la base de preuves directes.
report-term-cancelled = Annulée
report-def-cancelled = Superficie remise à disposition par enquête non technique : aucune preuve de contamination n’a été trouvée, sans intervention technique.
report-term-reduced = Réduite
report-def-reduced = Superficie remise à disposition par enquête technique (avec ou sans moyen technique tel qu’une machine ou un chien).
report-term-cleared = Dépolluée
report-def-cleared = Superficie dont tous les engins explosifs ont été enlevés et/ou détruits jusqu’à la profondeur spécifiée.
report-term-accounting = Bilan des superficies
report-def-accounting = Pour chaque zone dangereuse, superficie estimée = annulée + réduite + dépolluée + restante, le tout en mètres carrés (1 ha = 10 000 m²) ; aucune autre unité n’est mêlée.
report-term-period = Période
report-def-period = Une activité compte dans la période selon sa date de fin. La superficie restante et le statut sont ceux du dernier jour de la période : la superficie estimée moins tout ce qui a été remis à disposition sur la zone jusqu’à ce jour.
report-term-attribution = Attribution
report-def-attribution = Une activité compte pour un bailleur lorsqu’elle le nomme, ou n’en nomme aucun et que sa zone dangereuse le nomme.
report-term-productivity = Productivité
report-def-productivity = Mètres carrés réduits ou dépollués par jour-démineur, sur les activités qui enregistrent des jours-démineurs.
report-term-find-rate = Taux de découverte
report-def-find-rate = Engins explosifs trouvés pour 1 000 m² réduits ou dépollués.
report-term-handover = Remise
report-def-handover = Processus par lequel le bénéficiaire reçoit et accepte une terre auparavant soupçonnée de contenir un danger explosif.
report-legend-cha-open = Zone dangereuse confirmée (ZDC), ouverte
report-legend-sha-worked-on = Zone suspectée dangereuse (ZSD), travaux en cours
report-legend-closed = Clôturée ou remise
report-legend-released = Partie remise à disposition
report-legend-hazard-report = Signalement de danger (lettre : catégorie d’engin)
report-legend-reference = { $name } ({ $role })
report-attribution = Fond de carte : Natural Earth (domaine public). Les frontières ne font pas autorité.
report-attribution-reference = Fond de carte : Natural Earth (domaine public) ; couches de référence : fichiers propres au programme. Les frontières ne font pas autorité.
report-csv-lands-header = code,nom,zone_administrative,classification,statut,estimee_m2,annulee_m2,reduite_m2,depolluee_m2,restante_m2,engins_trouves
report-csv-summary-header = section,element,valeur,unite

## Le filtre du rapport

filter-whole-store = toute la base
filter-period = du { $from } au { $to }
filter-from = à partir du { $from }
filter-up-to = jusqu’au { $to }
filter-donor = bailleur { $donor }
filter-organisation = organisation { $organisation }
filter-admin-area = zone administrative { $area }

## Graphiques et cartes (SVG)

chart-no-data = Aucune donnée pour cette période
chart-no-lands = Aucune zone à afficher
chart-stacked = Diagramme en barres empilées
chart-bars = Diagramme en barres
map-no-lands = Carte : aucune zone à afficher
map-label = Carte de { $lands ->
        [one] { $lands } zone
       *[other] { $lands } zones
    }, { $released ->
        [one] { $released } partie remise à disposition
       *[other] { $released } parties remises à disposition
    } et { $points ->
        [one] { $points } point
       *[other] { $points } points
    }

## Réglages

settings-language = Langue
settings-language-system = Suivre le système ({ $language })
settings-language-beta = { $language } (bêta : la mise en page de droite à gauche est incomplète)

## The top bar and its menus

menu-store = Base
menu-new-programme = Nouveau programme…
menu-open-store = Ouvrir une base…
menu-load-demo = Charger le programme de démonstration
top-new-land = Nouvelle zone
top-new-hazard-report = Nouveau signalement de danger
top-import = Importer…
top-export = Exporter
export-profile = Profil (à qui le fichier est destiné)
export-geojson = GeoJSON…
export-csv = Bilan des superficies et activités (CSV)…
export-gpkg = GeoPackage…
export-report = Rapport d’avancement pour le bailleur…
export-log = Journal des exports
top-dashboard = Tableau de bord
top-who-is-recording = Qui saisit ?
top-recording-as = Saisie par { $name } ({ $role })
top-recording-hint = La personne inscrite dans l’historique, l’audit et le journal des exports ; à changer ici
top-settings = Réglages
settings-appearance = Apparence
appearance-system = Suivre le système
appearance-daylight = Plein jour (contraste élevé, pour l’extérieur)
appearance-dark = Sombre
settings-coord-format = Format des coordonnées
settings-gps-threshold = Seuil de précision GPS (m)
settings-land-codes = Codes des zones sur la carte
settings-online-tiles = Tuiles en ligne (OpenStreetMap ; réseau nécessaire, mises en cache sur le disque)
settings-raster = Fond de carte raster (MBTiles)…
settings-raster-remove = Retirer le fond de carte raster
settings-raster-name = Raster : { $name }
settings-show-reports = Signalements de danger sur la carte
settings-typed-points = Points saisis de la zone sélectionnée (repère, point de référence, points de virage)
top-history = Historique
top-history-hint = Qui a modifié quoi, et quand : la piste d’audit de tout le programme (Ctrl+H)
reconciliation = Rapprochement
reconciliation-with = Rapprochement ({ $problems })
reconciliation-waiting = { $count } en attente
reconciliation-bundle-refused = paquet refusé
top-reconciliation-hint = Synchroniser les paquets avec les autres ordinateurs et le bureau ; régler les conflits (Ctrl+R)
top-layers = Couches
top-layers-hint = Couches de référence : limites administratives, localités, routes, tuiles (Ctrl+L)
top-zoom-all = Tout afficher
top-measure = Mesurer
top-stop-measuring = Arrêter la mesure
top-measure-hint = Cliquer sur la carte pour mesurer une distance et une superficie
top-store = Base : { $path }
button-cancel = Annuler
top-ready = Prêt.
top-import-summary = Bilan de l’import
top-messages = Messages ({ $count })
top-online-tiles-cached = Tuiles en ligne activées ; cache dans { $folder }
top-raster-unreadable = Impossible de lire le fond de carte raster : { $error }
unsaved-land = La zone en cours de saisie a des modifications non enregistrées : enregistrez-la ou annulez-la d’abord
unsaved-hazard-report = Le signalement de danger en cours de saisie a des modifications non enregistrées : enregistrez-le ou annulez-le d’abord
unsaved-activity = L’activité en cours de saisie a des modifications non enregistrées : enregistrez-la ou annulez-la d’abord

## The list and the hazard report panel

list-lands-tab = Zones ({ $count })
list-reports-tab = Signalements de danger ({ $count })
list-search = Rechercher
list-search-lands-hint = code, nom, bailleur…
list-search-reports-hint = code, catégorie d’engin, zone…
list-only = Seulement { $count } zones : { $reason }
list-show-all = Tout afficher
list-all = Toutes
list-class = Classe
list-status = Statut
list-sort = Trier
list-code = Code
list-name = Nom
list-remaining-m2 = Restante m²
list-eo = Engin
list-quantity = Qté
list-land = Zone
list-lands-shown = { $shown } zones sur { $total }
list-reports-shown = { $shown } signalements de danger sur { $total }
detail-void = Annuler…
report-type-model = Type / modèle
report-location = Emplacement
report-as-entered = Tel que saisi
report-reported-on = Signalé le
report-reported-by = Signalé par
report-phone = Téléphone
report-organisation = Organisation
report-notes = Notes
report-photos = Photos ({ $count })
report-photo-hint = { $file } — cliquer pour ouvrir en taille réelle
report-add-photo = Ajouter une photo…
photo-title = Photo — { $file }
photo-caption = Légende
photo-save-caption = Enregistrer la légende
photo-remove = Retirer la photo…
photo-remove-confirm = Retirer cette photo du signalement ? (Elle reste dans l’audit de la base.)
photo-remove-yes = Retirer
photo-keep = La garder

## The land detail panel

void-because = Annuler { $code } parce que
void-hint = p. ex. saisi deux fois
void-yes = Annuler
void-keep = Garder
detail-returned = Renvoyée : { $comment }
detail-polygon-flagged = Polygone signalé : { $issue }
detail-zoom = Zoomer sur la zone
detail-record-activity = Saisir une activité
detail-edit = Modifier la zone
detail-submit = Soumettre
detail-comment-hint = commentaire (requis pour renvoyer)
detail-approve = Approuver
detail-return = Renvoyer
detail-ledger = Bilan des superficies
detail-details = Détails
detail-date-of-information = Date de l’information
detail-evidence = Preuves
detail-hazard-types = Types de danger
detail-admin = Administration
detail-pcode = P-code
detail-priority = Priorité
detail-team = Équipe
detail-donor = Bailleur
detail-project = Projet
detail-blockage = Blocage
detail-terrain = Terrain
detail-beneficiaries = Bénéficiaires
detail-geo-unsafe = Emplacement à ne pas enregistrer
detail-yes = oui
detail-evidence-items = Preuves ({ $count })
detail-informant = Informateur : { $name } ({ $role }) { $phone }
detail-source-attributes = Attributs d’origine ({ $count })
detail-source-attributes-hint = Tels que dans le fichier importé ; la recherche de la liste les trouve.
detail-points = Points saisis ({ $count })
detail-point = Point
detail-point-type = Type
detail-position = Position
detail-source = Source
source-gps = GPS ±{ $accuracy } m
source-gps-poor = GPS ±{ $accuracy } m (médiocre)
source-traverse = depuis { $from } : { $bearing }, { $distance } m
source-slope = (pente { $degrees }°)
source-map-click = clic sur la carte
source-import = import
source-typed = saisi
detail-activities = Activités ({ $count })
detail-void-activity-hint = Annuler { $code } : conservée, marquée annulée, exclue du bilan
detail-activity-released = { $area } remis à disposition{ $items ->
        [0] {""}
        [one] , { $items } engin
       *[other] , { $items } engins
    }
detail-status-history = Historique des statuts ({ $count })
detail-superseded = { $text } [remplacé]
detail-history = Historique ({ $count })
ledger-estimated = Estimée
ledger-cancelled = Annulée
ledger-reduced = Réduite
ledger-cleared = Dépolluée
ledger-remaining = Restante

## Forms and the land editor

date-hint = AAAA-MM-JJ
calendar = Calendrier
calendar-hint = Choisir la date dans un calendrier
calendar-previous = Mois précédent
calendar-next = Mois suivant
form-undo = Annuler la modification
form-redo = Rétablir
form-discard = Abandonner les modifications
form-keep-editing = Continuer la saisie
form-close-land = Cette zone a des modifications non enregistrées. La fermer et les perdre ?
form-close-activity = Cette activité a des modifications non enregistrées. La fermer et les perdre ?
form-close-hazard-report = Ce signalement de danger a des modifications non enregistrées. Le fermer et les perdre ?
form-required = Obligatoire
form-store-refused = La base a refusé : { $reason }
editor-edit-title = Modifier { $code } — { $name }
editor-classification = Classification
editor-found-pcode = P-code { $pcode }
editor-found-settlement = localité la plus proche { $settlement }
editor-admin-from-layer = Zone administrative d’après la couche de référence { $layer } : { $found } (une valeur saisie est conservée)
editor-click-points = Ajouter des points en cliquant sur la carte
editor-traverse = Cheminement depuis un repère
editor-area = Superficie { $area } ({ $hectares }), géodésique WGS84
editor-area-needs-points = Superficie : il faut au moins trois points du périmètre
editor-implausible-area = Vérifiez les points : { $hectares } ha dépasse presque toutes les zones dangereuses jamais saisies d’un coup (plus de { $limit } ha) ; une coordonnée mal tapée ou un clic au mauvais endroit donne cela
editor-overlaps = Chevauche { $count ->
        [one] { $count } zone ouverte
       *[other] { $count } zones ouvertes
    } : { $codes } — vérifiez qu’elle n’est pas saisie deux fois
editor-save = Enregistrer la zone

## Typed points, evidence and the traverse

form-delete = Supprimer
editor-evidence-items = Éléments de preuve ({ $count })
editor-evidence-what = Quoi (p. ex. panneaux de mines, cratères)
editor-evidence-how = Source
editor-add-evidence = Ajouter un élément de preuve
editor-informants = Informateurs clés ({ $count })
editor-informants-sensitive = Sensible : les noms et téléphones restent dans cette base et dans les exports complets ; les exports pour bailleurs et pour le public les omettent.
editor-informant-role = Rôle dans la communauté
editor-add-informant = Ajouter un informateur
editor-point-label = Libellé
editor-point-coordinate = Coordonnée (toute notation)
editor-point-gps = GPS ± m
editor-point-number = Point { $number }
editor-read-as = lu comme { $format }
editor-gps-worse = moins bon que le seuil de { $threshold } m
editor-gps-poor = médiocre
editor-up = Monter
editor-move-up = Remonter
editor-delete-point = Supprimer le point
editor-add-point = Ajouter un point
editor-not-set = Non définie
editor-admin1 = Niveau administratif 1
editor-admin1-hint = canton, région, province
editor-admin2 = Niveau administratif 2
editor-admin2-hint = commune, district
editor-settlement = Localité
editor-settlement-hint = village ou ville
editor-pcode-hint = p. ex. BA-ZD-TSJ-014
editor-blockage-hint = ce que le danger bloque
editor-terrain-hint = végétation, pente, sol
editor-beneficiaries = Bénéficiaires attendus
editor-beneficiaries-hint = personnes
editor-project-hint = projet du bailleur
traverse-benchmark = Repère
traverse-bearings-in = Gisements en
traverse-north = Nord
traverse-declination = Déclinaison (° est)
traverse-declination-date = Date de la déclinaison
traverse-instrument = Instrument
traverse-leg = Segment
traverse-bearing = Gisement
traverse-distance = Distance m
traverse-slope = Pente °
traverse-first-leg = BM vers SP
traverse-leg-bearing = Gisement du segment { $leg }
traverse-leg-distance = Distance du segment { $leg }
traverse-leg-slope = Pente du segment { $leg }
traverse-add-leg = Ajouter un segment
traverse-exact = exacte
traverse-misclosure = Écart de fermeture { $misclosure } m au gisement { $bearing }° (fermeture { $ratio }), périmètre { $perimeter } m
traverse-use = Utiliser les points du cheminement
traverse-bad-benchmark = repère : { $error }
traverse-bad-declination = déclinaison : ce n’est pas un nombre
traverse-bad-declination-date = date de la déclinaison : écrivez-la AAAA-MM-JJ
traverse-bad-bearing = segment { $leg } : le gisement n’est pas un nombre
traverse-bad-distance = segment { $leg } : la distance n’est pas un nombre
traverse-bad-slope = segment { $leg } : la pente n’est pas un nombre
traverse-no-leg = ajoutez au moins un segment

## The activity and hazard report forms

activity-title = Saisir une activité
activity-start = Date de début
activity-end = Date de fin
activity-method = Méthode
activity-deminer-days = Jours-démineur
activity-reduced-with-asset = Réduite avec moyen technique m²
activity-reduced-without-asset = Réduite sans moyen technique m²
activity-residual-risk = Risque résiduel
activity-direct-evidence = Preuve directe confirmée (la ZSD devient ZDC)
activity-devices = Engins trouvés
activity-type-model-hint = type/modèle
activity-quantity-hint = qté
activity-add-device = Ajouter un engin
activity-save = Enregistrer l’activité
hazard-form-location-hint = Saisissez l’emplacement dans n’importe quelle notation, ou cliquez sur la carte.
hazard-form-eo-category = Catégorie d’engin
hazard-form-quantity = Quantité
hazard-form-condition = État
hazard-form-reporter-phone = Téléphone du déclarant
hazard-form-gps-accuracy = Précision GPS m
hazard-form-no-land = aucune
hazard-form-geo-unsafe = Emplacement à ne pas enregistrer
hazard-form-save = Enregistrer le signalement

## What the app says it did (and what failed)

action-reading-unsaved-work = La lecture du travail non enregistré
action-opening-the-store = L’ouverture de la base
action-loading-the-records = Le chargement des enregistrements
action-loading-the-hazard-report = Le chargement du signalement de danger
action-this-action = Cette action
action-saving = L’enregistrement
action-loading-the-land = Le chargement de la zone
action-loading-the-demo-programme = Le chargement du programme de démonstration
action-attaching-the-photo = L’ajout de la photo
action-the-dashboard = Le tableau de bord
action-writing-the-sample-layers = L’écriture des couches d’exemple
action-keeping-unsaved-work = La conservation du travail non enregistré
action-discarding-unsaved-work = L’abandon du travail non enregistré
action-saving-the-layer = L’enregistrement de la couche
action-moving-the-layer = Le déplacement de la couche
action-removing-the-layer = Le retrait de la couche
action-saving-the-caption = L’enregistrement de la légende
action-removing-the-photo = Le retrait de la photo
action-opening-the-photo = L’ouverture de la photo
action-reading-the-history = La lecture de l’historique
action-searching-source-attributes = La recherche dans les attributs d’origine
action-adding-the-layer = L’ajout de la couche
action-reading-the-reference-layers = La lecture des couches de référence
action-reading-the-export-log = La lecture du journal des exports
action-export = L’export
action-writing-the-sync-bundle = L’écriture du paquet de synchronisation
action-applying-the-sync-bundle = L’application du paquet de synchronisation
action-syncing-with-the-office-server = La synchronisation avec le serveur du bureau
action-reading-the-sync-state = La lecture de l’état de synchronisation

action-settling = Le règlement de { $field } de { $code }
state-failed = { $action } a échoué : { $error }
state-not-saved = Non enregistré : { $error }
state-store-busy = La base est occupée ; réessayez dans un instant
busy-importing = Import en cours…
busy-exporting = Export en cours…
busy-loading-demo = Chargement du programme de démonstration…
busy-opening-store = Ouverture de la base…
busy-syncing = Synchronisation avec le serveur du bureau…
stage-connecting = Connexion à { $server }…
stage-receiving = Réception de { $count } modifications du serveur du bureau…
stage-sending = Envoi de { $count } modifications au serveur du bureau…
done-synced = Synchronisé avec le serveur du bureau : { $summary }
done-bundle-written = Paquet de synchronisation écrit : { $path } ({ $versions } versions, { $photos } photos)
done-bundle-applied = Paquet de synchronisation appliqué ({ $path }) : { $summary }
done-conflicts-settled = { $count ->
        [one] { $count } conflit réglé
       *[other] { $count } conflits réglés
    } ; le règlement part vers les autres ordinateurs avec le prochain paquet
done-demo-loaded = Programme de démonstration chargé dans sa propre base : { $lands } zones, { $activities } activités, { $reports } signalements de danger
done-demo-backup = (les anciens enregistrements de démonstration sont dans { $path })
done-land-edit-superseded = La modification est datée d’avant la date de l’information de la zone : elle est conservée dans l’historique mais non appliquée
done-activity-recorded = Activité { $code } enregistrée
done-land-now = zone désormais { $classification } · { $status }
done-hazard-report-saved = Signalement de danger { $code } enregistré
done-report-edit-superseded = La modification de { $code } est datée d’avant le signalement : conservée dans l’audit, non appliquée
done-activity-voided = { $code } annulée ; il reste { $remaining } sur { $land } ({ $classification } · { $status })
done-hazard-report-voided = Signalement de danger { $code } annulé
done-photo-attached = Photo { $file } ajoutée
done-workflow = { $code } est désormais { $state }
done-photo-removed = Photo retirée (conservée dans l’audit)
done-photo-unreadable = La photo { $file } ne peut pas être affichée : { $error }
done-layers-added = { $count ->
        [one] Couche de référence ajoutée
       *[other] Couches de référence ajoutées
    } : { $names }

## Windows: the person, the store, the pickers, the export log, the welcome

person-intro = Votre nom figure dans chaque enregistrement, ligne d’historique, entrée d’audit et export que vous faites sur cet appareil.
person-name = Votre nom *
person-name-hint = p. ex. Amina Hodžić
person-organisation = Votre organisation
person-role = Votre rôle *
person-name-missing = Nom : indiquez le nom sous lequel on vous connaît.
person-role-missing = Rôle : choisissez-en un ; seul un chargé de gestion de l’information approuve les enregistrements.
person-save = Enregistrer la personne
person-not-now = Plus tard
person-now-recording = { $name } ({ $role }) saisit désormais sur cet appareil
ask-create-title = Aucune base à cet emplacement
ask-create-text = Il n’y a pas de base Safeground à { $path }. Le nom est-il bien écrit, ou le fichier a-t-il été déplacé ?
ask-create-yes = Créer une nouvelle base vide à cet emplacement
ask-create-open = Ouvrir une autre base…
pick-open-store = Ouvrir un fichier de base
pick-new-store = Nouveau programme : choisir un fichier de base
pick-import = Importer un GeoJSON ou un CSV d’activités
pick-export-geojson = Exporter en GeoJSON
pick-export-csv = Exporter le bilan des superficies et les activités en CSV
pick-export-gpkg = Exporter en GeoPackage
pick-report = Écrire le rapport d’avancement pour le bailleur (HTML)
pick-mbtiles = Fond de carte raster (MBTiles)
pick-reference-layer = Ajouter une couche de référence
pick-photo = Joindre une photo (JPEG ou PNG)
pick-sync-import = Appliquer un paquet de synchronisation d’un autre ordinateur
pick-sync-export = Écrire un paquet de synchronisation
button-close = Fermer
loading = Chargement…
export-log-empty = Rien n’a encore été exporté de cette base.
export-log-when = Quand (UTC)
export-log-who = Qui
export-log-format = Format
export-log-profile = Profil
export-log-filter = Filtre
export-log-file = Fichier
export-log-counts = { $lands } zones, { $activities } activités, { $reports } signalements de danger
messages = Messages
issue-error = Erreur
issue-warning = Avertissement
issue-features = entités { $features }
issue-show-lands = Afficher ces { $count } zones
welcome-title = Bienvenue dans Safeground
welcome-text = Enregistrez les zones dangereuses, les signalements de danger et l’avancement de la dépollution — hors ligne.
welcome-empty-store = Cette base est vide : { $path }
welcome-new = Commencer un nouveau programme
welcome-demo = Ouvrir le programme de démonstration
welcome-import = Importer un fichier GeoJSON…
welcome-open = Ouvrir un autre fichier de base…

## The dashboard

dashboard-from = Du
dashboard-to = Au
dashboard-from-hint = Premier jour de la période, AAAA-MM-JJ ; vide : depuis le début
dashboard-to-hint = Dernier jour de la période, AAAA-MM-JJ ; vide : jusqu’à aujourd’hui
dashboard-bad-date = { $field } : « { $text } » n’est pas une date ; écrivez AAAA-MM-JJ, p. ex. 2025-01-31
dashboard-report-for = Rapport pour
dashboard-write-report = Écrire le rapport pour le bailleur…
dashboard-zoom = Zoomer la carte sur ces zones
dashboard-computing = Calcul en cours…
dashboard-no-activities = aucune activité dans le périmètre
dashboard-released = Remis à disposition sur la période
dashboard-lands = Zones dans le périmètre
dashboard-remaining = Restant en fin de période
dashboard-closed = Clôturées / remises
dashboard-items = Engins trouvés / détruits
dashboard-productivity = { $area } m² par jour-démineur
dashboard-find-rate = { $rate } engins pour 1 000 m²
dashboard-participation = { $men } hommes, { $women } femmes, { $boys } garçons, { $girls } filles
dashboard-hazard-reports = Signalements de danger
dashboard-chart-released = Superficie remise à disposition par mois, par catégorie (m²)
dashboard-chart-productivity = Productivité par mois (m² par jour-démineur)
dashboard-chart-find-rate = Taux de découverte par mois (engins pour 1 000 m²)
dashboard-chart-remaining = Superficie restante par classification (m²)
dashboard-chart-status = Zones par statut
dashboard-none = Aucune dans le périmètre

## Reconciliation: bundles, the office server, conflicts

sync-last-refused = Le dernier paquet, { $file }, a été refusé et rien n’a été modifié :
sync-parked = { $count ->
        [one] { $count } modification attend
       *[other] { $count } modifications attendent
    } des modifications antérieures pas encore arrivées ; elles sont conservées et appliquées à leur arrivée. Demandez aux ordinateurs ci-dessous leur dernier paquet.
sync-parked-row = { $kind } { $code } de { $device } (arrivé le { $at })
sync-office-server = Serveur du bureau
sync-address = Adresse
sync-address-hint = L’adresse du serveur, fournie par votre chargé de gestion de l’information ; ajoutez ?sslmode=require pour une liaison chiffrée
sync-password = Mot de passe
sync-password-placeholder = (ou depuis ~/.pgpass)
sync-password-hint = Utilisé pour cette synchronisation seulement ; Safeground ne le conserve jamais
sync-hub-button = Synchroniser avec le serveur du bureau
sync-hub-hint = Envoie les modifications de cet ordinateur et reçoit celles des autres, chacune en une transaction ; sans risque à répéter
sync-never = jamais
sync-hub-user = { $user } ({ $role } de { $organisation })
sync-last = Dernière synchronisation { $when }, en tant que { $who } : { $summary }
sync-last-failed = La dernière synchronisation { $when }, en tant que { $who }, a échoué : { $summary }
sync-never-synced = Jamais synchronisé avec un serveur du bureau.
sync-this-laptop = Cet ordinateur : { $name } ({ $device }), programme { $programme }
sync-unnamed = sans nom
sync-apply = Appliquer un paquet…
sync-apply-hint = Un fichier .sgbundle d’un autre ordinateur ou du bureau (une sauvegarde de cette base est faite d’abord)
sync-write-for = Écrire un paquet pour
sync-everything = tout (un nouvel ordinateur s’en sert pour rejoindre)
sync-write = Écrire…
sync-no-bundle = Aucun paquet envoyé ni reçu pour l’instant.
sync-laptop = Ordinateur
sync-received = Reçu
sync-last-received = Dernière réception
sync-sent = Envoyé
sync-last-sent = Dernier envoi
sync-changes = { $count ->
        [one] { $count } modification
       *[other] { $count } modifications
    }
sync-device = appareil { $device }
sync-no-conflicts = Aucun conflit ouvert : chaque modification a été fusionnée d’elle-même.
sync-open-conflicts = { $count ->
        [one] { $count } conflit ouvert
       *[other] { $count } conflits ouverts
    }
sync-conflicts-explained = Le même champ a reçu des valeurs différentes sur deux ordinateurs. La valeur affichée est le gagnant provisoire (date de l’information la plus récente, puis la modification la plus récente) ; l’autre est conservée jusqu’à ce que quelqu’un tranche. Le règlement part vers chaque ordinateur avec le prochain paquet.
sync-select-all = Tout sélectionner
sync-select-none = Ne rien sélectionner
sync-keep-mine-selected = Garder la mienne pour { $count } sélectionnés
sync-take-theirs-selected = Prendre la leur pour { $count } sélectionnés
sync-keep-mine = Garder la mienne
sync-take-theirs = Prendre la leur
sync-show-both = Afficher les deux sur la carte
sync-show-on-map = Afficher sur la carte
sync-base = Base commune
sync-mine = La mienne
sync-theirs = La leur
sync-from = de { $device }
sync-shown-now = Affichée
sync-winner-mine = la mienne (gagnante provisoire)
sync-winner-theirs = la leur (gagnante provisoire)

## Reference layers, history, unsaved work

layers-title = Couches de référence
layers-intro = Fichiers dont ce programme dispose déjà, dessinés sous les zones : limites administratives (la zone administrative et le P-code d’une nouvelle zone en sont tirés), localités, routes, cours d’eau, paquets de tuiles. Conservés avec cette base.
layers-add = Ajouter une couche… (GeoPackage, GeoJSON, Shapefile, MBTiles, PMTiles)
layers-add-sample = Ajouter des couches d’exemple (fictives, pour essayer)
layers-add-sample-hint = Écrit des limites administratives inventées avec P-codes, des localités et des routes sur la zone de démonstration dans un dossier à côté de la base, et les ajoute
layers-none = Aucune couche de référence pour l’instant.
layers-shown = Affichée sur la carte
layers-remove-hint = La retirer de la liste de cette base (le fichier reste)
layers-down = Descendre
layers-down-hint = La dessiner plus bas
layers-up-hint = La dessiner au-dessus de la couche supérieure
layers-cannot-draw = Impossible à dessiner : { $error }
layers-holds = Contient
layers-features = { $count ->
        [one] { $count } entité
       *[other] { $count } entités
    }
layers-skipped = ({ $count } sans géométrie utilisable écartées)
layers-no-admin-fields = Pas de champs ADMn_PCODE / ADMn_EN : elle est dessinée mais ne peut pas remplir les zones administratives.
layers-in-report = Aussi sur la carte du rapport pour le bailleur
layers-tiles-note = Paquet de tuiles : le plus haut des paquets visibles sert de fond de carte.
history-title = Historique du programme
history-person = Personne
history-record = Enregistrement
history-action = Action
history-nothing = Aucun résultat.
history-entries = { $count ->
        [one] { $count } entrée, la plus récente d’abord
       *[other] { $count } entrées, les plus récentes d’abord
    }
history-entries-latest = { $count } entrées, les plus récentes d’abord (les 500 dernières)
unsaved-title = Travail non enregistré de la dernière fois
unsaved-intro = Safeground s’est fermé alors que ces formulaires étaient ouverts. Rien n’a encore été enregistré ; restaurez un formulaire pour reprendre là où vous vous étiez arrêté.
unsaved-restore = Restaurer
unsaved-discard = Abandonner
unsaved-edit-of = Modification de { $code } ({ $name })
unsaved-new-land-named = Nouvelle zone : { $name }
unsaved-activity-on = Activité sur { $code }
unsaved-unreadable = Le formulaire non enregistré ({ $kind }) n’a pas pu être relu (il a été conservé par une autre version de Safeground) ; il reste dans la base

## The map, the file picker and the import mapping

measure-distance = Distance { $distance } m
measure-distance-area = Distance { $distance } m · superficie { $area } ({ $hectares })
map-insert-vertex = Cliquer pour insérer un sommet ici
map-drag-vertex = Faire glisser pour déplacer ; clic droit pour supprimer
map-basemap = Fond de carte : { $attribution }. { $note }
map-not-authoritative = Les frontières ne font pas autorité.
map-basemap-unavailable = Fond de carte indisponible : { $error }
map-tiles = Tuiles : { $name }
map-flagged = { $code } (signalée)
picker-new-folder = Nouveau dossier
picker-create-folder = Créer le dossier
picker-file-name = Nom du fichier
picker-files = Fichiers : { $patterns }
picker-open = Ouvrir
picker-save = Enregistrer
picker-replace-title = Remplacer le fichier ?
picker-replace-text = { $path } (ou un fichier écrit à côté) existe déjà. Le remplacer ?
picker-replace = Remplacer
mapping-title = Importer { $file }
mapping-intro = { $count } entités. Choisissez la propriété qui contient chaque champ ; les autres sont conservées avec chaque zone comme attributs d’origine (visibles dans son détail et consultables par la recherche).
mapping-usual-names = (noms habituels)
mapping-properties = Propriétés du fichier
mapping-property = Propriété
mapping-filled = Renseignée
mapping-examples = Exemples
mapping-filled-of = { $filled } sur { $total }
mapping-import = Importer

## Imports and the store

state-upgraded = La base a été mise à niveau ; l’ancien fichier a été sauvegardé dans { $path }
state-import-refused = Import refusé, rien n’a été écrit : { $error }
state-imported = Importé : { $lands } zones, { $activities } activités, { $reports } signalements de danger ({ $skipped } ignorés, { $problems } problèmes listés dans le bilan de l’import)
state-land-saved = Zone { $code } enregistrée
picker-home = Dossier personnel
picker-data = Données Safeground
picker-removable = Amovible : { $name }
picker-drive = Lecteur { $letter } :

## What is wrong with a field

detail-points-plain = Points saisis
problem-required = est obligatoire
problem-required-date = est obligatoire (AAAA-MM-JJ)
problem-too-long = dépasse { $max } caractères
problem-control-characters = contient des caractères de contrôle
problem-bidi-control = contient un caractère de contrôle bidirectionnel (U+202A–U+202E ou U+2066–U+2069) ; retapez-le sans
problem-not-in-vocabulary = « { $value } » n’est pas l’une de ces valeurs : { $allowed }
problem-not-a-date = « { $value } » n’est pas une date entre 1900 et 2100 (AAAA-MM-JJ)
problem-negative = { $value } { $unit } est négatif
problem-too-large = { $value } { $unit } dépasse le maximum de { $max } { $unit }
problem-not-a-number = « { $value } » n’est pas un nombre de { $unit }
problem-not-a-whole-number = « { $value } » n’est pas un nombre entier ≥ 0
problem-need-points = ajoutez au moins trois points du périmètre (départ, virage, fin), en les saisissant, en cliquant sur la carte ou par un cheminement

## Sync summaries

summary-bundle = { $new } nouvelles versions sur { $total } dans le paquet ; enregistrements : { $records_new } nouveaux, { $updated } modifiés, { $merged } fusionnés ; { $conflicts } conflits ouverts ; { $parked } en attente ; { $photos } photos
summary-hub = { $received } nouvelles versions reçues (enregistrements : { $records_new } nouveaux, { $updated } modifiés, { $merged } fusionnés) ; { $sent } versions envoyées ; { $conflicts } conflits ouverts ; { $parked } en attente
summary-hub-not-ours = { $count } modifications d’enregistrements d’une autre organisation non envoyées
summary-hub-skipped = { $count } modifications du serveur illisibles, laissées sur place
summary-hub-read-only = { $count } modifications locales non envoyées (ce rôle est en lecture seule)

## History and field names

history-on-device = sur { $device }
history-from-to = de { $old } à { $new }
history-was = était { $old }
field-validation = Validation
field-polygon = Polygone et points
field-evidence-items = Éléments de preuve
field-key-informants = Informateurs clés
field-all-records = Tous les enregistrements

## Refusals

refused-over-release = cette activité remet à disposition { $requested } alors qu’il ne reste que { $remaining } sur les { $estimated } estimés de la zone ; corrigez la superficie remise à disposition, ou révisez d’abord le polygone de la zone

## The store and the map, more

map-raster = Fond de carte raster (MBTiles)
map-raster-attribution = Fond de carte raster : { $attribution }
map-new-report = nouveau signalement
worker-start-failed = Le gestionnaire de la base n’a pas pu démarrer : { $error }
store-damaged = La base { $path } est endommagée ({ $problems }). Plus rien n’y sera enregistré : restaurez-la depuis une sauvegarde (safeground restore) et rouvrez-la.
store-unchecked = La base { $path } n’a pas pu être vérifiée ({ $error }) ; plus rien n’y sera enregistré tant qu’elle ne l’est pas.

## Refusals of the lifecycle and the workflow

refused-bucket = une activité « { $kind } » ne peut pas enregistrer { $bucket } (autorisé : { $allowed })
refused-land-closed = la zone est { $status } ; une activité « { $kind } » qui remet des terres à disposition ne peut pas y être enregistrée
refused-completion = un rapport d’achèvement doit remettre à disposition tout ce qui reste, mais { $remaining } resteraient ; enregistrez la superficie remise à disposition par catégorie, ou révisez le polygone de la zone
refused-handover-not-closed = un certificat de remise exige une zone clôturée, mais cette zone est { $status }
refused-handover-wrong-kind = la participation à une remise ne peut être enregistrée que sur un certificat de remise
refused-end-before-start = la date de fin { $end } précède la date de début { $start }
refused-workflow = impossible de faire « { $action } » sur un enregistrement { $state }

## Classification
vocab-Classification-indication = Indication
vocab-Classification-sha = ZSD
vocab-Classification-cha = ZDC
vocab-Classification-ammunition_storage = Stockage de munitions
vocab-Classification-eod_spot_task = Intervention NEDEX ponctuelle

## Role
vocab-Role-surveyor = Enquêteur
vocab-Role-im_officer = Chargé de gestion de l’information
vocab-Role-coordinator = Coordinateur

## LandStatus
vocab-LandStatus-open = Ouverte
vocab-LandStatus-worked_on = En cours de traitement
vocab-LandStatus-closed = Clôturée
vocab-LandStatus-handed_over = Remise

## EvidenceOfContamination
vocab-EvidenceOfContamination-direct = Directe
vocab-EvidenceOfContamination-indirect = Indirecte
vocab-EvidenceOfContamination-none = Aucune
vocab-EvidenceOfContamination-not_specified = Non précisée

## SourceModality
vocab-SourceModality-visual = Observation visuelle
vocab-SourceModality-verbal = Information verbale
vocab-SourceModality-records = Archives

## HazardType
vocab-HazardType-ap_mines = Mines antipersonnel
vocab-HazardType-at_mines = Mines antichar
vocab-HazardType-cmr = Restes d’armes à sous-munitions
vocab-HazardType-uxo = Munitions non explosées (UXO)
vocab-HazardType-axo = Munitions explosives abandonnées (AXO)
vocab-HazardType-ied = Engins explosifs improvisés (EEI)
vocab-HazardType-booby_traps = Pièges

## EoCategory
vocab-EoCategory-ap_mine = Mine antipersonnel
vocab-EoCategory-at_mine = Mine antichar
vocab-EoCategory-cmr = Reste d’arme à sous-munitions
vocab-EoCategory-uxo = UXO
vocab-EoCategory-axo = AXO
vocab-EoCategory-ied = EEI
vocab-EoCategory-booby_trap = Piège
vocab-EoCategory-saa = Munitions d’armes légères
vocab-EoCategory-other = Autre

## ActivityKind
vocab-ActivityKind-nts = Enquête non technique
vocab-ActivityKind-ts = Enquête technique
vocab-ActivityKind-clearance = Dépollution
vocab-ActivityKind-bac = Dépollution de zone de combat
vocab-ActivityKind-eod_spot_task = Intervention NEDEX ponctuelle
vocab-ActivityKind-progress_report = Rapport d’avancement
vocab-ActivityKind-cancellation_report = Rapport d’annulation
vocab-ActivityKind-completion_report = Rapport d’achèvement
vocab-ActivityKind-handover_certificate = Certificat de remise
vocab-ActivityKind-post_clearance_inspection = Inspection après dépollution

## Method
vocab-Method-manual = Manuelle
vocab-Method-mechanical = Mécanique
vocab-Method-mdd = Chiens détecteurs de mines
vocab-Method-other = Autre

## Disposal
vocab-Disposal-destroyed_in_situ = Détruit sur place
vocab-Disposal-removed_destroyed = Enlevé et détruit
vocab-Disposal-handed_over = Remis
vocab-Disposal-pending = En attente

## Priority
vocab-Priority-high = Haute
vocab-Priority-medium = Moyenne
vocab-Priority-low = Basse

## HazardReportStatus
vocab-HazardReportStatus-reported = Signalé
vocab-HazardReportStatus-verified = Vérifié
vocab-HazardReportStatus-destroyed_removed = Détruit / enlevé
vocab-HazardReportStatus-no_item_found = Aucun engin trouvé

## ItemCondition
vocab-ItemCondition-intact = Intact
vocab-ItemCondition-damaged = Endommagé
vocab-ItemCondition-fragments = Fragments
vocab-ItemCondition-unknown = Inconnu

## PointKind
vocab-PointKind-reference = Point de référence
vocab-PointKind-benchmark = Repère
vocab-PointKind-start = Point de départ
vocab-PointKind-turning = Point de virage
vocab-PointKind-intermediate = Point intermédiaire
vocab-PointKind-end = Point final
vocab-PointKind-evidence = Point de preuve
vocab-PointKind-usage = Point d’usage

## ValidationState
vocab-ValidationState-draft = Brouillon
vocab-ValidationState-submitted = Soumis
vocab-ValidationState-approved = Approuvé
vocab-ValidationState-returned = Renvoyé

## BearingUnit
vocab-BearingUnit-deg = Degrés
vocab-BearingUnit-mil = Millièmes

## NorthReference
vocab-NorthReference-magnetic = Magnétique
vocab-NorthReference-true = Géographique
vocab-NorthReference-grid = Quadrillage

## Instrument
vocab-Instrument-compass_tape = Boussole et ruban
vocab-Instrument-laser_rangefinder = Télémètre laser
vocab-Instrument-total_station = Station totale
vocab-Instrument-other = Autre

## EntityKind
vocab-EntityKind-land = Zone
vocab-EntityKind-activity = Activité
vocab-EntityKind-hazard_report = Signalement de danger
vocab-EntityKind-store = Base

## AuditAction
vocab-AuditAction-create = Créé
vocab-AuditAction-update = Modifié
vocab-AuditAction-delete = Supprimé
vocab-AuditAction-workflow = Circuit de validation
vocab-AuditAction-import = Importé
vocab-AuditAction-void = Annulé

## CoordFormat
vocab-CoordFormat-dd = DD
vocab-CoordFormat-dms = DMS
vocab-CoordFormat-ddm = DDM
vocab-CoordFormat-utm = UTM
vocab-CoordFormat-mgrs = MGRS

## ExportProfile
vocab-ExportProfile-full = Complet (interne)
vocab-ExportProfile-authority = Autorité nationale
vocab-ExportProfile-donor = Bailleur
vocab-ExportProfile-public = Public

## LayerRole
vocab-LayerRole-admin_boundaries = Limites administratives (P-codes)
vocab-LayerRole-settlements = Localités
vocab-LayerRole-roads = Routes
vocab-LayerRole-water = Cours d’eau et plans d’eau
vocab-LayerRole-other = Autre
vocab-LayerRole-tiles = Paquet de tuiles
