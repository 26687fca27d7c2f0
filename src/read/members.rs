//! The members of a förbund as a description names them: the agencies
//! under their present names (allmän försäkringskassa → Försäkringskassan,
//! länsarbetsnämnd → Arbetsförmedlingen), kommuner and regions as written
//! (a landsting is a region), each once.

use super::reading::NamedMember;
use crate::spec::MemberKind;

/// A member as a description names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DescribedMember {
    /// The name for the description.
    pub name: String,
    /// The kind.
    pub kind: MemberKind,
    /// How the text wrote it, when that differs from the name.
    pub written: Option<String>,
}

/// The members named in a förbundsordning, as a description names them.
/// Försäkringskassan and Arbetsförmedlingen are one member each, however
/// many ways the text names them.
pub fn described(named: &[NamedMember]) -> Vec<DescribedMember> {
    let mut out: Vec<DescribedMember> = Vec::new();
    for member in named {
        let name = match member.kind {
            MemberKind::Forsakringskassan => "Försäkringskassan".to_string(),
            MemberKind::Arbetsformedlingen => "Arbetsförmedlingen".to_string(),
            MemberKind::Kommun | MemberKind::Region => {
                let lower = member.name.to_lowercase();
                if lower.starts_with("förbund") || lower.contains(" i förbundet") {
                    continue;
                }
                crate::swedish::capitalise(&member.name)
            }
        };
        let duplicate = out.iter().any(|m| {
            m.name.eq_ignore_ascii_case(&name)
                || (m.kind == member.kind
                    && matches!(
                        m.kind,
                        MemberKind::Forsakringskassan | MemberKind::Arbetsformedlingen
                    ))
        });
        if duplicate {
            continue;
        }
        out.push(DescribedMember {
            written: (member.name != name).then(|| member.name.clone()),
            name,
            kind: member.kind,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::reading::names_in;

    #[test]
    fn agencies_under_their_present_names() {
        let named = names_in(
            "Förbundets medlemmar är allmän försäkringskassa, länsarbetsnämnden, Stockholms läns landsting och Haninge kommun.",
        );
        let members = described(&named);
        let names: Vec<&str> = members.iter().map(|m| m.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "Försäkringskassan",
                "Arbetsförmedlingen",
                "Stockholms läns landsting",
                "Haninge kommun"
            ]
        );
        assert_eq!(members[1].written.as_deref(), Some("länsarbetsnämnden"));
        assert_eq!(members[2].kind, MemberKind::Region);
        assert_eq!(members[3].written, None);
    }
}
