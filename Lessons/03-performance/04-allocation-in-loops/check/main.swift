import Foundation

// Hidden harness: checks every checksum, then counts the heap allocations
// that one call to the learner's function makes.

@_silgen_name("crucible_alloc_calls") func allocationCalls() -> Int

func referenceChecksum(_ record: Record) -> UInt32 {
    var bytes: [UInt8] = []
    encode(record, into: &bytes)
    return fnv1a(bytes)
}

let names = ["ada", "grace", "edsger", "barbara", "ken", "dennis", "margaret", "linus"]
let records = (0..<10_000).map { i in
    Record(id: UInt32(i), name: names[i % names.count] + "-" + String(i % 97),
           scores: (0..<(i % 50)).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ i) })
}
let want = records.map(referenceChecksum)

let before = allocationCalls()
let got = checksums(of: records)
let allocations = allocationCalls() - before

guard got.count == want.count else {
    print("checksums: got \(got.count) checksums for \(records.count) records")
    exit(1)
}
if let bad = got.indices.first(where: { got[$0] != want[$0] }) {
    print("checksums: wrong checksum for record \(bad): got \(got[bad]), want \(want[bad])")
    exit(1)
}
print("checksums: all \(got.count) correct")
print("heap allocations for 10,000 records: \(allocations)")
if allocations > 8 {
    print("too many allocations: at most 8 are needed, whatever the number of records")
    exit(1)
}
print("allocations: ok")
