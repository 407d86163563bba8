// largest.rs
//
// `largest` returns the largest value of a non-empty list. It has a bug, and
// clippy, Rust's linter, has two things to say about how it is written.

pub fn largest(values: &Vec<i32>) -> i32 {
    let mut best = 0;
    for i in 0..values.len() {
        if values[i] > best {
            best = values[i];
        }
    }
    best
}
