//! Writing exported files so that a reader never sees half a file, and reading import files
//! no larger than an export can sensibly be.

use std::io::Write as _;
use std::path::Path;

/// The file name of `path` as users read it (title bar, footers, export names); the whole path
/// if it has no file name.
pub fn display_name(path: &Path) -> String {
    // A roadmap on a server: its name and where it is (`blumberg (anna@db:5432/fahrplan)`),
    // never a password the address may hold.
    if let Some(text) = path.to_str().filter(|t| super::storage::is_server_url(t)) {
        let (address, roadmap) = super::storage::split_roadmap(text);
        let address = address.split_once("://").map_or(address, |(_, rest)| rest);
        let roadmap = roadmap.unwrap_or_default();
        let server = address.split_once('?').map_or(address, |(server, _)| server);
        let server = match server.rsplit_once('@') {
            Some((user, host)) => {
                format!("{}@{host}", user.split_once(':').map_or(user, |(user, _)| user))
            }
            None => server.to_owned(),
        };
        return if roadmap.is_empty() { server } else { format!("{roadmap} ({server})") };
    }
    path.file_name()
        .map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned())
}

/// Writes `bytes` to `path`: first to a temporary file beside it, flushed to disk, then renamed
/// over `path`. On failure nothing is left behind and an existing `path` is unchanged.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or_else(|| Path::new("."));
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let temp = dir.join(format!(".{name}.{}.partial", std::process::id()));
    let result = (|| {
        let mut file = std::fs::File::create(&temp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&temp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    result
}

/// The largest import file read: a JSON export of 10,000 measures with a long history is a few
/// megabytes; anything far bigger is not a Fahrplan export and is refused before it is read.
pub const MAX_IMPORT_BYTES: u64 = 256 * 1024 * 1024;

/// Why an import file was not read.
#[derive(Debug)]
pub enum ReadError {
    /// Larger than [`MAX_IMPORT_BYTES`] (the size in bytes).
    TooLarge(u64),
    /// The file could not be read.
    Io(std::io::Error),
}

/// Reads an import file whole, refusing files over [`MAX_IMPORT_BYTES`] without reading them.
pub fn read_import(path: &Path) -> Result<Vec<u8>, ReadError> {
    use std::io::Read as _;
    let file = std::fs::File::open(path).map_err(ReadError::Io)?;
    let size = file.metadata().map_err(ReadError::Io)?.len();
    if size > MAX_IMPORT_BYTES {
        return Err(ReadError::TooLarge(size));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    // Read at most one byte more than allowed, in case the file grows while it is read.
    file.take(MAX_IMPORT_BYTES + 1).read_to_end(&mut bytes).map_err(ReadError::Io)?;
    if bytes.len() as u64 > MAX_IMPORT_BYTES {
        return Err(ReadError::TooLarge(bytes.len() as u64));
    }
    Ok(bytes)
}

impl ReadError {
    /// The message in the UI language.
    pub fn localize(&self, path: &Path, tr: &crate::i18n::I18n) -> String {
        let path = path.display().to_string();
        match self {
            Self::TooLarge(size) => {
                tr.f("import-too-large", &[("path", &path), ("size", &(size / (1024 * 1024)))])
            }
            Self::Io(e) => tr.f("err-io", &[("path", &path), ("detail", &e.to_string())]),
        }
    }
}

/// A catalogue from an OSCAL JSON or CSV file (by its first byte), checked, named by the file
/// when it names itself nothing; or why not, in the UI's words. Nothing is written.
pub fn read_catalog(path: &Path, tr: &crate::i18n::I18n) -> Result<crate::model::Catalog, String> {
    use crate::import::{CatalogFormat, parse_catalog};
    let bytes = read_import(path).map_err(|e| e.localize(path, tr))?;
    let fallback = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    parse_catalog(&bytes, CatalogFormat::guess(&bytes), None, &fallback).map_err(|e| e.localize(tr))
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_server_roadmap_is_named_by_roadmap_and_server() {
        use std::path::Path;
        assert_eq!(
            super::display_name(Path::new("postgresql://anna@db:5432/fahrplan#blumberg")),
            "blumberg (anna@db:5432/fahrplan)"
        );
        assert_eq!(
            super::display_name(Path::new("/srv/roadmaps/blumberg.sqlite")),
            "blumberg.sqlite"
        );
        // A password in the address is never shown.
        assert_eq!(
            display_name(Path::new(
                "postgresql://anna:geheim@db:5432/fahrplan?sslmode=require#donau"
            )),
            "donau (anna@db:5432/fahrplan)"
        );
        // Not even one with a `#` in it.
        assert_eq!(
            display_name(Path::new("postgresql://anna:ge#heim@db/fahrplan#donau")),
            "donau (anna@db/fahrplan)"
        );
    }

    use super::*;

    #[test]
    fn import_files_over_the_limit_are_refused_unread() {
        let dir = tempfile::tempdir().unwrap();
        let small = dir.path().join("small.json");
        std::fs::write(&small, b"{}").unwrap();
        assert_eq!(read_import(&small).unwrap(), b"{}");
        // A sparse file: large on paper, nothing to read.
        let huge = dir.path().join("huge.json");
        std::fs::File::create(&huge).unwrap().set_len(MAX_IMPORT_BYTES + 1).unwrap();
        let err = read_import(&huge).unwrap_err();
        assert!(matches!(err, ReadError::TooLarge(n) if n == MAX_IMPORT_BYTES + 1));
        let tr = crate::i18n::I18n::new(crate::i18n::Lang::De);
        let text = err.localize(&huge, &tr);
        assert!(text.contains("256 MB") && text.contains("nichts geändert"), "{text}");
        assert!(matches!(read_import(&dir.path().join("fehlt.json")), Err(ReadError::Io(_))));
    }

    #[test]
    fn replaces_whole_files_and_leaves_nothing_on_failure() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.png");
        write_atomically(&path, b"first").unwrap();
        write_atomically(&path, b"second").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"second");
        let missing = dir.path().join("no/such/dir/out.png");
        assert!(write_atomically(&missing, b"x").is_err());
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
