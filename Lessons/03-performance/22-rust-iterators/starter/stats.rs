/// The sum of the squares of the even values.
pub fn sum_of_even_squares(values: &[i64]) -> i64 {
    let evens: Vec<i64> = values.iter().copied().filter(|v| v % 2 == 0).collect();
    let squares: Vec<i64> = evens.iter().map(|v| v * v).collect();
    squares.iter().sum()
}

/// The longest word that starts with `prefix`, or None.
pub fn longest_with_prefix<'a>(words: &[&'a str], prefix: &str) -> Option<&'a str> {
    let matching: Vec<&'a str> = words.iter().copied().filter(|w| w.starts_with(prefix)).collect();
    let mut sorted = matching.clone();
    sorted.sort_by_key(|w| std::cmp::Reverse(w.len()));
    sorted.first().copied()
}
