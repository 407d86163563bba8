// Hidden harness: calls the learner's functions and checks their results.
mod words;

fn owned(list: &[&str]) -> Vec<String> {
    list.iter().map(|word| word.to_string()).collect()
}

fn main() {
    let mut failures = 0;
    let (count, winner) = words::summary(owned(&["fig", "banana", "kiwi", "cherry"]));
    if count != 4 || winner != "banana" {
        println!("FAILED: summary gave ({count}, {winner:?}), expected (4, \"banana\")");
        failures += 1;
    }
    let (count, winner) = words::summary(Vec::new());
    if count != 0 || !winner.is_empty() {
        println!("FAILED: summary of no words gave ({count}, {winner:?}), expected (0, \"\")");
        failures += 1;
    }
    let (loud, count) = words::shout_all(owned(&["go", "rust"]));
    if loud != owned(&["GO", "RUST"]) || count != 2 {
        println!("FAILED: shout_all gave ({loud:?}, {count}), expected ([\"GO\", \"RUST\"], 2)");
        failures += 1;
    }
    if failures == 0 {
        println!("words: ok");
    }
    std::process::exit(if failures == 0 { 0 } else { 1 });
}
