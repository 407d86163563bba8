fn main() {
    let values = vec![1, 2, 3];
    let mut total = 0;
    for i in 0..values.len() {
        total += values[i];
    }
    println!("{}", total);
}
