// largest.rs
//
// `largest` returns the largest value of a non-empty list. It has a bug, and
// clippy, Rust's linter, has two things to say about how it is written.

pub fn largest(values: &[i32]) -> i32 {
    let mut best = values[0];
    for &value in values {
        if value > best {
            best = value;
        }
    }
    best
}
