fn shout(text: String) -> String {
    text.to_uppercase()
}

fn main() {
    let name = String::from("ferris");
    let size = name.len();
    let loud = shout(name);
    println!("{loud} has {size} letters");
    println!("quietly: {name}");
}
