//! Reaching the hub: the `postgres://` URL, where the password comes from (never stored by
//! Safeground), and TLS with a pure-Rust stack.
//!
//! - The URL is libpq's: `postgres://USER@HOST:PORT/DBNAME?sslmode=require`. A password in the
//!   URL is used and never written anywhere; otherwise `PGPASSWORD`, then `~/.pgpass` (or
//!   `PGPASSFILE`), then the caller's prompt.
//! - TLS is used when the URL asks for it: `sslmode=require`, `verify-ca` or `verify-full` insist
//!   on it, and the server's certificate is always verified (unlike libpq's `require`): against
//!   `sslrootcert=FILE` (a PEM file, for an office server with its own certificate authority) or
//!   the computer's trusted roots. `sslmode=prefer` uses TLS when the server offers it and a
//!   `sslrootcert` is given; without `sslmode` (or with `disable`) the connection is plain, as
//!   on a laptop talking to a hub on the same network or through an SSH tunnel.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use postgres::Client;
use postgres::config::SslMode;
use rustls::pki_types::CertificateDer;
use rustls::pki_types::pem::PemObject as _;

use super::HubError;

/// Where and as whom to reach a hub.
#[derive(Clone)]
pub struct HubTarget {
    config: postgres::Config,
    root_cert: Option<PathBuf>,
    /// Whether the URL named an `sslmode`.
    asked_tls: bool,
    /// The URL as it may be shown and stored: without a password.
    pub display_url: String,
    /// The login role.
    pub user: String,
}

impl std::fmt::Debug for HubTarget {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("HubTarget")
            .field("url", &self.display_url)
            .field("user", &self.user)
            .finish_non_exhaustive()
    }
}

impl HubTarget {
    /// Parses a `postgres://` URL. `user` is used when the URL names none (then `PGUSER`, then
    /// the computer's user name).
    pub fn parse(url: &str, user: Option<&str>) -> Result<Self, HubError> {
        let url = url.trim();
        let Some(rest) = url
            .strip_prefix("postgres://")
            .or_else(|| url.strip_prefix("postgresql://"))
        else {
            return Err(HubError::Url(
                "it must start with postgres:// (e.g. postgres://alice@hub.example.org/programme)"
                    .to_owned(),
            ));
        };
        let (base, query) = rest.split_once('?').unwrap_or((rest, ""));
        let mut kept = Vec::new();
        let mut root_cert = None;
        let mut asked_tls = false;
        let mut shown_query = Vec::new();
        for pair in query.split('&').filter(|p| !p.is_empty()) {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            match key {
                "sslrootcert" => root_cert = Some(PathBuf::from(value)),
                "sslmode" => {
                    asked_tls = true;
                    let mode = match value {
                        "disable" | "prefer" | "require" => value,
                        "verify-ca" | "verify-full" => "require",
                        other => {
                            return Err(HubError::Url(format!(
                                "sslmode {other:?} is not one of disable, prefer, require, verify-ca, verify-full"
                            )));
                        }
                    };
                    kept.push(format!("sslmode={mode}"));
                }
                "password" => {
                    kept.push(pair.to_owned());
                    continue;
                }
                _ => kept.push(pair.to_owned()),
            }
            shown_query.push(pair.to_owned());
        }
        let rebuilt = if kept.is_empty() {
            format!("postgres://{base}")
        } else {
            format!("postgres://{base}?{}", kept.join("&"))
        };
        let mut config: postgres::Config = rebuilt
            .parse()
            .map_err(|e: postgres::Error| HubError::Url(e.to_string()))?;
        if config.get_user().is_none() {
            let name = user
                .map(str::to_owned)
                .filter(|u| !u.trim().is_empty())
                .or_else(|| std::env::var("PGUSER").ok())
                .or_else(|| std::env::var("USER").ok())
                .unwrap_or_default();
            if name.is_empty() {
                return Err(HubError::Url(
                    "it names no user (postgres://USER@HOST/DB, or --user)".to_owned(),
                ));
            }
            config.user(&name);
        }
        if config.get_dbname().is_none() {
            return Err(HubError::Url(
                "it names no database (postgres://USER@HOST/DATABASE)".to_owned(),
            ));
        }
        if root_cert.is_none() {
            root_cert = std::env::var_os("PGSSLROOTCERT").map(PathBuf::from);
        }
        config.connect_timeout(Duration::from_secs(10));
        config.application_name("safeground");
        let user_name = config.get_user().unwrap_or_default().to_owned();
        // The URL as shown: user, host, port, database and the options, never a password.
        let host_part = base.rsplit_once('@').map_or(base, |(_, h)| h);
        let mut display_url = format!("postgres://{user_name}@{host_part}");
        if !shown_query.is_empty() {
            display_url.push('?');
            display_url.push_str(&shown_query.join("&"));
        }
        Ok(Self {
            config,
            root_cert,
            asked_tls,
            display_url,
            user: user_name,
        })
    }

    /// Whether a password is known without asking (URL, `PGPASSWORD` or `~/.pgpass`).
    pub fn resolve_password(&mut self) -> bool {
        if self.config.get_password().is_some() {
            return true;
        }
        if let Ok(pw) = std::env::var("PGPASSWORD") {
            self.config.password(pw);
            return true;
        }
        if let Some(pw) = self.pgpass_entry() {
            self.config.password(pw);
            return true;
        }
        false
    }

    /// Uses `password` (asked of the person; kept in memory only).
    pub fn set_password(&mut self, password: &str) {
        self.config.password(password);
    }

    /// The password for this target from `~/.pgpass` (or `PGPASSFILE`), in libpq's format:
    /// `host:port:database:user:password`, `*` matching anything, `\` escaping `:` and `\`.
    fn pgpass_entry(&self) -> Option<String> {
        let path = std::env::var_os("PGPASSFILE")
            .map(PathBuf::from)
            .or_else(|| std::env::var_os("HOME").map(|h| Path::new(&h).join(".pgpass")))?;
        let text = std::fs::read_to_string(path).ok()?;
        let host = match self.config.get_hosts().first() {
            Some(postgres::config::Host::Tcp(h)) => h.clone(),
            _ => "localhost".to_owned(),
        };
        let port = self
            .config
            .get_ports()
            .first()
            .copied()
            .unwrap_or(5432)
            .to_string();
        let db = self.config.get_dbname().unwrap_or_default();
        let wanted = [host.as_str(), port.as_str(), db, self.user.as_str()];
        for line in text.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let fields = split_pgpass(line);
            if fields.len() != 5 {
                continue;
            }
            let matches = fields.iter().zip(wanted).all(|(f, w)| f == "*" || f == w);
            if matches {
                return fields.into_iter().nth(4);
            }
        }
        None
    }

    /// Opens a connection (TLS as the URL asks).
    pub fn connect(&self) -> Result<Client, HubError> {
        let plain = match self.config.get_ssl_mode() {
            SslMode::Disable => true,
            SslMode::Prefer => self.root_cert.is_none() || !self.asked_tls,
            _ => false,
        };
        let result = if plain {
            self.config.connect(postgres::NoTls)
        } else {
            self.config.connect(self.tls()?)
        };
        result.map_err(|e| HubError::from_pg(&e, &self.server(), &self.user))
    }

    fn tls(&self) -> Result<tokio_postgres_rustls::MakeRustlsConnect, HubError> {
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let builder = rustls::ClientConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .map_err(|e| HubError::Tls(e.to_string()))?;
        let config = if let Some(path) = &self.root_cert {
            let mut roots = rustls::RootCertStore::empty();
            let certs = CertificateDer::pem_file_iter(path)
                .map_err(|e| HubError::Tls(format!("sslrootcert {}: {e}", path.display())))?;
            for cert in certs {
                let cert = cert
                    .map_err(|e| HubError::Tls(format!("sslrootcert {}: {e}", path.display())))?;
                roots
                    .add(cert)
                    .map_err(|e| HubError::Tls(format!("sslrootcert {}: {e}", path.display())))?;
            }
            builder.with_root_certificates(roots).with_no_client_auth()
        } else {
            use rustls_platform_verifier::BuilderVerifierExt as _;
            builder
                .with_platform_verifier()
                .map_err(|e| HubError::Tls(e.to_string()))?
                .with_no_client_auth()
        };
        Ok(tokio_postgres_rustls::MakeRustlsConnect::new(config))
    }

    /// Host and port, for messages.
    pub fn server(&self) -> String {
        let host = match self.config.get_hosts().first() {
            Some(postgres::config::Host::Tcp(h)) => h.clone(),
            #[cfg(unix)]
            Some(postgres::config::Host::Unix(p)) => p.display().to_string(),
            None => "localhost".to_owned(),
        };
        let port = self.config.get_ports().first().copied().unwrap_or(5432);
        format!("{host}:{port}")
    }
}

/// One `.pgpass` line split at unescaped colons.
fn split_pgpass(line: &str) -> Vec<String> {
    let mut fields = vec![String::new()];
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                if let Some(next) = chars.next()
                    && let Some(last) = fields.last_mut()
                {
                    last.push(next);
                }
            }
            ':' => fields.push(String::new()),
            _ => {
                if let Some(last) = fields.last_mut() {
                    last.push(c);
                }
            }
        }
    }
    fields
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shown_url_never_carries_the_password() {
        let t = HubTarget::parse(
            "postgres://alice:s3cret@hub.example.org:5433/bih?sslmode=require",
            None,
        )
        .unwrap();
        assert_eq!(
            t.display_url,
            "postgres://alice@hub.example.org:5433/bih?sslmode=require"
        );
        assert!(!format!("{t:?}").contains("s3cret"));
        assert_eq!(t.user, "alice");
        assert_eq!(t.server(), "hub.example.org:5433");
    }

    #[test]
    fn a_user_is_taken_from_the_flag_when_the_url_has_none() {
        let t = HubTarget::parse("postgres://127.0.0.1:5432/bih", Some("bob")).unwrap();
        assert_eq!(t.user, "bob");
        assert_eq!(t.display_url, "postgres://bob@127.0.0.1:5432/bih");
    }

    #[test]
    fn bad_urls_are_refused_with_the_reason() {
        for (url, why) in [
            ("http://x/y", "postgres://"),
            ("postgres://a@h:5432/db?sslmode=maybe", "sslmode"),
            ("postgres://a@h:5432", "database"),
        ] {
            let e = HubTarget::parse(url, None).unwrap_err().to_string();
            assert!(e.contains(why), "{url}: {e}");
        }
    }

    #[test]
    fn pgpass_lines_split_at_unescaped_colons() {
        assert_eq!(
            split_pgpass(r"h:5432:db:u:pa\:ss\\w"),
            vec!["h", "5432", "db", "u", r"pa:ss\w"]
        );
    }
}
