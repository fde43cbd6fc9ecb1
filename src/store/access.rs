//! Sharing one roadmap file between offices: network drives, readers that never write, and the
//! edit lock that lets one editor at a time work on a file on a network drive.
//!
//! The choices, and why (the README repeats them for administrators):
//!
//! - **At rest the file uses SQLite's rollback journal** (`journal_mode=DELETE`). A reader opens it
//!   with `mode=ro` and needs nothing but a shared lock on the file itself: it creates no side
//!   file, so it works in folders it may not write to and never leaves files that would lock out
//!   the owner. On a local disk a writer switches the file to WAL while it is open (readers and
//!   several writers at once) and back to the rollback journal when it closes; on a network
//!   drive, where SQLite's WAL does not work, a writer keeps the rollback journal.
//! - **`immutable=1`** is used only for a file left in WAL mode without its shared-memory file,
//!   which means no connection has it open: the reader takes a snapshot and looks again when
//!   the file changes.
//! - **On a network drive one editor at a time** holds the edit lock ([`super::lock`]).

use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

/// File systems on which SQLite's locking and WAL are unreliable: network drives and sync
/// folders (Linux `/proc/mounts` names, macOS `mount` names).
const NETWORK_FILESYSTEMS: &[&str] = &[
    "nfs",
    "nfs4",
    "cifs",
    "smb",
    "smb2",
    "smb3",
    "smbfs",
    "9p",
    "afs",
    "ncpfs",
    "davfs",
    "webdav",
    "afpfs",
    "ceph",
    "glusterfs",
    "lustre",
    "gpfs",
    "coda",
    "orangefs",
    "beegfs",
    "vboxsf",
];

/// Whether a file-system type names a network file system (FUSE ones included: `fuse.sshfs`,
/// `fuse.rclone`, `fuse.davfs2`, …; local FUSE file systems are not).
pub fn is_network_type(kind: &str) -> bool {
    const NETWORK_FUSE: &[&str] = &[
        "sshfs",
        "rclone",
        "s3fs",
        "davfs2",
        "gcsfuse",
        "glusterfs",
        "ceph",
        "ceph-fuse",
        "smbnetfs",
        "curlftpfs",
        "afpfs",
        "goofys",
        "juicefs",
        "seaweedfs",
        "moosefs",
        "nfs",
    ];
    NETWORK_FILESYSTEMS.contains(&kind)
        || kind.strip_prefix("fuse.").is_some_and(|name| NETWORK_FUSE.contains(&name))
}

/// The type of the file system `path` lies on, from a Linux `/proc/mounts` listing: the longest
/// mount point that contains the path.
pub fn filesystem_type(mounts: &str, path: &Path) -> Option<String> {
    mounts
        .lines()
        .filter_map(|line| {
            let mut fields = line.split_whitespace();
            let (_, point, kind) = (fields.next()?, fields.next()?, fields.next()?);
            // Spaces in mount points are written as \040.
            let point = point.replace("\\040", " ");
            path.starts_with(&point).then(|| (point.len(), kind.to_owned()))
        })
        .max_by_key(|(len, _)| *len)
        .map(|(_, kind)| kind)
}

/// The type of the file system `path` lies on, from the output of macOS's `mount`
/// (`//anna@server/share on /Volumes/share (smbfs, nodev, nosuid, mounted by anna)`).
pub fn macos_filesystem_type(mount_output: &str, path: &Path) -> Option<String> {
    mount_output
        .lines()
        .filter_map(|line| {
            let (_, rest) = line.split_once(" on ")?;
            let (point, options) = rest.rsplit_once(" (")?;
            let kind = options.split([',', ')']).next()?.trim();
            path.starts_with(point).then(|| (point.len(), kind.to_owned()))
        })
        .max_by_key(|(len, _)| *len)
        .map(|(_, kind)| kind)
}

/// Whether a path (as text) is a Windows network path: `\\server\share\…`, `//server/share/…`, or
/// the `\\?\UNC\server\share\…` form that Windows gives for a mapped network drive.
pub fn is_unc_path(text: &str) -> bool {
    let unc = |rest: &str| rest.split(['\\', '/']).filter(|s| !s.is_empty()).count() >= 2;
    if let Some(rest) = text.strip_prefix(r"\\?\UNC\").or_else(|| text.strip_prefix(r"\\.\UNC\")) {
        return unc(rest);
    }
    if text.starts_with(r"\\?\") || text.starts_with(r"\\.\") {
        return false;
    }
    text.strip_prefix(r"\\").or_else(|| text.strip_prefix("//")).is_some_and(unc)
}

/// What `FAHRPLAN_NETWORK_DRIVE` says, if it is set: `1`/`true`/`ja`/`yes` or `0`/`false`/…
pub fn network_override() -> Option<bool> {
    let value = std::env::var("FAHRPLAN_NETWORK_DRIVE").ok()?;
    match value.trim().to_ascii_lowercase().as_str() {
        "1" | "true" | "yes" | "ja" | "on" => Some(true),
        "0" | "false" | "no" | "nein" | "off" => Some(false),
        _ => None,
    }
}

/// Whether `path` lies on a network drive: `FAHRPLAN_NETWORK_DRIVE` if set, else detected (Linux:
/// the file system's type; Windows: UNC paths and mapped network drives; macOS: `mount`).
pub fn on_network_drive(path: &Path) -> bool {
    network_override().unwrap_or_else(|| detect_network_drive(path))
}

fn detect_network_drive(path: &Path) -> bool {
    // The file, or (before it exists) its folder.
    let existing = path
        .ancestors()
        .find(|p| !p.as_os_str().is_empty() && p.exists())
        .unwrap_or_else(|| Path::new("."));
    let absolute = std::fs::canonicalize(existing).unwrap_or_else(|_| existing.to_owned());
    if is_unc_path(&path.to_string_lossy()) || is_unc_path(&absolute.to_string_lossy()) {
        return true;
    }
    if cfg!(target_os = "linux") {
        return std::fs::read_to_string("/proc/mounts")
            .ok()
            .and_then(|mounts| filesystem_type(&mounts, &absolute))
            .is_some_and(|kind| is_network_type(&kind));
    }
    if cfg!(target_os = "macos") {
        return std::process::Command::new("/sbin/mount")
            .output()
            .ok()
            .and_then(|out| macos_filesystem_type(&String::from_utf8_lossy(&out.stdout), &absolute))
            .is_some_and(|kind| is_network_type(&kind));
    }
    false
}

/// A side file of SQLite beside `db` (`-wal`, `-shm`, `-journal`).
pub fn side_file(db: &Path, suffix: &str) -> PathBuf {
    let mut name = db.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// Whether the file's header says WAL (file format versions 2 at offsets 18 and 19).
pub fn header_says_wal(db: &Path) -> bool {
    let mut header = [0_u8; 20];
    File::open(db).and_then(|mut f| f.read_exact(&mut header)).is_ok()
        && header[18] == 2
        && header[19] == 2
}

/// A connection that only reads `db` and creates no file beside it. Returns it and whether it is
/// a snapshot (`immutable`: a WAL file that no connection has open; it must be opened again to see
/// later changes).
pub fn open_reader(db: &Path) -> rusqlite::Result<(Connection, bool)> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY
        | OpenFlags::SQLITE_OPEN_NO_MUTEX
        | OpenFlags::SQLITE_OPEN_URI;
    let (uri, snapshot) = reader_uri(db);
    Ok((Connection::open_with_flags(uri, flags)?, snapshot))
}

/// The URI under which [`open_reader`] reads `db` (also for `ATTACH`), and whether it is a
/// snapshot.
pub fn reader_uri(db: &Path) -> (String, bool) {
    // A WAL file whose shared memory exists has a connection open: read through it (SQLite
    // opens it read-only where it may not write). Without it, `mode=ro` would create the side
    // files, so the reader takes a snapshot instead.
    let snapshot = header_says_wal(db) && !side_file(db, "-shm").exists();
    let parameter = if snapshot { "immutable=1" } else { "mode=ro" };
    (format!("{}?{parameter}", file_uri(db)), snapshot)
}

/// `path` as an SQLite `file:` URI with an empty authority (characters with a meaning in URIs
/// escaped): `file:/srv/a.sqlite`, `file:///C:/Daten/a.sqlite`, and for a Windows network path
/// `file:////server/share/a.sqlite`.
pub fn file_uri(path: &Path) -> String {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
    // A name that is not UTF-8 (possible on Unix file systems) is passed byte for byte, each
    // byte outside ASCII escaped: SQLite decodes the escapes to the same bytes.
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let bytes = absolute.as_os_str().as_bytes();
        if std::str::from_utf8(bytes).is_err() {
            return uri_of_bytes(bytes);
        }
    }
    uri_of(&absolute.to_string_lossy(), cfg!(windows))
}

/// [`file_uri`] of a Unix path's bytes, every byte outside ASCII and every one with a meaning in
/// URIs escaped.
#[cfg(unix)]
fn uri_of_bytes(bytes: &[u8]) -> String {
    let mut uri = String::from(if bytes.starts_with(b"//") { "file://" } else { "file:" });
    for &b in bytes {
        match b {
            b'%' | b'?' | b'#' | 0x80..=0xff => uri.push_str(&format!("%{b:02x}")),
            _ => uri.push(char::from(b)),
        }
    }
    uri
}

/// [`file_uri`] of a path as text; `windows` takes backslashes as separators (elsewhere they
/// may be part of a name).
fn uri_of(path: &str, windows: bool) -> String {
    let text = if windows { path.replace('\\', "/") } else { path.to_owned() };
    // Windows' verbatim prefixes: `//?/UNC/server/share` and `//?/C:/`.
    let text = if let Some(rest) = text.strip_prefix("//?/UNC/") {
        format!("//{rest}")
    } else if let Some(rest) = text.strip_prefix("//?/") {
        rest.to_owned()
    } else {
        text
    };
    let mut uri = String::from(if text.starts_with("//") {
        "file://"
    } else if text.starts_with('/') {
        "file:"
    } else {
        "file:///"
    });
    for c in text.chars() {
        match c {
            '%' => uri.push_str("%25"),
            '?' => uri.push_str("%3f"),
            '#' => uri.push_str("%23"),
            c => uri.push(c),
        }
    }
    uri
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn network_file_systems_are_recognised_by_type_and_path() {
        let mounts = "/dev/sda1 / ext4 rw 0 0\n\
                      //rathaus/daten /mnt/rathaus cifs rw 0 0\n\
                      server:/export /mnt/nfs nfs4 rw 0 0\n\
                      anna@host:/srv /home/anna/remote fuse.sshfs rw 0 0\n\
                      portal /run/user/1000/doc fuse.portal rw 0 0\n\
                      encfs /home/anna/secret fuse.encfs rw 0 0\n";
        let kind = |p: &str| filesystem_type(mounts, Path::new(p)).unwrap();
        assert_eq!(kind("/mnt/rathaus/it/fahrplan.sqlite"), "cifs");
        assert_eq!(kind("/home/anna/fahrplan.sqlite"), "ext4");
        for (path, network) in [
            ("/mnt/rathaus/x", true),
            ("/mnt/nfs/x", true),
            ("/home/anna/remote/x", true),
            ("/run/user/1000/doc/x", false),
            ("/home/anna/secret/x", false),
            ("/home/anna/x", false),
        ] {
            assert_eq!(is_network_type(&kind(path)), network, "{path}");
        }
        let mac = "/dev/disk3s1 on / (apfs, local, journaled)\n\
                   //anna@rathaus/daten on /Volumes/daten (smbfs, nodev, nosuid, mounted by anna)\n\
                   rathaus:/export on /Volumes/nfs (nfs)\n";
        assert_eq!(
            macos_filesystem_type(mac, Path::new("/Volumes/daten/a.sqlite")).unwrap(),
            "smbfs"
        );
        assert_eq!(macos_filesystem_type(mac, Path::new("/Volumes/nfs/a.sqlite")).unwrap(), "nfs");
        assert_eq!(macos_filesystem_type(mac, Path::new("/Users/a.sqlite")).unwrap(), "apfs");
        for (path, unc) in [
            (r"\\rathaus\daten\fahrplan.sqlite", true),
            (r"\\?\UNC\rathaus\daten\fahrplan.sqlite", true),
            ("//rathaus/daten/fahrplan.sqlite", true),
            (r"\\?\C:\Daten\fahrplan.sqlite", false),
            (r"C:\Daten\fahrplan.sqlite", false),
            ("/home/anna/fahrplan.sqlite", false),
            (r"\\rathaus", false),
        ] {
            assert_eq!(is_unc_path(path), unc, "{path}");
        }
    }

    #[test]
    fn paths_become_uris_with_an_empty_authority() {
        assert_eq!(
            uri_of("/srv/rat haus/a#1?.sqlite", false),
            "file:/srv/rat haus/a%231%3f.sqlite"
        );
        assert_eq!(uri_of(r"/srv/a\b.sqlite", false), r"file:/srv/a\b.sqlite");
        assert_eq!(uri_of(r"C:\Daten\a.sqlite", true), "file:///C:/Daten/a.sqlite");
        assert_eq!(uri_of(r"\\rathaus\daten\a.sqlite", true), "file:////rathaus/daten/a.sqlite");
        assert_eq!(
            uri_of(r"\\?\UNC\rathaus\daten\a.sqlite", true),
            "file:////rathaus/daten/a.sqlite"
        );
        assert_eq!(uri_of(r"\\?\C:\Daten\a.sqlite", true), "file:///C:/Daten/a.sqlite");
    }
}
