/// Returns the longest word (the first one on a tie), or "" when there is none.
pub fn longest(words: &[String]) -> String {
    let mut best: &str = "";
    for word in words {
        if word.len() > best.len() {
            best = word;
        }
    }
    best.to_string()
}

/// Returns how many words there are, and the longest one.
pub fn summary(words: Vec<String>) -> (usize, String) {
    let winner = longest(&words);
    (words.len(), winner)
}

/// Returns every word in upper case, and how many words there were.
pub fn shout_all(words: Vec<String>) -> (Vec<String>, usize) {
    let mut loud = Vec::new();
    for word in &words {
        loud.push(word.to_uppercase());
    }
    (loud, words.len())
}
