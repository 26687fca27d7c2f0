//! The FinsamL 5 § split of money: the state (through Försäkringskassan)
//! one half, the region(s) one quarter, the kommun(er) one quarter; several
//! members of one part share its quarter equally, by population or by stated
//! shares. Amounts are whole kronor and always add up exactly
//! (largest-remainder rounding, ties to the member listed first).

use super::model::{Forbund, MemberKind, ShareSplit};

/// What one member pays of an amount.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemberAmount {
    /// Index of the member in `medlemmar`.
    pub member: usize,
    /// Whole kronor.
    pub amount: u64,
}

/// Splits `total` in proportion to `weights`, in whole units, so that the
/// parts add up to `total` exactly. A zero total weight splits equally.
pub fn apportion(total: u64, weights: &[u64]) -> Vec<u64> {
    if weights.is_empty() {
        return Vec::new();
    }
    let equal = vec![1u64; weights.len()];
    let weights = if weights.iter().all(|w| *w == 0) {
        &equal[..]
    } else {
        weights
    };
    let sum: u128 = weights.iter().map(|w| u128::from(*w)).sum();
    let total128 = u128::from(total);
    let mut parts: Vec<u64> = Vec::with_capacity(weights.len());
    let mut remainders: Vec<(u128, usize)> = Vec::with_capacity(weights.len());
    for (i, w) in weights.iter().enumerate() {
        let exact = total128 * u128::from(*w);
        parts.push((exact / sum) as u64);
        remainders.push((exact % sum, i));
    }
    let assigned: u64 = parts.iter().sum();
    let mut left = total - assigned;
    // Largest remainder first; equal remainders go to the earlier member.
    remainders.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    for (_, i) in remainders {
        if left == 0 {
            break;
        }
        parts[i] += 1;
        left -= 1;
    }
    parts
}

impl Forbund {
    /// The weight of each member of `kind` within its part, by the split
    /// the description chooses (shares in hundredths of a percent).
    fn weights(&self, kind: MemberKind) -> Vec<(usize, u64)> {
        self.members
            .iter()
            .enumerate()
            .filter(|(_, m)| m.kind == kind)
            .map(|(i, m)| {
                let weight = match self.economy.split {
                    ShareSplit::Equal => 1,
                    ShareSplit::Population => m.population_16_64.unwrap_or(0),
                    ShareSplit::Explicit => {
                        (m.share_percent.unwrap_or(0.0) * 100.0).round().max(0.0) as u64
                    }
                };
                (i, weight)
            })
            .collect()
    }

    /// How `total` kronor divide between the members under 5 § FinsamL.
    /// Försäkringskassan carries the state's half (Arbetsförmedlingen's
    /// included), so Arbetsförmedlingen is listed with nothing. If a part has
    /// no member its money is not assigned to anyone; the checker reports
    /// the missing part.
    pub fn split_amount(&self, total: u64) -> Vec<MemberAmount> {
        let parts = apportion(total, &[2, 1, 1]);
        let mut out: Vec<MemberAmount> = Vec::new();
        let groups = [
            (MemberKind::Forsakringskassan, parts[0]),
            (MemberKind::Region, parts[1]),
            (MemberKind::Kommun, parts[2]),
        ];
        for (kind, part) in groups {
            let weighted = self.weights(kind);
            let weights: Vec<u64> = weighted.iter().map(|(_, w)| *w).collect();
            for ((member, _), amount) in weighted.iter().zip(apportion(part, &weights)) {
                out.push(MemberAmount {
                    member: *member,
                    amount,
                });
            }
        }
        for (i, m) in self.members.iter().enumerate() {
            if m.kind == MemberKind::Arbetsformedlingen {
                out.push(MemberAmount {
                    member: i,
                    amount: 0,
                });
            }
        }
        out.sort_by_key(|a| a.member);
        out
    }

    /// What member `index` pays of `total` kronor.
    pub fn member_amount(&self, index: usize, total: u64) -> u64 {
        self.split_amount(total)
            .into_iter()
            .find(|a| a.member == index)
            .map_or(0, |a| a.amount)
    }
}

/// How one part (the kommuner's or the regions' quarter) divides between
/// its members, year by year: the table a tjänsteutlåtande shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartSplit {
    /// Which part.
    pub kind: MemberKind,
    /// The basis of the split.
    pub split: ShareSplit,
    /// One row per member of the part, in the order listed.
    pub rows: Vec<PartRow>,
    /// The sum of the weights (inhabitants, when split by population).
    pub total_weight: u64,
    /// The part's amount per budget year, in the order of `ekonomi.budget`.
    pub totals: Vec<u64>,
}

/// One member's row of a [`PartSplit`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartRow {
    /// Index of the member in `medlemmar`.
    pub member: usize,
    /// Its weight: inhabitants 16–64 years, hundredths of a stated
    /// percent, or 1 for equal shares.
    pub weight: u64,
    /// Its share of the part in hundredths of a percent; the rows add up
    /// to exactly 10 000 (largest remainder).
    pub share_hundredths: u64,
    /// What it pays each budget year, in whole kronor; each year's rows
    /// add up to exactly the part's amount (largest remainder).
    pub amounts: Vec<u64>,
}

impl Forbund {
    /// How the part of members of `kind` divides between them, when more
    /// than one member shares it.
    pub fn part_split(&self, kind: MemberKind) -> Option<PartSplit> {
        let weighted = self.weights(kind);
        if weighted.len() < 2 || !matches!(kind, MemberKind::Kommun | MemberKind::Region) {
            return None;
        }
        let weights: Vec<u64> = weighted.iter().map(|(_, w)| *w).collect();
        let shares = apportion(10_000, &weights);
        let totals: Vec<u64> = self
            .economy
            .budgets
            .iter()
            .map(|b| {
                apportion(b.amount, &[2, 1, 1])[if kind == MemberKind::Region { 1 } else { 2 }]
            })
            .collect();
        let rows = weighted
            .iter()
            .zip(shares)
            .map(|((member, weight), share)| PartRow {
                member: *member,
                weight: *weight,
                share_hundredths: share,
                amounts: self
                    .economy
                    .budgets
                    .iter()
                    .map(|b| self.member_amount(*member, b.amount))
                    .collect(),
            })
            .collect();
        Some(PartSplit {
            kind,
            split: self.economy.split,
            rows,
            total_weight: weights.iter().sum(),
            totals,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn apportion_is_exact_and_deterministic() {
        assert_eq!(apportion(10, &[1, 1, 1]), vec![4, 3, 3]);
        assert_eq!(
            apportion(1_000_001, &[2, 1, 1]),
            vec![500_001, 250_000, 250_000]
        );
        assert_eq!(apportion(100, &[0, 0]), vec![50, 50]);
    }

    #[test]
    fn a_shared_part_splits_exactly_every_year() {
        let text = include_str!("../../samples/norra-uppland.json");
        let f = crate::spec::load("norra-uppland.json", text.as_bytes()).unwrap();
        let split = f.part_split(MemberKind::Kommun).unwrap();
        assert_eq!(split.total_weight, 11_874 + 5_389 + 12_311);
        assert_eq!(
            split.rows.iter().map(|r| r.share_hundredths).sum::<u64>(),
            10_000
        );
        for (year, total) in split.totals.iter().enumerate() {
            let sum: u64 = split.rows.iter().map(|r| r.amounts[year]).sum();
            assert_eq!(sum, *total);
        }
        assert_eq!(split.totals, vec![1_500_000, 1_800_000, 1_800_000]);
        // One region: nothing to split.
        assert!(f.part_split(MemberKind::Region).is_none());
    }

    proptest! {
        #[test]
        fn apportion_adds_up(total in 0u64..10_000_000_000, weights in proptest::collection::vec(0u64..1_000_000, 1..12)) {
            let parts = apportion(total, &weights);
            prop_assert_eq!(parts.iter().sum::<u64>(), total);
            prop_assert_eq!(parts.len(), weights.len());
        }
    }
}
