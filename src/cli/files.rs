//! Reading inputs with clear errors, and writing outputs atomically without
//! ever overwriting a file silently.

use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

use forbund::finding::{Finding, Location};

/// Reads an input file of at most `limit` bytes. Problems become a finding
/// that names the file and says what was expected.
pub fn read_limited(path: &Path, limit: u64) -> Result<Vec<u8>, Box<Finding>> {
    let name = path.display().to_string();
    let fail =
        |id: &str, message: String| Box::new(Finding::error(id, message, Location::file(&name)));
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
            "är en katalog; ange en JSON-fil med en förbundsbeskrivning".to_string(),
        ));
    }
    if metadata.len() > limit {
        return Err(Box::new(forbund::spec::load::too_large(
            &name,
            metadata.len(),
        )));
    }
    let mut bytes = Vec::with_capacity(metadata.len() as usize);
    fs::File::open(path)
        .and_then(|f| f.take(limit + 1).read_to_end(&mut bytes))
        .map_err(|e| fail("FIL-LÄSNING", format!("filen kan inte läsas: {e}")))?;
    if bytes.len() as u64 > limit {
        return Err(Box::new(forbund::spec::load::too_large(
            &name,
            bytes.len() as u64,
        )));
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
/// `force` is not set, then writes each through a temporary file in the same
/// directory renamed into place, so no file is ever half-written. If a write
/// fails, the files this call already wrote are removed again.
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
    let mut written: Vec<&Path> = Vec::new();
    for output in outputs {
        if let Err(error) = write_one(&output.path, &output.bytes, force) {
            for path in written {
                let _ = fs::remove_file(path);
            }
            return Err(error);
        }
        written.push(&output.path);
    }
    Ok(())
}

fn write_one(path: &Path, bytes: &[u8], force: bool) -> Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    fs::create_dir_all(&dir)
        .with_context(|| format!("kan inte skapa katalogen {}", dir.display()))?;
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
