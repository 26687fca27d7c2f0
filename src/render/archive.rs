//! A package of rendered files as one zip archive, with the same bytes for
//! the same files: fixed timestamps (1980-01-01, the earliest a zip can
//! hold), fixed permissions, the files in the order given.

use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

use super::RenderedFile;

/// Why the archive could not be written.
#[derive(Debug, thiserror::Error)]
#[error("zip-arkivet kunde inte skrivas: {0}")]
pub struct ArchiveError(String);

/// The files, under their names, in one zip archive.
pub fn zip(files: &[RenderedFile]) -> Result<Vec<u8>, ArchiveError> {
    let fail = |e: &dyn std::fmt::Display| ArchiveError(e.to_string());
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(DateTime::default())
        .unix_permissions(0o644);
    let mut writer = ZipWriter::new(Cursor::new(Vec::new()));
    for file in files {
        writer
            .start_file(file.name.as_str(), options)
            .map_err(|e| fail(&e))?;
        writer.write_all(&file.bytes).map_err(|e| fail(&e))?;
    }
    let cursor = writer.finish().map_err(|e| fail(&e))?;
    Ok(cursor.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    fn files() -> Vec<RenderedFile> {
        vec![
            RenderedFile {
                name: "forbundsordning.md".into(),
                bytes: "# Förbundsordning\n".repeat(50).into_bytes(),
            },
            RenderedFile {
                name: "forbundsordning.html".into(),
                bytes: b"<html></html>".to_vec(),
            },
        ]
    }

    #[test]
    fn the_same_files_give_the_same_bytes() -> Result<(), Box<dyn std::error::Error>> {
        assert_eq!(zip(&files())?, zip(&files())?);
        Ok(())
    }

    #[test]
    fn holds_each_file_unchanged_in_order() -> Result<(), Box<dyn std::error::Error>> {
        let bytes = zip(&files())?;
        let mut archive = zip::ZipArchive::new(Cursor::new(bytes))?;
        assert_eq!(archive.len(), 2);
        for (i, expected) in files().iter().enumerate() {
            let mut entry = archive.by_index(i)?;
            assert_eq!(entry.name(), expected.name);
            let mut content = Vec::new();
            entry.read_to_end(&mut content)?;
            assert_eq!(content, expected.bytes);
        }
        Ok(())
    }
}
