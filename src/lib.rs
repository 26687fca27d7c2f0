//! forbund drafts, checks and compares the founding documents of a Swedish
//! samordningsförbund under lagen (2003:1210) om finansiell samordning av
//! rehabiliteringsinsatser (FinsamL).
//!
//! The pipeline, one module per stage:
//!
//! - [`spec`]: the typed description of a förbund (load, schema, validate);
//! - `document`: the intermediate model every stage speaks;
//! - `compose`: description + templates → documents;
//! - `render`: documents → DOCX, PDF, Markdown, HTML;
//! - [`parse`]: existing documents (DOCX, Markdown, text) → documents, and
//!   a draft description extracted from a förbundsordning;
//! - [`read`]: the one interpretation of a document: `Document → Reading`
//!   (typed facts, each with its place) `→ PartialDescription`;
//! - [`diff`]: two documents → a section-by-section comparison and its
//!   renderings;
//! - [`check`]: rules over a description, a document or a decision package
//!   → findings (text, JSON, SARIF);
//! - [`finding`]: what the user is told about an input, and [`report`] to print it;
//! - [`web`]: the local web page (`forbund serve`), another front end on
//!   the same functions.
//!
//! Only the binary's `cli` module reads or writes files and prints.

pub mod adoption;
pub mod check;
pub mod compose;
pub mod diff;
pub mod document;
pub mod finding;
pub mod modernize;
pub mod parallel;
pub mod parse;
pub mod read;
pub mod render;
pub mod report;
pub mod review;
pub mod spec;
pub mod swedish;
pub mod web;
