func pick(_ values: [Int], at index: Int) -> Int {
    values[index]
}

let scores = [3, 5, 8]
print(pick(scores, at: 4))
