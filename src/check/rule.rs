//! What a rule is: a stable id named after its legal basis, a severity, the
//! provision it rests on (with a faithful Swedish paraphrase of the text), a
//! one-line summary and a longer explanation, the inputs it applies to, and
//! the function that looks for it. Rules return [`Hit`]s; the engine in
//! [`super`] turns them into findings, so that no rule formats output.

use serde::Serialize;

use super::package::PackageView;
use crate::finding::{Citation, Fix, Law, Severity};
use crate::read::reading::Reading;
use crate::spec::Forbund;

/// The version of FinsamL's text the rules were written against. No
/// amendment numbers are given: the rules rest on the text in force as read
/// from the statute and Nationella rådets sammanställning (finsam.se).
pub const FINSAM_TEXT: &str =
    "gällande lydelse enligt författningstexten och Nationella rådets sammanställning (finsam.se)";

/// The version note for provisions known only from secondary sources.
pub const SECONDARY_TEXT: &str =
    "återgiven efter sekundärkälla; inte kontrollerad mot författningstexten";

/// The version of kommunallagen the rules were written against.
pub const KL_TEXT: &str = "kommunallagen (2017:725) i gällande lydelse";

/// A FinsamL paragraph, verified.
pub const fn finsam(paragraph: &'static str) -> Citation {
    Citation {
        law: Law::Finsam,
        chapter: None,
        paragraph,
        item: None,
        version: FINSAM_TEXT,
        verified: true,
    }
}

/// A FinsamL paragraph and item, verified.
pub const fn finsam_item(paragraph: &'static str, item: &'static str) -> Citation {
    Citation {
        law: Law::Finsam,
        chapter: None,
        paragraph,
        item: Some(item),
        version: FINSAM_TEXT,
        verified: true,
    }
}

/// A FinsamL paragraph whose reading is not verified against the statute:
/// such a rule reports warnings at most.
pub const fn finsam_unverified(paragraph: &'static str) -> Citation {
    Citation {
        law: Law::Finsam,
        chapter: None,
        paragraph,
        item: None,
        version: SECONDARY_TEXT,
        verified: false,
    }
}

/// A paragraph of kommunallagen (2017:725).
pub const fn kommunallagen(chapter: &'static str, paragraph: &'static str) -> Citation {
    Citation {
        law: Law::Kommunallagen,
        chapter: Some(chapter),
        paragraph,
        item: None,
        version: KL_TEXT,
        verified: true,
    }
}

/// No statute: drafting practice.
pub const fn praxis() -> Citation {
    Citation {
        law: Law::Praxis,
        chapter: None,
        paragraph: "",
        item: None,
        version: "",
        verified: true,
    }
}

/// What a rule can look at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Target {
    /// A description (JSON).
    Description,
    /// A förbundsordning.
    Forbundsordning,
    /// An avsiktsförklaring.
    Avsiktsforklaring,
    /// A tjänsteutlåtande.
    Tjansteutlatande,
    /// The decision package: förbundsordning, avsiktsförklaring and
    /// tjänsteutlåtanden together.
    Package,
    /// The members' decisions on the förbundsordning (`forbund check --beslut`).
    Adoption,
}

impl Target {
    /// The Swedish name, as shown in `forbund rules`.
    pub fn swedish(self) -> &'static str {
        match self {
            Target::Description => "beskrivning",
            Target::Forbundsordning => "förbundsordning",
            Target::Avsiktsforklaring => "avsiktsförklaring",
            Target::Tjansteutlatande => "tjänsteutlåtande",
            Target::Package => "beslutspaket",
            Target::Adoption => "medlemmarnas beslut",
        }
    }
}

/// Every kind of document.
pub const DOCUMENTS: &[Target] = &[
    Target::Forbundsordning,
    Target::Avsiktsforklaring,
    Target::Tjansteutlatande,
];

/// A description and a förbundsordning.
pub const CHARTER: &[Target] = &[Target::Description, Target::Forbundsordning];

/// What a rule is given.
#[derive(Debug, Clone, Copy)]
pub enum Subject<'a> {
    /// A description.
    Description(&'a DescriptionInput<'a>),
    /// One document.
    Document(&'a Reading<'a>),
    /// A decision package.
    Package(&'a PackageView<'a>),
}

/// The members' decisions assessed, the description that claims (or not)
/// that the förbund is formed, and the day to judge "has passed" by.
/// Rules for [`Target::Adoption`] get it in a [`DescriptionInput`].
#[derive(Debug, Clone, Copy)]
pub struct AdoptionInput<'a> {
    /// The decisions, assessed.
    pub assessment: &'a crate::adoption::Assessment,
    /// Today, passed in so that checks are deterministic.
    pub today: chrono::NaiveDate,
}

/// A description with what the rules need besides the model.
#[derive(Debug, Clone, Copy)]
pub struct DescriptionInput<'a> {
    /// The description.
    pub forbund: &'a Forbund,
    /// For [`Target::Adoption`] rules: the members' decisions.
    pub adoption: Option<&'a AdoptionInput<'a>>,
}

/// Where a hit points, before the engine resolves it into a location.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum At {
    /// A JSON pointer in the description.
    Path(String),
    /// A section of the document (index into its sections) and the words
    /// the hit is about.
    Section {
        /// Index into `Document::sections`.
        index: usize,
        /// The words quoted from the section, found again in the source for
        /// the line number.
        excerpt: Option<String>,
    },
    /// The document as a whole (e.g. something missing), or its preamble.
    Document {
        /// Words quoted from the title or preamble.
        excerpt: Option<String>,
    },
    /// A document of a package (index into the package) and, optionally,
    /// one of its sections.
    Member {
        /// Index into the package's documents.
        document: usize,
        /// Index into that document's sections.
        section: Option<usize>,
        /// Words quoted from it.
        excerpt: Option<String>,
    },
}

impl From<crate::read::Place> for At {
    fn from(place: crate::read::Place) -> Self {
        At::Section {
            index: place.section,
            excerpt: Some(place.excerpt),
        }
    }
}

impl From<&crate::read::Place> for At {
    fn from(place: &crate::read::Place) -> Self {
        At::from(place.clone())
    }
}

/// One thing a rule found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// What is wrong and what to do, in Swedish.
    pub message: String,
    /// Where.
    pub at: At,
    /// A suggested fix.
    pub fix: Option<Fix>,
    /// The most serious this hit may be, when less than the rule's
    /// severity (e.g. a statement not found in a text that breaks off).
    pub at_most: Option<Severity>,
}

impl Hit {
    /// A hit without a fix.
    pub fn new(message: impl Into<String>, at: impl Into<At>) -> Self {
        Hit {
            message: message.into(),
            at: at.into(),
            fix: None,
            at_most: None,
        }
    }

    /// The same hit, at most as serious as `severity`.
    pub fn at_most(mut self, severity: Severity) -> Self {
        self.at_most = Some(severity);
        self
    }

    /// The same hit with a suggested fix.
    pub fn with_fix(mut self, fix: Fix) -> Self {
        self.fix = Some(fix);
        self
    }
}

/// A rule of the checker.
#[derive(Debug, Clone, Copy)]
pub struct Rule {
    /// Stable id named after the legal basis, e.g. `FINSAM-9-7`. Never reused.
    pub id: &'static str,
    /// How serious a hit is. Rules resting on unverified law are capped at
    /// warning by the engine whatever this says.
    pub severity: Severity,
    /// The provision it rests on.
    pub citation: Citation,
    /// One line, lower case, Swedish: what the rule requires.
    pub summary: &'static str,
    /// What the rule does and why it matters, in Swedish.
    pub explanation: &'static str,
    /// The provision's text, quoted or faithfully paraphrased in Swedish.
    pub statute: &'static str,
    /// What it runs on.
    pub applies_to: &'static [Target],
    /// The check itself.
    pub check: fn(&Subject<'_>) -> Vec<Hit>,
}

impl Rule {
    /// The severity findings of this rule get: the rule's own, but never an
    /// error when the law it rests on is unverified.
    pub fn effective_severity(&self) -> Severity {
        if !self.citation.verified && self.severity == Severity::Error {
            Severity::Warning
        } else {
            self.severity
        }
    }

    /// Whether the rule runs on `target`.
    pub fn applies(&self, target: Target) -> bool {
        self.applies_to.contains(&target)
    }
}

/// A check for rules the engine itself reports (suppression problems).
pub fn nothing(_: &Subject<'_>) -> Vec<Hit> {
    Vec::new()
}
