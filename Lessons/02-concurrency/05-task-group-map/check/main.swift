// Hidden harness: the first elements take longest, so children finish in
// reverse order; a tracker records how many transforms run at once.
// On a failure this prints FAIL lines and still exits 0, so the check shows
// this output; the check passes only when the final success line is printed.
#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

actor InFlight {
    private var now = 0
    private(set) var most = 0
    func begin() { now += 1; most = max(most, now) }
    func end() { now -= 1 }
}

let tracker = InFlight()
let words = ["zero", "one", "two", "three", "four", "five", "six", "seven"]
let lengths = await parallelMap(Array(words.indices)) { index in
    await tracker.begin()
    try? await Task.sleep(for: .milliseconds(40 * (words.count - index)))
    await tracker.end()
    return words[index].count
}
let most = await tracker.most
let empty = await parallelMap([Int]()) { $0 * 2 }
let doubled = await parallelMap([1, 2, 3]) { $0 * 2 }

print("lengths = \(lengths)")
print("most at once = \(most)")
var ok = true
if lengths != words.map(\.count) {
    print("FAIL: results must be in the order of the input: expected \(words.map(\.count))")
    ok = false
}
if most < 4 {
    print("FAIL: the transforms must run at the same time; at most \(most) ran at once")
    ok = false
}
if !empty.isEmpty || doubled != [2, 4, 6] {
    print("FAIL: parallelMap([]) must be [] and parallelMap([1, 2, 3]) { $0 * 2 } must be [2, 4, 6]")
    ok = false
}
if !ok { exit(0) }
print("in order and concurrent")
