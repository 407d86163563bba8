fn main() {
    let values = vec![1, 2, 3];
    let index = values.len() + 2;
    println!("{}", values[index]);
}
