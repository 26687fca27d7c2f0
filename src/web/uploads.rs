//! Uploads read into memory: each file under its field name with the name
//! the user gave it (reduced to the file name, never used as a path), and
//! the plain fields beside them. Nothing is written to disk.

use std::collections::BTreeMap;

use axum::extract::Multipart;
use axum::extract::multipart::MultipartError;
use axum::http::StatusCode;

use super::Limits;
use super::errors::WebError;

/// One uploaded file.
#[derive(Debug, Clone)]
pub struct UploadedFile {
    /// The form field it came in.
    pub field: String,
    /// The file's name, without any folder.
    pub name: String,
    /// Its bytes.
    pub bytes: Vec<u8>,
}

/// Everything a multipart request carried.
#[derive(Debug, Clone, Default)]
pub struct Upload {
    /// The files, in the order sent.
    pub files: Vec<UploadedFile>,
    /// The plain fields (text), by name.
    pub fields: BTreeMap<String, String>,
}

impl Upload {
    /// The first file sent in `field`.
    pub fn file(&self, field: &str) -> Option<&UploadedFile> {
        self.files.iter().find(|f| f.field == field)
    }

    /// Whether the checkbox or flag `field` is set.
    pub fn flag(&self, field: &str) -> bool {
        self.fields
            .get(field)
            .is_some_and(|v| matches!(v.as_str(), "1" | "true" | "on" | "ja"))
    }

    /// A plain field's text, when it is there and not blank.
    pub fn text(&self, field: &str) -> Option<&str> {
        self.fields
            .get(field)
            .map(String::as_str)
            .filter(|v| !v.trim().is_empty())
    }
}

/// Reads a whole multipart request, holding each file to
/// `limits.file_bytes` and the number of files to `limits.files`.
pub async fn read(mut multipart: Multipart, limits: &Limits) -> Result<Upload, WebError> {
    let mut upload = Upload::default();
    while let Some(mut field) = multipart.next_field().await.map_err(rejected)? {
        let name = field.name().unwrap_or_default().to_string();
        let file_name = field.file_name().map(base_name);
        let mut bytes = Vec::new();
        while let Some(chunk) = field.chunk().await.map_err(rejected)? {
            if bytes.len() + chunk.len() > limits.file_bytes {
                return Err(WebError::too_large(format!(
                    "{}: filen är större än {} byte, det största som tas emot",
                    file_name.as_deref().unwrap_or(&name),
                    crate::swedish::group_thousands(limits.file_bytes as u64)
                )));
            }
            bytes.extend_from_slice(&chunk);
        }
        match file_name {
            Some(file_name) => {
                if upload.files.len() >= limits.files {
                    return Err(WebError::too_large(format!(
                        "för många filer; högst {} åt gången",
                        limits.files
                    )));
                }
                upload.files.push(UploadedFile {
                    field: name,
                    name: file_name,
                    bytes,
                });
            }
            None => {
                let text = String::from_utf8(bytes).map_err(|_| {
                    WebError::invalid(format!("fältet {name} är inte UTF-8-text"), Vec::new())
                })?;
                upload.fields.insert(name, text);
            }
        }
    }
    Ok(upload)
}

fn rejected(error: MultipartError) -> WebError {
    if error.status() == StatusCode::PAYLOAD_TOO_LARGE {
        WebError::too_large("uppladdningen är för stor")
    } else {
        WebError::invalid(
            "uppladdningen kunde inte läsas (väntade ett formulär med filer)",
            Vec::new(),
        )
    }
}

/// The last part of a name a browser sent, without folders or control
/// characters, at most 200 characters; "fil" when nothing is left.
pub fn base_name(sent: &str) -> String {
    let last = sent.rsplit(['/', '\\']).next().unwrap_or_default();
    let clean: String = last.chars().filter(|c| !c.is_control()).take(200).collect();
    let clean = clean.trim();
    if clean.is_empty() || clean == "." || clean == ".." {
        "fil".to_string()
    } else {
        clean.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::base_name;

    #[test]
    fn keeps_only_the_file_name() {
        assert_eq!(base_name("../../etc/passwd"), "passwd");
        assert_eq!(base_name("C:\\Users\\x\\fo.docx"), "fo.docx");
        assert_eq!(base_name("a\u{0}b.md"), "ab.md");
        assert_eq!(base_name(".."), "fil");
        assert_eq!(base_name(""), "fil");
    }
}
