//! `forbund check`: checks descriptions and documents against FinsamL and
//! prints the findings as text, JSON or SARIF. Exit 1 when an error nobody
//! has accepted remains, 2 when an input cannot be read.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use forbund::check::Report;
use forbund::check::report::Summary;
use forbund::compose::Templates;
use forbund::document::DocumentKind;
use forbund::finding::{Finding, Location};
use forbund::report::{FileReport, human};
use forbund::review::{
    Loaded, Options, check_loaded, folder_selection, is_description_name, is_package_of_kinds,
    load, package_report, unreadable,
};

use super::Outcome;
use super::files::{Expected, read_limited};

/// Output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Text for people (Swedish), grouped by severity
    Human,
    /// JSON for programs
    Json,
    /// SARIF 2.1.0 for code-scanning tools
    Sarif,
}

/// A document kind on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DocArg {
    /// A förbundsordning
    #[value(alias = "förbundsordning", alias = "fo")]
    Forbundsordning,
    /// An avsiktsförklaring
    #[value(alias = "avsiktsförklaring", alias = "af")]
    Avsiktsforklaring,
    /// A tjänsteutlåtande
    #[value(alias = "tjänsteutlåtande", alias = "tu")]
    Tjansteutlatande,
    /// A proposal for the förbund's organisation (förslag till organisation)
    Organisation,
}

/// Arguments of `forbund check`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Descriptions (.json), documents (.md, .txt, .docx, .pdf) and folders of them
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// Output format
    #[arg(long, value_enum, default_value = "human")]
    format: Format,
    /// Also check the given documents together as one decision package
    /// (förbundsordning, avsiktsförklaring, tjänsteutlåtanden); a folder
    /// holding a förbundsordning and its other documents is always checked
    /// as a package
    #[arg(long)]
    package: bool,
    /// For descriptions: also compose the drafts and check them, one by one
    /// and as a package
    #[arg(long)]
    drafts: bool,
    /// The kind of every document given, when the title does not say
    #[arg(long, value_enum)]
    doc: Option<DocArg>,
    /// Compare with an earlier version: each finding is marked new,
    /// unchanged or fixed (present there, gone here)
    #[arg(long, value_name = "OLD")]
    baseline: Option<PathBuf>,
    /// The members' decisions (beslut.json): an error when a description
    /// given claims the förbund is formed while the adopted texts differ
    #[arg(long, value_name = "BESLUT")]
    beslut: Option<PathBuf>,
}

/// Checks every file and folder; see the module doc for the exit codes.
pub fn run(args: &Args) -> Result<Outcome> {
    let kind = args.doc.map(|d| match d {
        DocArg::Forbundsordning => DocumentKind::Forbundsordning,
        DocArg::Avsiktsforklaring => DocumentKind::Avsiktsforklaring,
        DocArg::Tjansteutlatande => DocumentKind::Tjansteutlatande,
        DocArg::Organisation => DocumentKind::Organisation,
    });
    let baseline = match &args.baseline {
        None => None,
        Some(path) => match load_file(path, kind) {
            Ok(old) => Some(old),
            Err(findings) => {
                invalid(&path.display().to_string(), findings);
                return Ok(Outcome::InvalidInput);
            }
        },
    };
    let templates = Templates::builtin();
    let options = Options {
        drafts: args.drafts,
        baseline: baseline.as_ref(),
        templates: &templates,
    };
    let mut sink = Sink::new(args.format);
    let mut unusable = false;
    let mut loose: Vec<Loaded> = Vec::new();
    for path in &args.files {
        if !path.is_dir() {
            match check_one(path, kind, &options, true, args.format) {
                Ok(done) => {
                    print_warnings(&done.warnings);
                    sink.add_done(done.reports, done.texts)?;
                    loose.extend(done.loaded);
                }
                Err(findings) => {
                    unusable = true;
                    sink.unreadable(&path.display().to_string(), findings)?;
                }
            }
            continue;
        }
        // A folder is checked on every core; each report is printed (or
        // kept, for JSON and SARIF) in the folder's order as soon as it and
        // those before it are done, and the documents are dropped, so
        // memory does not grow with the folder.
        let files = folder_files(path)?;
        let mut kinds: Vec<(PathBuf, DocumentKind)> = Vec::new();
        check_in_parallel(&files, kind, &options, args.format, |file, checked| {
            match checked {
                Ok(done) => {
                    print_warnings(&done.warnings);
                    if let Some(kind) = done.kind {
                        kinds.push((file.clone(), kind));
                    }
                    sink.add_done(done.reports, done.texts)?;
                }
                Err(findings) => {
                    unusable = true;
                    sink.unreadable(&file.display().to_string(), findings)?;
                }
            }
            Ok(())
        })?;
        if is_package_of_kinds(kinds.iter().map(|(_, k)| *k)) {
            // The package's documents are read again for the package check.
            let documents: Vec<Loaded> = kinds
                .iter()
                .filter_map(|(file, _)| load_file(file, kind).ok())
                .collect();
            sink.add(vec![package_report(&documents.iter().collect::<Vec<_>>())])?;
        }
    }
    let loose_documents = loose.iter().any(|l| matches!(l, Loaded::Document { .. }));
    if args.package && loose_documents {
        sink.add(vec![package_report(&loose.iter().collect::<Vec<_>>())])?;
    }
    if let Some(path) = &args.beslut {
        let forbund = loose.iter().find_map(|l| match l {
            Loaded::Description { forbund, .. } => Some(forbund.as_ref()),
            Loaded::Document { .. } => None,
        });
        let Some(forbund) = forbund else {
            anyhow::bail!(
                "--beslut prövas mot en beskrivning (.json) som anger när förbundet bildas; ange beskrivningen bland filerna"
            );
        };
        sink.add(vec![super::adoption::check_report(path, forbund)?])?;
    }
    let blocking = sink.finish()?;
    if unusable {
        Ok(Outcome::InvalidInput)
    } else if blocking {
        Ok(Outcome::Findings)
    } else {
        Ok(Outcome::Success)
    }
}

/// Where reports go: printed at once for people, kept for JSON and SARIF
/// (which are one document over all reports).
struct Sink {
    format: Format,
    kept: Vec<Report>,
    summary: Summary,
    printed: usize,
    blocking: bool,
}

impl Sink {
    fn new(format: Format) -> Self {
        Sink {
            format,
            kept: Vec::new(),
            summary: Summary::default(),
            printed: 0,
            blocking: false,
        }
    }

    /// Reports checked elsewhere, with their text already rendered when
    /// the output is for people.
    fn add_done(&mut self, reports: Vec<Report>, texts: Vec<String>) -> Result<()> {
        if self.format != Format::Human || texts.len() != reports.len() {
            return self.add(reports);
        }
        for (report, text) in reports.iter().zip(texts) {
            self.blocking |= report.has_blocking();
            self.summary.add(report);
            self.printed += 1;
            super::print(&text)?;
        }
        Ok(())
    }

    fn add(&mut self, reports: Vec<Report>) -> Result<()> {
        for report in reports {
            self.blocking |= report.has_blocking();
            if self.format == Format::Human {
                self.summary.add(&report);
                self.printed += 1;
                super::print(&forbund::check::report::human::render_report(&report))?;
            } else {
                self.kept.push(report);
            }
        }
        Ok(())
    }

    /// An input that could not be read: on standard error for people, as
    /// a report of its own in JSON and SARIF.
    fn unreadable(&mut self, name: &str, findings: Vec<Finding>) -> Result<()> {
        if self.format == Format::Human {
            invalid(name, findings);
            Ok(())
        } else {
            self.add(vec![unreadable(name, findings)])
        }
    }

    /// Prints what is left; whether an unaccepted error was found.
    fn finish(self) -> Result<bool> {
        let text = match self.format {
            Format::Human if self.printed > 1 => {
                forbund::check::report::human::render_total(&self.summary)
            }
            Format::Human => String::new(),
            Format::Json => forbund::check::report::json::render(&self.kept),
            Format::Sarif => forbund::check::report::sarif::render(&self.kept),
        };
        if !text.is_empty() {
            super::print(&text)?;
        }
        Ok(self.blocking)
    }
}

fn print_warnings(warnings: &[String]) {
    for warning in warnings {
        super::note(&format!("varning: {warning}"));
    }
}

/// The files of a folder worth checking, one per document (see
/// [`folder_selection`]).
fn folder_files(dir: &Path) -> Result<Vec<PathBuf>> {
    let entries = std::fs::read_dir(dir)
        .with_context(|| format!("kan inte läsa katalogen {}", dir.display()))?;
    let mut names = Vec::new();
    for entry in entries {
        let path = entry?.path();
        if path.is_file()
            && let Some(name) = path.file_name().and_then(|n| n.to_str())
        {
            names.push(name.to_string());
        }
    }
    let chosen = folder_selection(&names);
    if chosen.is_empty() {
        super::note(&format!(
            "{}: inga beskrivningar eller dokument (.json, .md, .txt, .docx, .pdf) att kontrollera",
            dir.display()
        ));
    }
    Ok(chosen.into_iter().map(|name| dir.join(name)).collect())
}

/// A file read and checked, reduced by the worker that did it to what the
/// rest of the command needs, so that the printing thread neither renders
/// nor frees the documents.
struct Done {
    /// What was read, when it is kept (loose files, for `--package`).
    loaded: Option<Loaded>,
    /// The document's kind, for the package check of a folder.
    kind: Option<DocumentKind>,
    /// Warnings from reading it.
    warnings: Vec<String>,
    /// Its reports.
    reports: Vec<Report>,
    /// The reports as text, when the output is for people.
    texts: Vec<String>,
}

/// A file read and checked, or why it could not be read.
type Checked = std::result::Result<Done, Vec<Finding>>;

/// Reads and checks one file.
fn check_one(
    path: &Path,
    kind: Option<DocumentKind>,
    options: &Options<'_>,
    keep: bool,
    format: Format,
) -> Checked {
    let loaded = load_file(path, kind)?;
    let reports = check_loaded(&loaded, options);
    let texts = if format == Format::Human {
        reports
            .iter()
            .map(forbund::check::report::human::render_report)
            .collect()
    } else {
        Vec::new()
    };
    let (document_kind, warnings) = match &loaded {
        Loaded::Document {
            document, warnings, ..
        } => (Some(document.kind), warnings.clone()),
        Loaded::Description { .. } => (None, Vec::new()),
    };
    Ok(Done {
        loaded: keep.then_some(loaded),
        kind: document_kind,
        warnings,
        reports,
        texts,
    })
}

/// Checks files on every core, one file at a time from a shared counter so
/// no core waits for another's share, and hands each result to `each` in
/// the files' order. A check that panics becomes an internal error for
/// that file alone.
fn check_in_parallel(
    files: &[PathBuf],
    kind: Option<DocumentKind>,
    options: &Options<'_>,
    format: Format,
    mut each: impl FnMut(&PathBuf, std::result::Result<Done, Vec<Finding>>) -> Result<()>,
) -> Result<()> {
    type Checked = std::result::Result<Done, Vec<Finding>>;
    let threads = std::thread::available_parallelism()
        .map_or(1, std::num::NonZeroUsize::get)
        .min(files.len().max(1));
    let next = std::sync::atomic::AtomicUsize::new(0);
    let (sender, receiver) = std::sync::mpsc::channel::<(usize, Checked)>();
    std::thread::scope(|scope| {
        for _ in 0..threads {
            let sender = sender.clone();
            let next = &next;
            scope.spawn(move || {
                loop {
                    let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    let Some(file) = files.get(i) else {
                        break;
                    };
                    let checked = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                        check_one(file, kind, options, false, format)
                    }))
                    .unwrap_or_else(|_| {
                        Err(vec![Finding::error(
                            "INTERNT-FEL",
                            "internt fel vid kontrollen",
                            Location::file(&file.display().to_string()),
                        )])
                    });
                    if sender.send((i, checked)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(sender);
        let mut waiting: std::collections::BTreeMap<usize, Checked> = Default::default();
        let mut handed = 0;
        for (i, checked) in receiver {
            waiting.insert(i, checked);
            while let Some(checked) = waiting.remove(&handed) {
                if let Some(file) = files.get(handed) {
                    each(file, checked)?;
                }
                handed += 1;
            }
        }
        Ok(())
    })
}

/// Reads a description or a document from its file.
fn load_file(path: &Path, kind: Option<DocumentKind>) -> std::result::Result<Loaded, Vec<Finding>> {
    let name = path.display().to_string();
    let expected = if is_description_name(&name) {
        Expected::Description
    } else {
        Expected::Document
    };
    let bytes = read_limited(path, expected).map_err(|finding| vec![*finding])?;
    load(&name, &bytes, kind)
}

fn invalid(name: &str, problems: Vec<Finding>) {
    super::note(human(&[FileReport::new(name, problems)]).trim_end());
    super::note("rätta filen och försök igen");
}
