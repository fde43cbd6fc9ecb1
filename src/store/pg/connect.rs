//! Reaching a server: the address (`postgresql://USER[:PASSWORD]@HOST[:PORT]/DATABASE` with
//! `sslmode` and `sslrootcert` as libpq reads them; the password may come from `PGPASSWORD`), TLS
//! through rustls, at most 10 s to connect, and what went wrong in words the app can say.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use super::super::error::ServerTrouble;
use super::{Result, StoreError};

/// How long connecting may take before it is given up.
pub const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

/// Whether `text` is a server address rather than a file path.
pub fn is_server_url(text: &str) -> bool {
    let lower = text.trim_start().to_ascii_lowercase();
    lower.starts_with("postgresql://") || lower.starts_with("postgres://")
}

/// A server roadmap's address split into the server's address and the roadmap named after `#`.
/// Only a `#` after the last `@` counts (a password may hold one).
pub fn split_roadmap(text: &str) -> (&str, Option<&str>) {
    let host_from = text.rfind('@').map_or(0, |at| at + 1);
    match text[host_from..].find('#') {
        Some(i) => {
            let (url, roadmap) = (&text[..host_from + i], &text[host_from + i + 1..]);
            (url, Some(roadmap).filter(|r| !r.is_empty()))
        }
        None => (text, None),
    }
}

/// The query settings an address keeps where it is shown or remembered (never a password).
const KEPT_SETTINGS: [&str; 4] =
    ["sslmode", "sslrootcert", "target_session_attrs", "connect_timeout"];

/// How the connection is encrypted (libpq's `sslmode`).
#[derive(Clone, Debug, PartialEq, Eq)]
enum Tls {
    /// `disable`.
    Off,
    /// `prefer` (the default) and `require`: encrypted where the server offers it (`require`:
    /// always), the certificate not checked, as libpq does without a root certificate.
    Encrypt { required: bool },
    /// `verify-ca` and `verify-full`: the certificate must be signed by `root`; with `full` it
    /// must also name the host.
    Verify { root: PathBuf, full: bool },
}

/// A server address, checked.
#[derive(Clone)]
pub struct ServerUrl {
    config: postgres::Config,
    tls: Tls,
    /// `host:port` for messages.
    host: String,
    /// The address without the password, for titles and lists.
    shown: String,
    /// The query as given (TLS and other settings), so that the address can be used again.
    query: String,
}

impl std::fmt::Debug for ServerUrl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never the password.
        f.debug_struct("ServerUrl").field("shown", &self.shown).finish_non_exhaustive()
    }
}

impl ServerUrl {
    /// Reads a `postgresql://` (or `postgres://`) address.
    pub fn parse(url: &str) -> Result<Self> {
        let bad = |detail: &str| StoreError::BadUrl(detail.to_owned());
        // The fragment names the roadmap, not part of the address.
        let url = split_roadmap(url.trim()).0;
        if !is_server_url(url) {
            return Err(bad("postgresql://…"));
        }
        // libpq's TLS parameters are read here; the rest goes to the client as it is.
        let (base, query) = url.split_once('?').unwrap_or((url, ""));
        let mut kept = Vec::new();
        let (mut mode, mut root) = ("prefer".to_owned(), None);
        for pair in query.split('&').filter(|p| !p.is_empty()) {
            match pair.split_once('=') {
                Some(("sslmode", value)) => value.clone_into(&mut mode),
                Some(("sslrootcert", value)) => root = Some(PathBuf::from(percent_decoded(value))),
                _ => kept.push(pair),
            }
        }
        let tls = match (mode.as_str(), root) {
            ("disable", _) => Tls::Off,
            ("allow" | "prefer", _) => Tls::Encrypt { required: false },
            ("require", _) => Tls::Encrypt { required: true },
            ("verify-ca" | "verify-full", Some(root)) => {
                Tls::Verify { root, full: mode == "verify-full" }
            }
            ("verify-ca" | "verify-full", None) => {
                return Err(bad("sslmode=verify-full needs sslrootcert=FILE"));
            }
            _ => return Err(bad(&format!("sslmode={mode}"))),
        };
        let rest =
            if kept.is_empty() { base.to_owned() } else { format!("{base}?{}", kept.join("&")) };
        let mut config: postgres::Config = rest.parse().map_err(|e| bad(&format!("{e}")))?;
        if config.get_password().is_none()
            && let Ok(password) = std::env::var("PGPASSWORD")
        {
            config.password(password);
        }
        // As libpq: the login of this computer's user (never the name the history records).
        if config.get_user().is_none() {
            config.user(&os_login());
        }
        let hosts = config.get_hosts();
        let host = match hosts.first() {
            Some(postgres::config::Host::Tcp(name)) => name.clone(),
            #[cfg(unix)]
            Some(postgres::config::Host::Unix(path)) => path.display().to_string(),
            None => return Err(bad("no host")),
        };
        let port = config.get_ports().first().copied().unwrap_or(5432);
        let host = format!("{host}:{port}");
        let database = config.get_dbname().unwrap_or_default().to_owned();
        let shown = format!("{}@{host}/{database}", config.get_user().unwrap_or_default());
        config.connect_timeout(CONNECT_TIMEOUT);
        // A network that goes dead is noticed within half a minute, not after the kernel's
        // retransmissions (minutes).
        config.keepalives(true).keepalives_idle(Duration::from_secs(15));
        #[cfg(target_os = "linux")]
        config.tcp_user_timeout(Duration::from_secs(30));
        // Until a roadmap is chosen, names resolve in the system catalog only (nothing anyone
        // may create in `public` can take part).
        config.options("-c search_path=pg_catalog");
        config.application_name("fahrplan");
        config.ssl_mode(match tls {
            Tls::Off => postgres::config::SslMode::Disable,
            Tls::Encrypt { required: false } => postgres::config::SslMode::Prefer,
            Tls::Encrypt { required: true } | Tls::Verify { .. } => {
                postgres::config::SslMode::Require
            }
        });
        // What is remembered of the query: the settings, never a password given there.
        let query = query
            .split('&')
            .filter(|pair| KEPT_SETTINGS.contains(&pair.split_once('=').map_or(*pair, |(k, _)| k)))
            .collect::<Vec<_>>()
            .join("&");
        Ok(Self { config, tls, host, shown, query })
    }

    /// `host:port`.
    pub fn host(&self) -> &str {
        &self.host
    }

    /// `user@host:port/database`: the address without the password.
    pub fn shown(&self) -> &str {
        &self.shown
    }

    /// The address of `roadmap` without the password but with its settings (TLS): what a window
    /// keeps to open it again.
    pub fn location(&self, roadmap: &str) -> String {
        let query = if self.query.is_empty() { String::new() } else { format!("?{}", self.query) };
        format!("postgresql://{}{query}#{roadmap}", self.shown)
    }

    /// The user the server knows this connection as.
    pub fn user(&self) -> &str {
        self.config.get_user().unwrap_or_default()
    }

    /// Connects, giving up after [`CONNECT_TIMEOUT`] whatever hangs (the name lookup, the TCP
    /// connection, TLS, the login).
    pub fn connect(&self) -> Result<postgres::Client> {
        let (sender, receiver) = std::sync::mpsc::channel();
        let url = self.clone();
        std::thread::Builder::new()
            .name("fahrplan-connect".into())
            .spawn(move || {
                let _ = sender.send(url.connect_here());
            })
            .map_err(|e| StoreError::Server {
                host: self.host.clone(),
                trouble: ServerTrouble::Other(e.to_string()),
            })?;
        receiver.recv_timeout(CONNECT_TIMEOUT + Duration::from_secs(1)).unwrap_or_else(|_| {
            Err(StoreError::Server { host: self.host.clone(), trouble: ServerTrouble::Timeout })
        })
    }

    fn connect_here(&self) -> Result<postgres::Client> {
        let result = match &self.tls {
            Tls::Off => self.config.connect(postgres::NoTls),
            Tls::Encrypt { .. } => self.config.connect(rustls_connector(unchecked_config())),
            Tls::Verify { root, full } => {
                let config = verified_config(root, *full).map_err(|detail| StoreError::Server {
                    host: self.host.clone(),
                    trouble: ServerTrouble::Tls(detail),
                })?;
                self.config.connect(rustls_connector(config))
            }
        };
        let mut client = result.map_err(|e| server_error(&self.host, &e))?;
        // Every wait for a lock (behind an upgrade, a write, a transaction left open) has a
        // limit of 10 s; then the command says what it waited for. (A write's statements have
        // 30 s each; an upgrade of a long history may take longer.)
        client
            .batch_execute("SET lock_timeout = '10s'")
            .map_err(|e| server_error(&self.host, &e))?;
        Ok(client)
    }
}

/// The user name libpq would log in with: `PGUSER`, else this computer's login.
pub fn os_login() -> String {
    ["PGUSER", "USER", "USERNAME", "LOGNAME"]
        .iter()
        .find_map(|var| std::env::var(var).ok().filter(|v| !v.trim().is_empty()))
        .unwrap_or_else(super::super::current_user)
}

/// `%2F` and friends in an address (bytes that are not UTF-8 are replaced).
pub fn percent_decoded(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes.get(i + 1..i + 3).and_then(|h| std::str::from_utf8(h).ok());
        match (bytes[i], hex.and_then(|h| u8::from_str_radix(h, 16).ok())) {
            (b'%', Some(byte)) => {
                out.push(byte);
                i += 3;
            }
            (byte, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Whether a refusal comes from the record's rules (`record.sql`: a change the history does not
/// show as made), not from missing rights.
fn is_record_rule(message: &str) -> bool {
    const RULES: [&str; 9] = [
        "a change is recorded at the time it is made",
        "an undo records what it reverts",
        "an undo reverts the latest change",
        "evidence is removed by a recorded change",
        "a verdict is removed by a recorded change",
        "a confirmation is given by a recorded change",
        "only an erasure makes changes final",
        "a file is erased by a recorded purge",
        "a change is recorded in the history",
    ];
    RULES.iter().any(|rule| message.starts_with(rule))
}

/// What a failed connection or statement means for the user.
pub(super) fn server_error(host: &str, e: &postgres::Error) -> StoreError {
    use postgres::error::SqlState;
    let server = |trouble| StoreError::Server { host: host.to_owned(), trouble };
    if let Some(db) = e.as_db_error() {
        let code = db.code();
        return if *code == SqlState::INVALID_PASSWORD {
            server(ServerTrouble::Authentication)
        } else if *code == SqlState::INVALID_AUTHORIZATION_SPECIFICATION {
            server(ServerTrouble::NotAdmitted)
        } else if *code == SqlState::ADMIN_SHUTDOWN
            || *code == SqlState::CRASH_SHUTDOWN
            || *code == SqlState::CANNOT_CONNECT_NOW
        {
            server(ServerTrouble::Closed)
        } else if *code == SqlState::INSUFFICIENT_PRIVILEGE
            && db.message().starts_with("a change is recorded at the time")
        {
            StoreError::ClockOff
        } else if *code == SqlState::INSUFFICIENT_PRIVILEGE && is_record_rule(db.message()) {
            StoreError::Unrecorded(db.message().to_owned())
        } else if *code == SqlState::INSUFFICIENT_PRIVILEGE {
            StoreError::ReadOnly
        } else if *code == SqlState::CHECK_VIOLATION {
            StoreError::BadData(db.constraint().unwrap_or_else(|| db.message()).to_owned())
        } else if *code == SqlState::LOCK_NOT_AVAILABLE || *code == SqlState::QUERY_CANCELED {
            StoreError::Waited
        } else if *code == SqlState::T_R_SERIALIZATION_FAILURE
            || *code == SqlState::T_R_DEADLOCK_DETECTED
        {
            StoreError::Busy
        } else if *code == SqlState::DISK_FULL {
            StoreError::DiskFull
        } else {
            StoreError::Postgres(db.message().to_owned())
        };
    }
    if e.is_closed() {
        return server(ServerTrouble::Closed);
    }
    let text = e.to_string();
    let chain = std::iter::successors(std::error::Error::source(e), |s| s.source())
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(": ");
    let all = format!("{text}: {chain}").to_lowercase();
    let io = std::iter::successors(std::error::Error::source(e), |s| s.source())
        .find_map(|s| s.downcast_ref::<std::io::Error>())
        .map(std::io::Error::kind);
    server(match io {
        Some(std::io::ErrorKind::ConnectionRefused) => ServerTrouble::Refused,
        Some(std::io::ErrorKind::TimedOut) => ServerTrouble::Timeout,
        _ if all.contains("timed out") || all.contains("timeout") => ServerTrouble::Timeout,
        _ if all.contains("failed to lookup")
            || all.contains("name or service not known")
            || all.contains("no address") =>
        {
            ServerTrouble::UnknownHost
        }
        _ if all.contains("password") || all.contains("authentication") => {
            ServerTrouble::Authentication
        }
        _ if all.contains("tls") || all.contains("certificate") || all.contains("ssl") => {
            ServerTrouble::Tls(chain)
        }
        _ if all.contains("connection reset") || all.contains("broken pipe") => {
            ServerTrouble::Closed
        }
        _ => ServerTrouble::Other(if chain.is_empty() { text } else { chain }),
    })
}

fn rustls_connector(config: rustls::ClientConfig) -> tokio_postgres_rustls::MakeRustlsConnect {
    tokio_postgres_rustls::MakeRustlsConnect::new(config)
}

fn provider() -> Arc<rustls::crypto::CryptoProvider> {
    Arc::new(rustls::crypto::ring::default_provider())
}

/// Encrypted, certificate not checked (libpq's `require` without a root certificate).
fn unchecked_config() -> rustls::ClientConfig {
    let provider = provider();
    rustls::ClientConfig::builder_with_provider(provider.clone())
        .with_safe_default_protocol_versions()
        .unwrap_or_else(|_| rustls::ClientConfig::builder())
        .dangerous()
        .with_custom_certificate_verifier(Arc::new(Unchecked(provider)))
        .with_no_client_auth()
}

/// Encrypted, the certificate signed by the root certificate in `root` (and, with `full`, naming
/// the host).
fn verified_config(
    root: &std::path::Path,
    full: bool,
) -> std::result::Result<rustls::ClientConfig, String> {
    use rustls::pki_types::{CertificateDer, pem::PemObject};
    let mut roots = rustls::RootCertStore::empty();
    let certificates: Vec<CertificateDer<'static>> = CertificateDer::pem_file_iter(root)
        .map_err(|e| format!("{}: {e}", root.display()))?
        .collect::<std::result::Result<_, _>>()
        .map_err(|e| format!("{}: {e}", root.display()))?;
    for certificate in certificates {
        roots.add(certificate).map_err(|e| format!("{}: {e}", root.display()))?;
    }
    if roots.is_empty() {
        return Err(format!("{}: no certificate", root.display()));
    }
    let provider = provider();
    let builder = rustls::ClientConfig::builder_with_provider(provider.clone())
        .with_safe_default_protocol_versions()
        .map_err(|e| e.to_string())?;
    let verifier =
        rustls::client::WebPkiServerVerifier::builder_with_provider(Arc::new(roots), provider)
            .build()
            .map_err(|e| e.to_string())?;
    let config = if full {
        builder.with_webpki_verifier(verifier)
    } else {
        builder.dangerous().with_custom_certificate_verifier(Arc::new(AnyName(verifier)))
    };
    Ok(config.with_no_client_auth())
}

/// Accepts any certificate, but checks the handshake's signatures.
#[derive(Debug)]
struct Unchecked(Arc<rustls::crypto::CryptoProvider>);

impl rustls::client::danger::ServerCertVerifier for Unchecked {
    fn verify_server_cert(
        &self,
        _end_entity: &rustls::pki_types::CertificateDer<'_>,
        _intermediates: &[rustls::pki_types::CertificateDer<'_>],
        _server_name: &rustls::pki_types::ServerName<'_>,
        _ocsp_response: &[u8],
        _now: rustls::pki_types::UnixTime,
    ) -> std::result::Result<rustls::client::danger::ServerCertVerified, rustls::Error> {
        Ok(rustls::client::danger::ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &rustls::pki_types::CertificateDer<'_>,
        dss: &rustls::DigitallySignedStruct,
    ) -> std::result::Result<rustls::client::danger::HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls12_signature(
            message,
            cert,
            dss,
            &self.0.signature_verification_algorithms,
        )
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &rustls::pki_types::CertificateDer<'_>,
        dss: &rustls::DigitallySignedStruct,
    ) -> std::result::Result<rustls::client::danger::HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(
            message,
            cert,
            dss,
            &self.0.signature_verification_algorithms,
        )
    }

    fn supported_verify_schemes(&self) -> Vec<rustls::SignatureScheme> {
        self.0.signature_verification_algorithms.supported_schemes()
    }
}

/// `verify-ca`: the chain must lead to the root certificate; the name is not checked.
#[derive(Debug)]
struct AnyName(Arc<rustls::client::WebPkiServerVerifier>);

impl rustls::client::danger::ServerCertVerifier for AnyName {
    fn verify_server_cert(
        &self,
        end_entity: &rustls::pki_types::CertificateDer<'_>,
        intermediates: &[rustls::pki_types::CertificateDer<'_>],
        server_name: &rustls::pki_types::ServerName<'_>,
        ocsp_response: &[u8],
        now: rustls::pki_types::UnixTime,
    ) -> std::result::Result<rustls::client::danger::ServerCertVerified, rustls::Error> {
        match self.0.verify_server_cert(end_entity, intermediates, server_name, ocsp_response, now)
        {
            Err(rustls::Error::InvalidCertificate(rustls::CertificateError::NotValidForName))
            | Err(rustls::Error::InvalidCertificate(
                rustls::CertificateError::NotValidForNameContext { .. },
            )) => Ok(rustls::client::danger::ServerCertVerified::assertion()),
            other => other,
        }
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &rustls::pki_types::CertificateDer<'_>,
        dss: &rustls::DigitallySignedStruct,
    ) -> std::result::Result<rustls::client::danger::HandshakeSignatureValid, rustls::Error> {
        self.0.verify_tls12_signature(message, cert, dss)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &rustls::pki_types::CertificateDer<'_>,
        dss: &rustls::DigitallySignedStruct,
    ) -> std::result::Result<rustls::client::danger::HandshakeSignatureValid, rustls::Error> {
        self.0.verify_tls13_signature(message, cert, dss)
    }

    fn supported_verify_schemes(&self) -> Vec<rustls::SignatureScheme> {
        self.0.supported_verify_schemes()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_are_read_as_libpq_reads_them() {
        assert!(is_server_url("postgresql://a@b/c") && is_server_url("Postgres://x"));
        assert!(!is_server_url("/srv/fahrplan.sqlite") && !is_server_url("postgresql.sqlite"));
        let url =
            ServerUrl::parse("postgresql://anna:geheim@db.example:6543/kreis?sslmode=require")
                .unwrap();
        assert_eq!(url.host(), "db.example:6543");
        assert_eq!(url.shown(), "anna@db.example:6543/kreis");
        assert_eq!(url.user(), "anna");
        assert!(!format!("{url:?}").contains("geheim"), "the password is never shown");
        assert_eq!(url.tls, Tls::Encrypt { required: true });
        let verify = ServerUrl::parse(
            "postgres://anna@db/kreis?sslmode=verify-full&sslrootcert=%2Fetc%2Fca.pem",
        )
        .unwrap();
        assert_eq!(verify.tls, Tls::Verify { root: "/etc/ca.pem".into(), full: true });
        assert_eq!(verify.host(), "db:5432");
        for bad in [
            "postgresql://db/kreis?sslmode=verify-full",
            "postgresql://db/kreis?sslmode=sometimes",
            "postgresql://db:port/kreis",
            "/a/file",
        ] {
            assert!(matches!(ServerUrl::parse(bad), Err(StoreError::BadUrl(_))), "{bad}");
        }
    }

    #[test]
    fn a_remembered_address_keeps_the_settings_but_never_a_password() {
        let url = ServerUrl::parse(
            "postgresql://anna@db/kreis?password=geheim&sslmode=require&application_name=x#blumberg",
        )
        .unwrap();
        assert_eq!(
            url.location("blumberg"),
            "postgresql://anna@db:5432/kreis?sslmode=require#blumberg"
        );
        // A `#` in the password is not the roadmap.
        assert_eq!(
            split_roadmap("postgresql://anna:ge#heim@db/kreis#donau"),
            ("postgresql://anna:ge#heim@db/kreis", Some("donau"))
        );
        assert_eq!(
            split_roadmap("postgresql://anna:ge#heim@db/kreis"),
            ("postgresql://anna:ge#heim@db/kreis", None)
        );
        assert_eq!(split_roadmap("postgresql://db/kreis#"), ("postgresql://db/kreis", None));
        let hashed = ServerUrl::parse("postgresql://anna:ge#heim@db/kreis#donau").unwrap();
        assert_eq!(hashed.host(), "db:5432");
    }

    #[test]
    fn every_refusal_of_the_records_rules_is_told_apart_from_missing_rights() {
        let sql = [include_str!("record.sql"), include_str!("record6.sql")].concat();
        let mut rules = 0;
        for part in sql.split("RAISE EXCEPTION '").skip(1) {
            let message = &part[..part.find('\'').unwrap()];
            let rights =
                message == "not an editor" || message.starts_with("only the administrator");
            assert_eq!(is_record_rule(message), !rights, "{message}");
            rules += usize::from(!rights);
        }
        assert!(rules >= 9, "{rules}");
        assert!(!is_record_rule("permission denied for table history"));
    }
}
