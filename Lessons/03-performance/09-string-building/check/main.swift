import Foundation

// Hidden harness: checks the CSV text, then counts the bytes the learner's
// function asks the heap for while rendering 4,000 rows.

@_silgen_name("crucible_alloc_bytes") func allocatedBytes() -> Int

func reference(_ rows: [[String]]) -> String {
    var text = ""
    for row in rows {
        text.append(contentsOf: row.joined(separator: ","))
        text.append("\n")
    }
    return text
}

let cases: [[[String]]] = [
    [],
    [[]],
    [["a"]],
    [["a", "b", "c"], ["1", "2", "3"]],
    [["", ""], ["x"], []],
    [["naïve", "café"], ["東京", "🚀"]],
]
for rows in cases where renderCSV(rows) != reference(rows) {
    print("wrong CSV for \(rows): got \(renderCSV(rows).debugDescription), want \(reference(rows).debugDescription)")
    exit(1)
}

let rows = (0..<4_000).map { i in
    ["order-\(i)", "customer-\(i % 317)", String(i * 37 % 1000), "2024-05-\(10 + i % 20)", "shipped"]
}
let want = reference(rows)
let before = allocatedBytes()
let got = renderCSV(rows)
let bytes = allocatedBytes() - before
guard got == want else {
    print("wrong CSV for 4,000 rows")
    exit(1)
}
let size = got.utf8.count
print("csv: answers ok")
print("output: \(size) bytes; allocated while building it: \(bytes) bytes (\(bytes / max(size, 1))x the output)")
if bytes > 8 * size {
    print("too many bytes allocated: a linear build needs at most 8x the output")
    exit(1)
}
print("bytes allocated: ok")
