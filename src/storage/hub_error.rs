//! Why the programme's hub could not be used (issue 16): one error type, one mapping from
//! `PostgreSQL`'s errors to sentences (never a password).

/// Why the hub could not be used. Every message names the hub (never a password) and what to
/// do.
#[derive(Debug, thiserror::Error)]
pub enum HubError {
    /// The URL cannot be used.
    #[error("the hub URL is not valid: {0}")]
    Url(String),
    /// TLS could not be set up (a bad `sslrootcert`).
    #[error("TLS to the hub cannot be set up: {0}")]
    Tls(String),
    /// The server cannot be reached (down, wrong host or port, no network, TLS refused).
    #[error("cannot reach the hub at {server}: {detail}")]
    Unreachable {
        /// Host and port.
        server: String,
        /// Why, in words.
        detail: String,
    },
    /// The server refused the login.
    #[error(
        "the hub refused the login of {user}: {detail} (the password comes from the URL, PGPASSWORD, ~/.pgpass or the prompt)"
    )]
    Login {
        /// The login role.
        user: String,
        /// Why, in words.
        detail: String,
    },
    /// The connection broke during the sync; nothing was half-applied.
    #[error(
        "the connection to the hub broke ({0}); nothing was half-applied, sync again to complete"
    )]
    Interrupted(String),
    /// `hub init` on a database that holds other things.
    #[error(
        "this database is not empty and is not a Safeground hub (it holds {0}); use a new, empty database"
    )]
    NotAHub(String),
    /// Sync with a database where `hub init` was not run.
    #[error("this database is not a Safeground hub yet: run `safeground hub init URL` first")]
    NotInitialised,
    /// A hub made by a newer Safeground.
    #[error(
        "the hub has schema {hub}; this Safeground knows up to {ours}: install the newer version"
    )]
    NewerHub {
        /// The hub's schema version.
        hub: i64,
        /// This build's.
        ours: i64,
    },
    /// `PostGIS` is missing and cannot be created by this login.
    #[error(
        "PostGIS is not available in this database ({0}); install postgresql-15-postgis-3 (or your version's) and run CREATE EXTENSION postgis as a superuser"
    )]
    NoPostgis(String),
    /// The login is not a hub user.
    #[error(
        "{user} is not a user of this hub: ask its administrator to run `safeground hub add-user {user} --organisation ORG --role ROLE`"
    )]
    NotAUser {
        /// The login role.
        user: String,
    },
    /// The hub belongs to another programme than the store.
    #[error(
        "the hub belongs to programme {hub}, this store to {store}: a store syncs with its own programme's hub only"
    )]
    OtherProgramme {
        /// The hub's programme.
        hub: String,
        /// The store's.
        store: String,
    },
    /// A value given to `hub add-user` is not acceptable.
    #[error("{field}: {why}")]
    Invalid {
        /// Which argument.
        field: &'static str,
        /// Why.
        why: String,
    },
    /// The database refused an action (rights, row-level security).
    #[error("the hub refused: {0}")]
    Denied(String),
    /// A version on the hub cannot be applied here.
    #[error("a change on the hub cannot be applied: {0}; nothing was changed")]
    BadVersion(String),
    /// Any other server error, in its words.
    #[error("the hub answered with an error: {0}")]
    Server(String),
}

impl HubError {
    /// Says a `postgres` error in words: which kind of trouble, never the password.
    pub(crate) fn from_pg(e: &postgres::Error, server: &str, user: &str) -> Self {
        use postgres::error::SqlState;
        if let Some(db) = e.as_db_error() {
            let code = db.code();
            let text = db.message().to_owned();
            return if *code == SqlState::INVALID_PASSWORD
                || *code == SqlState::INVALID_AUTHORIZATION_SPECIFICATION
            {
                Self::Login {
                    user: user.to_owned(),
                    detail: text,
                }
            } else if *code == SqlState::INSUFFICIENT_PRIVILEGE {
                Self::Denied(text)
            } else if *code == SqlState::INVALID_CATALOG_NAME {
                Self::Unreachable {
                    server: server.to_owned(),
                    detail: text,
                }
            } else if code.code().starts_with("57P") || code.code().starts_with("08") {
                Self::Interrupted(text)
            } else {
                Self::Server(text)
            };
        }
        let text = std::error::Error::source(e).map_or_else(|| e.to_string(), ToString::to_string);
        let lower = format!("{e} {text}").to_lowercase();
        if lower.contains("password missing") || lower.contains("authentication") {
            return Self::Login {
                user: user.to_owned(),
                detail: if lower.contains("password missing") {
                    "no password was given".to_owned()
                } else {
                    text
                },
            };
        }
        if e.is_closed() {
            return Self::Interrupted(text);
        }
        if lower.contains("error connecting") || lower.contains("timeout") || lower.contains("tls")
        {
            return Self::Unreachable {
                server: server.to_owned(),
                detail: text,
            };
        }
        Self::Interrupted(text)
    }
}
