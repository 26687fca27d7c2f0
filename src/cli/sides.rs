//! Reading one side of a comparison from its file: the bytes are read
//! here, the side is made by [`forbund::diff::Side::read`].

use std::path::Path;

use anyhow::{Result, anyhow};
use chrono::NaiveDate;
use forbund::compose::Templates;
use forbund::diff::{Side, SideError};
use forbund::report::{FileReport, human};

use super::files::{Expected, read_limited};

/// The largest document read, in bytes.
pub const MAX_DOCUMENT_BYTES: u64 = forbund::parse::MAX_FILE_BYTES;

/// Reads a side. Problems in a description are printed and end the
/// command with exit code 2 (as an error naming the file); warnings from
/// reading a document are printed.
pub fn load(path: &Path, templates: &Templates, date: Option<NaiveDate>) -> Result<Side> {
    let name = path.display().to_string();
    let bytes = read_limited(path, Expected::Document)
        .map_err(|f| anyhow!("{}: {}", f.location, f.message))?;
    let side = Side::read(&name, &bytes, templates, date).map_err(|error| {
        if let SideError::InvalidDescription { file, problems } = &error {
            super::note(human(&[FileReport::new(file, problems.clone())]).trim_end());
        }
        anyhow!(error)
    })?;
    for warning in &side.warnings {
        super::note(&format!("varning: {warning}"));
    }
    Ok(side)
}
