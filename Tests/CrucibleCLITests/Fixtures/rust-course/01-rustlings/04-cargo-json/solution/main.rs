// main.rs
//
// Read inventory.json and print how many pieces are in stock, all items together:
//
//     total in stock: 207
//
// `serde_json::Value` holds any JSON: index it with `value["items"]`, and ask for
// the kind you expect with `.as_array()` or `.as_u64()`, which return an Option.

use std::fs;

fn main() {
    let text = fs::read_to_string("inventory.json").expect("inventory.json should be readable");
    let inventory: serde_json::Value = serde_json::from_str(&text).expect("inventory.json should be JSON");
    let items = inventory["items"].as_array().expect("`items` should be a list");

    let total: u64 = items.iter().map(|item| item["quantity"].as_u64().unwrap_or(0)).sum();
    println!("total in stock: {total}");
}
