//! Outdated names and wordings as the reading stage knows them, so that the
//! checker (AKTUELL-*, SPRAK-SKALL) and `modernize` find the same words:
//! the bodies and laws that have been renamed or replaced, FinsamL's old
//! long title, and "skall". When each changed is in [`crate::read::dated`]
//! and the rules.

use std::sync::LazyLock;

use regex::Regex;

use crate::read::lexicon::pattern;

/// "allmän försäkringskassa", "Försäkringskassan i … län" (before 2005).
pub static FK: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?i:(?-u:\b)(?:den\s+)?allmänn?a?\s+försäkringskass\w*)|(?-u:\b)Försäkringskassan\s+i\s+\p{Lu}\p{L}*\s+län(?-u:\b)",
    )
});

/// "länsarbetsnämnd" (before 2008).
pub static AF: LazyLock<Regex> = LazyLock::new(|| pattern(r"(?i)(?-u:\b)länsarbetsnämnd\w*"));

/// "landsting" in any form (a region since 2019).
pub static REGION: LazyLock<Regex> = LazyLock::new(|| pattern(r"(?i)(?-u:\b)landsting\w*"));

/// "Sveriges Kommuner och Landsting", "SKL" (SKR since 2019).
pub static SKL: LazyLock<Regex> = LazyLock::new(|| {
    pattern(r"(?i:sveriges\s+kommuner\s+och\s+landsting\w*)(?:\s*\(SKL\))?|(?-u:\b)SKL(?-u:\b)")
});

/// "kommunallagen (1991:900)" (replaced by (2017:725) in 2018).
pub static KL: LazyLock<Regex> =
    LazyLock::new(|| pattern(r"(?i)kommunallagen\s*\(\s*1991\s*:\s*900\s*\)"));

/// FinsamL's long title from before 2005, "… mellan allmän försäkringskassa,
/// länsarbetsnämnd, kommun och landsting".
pub static LONG_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?i)rehabiliteringsinsatser\s+mellan\s+(?:den\s+)?(?:allmänn?a?\s+)?försäkringskass\w*\s*,?\s*länsarbetsnämnd\w*\s*,?\s*kommun\w*\s+och\s+landsting\w*",
    )
});

/// "skall" (style: "ska").
pub static SKALL: LazyLock<Regex> = LazyLock::new(|| pattern(r"(?-u:\b)[Ss]kall(?-u:\b)"));
