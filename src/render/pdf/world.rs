//! A sandboxed Typst [`World`]: the only files are the embedded style
//! template and the document data served as `/data.json`; the only fonts are
//! those compiled into the binary by `typst-assets`; packages are denied and
//! the date is fixed, so the output depends on nothing but its inputs.

use std::sync::LazyLock;

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

/// The style template, compiled into the binary.
pub(super) const TEMPLATE: &str = include_str!("../../../templates/pdf/style.typ");

/// Where the template lives in the virtual project.
pub(super) const MAIN_PATH: &str = "/style.typ";

/// Where the template finds the document, read with `json("/data.json")`.
pub(super) const DATA_PATH: &str = "/data.json";

/// The embedded fonts and their book, parsed once per process.
struct Fonts {
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
}

static FONTS: LazyLock<Fonts> = LazyLock::new(|| {
    let fonts: Vec<Font> = typst_assets::fonts()
        .flat_map(|data| Font::iter(Bytes::new(data)))
        .collect();
    let book = LazyHash::new(FontBook::from_fonts(&fonts));
    Fonts { book, fonts }
});

/// The faces tables are set in, to tell which tables keep every cell on
/// one line (see [`super::rows`]).
pub(super) static TABLE_FONTS: LazyLock<Option<super::rows::TableFonts>> =
    LazyLock::new(|| super::rows::TableFonts::find(&FONTS.fonts));

/// The standard library; the data comes through a file, not `sys.inputs`, so
/// one library serves every document (and keeps Typst's caches warm).
static LIBRARY: LazyLock<LazyHash<Library>> =
    LazyLock::new(|| LazyHash::new(Library::builder().build()));

/// The style template, parsed once per process: every document's world
/// shares it (a [`Source`] is reference-counted).
static TEMPLATE_SOURCE: LazyLock<Result<Source, String>> =
    LazyLock::new(|| Ok(Source::new(file_id(MAIN_PATH)?, TEMPLATE.to_string())));

/// A project-rooted file id for a fixed virtual path.
fn file_id(path: &str) -> Result<FileId, String> {
    let vpath = VirtualPath::new(path).map_err(|e| format!("{path}: {e}"))?;
    Ok(RootedPath::new(VirtualRoot::Project, vpath).intern())
}

/// One compilation's world: the template, the data and the date.
pub(super) struct SandboxWorld {
    main: Source,
    data_id: FileId,
    data: Bytes,
    today: Datetime,
}

impl SandboxWorld {
    /// The style template's world, whose `/data.json` is `data` and whose
    /// `today()` is `today`.
    pub(super) fn new(data: Vec<u8>, today: Datetime) -> Result<Self, String> {
        Ok(SandboxWorld {
            main: TEMPLATE_SOURCE.clone()?,
            data_id: file_id(DATA_PATH)?,
            data: Bytes::new(data),
            today,
        })
    }

    /// The same world with another main file (the sandbox tests use it).
    #[cfg(test)]
    pub(super) fn with_main(main: &str, data: Vec<u8>, today: Datetime) -> Result<Self, String> {
        let main_id = file_id(MAIN_PATH)?;
        Ok(SandboxWorld {
            main: Source::new(main_id, main.to_string()),
            data_id: file_id(DATA_PATH)?,
            data: Bytes::new(data),
            today,
        })
    }
}

impl World for SandboxWorld {
    fn library(&self) -> &LazyHash<Library> {
        &LIBRARY
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &FONTS.book
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else {
            Err(deny(id))
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.data_id {
            Ok(self.data.clone())
        } else if id == self.main.id() {
            Ok(Bytes::from_string(self.main.clone()))
        } else {
            Err(deny(id))
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        FONTS.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        Some(self.today)
    }
}

/// Only what is registered in memory exists: no disk, no packages.
fn deny(id: FileId) -> FileError {
    match id.root() {
        VirtualRoot::Package(_) => FileError::Other(Some("packages are disabled".into())),
        VirtualRoot::Project => FileError::NotFound(id.vpath().get_with_slash().into()),
    }
}
