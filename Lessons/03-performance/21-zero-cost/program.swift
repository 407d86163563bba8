var calls = 0

func square(_ x: Int) -> Int {
    calls += 1
    return x * x
}

let numbers = Array(1...1_000)

let eager = numbers.map(square).first { $0 > 50 }
print("eager:", eager!, "calls:", calls)

calls = 0
let lazy = numbers.lazy.map(square).first { $0 > 50 }
print("lazy:", lazy!, "calls:", calls)
