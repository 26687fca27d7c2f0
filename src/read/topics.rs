//! What a § of a förbundsordning is about, recognised from its heading
//! ("11 § ANDELAR I TILLGÅNGAR OCH SKULDER…", "18 § Arkivtillsyn") and,
//! when the heading says nothing known, from its content. Real
//! förbundsordningar word their headings in many ways, so each topic is a
//! set of word stems, not a fixed title.

use serde::Serialize;

use crate::read::lexicon::{contains_folded, fold};

/// A subject a § can deal with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum Topic {
    /// Förbundets namn.
    Namn,
    /// Säte.
    Sate,
    /// Medlemmar.
    Medlemmar,
    /// Ändamål.
    Andamal,
    /// Styrelse.
    Styrelse,
    /// Styrelsens beslut (beslutförhet, majoritet).
    Beslut,
    /// Uppgifter och beslutanderätt.
    Uppgifter,
    /// Personal.
    Personal,
    /// Initiativrätt.
    Initiativ,
    /// Samråd.
    Samrad,
    /// Kungörelser och tillkännagivanden.
    Tillkannagivanden,
    /// Andelar i tillgångar och skulder, kostnadsfördelning.
    Andelar,
    /// Styrning och insyn.
    Styrning,
    /// Budget.
    Budget,
    /// Revisorer och revision.
    Revision,
    /// Mandattid.
    Mandattid,
    /// Utträde.
    Uttrade,
    /// Likvidation och upplösning.
    Likvidation,
    /// Tvister och överklagande.
    Tvister,
    /// Ersättning till ledamöter och revisorer.
    Ersattning,
    /// Arkivtillsyn.
    Arkiv,
    /// Förbundets bildande.
    Bildande,
}

impl Topic {
    /// The topic in Swedish, for messages ("likvidation och upplösning").
    pub fn swedish(self) -> &'static str {
        match self {
            Topic::Namn => "förbundets namn",
            Topic::Sate => "säte",
            Topic::Medlemmar => "medlemmar",
            Topic::Andamal => "ändamål",
            Topic::Styrelse => "styrelsen",
            Topic::Beslut => "styrelsens beslut",
            Topic::Uppgifter => "uppgifter och beslutanderätt",
            Topic::Personal => "personal",
            Topic::Initiativ => "initiativrätt",
            Topic::Samrad => "samråd",
            Topic::Tillkannagivanden => "tillkännagivanden",
            Topic::Andelar => "andelar i tillgångar och skulder och kostnadsfördelning",
            Topic::Styrning => "styrning och insyn",
            Topic::Budget => "budget",
            Topic::Revision => "revisorer och revision",
            Topic::Mandattid => "mandattid",
            Topic::Uttrade => "utträde",
            Topic::Likvidation => "likvidation och upplösning",
            Topic::Tvister => "tvister",
            Topic::Ersattning => "ersättning",
            Topic::Arkiv => "arkivtillsyn",
            Topic::Bildande => "förbundets bildande",
        }
    }
}

/// Heading stems per topic, spelled folded (without å, ä and ö, as
/// [`fold`] spells the heading they are looked for in). A heading may
/// match several topics ("Mandattid och revisorer").
const HEADING_STEMS: &[(Topic, &[&str])] = &[
    (Topic::Namn, &["namn"]),
    (Topic::Sate, &["sate"]),
    (Topic::Andamal, &["andamal", "syfte"]),
    (Topic::Styrelse, &["styrelse"]),
    (
        Topic::Beslut,
        &["beslutfor", "majoritet", "styrelsens beslut"],
    ),
    (Topic::Uppgifter, &["uppgift", "beslutanderatt"]),
    (Topic::Personal, &["personal", "forbundschef"]),
    (Topic::Initiativ, &["initiativ"]),
    (Topic::Samrad, &["samrad"]),
    (
        Topic::Tillkannagivanden,
        &["kungorelse", "tillkannagivande", "anslagstavl"],
    ),
    (
        Topic::Andelar,
        &[
            "andel",
            "tillgangar",
            "kostnadsfordelning",
            "fordelning av kostnad",
        ],
    ),
    (Topic::Styrning, &["styrning", "insyn"]),
    (Topic::Budget, &["budget"]),
    (Topic::Revision, &["revisor", "revision"]),
    (Topic::Mandattid, &["mandattid"]),
    (Topic::Uttrade, &["uttrade", "uppsagning"]),
    (Topic::Likvidation, &["likvidation", "upplosning"]),
    (Topic::Tvister, &["tvist"]),
    (Topic::Ersattning, &["ersattning", "arvode"]),
    (Topic::Arkiv, &["arkiv"]),
    (Topic::Bildande, &["bildande", "ikrafttradande"]),
];

/// Every heading stem, in [`HEADING_STEMS`]' order, and its topic.
static HEADING_TOPICS: std::sync::LazyLock<Vec<Topic>> = std::sync::LazyLock::new(|| {
    HEADING_STEMS
        .iter()
        .flat_map(|(topic, stems)| stems.iter().map(|_| *topic))
        .collect()
});

/// One automaton over every heading stem (all folded ASCII), so a heading
/// is read in one pass rather than once per stem.
static HEADING_MATCHER: std::sync::LazyLock<Option<aho_corasick::AhoCorasick>> =
    std::sync::LazyLock::new(|| {
        aho_corasick::AhoCorasick::new(HEADING_STEMS.iter().flat_map(|(_, stems)| stems.iter()))
            .ok()
    });

/// The topics a heading names, in any spelling (OCR's "FORBUNDETS SATE"
/// names the säte).
pub fn from_heading(heading: &str) -> Vec<Topic> {
    let h = fold(heading);
    let mut topics: Vec<Topic> = match HEADING_MATCHER.as_ref() {
        Some(matcher) => matcher
            .find_overlapping_iter(&h)
            .filter_map(|m| HEADING_TOPICS.get(m.pattern().as_usize()).copied())
            .collect(),
        None => HEADING_STEMS
            .iter()
            .filter(|(_, stems)| stems.iter().any(|s| contains_folded(&h, s)))
            .map(|(t, _)| *t)
            .collect(),
    };
    // "Förbundets medlemmar", but not "Förbundsmedlemmarnas styrning och
    // insyn" or "Ersättning till ledamöter".
    if h.contains("medlem")
        && !topics
            .iter()
            .any(|t| matches!(t, Topic::Styrning | Topic::Samrad | Topic::Ersattning))
    {
        topics.push(Topic::Medlemmar);
    }
    // "Ersättning till ledamöter, ersättare och revisorer" is not about
    // revision, and "Styrelsens beslut" is about decisions.
    if topics.contains(&Topic::Ersattning) {
        topics.retain(|t| *t != Topic::Revision);
    }
    topics.sort();
    topics.dedup();
    topics
}

/// Content stems per topic, spelled folded, for sections whose heading
/// names nothing known.
const CONTENT_STEMS: &[(Topic, &[&str])] = &[
    (Topic::Namn, &["forbundets namn ar"]),
    (Topic::Sate, &["sate"]),
    (
        Topic::Medlemmar,
        &["medlemmar ar", "har foljande medlemmar"],
    ),
    (Topic::Andamal, &["andamal"]),
    (
        Topic::Styrelse,
        &["leds av en styrelse", "styrelsen bestar"],
    ),
    (Topic::Uppgifter, &["mal och riktlinjer"]),
    (Topic::Initiativ, &["vacka arende"]),
    (Topic::Tillkannagivanden, &["anslas", "tillkannages"]),
    (Topic::Andelar, &["tillgangar och skulder"]),
    (Topic::Budget, &["budget"]),
    (Topic::Revision, &["revisor"]),
    (Topic::Uttrade, &["uttrada", "uppsagningstid"]),
    (Topic::Likvidation, &["likvidation"]),
    (Topic::Tvister, &["tvist"]),
    (Topic::Arkiv, &["arkivlagen"]),
    (Topic::Bildande, &["anses bildat", "ar bildat", "bildas"]),
];

/// The topics a text deals with, judged by its words.
pub fn from_content(text: &str) -> Vec<Topic> {
    let t = fold(text);
    CONTENT_STEMS
        .iter()
        .filter(|(_, stems)| stems.iter().any(|s| contains_folded(&t, s)))
        .map(|(t, _)| *t)
        .collect()
}

/// The topic a reference points to, judged by the words just before it
/// ("…ekonomiska mellanhavanden regleras enligt 11 §" → andelar). The cue
/// nearest the reference wins.
pub fn cue_before(text_before: &str) -> Option<Topic> {
    const CUES: &[(&str, Topic)] = &[
        ("likvidation", Topic::Likvidation),
        ("upplös", Topic::Likvidation),
        ("utträ", Topic::Uttrade),
        ("uppsäg", Topic::Uttrade),
        ("mellanhavand", Topic::Andelar),
        ("tillgång", Topic::Andelar),
        ("fördela", Topic::Andelar),
        ("andel", Topic::Andelar),
        ("kostnad", Topic::Andelar),
        ("tvist", Topic::Tvister),
        ("revision", Topic::Revision),
        ("revisor", Topic::Revision),
        ("budget", Topic::Budget),
        ("arkiv", Topic::Arkiv),
        ("tillkännag", Topic::Tillkannagivanden),
        ("anslå", Topic::Tillkannagivanden),
    ];
    let t = text_before.to_lowercase();
    CUES.iter()
        .filter_map(|(stem, topic)| t.rfind(stem).map(|at| (at, *topic)))
        .max_by_key(|(at, _)| *at)
        .map(|(_, topic)| topic)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_real_headings() {
        assert_eq!(
            from_heading("ANDELAR I TILLGÅNGAR OCH SKULDER SAMT FÖRDELNING AV KOSTNADER"),
            vec![Topic::Andelar]
        );
        assert_eq!(
            from_heading("Förbundsmedlemmarnas styrning och insyn"),
            vec![Topic::Styrning]
        );
        assert_eq!(from_heading("Förbundets medlemmar"), vec![Topic::Medlemmar]);
        assert_eq!(
            from_heading("Mandattid och revisorer"),
            vec![Topic::Revision, Topic::Mandattid]
        );
        assert_eq!(
            from_heading("Ersättning till ledamöter, ersättare, revisorer och revisorsersättare"),
            vec![Topic::Ersattning]
        );
        assert_eq!(from_heading("TVISTER OCH ÖVERKLAGAN"), vec![Topic::Tvister]);
    }

    #[test]
    fn nearest_cue_wins() {
        assert_eq!(
            cue_before("Vid utträde upplöses förbundet och "),
            Some(Topic::Likvidation)
        );
        assert_eq!(
            cue_before("när en medlem har utträtt enligt "),
            Some(Topic::Uttrade)
        );
    }
}
