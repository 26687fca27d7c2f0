//! The documents' date when it is not the description's own: the
//! reproducible-build convention `SOURCE_DATE_EPOCH` (seconds since
//! 1970-01-01 UTC). Front ends read the variable and pass its value here,
//! so `forbund generate` and `forbund serve` date documents alike.

use chrono::NaiveDate;

/// Why `SOURCE_DATE_EPOCH` could not be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SourceDateError {
    /// Not a whole number of seconds.
    #[error("SOURCE_DATE_EPOCH={0} är inte ett antal sekunder")]
    NotSeconds(String),
    /// A number no date can have.
    #[error("SOURCE_DATE_EPOCH={0} ligger utanför det möjliga")]
    OutOfRange(String),
}

/// The document date from the value of `SOURCE_DATE_EPOCH`, or `None`
/// when the variable is not set.
pub fn source_date(value: Option<&str>) -> Result<Option<NaiveDate>, SourceDateError> {
    let Some(value) = value else {
        return Ok(None);
    };
    let seconds: i64 = value
        .trim()
        .parse()
        .map_err(|_| SourceDateError::NotSeconds(value.to_string()))?;
    chrono::DateTime::from_timestamp(seconds, 0)
        .map(|d| Some(d.date_naive()))
        .ok_or_else(|| SourceDateError::OutOfRange(value.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_seconds_as_a_utc_date() {
        assert_eq!(
            source_date(Some("1798761600")),
            Ok(NaiveDate::from_ymd_opt(2027, 1, 1))
        );
        assert_eq!(source_date(None), Ok(None));
    }

    #[test]
    fn refuses_what_is_not_seconds() {
        assert_eq!(
            source_date(Some("igår")),
            Err(SourceDateError::NotSeconds("igår".into()))
        );
        assert!(matches!(
            source_date(Some("99999999999999999")),
            Err(SourceDateError::OutOfRange(_))
        ));
    }
}
