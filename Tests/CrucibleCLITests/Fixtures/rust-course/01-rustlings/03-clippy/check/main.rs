// The crate root: `mod largest;` reads the learner's largest.rs beside it.

mod largest;

fn main() {
    let cases: [(Vec<i32>, i32); 4] = [
        (vec![3, 9, 4], 9),
        (vec![7], 7),
        (vec![-5, -2, -8], -2),
        (vec![1, 1, 0], 1),
    ];
    let mut failures = 0;
    for (values, expected) in &cases {
        let got = largest::largest(values);
        if got != *expected {
            println!("FAIL: largest of {values:?} should be {expected}, got {got}");
            failures += 1;
        }
    }
    if failures == 0 {
        println!("largest: ok");
    }
}
