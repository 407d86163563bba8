/// The sum of the squares of the even values.
pub fn sum_of_even_squares(values: &[i64]) -> i64 {
    // One lazy chain: no intermediate Vec, compiled to a single loop.
    values.iter().filter(|v| *v % 2 == 0).map(|v| v * v).sum()
}

/// The longest word that starts with `prefix`, or None.
pub fn longest_with_prefix<'a>(words: &[&'a str], prefix: &str) -> Option<&'a str> {
    // rev() + max_by_key keeps the first of equally long words, as the stable sort did.
    words.iter().copied().filter(|w| w.starts_with(prefix)).rev().max_by_key(|w| w.len())
}
