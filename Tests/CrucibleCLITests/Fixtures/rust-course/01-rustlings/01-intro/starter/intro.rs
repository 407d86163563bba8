// intro.rs
//
// This exercise is already correct: build and run it, and read what it prints.
// `println!` is a macro (the `!` says so); `{}` is replaced by the next argument.

fn main() {
    let exercises = 4;
    println!("Hello from Rust!");
    println!("This course has {} exercises.", exercises);
    println!("Each check builds your file with rustc and runs it.");
}
