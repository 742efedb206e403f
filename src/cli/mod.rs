//! The command-line interface (SPEC §3): parse arguments, open the store, run one command,
//! print text or JSON. Errors are reported once, at the top, as one paragraph, with exit code 1.

mod commands;
mod output;

use std::ffi::OsString;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

/// Safeground: hazard areas, hazard reports and clearance progress for humanitarian mine action.
#[derive(Debug, Parser)]
#[command(name = "safeground", version, about, long_about = None)]
pub struct Cli {
    /// The store file (else $`SAFEGROUND_DB`, else the platform data directory).
    #[arg(long, global = true, value_name = "PATH")]
    pub db: Option<PathBuf>,
    /// The acting person, recorded in every audit entry, history row and export-log row (else
    /// $`SAFEGROUND_USER`, else the login name).
    #[arg(long, global = true, value_name = "NAME")]
    pub user: Option<String>,
    /// What to do; without a command the desktop app opens.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Load the demo programme into an empty (or new) store: the embedded `sample_surveys`/ programme, or with
    /// `--synthetic N` a national-scale synthetic programme of N lands (for benchmarks).
    Demo {
        /// Generate this many synthetic lands (about 3 activities and 0.5 hazard reports each)
        /// instead of the sample programme.
        #[arg(long, value_name = "LANDS")]
        synthetic: Option<usize>,
        /// Seed of the synthetic programme (the same seed gives the same records).
        #[arg(long, default_value_t = 1, requires = "synthetic")]
        seed: u64,
        /// Replace the records of a store that holds some (a backup of them is written beside
        /// the store first); without it such a store is refused.
        #[arg(long)]
        replace: bool,
    },
    /// Import GeoJSON or activities CSV files, atomically.
    Import {
        /// Files to import (.geojson/.json or .csv).
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        /// Refuse the whole import on any error or warning.
        #[arg(long)]
        strict: bool,
        /// Which property of a foreign file holds a land field, e.g. `--map name=fileId`
        /// (fields: name, code, classification, status, `date_of_information`); repeatable.
        #[arg(long = "map", value_name = "FIELD=PROPERTY")]
        map: Vec<String>,
    },
    /// Export the store.
    Export {
        /// Output format.
        #[arg(long, value_enum)]
        format: ExportFormat,
        /// Who the file is for: full (internal), authority, donor or public (redacts personal
        /// data, narratives and sensitive locations for donor and public).
        #[arg(long, value_enum, default_value_t = ProfileArg::Full)]
        profile: ProfileArg,
        /// Output file (for csv: the ledger; activities go to <stem>.activities.csv beside it).
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: PathBuf,
        /// Replace existing files of that name (never the store, never a device or FIFO).
        #[arg(long)]
        overwrite: bool,
    },
    /// Write the donor progress report: one self-contained HTML file, and its tables as CSV
    /// beside it (<stem>.summary.csv, <stem>.lands.csv).
    Report {
        /// First day of the period (YYYY-MM-DD).
        #[arg(long, value_name = "YYYY-MM-DD")]
        from: Option<String>,
        /// Last day of the period (YYYY-MM-DD).
        #[arg(long, value_name = "YYYY-MM-DD")]
        to: Option<String>,
        /// Only this donor's activities and lands.
        #[arg(long, value_name = "NAME")]
        donor: Option<String>,
        /// Only this organisation's activities and lands.
        #[arg(long, value_name = "NAME")]
        organisation: Option<String>,
        /// Only lands in this admin area (P-code prefix, or admin1/admin2/settlement name).
        #[arg(long = "admin-area", value_name = "AREA")]
        admin_area: Option<String>,
        /// Who the report is for (donor by default: no personal data).
        #[arg(long, value_enum, default_value_t = ProfileArg::Donor)]
        profile: ProfileArg,
        /// The HTML file to write.
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: PathBuf,
        /// Replace existing files of those names (never the store, never a device or FIFO).
        #[arg(long)]
        overwrite: bool,
        /// The report's language, its CSV headers too (else `$SAFEGROUND_LANG`, else English).
        #[arg(long, value_enum, value_name = "LANG")]
        lang: Option<LangArg>,
    },
    /// Write a consistent copy of the store to a new file (SQLite online backup; safe while the
    /// app is open).
    Backup {
        /// The backup file to create (refused if it exists, unless --overwrite).
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: PathBuf,
        /// Replace an existing file of that name (never the store itself).
        #[arg(long)]
        overwrite: bool,
    },
    /// Replace the store's contents with a backup file. The backup is checked first (a
    /// Safeground store, not damaged, not newer); the current contents are saved beside the store
    /// as <store>.before-restore-<time>.bak.
    Restore {
        /// The backup file.
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
    /// Change fields of a land or a hazard report: an audited edit; the date-of-information rule
    /// applies (field names as in docs/geojson-schema.md; nested ones as `admin.pcode`).
    Edit {
        /// The land's or hazard report's code.
        code: String,
        /// A change, `FIELD=VALUE` (text as it is; numbers, true/false, null, lists and objects as
        /// JSON). Give it once per field.
        #[arg(long = "set", value_name = "FIELD=VALUE", required = true)]
        set: Vec<String>,
    },
    /// Void an activity or a hazard report with a reason: kept, marked void, left out of every
    /// figure, audited; a voided activity's land is recomputed from the others.
    Void {
        /// The activity's or hazard report's code.
        code: String,
        /// Why (kept in the audit).
        #[arg(long)]
        reason: String,
    },
    /// Reference layers kept with the store (admin boundaries, settlements, roads, rivers, tile
    /// packages): drawn under the lands in the app, used to fill a new land's admin area and
    /// P-code, drawn on the donor report's map when marked for it.
    Layers {
        /// What to do.
        #[command(subcommand)]
        action: LayersAction,
    },
    /// Sync between laptops (issue 15): this store's programme, device and clock.
    Sync {
        /// What to do.
        #[command(subcommand)]
        action: SyncAction,
    },
    /// The programme's hub on PostgreSQL/PostGIS (issue 16): create it, add its users, see it.
    Hub {
        /// What to do.
        #[command(subcommand)]
        action: HubAction,
    },
    /// The programme's history (audit trail), newest first: who changed what, when.
    Audit {
        /// Only entries by a person whose name contains this.
        #[arg(long, value_name = "NAME")]
        who: Option<String>,
        /// Only entries about a record whose code contains this.
        #[arg(long, value_name = "CODE")]
        code: Option<String>,
        /// At most this many entries.
        #[arg(long, default_value_t = 100)]
        limit: usize,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// List lands, hazard reports or activities.
    List {
        /// What to list.
        #[arg(value_enum)]
        what: ListWhat,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Show one land with its ledger, history and activities.
    Show {
        /// The land's code, e.g. HA-0007.
        code: String,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Validation and data-quality findings.
    Check {
        /// Print JSON.
        #[arg(long)]
        json: bool,
        /// Also check every page of the store file (`PRAGMA integrity_check`; slow on large
        /// stores, which are only page-checked at open up to 64 MiB).
        #[arg(long)]
        integrity: bool,
        /// GPS accuracy threshold in metres.
        #[arg(long, default_value_t = crate::geometry::DEFAULT_GPS_ACCURACY_THRESHOLD_M, value_name = "M")]
        gps_threshold_m: f64,
    },
    /// Convert a coordinate between DD, DMS, DDM, UTM and MGRS.
    Convert {
        /// The coordinate in any supported notation (quote it).
        #[arg(allow_hyphen_values = true, value_name = "COORD")]
        coord: String,
        /// Print only this format.
        #[arg(long, value_enum)]
        to: Option<FormatArg>,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Walk a bearing/distance traverse from a start point and report the misclosure.
    Traverse {
        /// Start point (any supported notation).
        #[arg(long, allow_hyphen_values = true, value_name = "COORD")]
        start: String,
        /// Magnetic declination in degrees, east positive.
        #[arg(
            long,
            default_value_t = 0.0,
            allow_hyphen_values = true,
            value_name = "DEG"
        )]
        declination: f64,
        /// North reference of the bearings.
        #[arg(long, value_enum, default_value_t = ReferenceArg::Magnetic)]
        reference: ReferenceArg,
        /// Unit of the bearings.
        #[arg(long = "bearing-unit", value_enum, default_value_t = BearingUnitArg::Deg)]
        bearing_unit: BearingUnitArg,
        /// Legs as `BEARING/DISTANCE_M` (horizontal distance), in order.
        #[arg(long = "leg", required = true, num_args = 1.., value_name = "BEARING/DISTANCE_M")]
        legs: Vec<String>,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
}

/// `sync` subcommands.
#[derive(Debug, Clone, Subcommand)]
pub enum SyncAction {
    /// This store's programme and device, its clock, and what went to and came from whom.
    Status {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Write a sync bundle: what a device has not acknowledged, or everything.
    Export {
        /// The bundle file to write (e.g. `team3-to-office.sgbundle`).
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: PathBuf,
        /// The device the bundle is for (its id, from its `sync status`).
        #[arg(long = "for", value_name = "DEVICE", conflicts_with = "all")]
        for_device: Option<String>,
        /// Every version this store holds (a new laptop joins the programme from it).
        #[arg(long)]
        all: bool,
        /// Replace the file if it exists.
        #[arg(long)]
        overwrite: bool,
    },
    /// Apply a sync bundle in one transaction, after a backup of the store; repeatable.
    Import {
        /// The bundle file.
        file: PathBuf,
        /// Say what would change and write nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// The open conflicts: fields changed to different values on two devices.
    Conflicts {
        /// Print JSON: `[{"code", "record_type", "field", "local", "remote", "winner", "status"}]`.
        #[arg(long)]
        json: bool,
    },
    /// Sync with the programme's hub: send what it lacks, receive what this store lacks, each in
    /// one transaction. The login is the URL's user, or --user; the password comes from the URL,
    /// PGPASSWORD, ~/.pgpass or a prompt, and is never stored.
    Hub {
        /// The hub's `postgres://` URL (default: the hub this store last synced with).
        url: Option<String>,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Settle a conflict as a new version that travels to every laptop.
    Resolve {
        /// The record's code.
        code: String,
        /// The field in conflict (as `sync conflicts` names it).
        #[arg(long)]
        field: String,
        /// `local` (this device's value), `remote` (the other's), or a value.
        #[arg(long, value_name = "local|remote|VALUE")]
        take: String,
    },
}

/// `hub` subcommands.
#[derive(Debug, Clone, Subcommand)]
pub enum HubAction {
    /// Create the hub schema in an empty `PostgreSQL` database (with `PostGIS`), or upgrade it; run
    /// as the database's owner.
    Init {
        /// `postgres://OWNER@HOST:PORT/DATABASE` (add `?sslmode=require` for TLS).
        url: String,
    },
    /// Create a login for a person, with their organisation and role (row-level security decides
    /// what they see); run as the hub's owner. The new login's password is asked at the prompt
    /// (or read from `SAFEGROUND_HUB_NEW_PASSWORD`).
    AddUser {
        /// The login name (lower-case letters, digits, _).
        name: String,
        /// The person's organisation.
        #[arg(long)]
        organisation: String,
        /// `surveyor` | `im_officer` (read and write their organisation's records), coordinator
        /// (reads their organisation's), authority (reads all).
        #[arg(long)]
        role: String,
        /// The hub's URL, as its owner (default: `$SAFEGROUND_HUB_URL`).
        #[arg(long, value_name = "URL")]
        hub: Option<String>,
    },
    /// The hub's identity and what this login can see of it.
    Status {
        /// The hub's URL.
        url: String,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
}

/// `layers` subcommands.
#[derive(Debug, Subcommand)]
pub enum LayersAction {
    /// Add a file's layers (every feature table of a GeoPackage, unless --table names one).
    Add {
        /// A GeoPackage, GeoJSON, Shapefile (.shp with its .dbf and .prj), MBTiles or PMTiles file.
        file: PathBuf,
        /// What it holds: admin, settlements, roads, water or other (guessed when not given).
        #[arg(long)]
        role: Option<String>,
        /// The attribute to label features with (guessed for admin areas and settlements).
        #[arg(long, value_name = "FIELD")]
        label: Option<String>,
        /// Only this feature table of a GeoPackage.
        #[arg(long)]
        table: Option<String>,
        /// Also draw it on the donor report's map.
        #[arg(long = "in-report")]
        in_report: bool,
    },
    /// List the store's layers, top first.
    List {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Write fictional sample layers over the demo and synthetic region (an admin-boundary
    /// GeoPackage in OCHA COD shape, settlements and roads as GeoJSON) into a folder, to try the
    /// layer panel. Names and P-codes are invented.
    Sample {
        /// The folder to write `admin-boundaries.gpkg`, `settlements.geojson` and `roads.geojson` into.
        folder: PathBuf,
        /// Replace existing files of those names.
        #[arg(long)]
        overwrite: bool,
    },
    /// Take a layer off the store's list (the file is left alone).
    Remove {
        /// The layer's id (see `layers list`).
        id: i64,
    },
    /// The admin area, P-code and nearest settlement the store's layers give for a position.
    Place {
        /// The position in any supported notation (quote it).
        #[arg(allow_hyphen_values = true, value_name = "COORD")]
        coord: String,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
}

/// Export formats.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ExportFormat {
    /// GeoJSON (lands, activities, hazard reports).
    Geojson,
    /// CSV (ledger and activities).
    Csv,
    /// GeoPackage (feature tables lands, activities, `hazard_reports`; EPSG:4326).
    Gpkg,
}

/// The languages of the report (SPEC C12).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    /// English.
    En,
    /// French.
    Fr,
    /// Ukrainian.
    Uk,
    /// Spanish.
    Es,
    /// Arabic (right to left).
    Ar,
}

impl From<LangArg> for crate::i18n::Lang {
    fn from(l: LangArg) -> Self {
        match l {
            LangArg::En => Self::En,
            LangArg::Fr => Self::Fr,
            LangArg::Uk => Self::Uk,
            LangArg::Es => Self::Es,
            LangArg::Ar => Self::Ar,
        }
    }
}

/// Export profiles (SPEC C10).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ProfileArg {
    /// Everything (internal use).
    Full,
    /// The national mine action authority.
    Authority,
    /// A donor: no personal data or narratives; sensitive locations generalised.
    Donor,
    /// The public: as donor, and small counts of people suppressed.
    Public,
}

impl From<ProfileArg> for crate::domain::ExportProfile {
    fn from(p: ProfileArg) -> Self {
        match p {
            ProfileArg::Full => Self::Full,
            ProfileArg::Authority => Self::Authority,
            ProfileArg::Donor => Self::Donor,
            ProfileArg::Public => Self::Public,
        }
    }
}

/// What `list` lists.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ListWhat {
    /// Lands (hazard areas).
    Lands,
    /// Hazard reports.
    Reports,
    /// Activities.
    Activities,
}

/// Coordinate formats for `--to`.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum FormatArg {
    /// Decimal degrees.
    Dd,
    /// Degrees, minutes, seconds.
    Dms,
    /// Degrees, decimal minutes.
    Ddm,
    /// UTM.
    Utm,
    /// MGRS (1 m).
    Mgrs,
}

/// North reference for `traverse`.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ReferenceArg {
    /// Magnetic north (compass); declination applies.
    Magnetic,
    /// True north.
    True,
    /// UTM grid north; meridian convergence applies.
    Grid,
}

/// Bearing unit for `traverse`.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum BearingUnitArg {
    /// Degrees.
    Deg,
    /// NATO mils (6400).
    Mil,
}

/// What the command line asks for.
#[derive(Debug)]
pub enum Invocation {
    /// No subcommand: the desktop app, on this store.
    App(crate::session::StoreChoice),
    /// A command of the CLI.
    Command(Box<Cli>),
    /// Help, the version or a usage error was printed: exit with this code.
    Exit(ExitCode),
}

/// Parses the command line. Help, the version and usage errors are printed here (to `out` or
/// `err`, as clap decides).
pub fn parse(
    args: impl IntoIterator<Item = OsString>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Invocation {
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            let code = u8::from(e.use_stderr());
            let rendered = e.render().to_string();
            let written = if e.use_stderr() {
                err.write_all(rendered.as_bytes())
            } else {
                out.write_all(rendered.as_bytes())
            };
            return Invocation::Exit(if written.is_ok() {
                ExitCode::from(code)
            } else {
                ExitCode::from(1)
            });
        }
    };
    if cli.command.is_some() {
        return Invocation::Command(Box::new(cli));
    }
    match crate::session::choose_store(cli.db) {
        Ok(choice) => Invocation::App(choice),
        Err(e) => Invocation::Exit(report(&anyhow::Error::from(e), err)),
    }
}

/// Runs the CLI on `args`, writing results to `out`. Returns the process exit code. Without a
/// subcommand it says the app is started by the `safeground` binary (the composition root).
pub fn run_with(
    args: impl IntoIterator<Item = OsString>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> ExitCode {
    match parse(args, out, err) {
        Invocation::Command(cli) => execute(*cli, out, err),
        Invocation::Exit(code) => code,
        Invocation::App(_) => report(
            &anyhow::anyhow!(
                "no command given; run `safeground` without arguments to open the app, or see `safeground --help`"
            ),
            err,
        ),
    }
}

/// Runs one command of the CLI, writing results to `out` and the error, if any, to `err` as one
/// paragraph. Returns the process exit code.
pub fn execute(cli: Cli, out: &mut dyn Write, err: &mut dyn Write) -> ExitCode {
    let mut out = output::ShowBidi::new(out);
    let mut err = output::ShowBidi::new(err);
    let result = commands::run(cli, &mut out, &mut err);
    let flushed = out.flush().and_then(|()| err.flush());
    let result = result.and_then(|()| flushed.map_err(anyhow::Error::from));
    let err: &mut dyn Write = &mut err;
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => report(&e, err),
    }
}

/// Reports an error once, as one paragraph (the error chain, outermost first); exit code 1.
pub fn report(e: &anyhow::Error, err: &mut dyn Write) -> ExitCode {
    let message = format!("{e:#}").replace('\n', " ");
    if writeln!(err, "error: {message}").is_err() {
        return ExitCode::from(1);
    }
    ExitCode::from(1)
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
