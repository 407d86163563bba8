// Hidden harness for the boss: checks the counts against a reference,
// checks that documents are fetched concurrently, and times the learner's
// countWords against a sequential baseline (crucible-metric lines).
// On a failure this prints FAIL lines and still exits 0, so the check shows
// this output; the check passes only when the final success line is printed.
#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

let vocabulary = ["the", "Dog", "eat", "it's", "WORLD", "a", "cat", "Sat", "on", "mat",
                  "dog-eat-dog", "Swift", "rust", "go", "C", "thread", "task", "race", "lock", "ARC"]
let documentCount = 16
let documents: [String] = (0..<documentCount).map { d in
    (0..<300).map { w in
        let word = vocabulary[(d * 7 + w * w + w / 3) % vocabulary.count]
        return w % 11 == 0 ? word + "," : w % 17 == 0 ? word + ".\n" : word
    }.joined(separator: " ")
}

/// The reference: written independently of the learner's `words(in:)`.
func referenceCounts() -> [String: Int] {
    var counts: [String: Int] = [:]
    for text in documents {
        var word = ""
        for character in text {
            if character.isLetter {
                word += character.lowercased()
            } else if !word.isEmpty {
                counts[word, default: 0] += 1
                word = ""
            }
        }
        if !word.isEmpty { counts[word, default: 0] += 1 }
    }
    return counts
}

actor InFlight {
    private var now = 0
    private(set) var most = 0
    func begin() { now += 1; most = max(most, now) }
    func end() { now -= 1 }
}

/// A fetch that waits 40 ms, like a network request, and records overlap.
func makeLoader(_ tracker: InFlight) -> @Sendable (Int) async -> String {
    { index in
        await tracker.begin()
        try? await Task.sleep(for: .milliseconds(40))
        await tracker.end()
        return documents[index]
    }
}

/// The sequential baseline, the same as the starter.
func sequentialCount(documents: Int, load: @escaping @Sendable (Int) async -> String) async -> [String: Int] {
    var counts: [String: Int] = [:]
    for index in 0..<documents {
        for word in words(in: await load(index)) { counts[word, default: 0] += 1 }
    }
    return counts
}

let expected = referenceCounts()
let tracker = InFlight()
let counts = await countWords(documents: documentCount, load: makeLoader(tracker))
let most = await tracker.most
let empty = await countWords(documents: 0, load: makeLoader(InFlight()))

var ok = true
if counts != expected {
    let wrong = expected.keys.sorted().filter { counts[$0] != expected[$0] }.prefix(3)
    print("FAIL: wrong counts, for example " + wrong.map { "\($0): \(counts[$0] ?? 0) instead of \(expected[$0]!)" }.joined(separator: ", "))
    ok = false
}
if !empty.isEmpty {
    print("FAIL: no documents must give no words")
    ok = false
}
print("documents fetched at once: at most \(most)")
if most < 8 {
    print("FAIL: fetch at least 8 documents at the same time; you fetched at most \(most)")
    ok = false
}
if !ok { exit(0) }
print("counts correct (\(expected.count) distinct words, \(expected.values.reduce(0, +)) in all)")

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}
let clock = ContinuousClock()
for _ in 0..<5 {
    let learner = await clock.measure { _ = await countWords(documents: documentCount, load: makeLoader(InFlight())) }
    let baseline = await clock.measure { _ = await sequentialCount(documents: documentCount, load: makeLoader(InFlight())) }
    print("crucible-metric concurrent \(seconds(learner))")
    print("crucible-metric sequential \(seconds(baseline))")
}
