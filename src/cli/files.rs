//! Reading inputs with clear errors, and writing outputs atomically without
//! ever overwriting a file silently.

use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

use forbund::finding::{Finding, Location};

/// What a file given on the command line is expected to hold: it decides
/// the size limit and how errors name the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    /// A description (.json).
    Description,
    /// A document (.md, .txt, .docx).
    Document,
}

impl Expected {
    /// The largest file read.
    pub fn limit(self) -> u64 {
        match self {
            Expected::Description => forbund::spec::load::MAX_BYTES,
            Expected::Document => super::sides::MAX_DOCUMENT_BYTES,
        }
    }

    /// "en beskrivning (.json)", for messages.
    fn noun(self) -> &'static str {
        match self {
            Expected::Description => "en beskrivning (.json)",
            Expected::Document => "ett dokument (.md, .txt, .docx eller .pdf)",
        }
    }
}

/// Reads a file of at most `expected.limit()` bytes: the size is checked
/// before reading, and reading stops past the limit. Problems are findings
/// naming the file and what was expected.
pub fn read_limited(path: &Path, expected: Expected) -> Result<Vec<u8>, Box<Finding>> {
    let name = path.display().to_string();
    let limit = expected.limit();
    let fail =
        |id: &str, message: String| Box::new(Finding::error(id, message, Location::file(&name)));
    let too_large = |size: u64| match expected {
        Expected::Description => Box::new(forbund::spec::load::too_large(&name, size)),
        Expected::Document => fail(
            "FIL-STORLEK",
            format!(
                "filen är {} byte; ett dokument får vara högst {} byte",
                forbund::swedish::group_thousands(size),
                forbund::swedish::group_thousands(limit)
            ),
        ),
    };
    let metadata = fs::metadata(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => fail("FIL-SAKNAS", "filen finns inte".to_string()),
        std::io::ErrorKind::PermissionDenied => fail(
            "FIL-BEHÖRIGHET",
            "filen får inte läsas (behörighet saknas)".to_string(),
        ),
        _ => fail("FIL-LÄSNING", format!("filen kan inte läsas: {e}")),
    })?;
    if metadata.is_dir() {
        return Err(fail(
            "FIL-KATALOG",
            format!("är en katalog; väntade {}", expected.noun()),
        ));
    }
    if metadata.len() > limit {
        return Err(too_large(metadata.len()));
    }
    let mut bytes = Vec::with_capacity(metadata.len() as usize);
    fs::File::open(path)
        .and_then(|f| f.take(limit + 1).read_to_end(&mut bytes))
        .map_err(|e| fail("FIL-LÄSNING", format!("filen kan inte läsas: {e}")))?;
    if bytes.len() as u64 > limit {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

/// One file to write.
pub struct Output {
    /// Where it goes.
    pub path: PathBuf,
    /// What it holds.
    pub bytes: Vec<u8>,
}

/// Writes every output, or none: first refuses if any target exists and
/// `force` is not set; then writes each to a temporary file in its target's
/// directory and flushes it to disk (several at once: a package has over a
/// hundred files and each flush waits for the disk), and only when all are
/// safely written renames them into place, so no file is ever
/// half-written. If anything fails, the temporary files are removed and so
/// are the files this call already renamed into place.
pub fn write_all(outputs: &[Output], force: bool) -> Result<()> {
    if !force {
        let existing: Vec<String> = outputs
            .iter()
            .filter(|o| o.path.exists())
            .map(|o| o.path.display().to_string())
            .collect();
        if !existing.is_empty() {
            bail!(
                "skriver inte över befintliga filer (använd --force för att ersätta dem): {}",
                existing.join(", ")
            );
        }
    }
    let mut directories: Vec<PathBuf> = outputs.iter().map(|o| directory_of(&o.path)).collect();
    directories.sort();
    directories.dedup();
    for dir in &directories {
        fs::create_dir_all(dir)
            .with_context(|| format!("kan inte skapa katalogen {}", dir.display()))?;
    }
    let staged = stage_all(outputs)?;
    let mut written: Vec<&Path> = Vec::new();
    for (output, temp) in outputs.iter().zip(staged) {
        if let Err(error) = persist(temp, &output.path, force) {
            for path in written {
                let _ = fs::remove_file(path);
            }
            return Err(error);
        }
        written.push(&output.path);
    }
    // The renames are durable once the directories are flushed; a file
    // system that cannot flush a directory has the files in place anyway.
    for dir in &directories {
        let _ = fs::File::open(dir).and_then(|d| d.sync_all());
    }
    Ok(())
}

/// How many files are written and flushed at once.
const WRITERS: usize = 16;

/// Writes and flushes every output to a temporary file beside its target,
/// on up to [`WRITERS`] threads; the temporary files come back in the
/// order of `outputs`. On the first failure, every temporary file is
/// removed (dropping it does that) and that failure is returned.
fn stage_all(outputs: &[Output]) -> Result<Vec<tempfile::NamedTempFile>> {
    let staged = forbund::parallel::map_ordered(outputs, WRITERS, |output| {
        stage(&output.path, &output.bytes)
    });
    staged.into_iter().collect()
}

/// The directory a file is written in.
fn directory_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// `bytes` in a temporary file beside `path`, flushed to disk.
fn stage(path: &Path, bytes: &[u8]) -> Result<tempfile::NamedTempFile> {
    let dir = directory_of(path);
    let mut builder = tempfile::Builder::new();
    builder.prefix(".forbund-");
    #[cfg(unix)]
    builder.permissions(permissions_for(path));
    let mut temp = builder
        .tempfile_in(&dir)
        .with_context(|| format!("kan inte skriva i katalogen {}", dir.display()))?;
    temp.write_all(bytes)
        .and_then(|()| temp.as_file().sync_all())
        .with_context(|| format!("kan inte skriva {}", path.display()))?;
    Ok(temp)
}

/// Renames a staged file into place; without `force` never over a file
/// that appeared meanwhile.
fn persist(temp: tempfile::NamedTempFile, path: &Path, force: bool) -> Result<()> {
    if force {
        temp.persist(path)
            .with_context(|| format!("kan inte skriva {}", path.display()))?;
    } else {
        temp.persist_noclobber(path).with_context(|| {
            format!(
                "kan inte skriva {} (finns den redan? använd --force)",
                path.display()
            )
        })?;
    }
    Ok(())
}

/// The permissions a written file gets: those of the file it replaces, or
/// read-write for the owner and readable for others (tempfile's default,
/// owner-only, would surprise a user sharing drafts).
#[cfg(unix)]
fn permissions_for(path: &Path) -> fs::Permissions {
    use std::os::unix::fs::PermissionsExt;
    fs::metadata(path).map_or_else(|_| fs::Permissions::from_mode(0o644), |m| m.permissions())
}
