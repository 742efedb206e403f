//! Code allocation: the next human code of a kind of record.

use crate::domain::ids::CodePrefix;

/// The next free code for `prefix` after sequence number `last` (the last number handed out, or
/// the highest numbered code in the store when none was handed out yet): one more, skipping the
/// codes `is_taken` says are used (imports keep their own codes). Returns the code and its number,
/// which becomes the new `last`.
///
/// # Examples
/// ```
/// use safeground::domain::CodePrefix;
/// use safeground::domain::rules::next_free_code;
/// let taken = ["HA-0008", "HA-0009"];
/// let next = next_free_code(CodePrefix::Land, 7, |c| Ok::<_, ()>(taken.contains(&c)));
/// assert_eq!(next, Ok(("HA-0010".to_owned(), 10)));
/// ```
pub fn next_free_code<E>(
    prefix: CodePrefix,
    last: u64,
    mut is_taken: impl FnMut(&str) -> Result<bool, E>,
) -> Result<(String, u64), E> {
    let mut number = last;
    loop {
        number = number.saturating_add(1);
        let code = prefix.code(number);
        if !is_taken(&code)? || number == u64::MAX {
            return Ok((code, number));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn starts_after_the_last_and_skips_taken_codes() {
        let never = |_: &str| Ok::<_, ()>(false);
        assert_eq!(
            next_free_code(CodePrefix::Activity, 0, never),
            Ok(("AC-0001".to_owned(), 1))
        );
        assert_eq!(
            next_free_code(CodePrefix::HazardReport, 9_999, never),
            Ok(("HR-10000".to_owned(), 10_000))
        );
        let taken = |c: &str| Ok::<_, ()>(c == "HA-0003" || c == "HA-0004");
        assert_eq!(
            next_free_code(CodePrefix::Land, 2, taken),
            Ok(("HA-0005".to_owned(), 5))
        );
        let broken = |_: &str| Err::<bool, _>("disk");
        assert_eq!(next_free_code(CodePrefix::Land, 2, broken), Err("disk"));
    }
}
