import Foundation

// Hidden harness: checks the answers first, then races the learner's
// function against the quadratic original on the same data.

func baselineSharedEmails(customers: [String], subscribers: [String]) -> [String] {
    var shared: [String] = []
    for email in customers where subscribers.contains(email) {
        shared.append(email)
    }
    return shared
}

var failures = 0
func expect(_ got: [String], _ want: [String], _ what: String) {
    if got != want {
        failures += 1
        print("wrong answer for \(what): got \(got.prefix(8)), want \(want.prefix(8))")
    }
}

expect(sharedEmails(customers: [], subscribers: ["a@x"]), [], "no customers")
expect(sharedEmails(customers: ["a@x"], subscribers: []), [], "no subscribers")
expect(sharedEmails(customers: ["c@x", "a@x", "b@x", "a@x", "d@x"], subscribers: ["a@x", "c@x", "z@x"]),
       ["c@x", "a@x", "a@x"], "order and repeats")
expect(sharedEmails(customers: ["e@x", "d@x", "c@x", "b@x", "a@x"], subscribers: ["a@x", "b@x", "c@x", "d@x", "e@x"]),
       ["e@x", "d@x", "c@x", "b@x", "a@x"], "reverse order")

// Realistic sizes: 3,000 customers, 3,000 subscribers, about half shared.
var seed: UInt64 = 0x9E3779B97F4A7C15
func next() -> UInt64 {
    seed ^= seed << 13; seed ^= seed >> 7; seed ^= seed << 17
    return seed
}
let customers = (0..<3_000).map { _ in "user\(next() % 6_000)@example.com" }
let subscribers = (0..<3_000).map { _ in "user\(next() % 6_000)@example.com" }
let want = baselineSharedEmails(customers: customers, subscribers: subscribers)
expect(sharedEmails(customers: customers, subscribers: subscribers), want, "3,000 customers")

if failures > 0 {
    print("shared emails: \(failures) wrong answer(s)")
    exit(1)
}
print("shared emails: answers ok (\(want.count) of \(customers.count) shared)")

// Every run, warm-up included, gets fresh lists of the same size, so a
// function that remembers an earlier answer gains nothing: each answer is
// compared with the original's on the same lists.
var inputs: [(customers: [String], subscribers: [String])] = []
for _ in 0..<6 {
    inputs.append(((0..<3_000).map { _ in "user\(next() % 6_000)@example.com" },
                   (0..<3_000).map { _ in "user\(next() % 6_000)@example.com" }))
}
var baselineAnswers: [[String]] = [], learnerAnswers: [[String]] = []
var baselineRun = 0, learnerRun = 0
race(repetitions: 5,
     baseline: {
         let input = inputs[baselineRun]
         baselineRun += 1
         baselineAnswers.append(baselineSharedEmails(customers: input.customers, subscribers: input.subscribers))
     },
     learner: {
         let input = inputs[learnerRun]
         learnerRun += 1
         learnerAnswers.append(sharedEmails(customers: input.customers, subscribers: input.subscribers))
     })
for run in 0..<inputs.count where learnerAnswers[run] != baselineAnswers[run] {
    print("shared emails: wrong answer on timed run \(run) (new lists each run): got \(learnerAnswers[run].prefix(8)), want \(baselineAnswers[run].prefix(8))")
    print("shared emails: does your function remember an earlier answer? It must work out each call from its own lists.")
    exit(1)
}
print("shared emails: timed runs answered right (\(inputs.count) different pairs of lists)")
