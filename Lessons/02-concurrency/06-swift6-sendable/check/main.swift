// Hidden harness: provides `score`, calls the learner's `totalScore`, checks
// the sum, and checks that games were really scored at the same time.
// On a failure this prints FAIL lines and still exits 0, so the check shows
// this output; the check passes only when every success line is printed.
#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Counts how many `score` calls are running at once. Each call waits (up to
/// a deadline) for another one to overlap it, so two child tasks on two pool
/// threads are seen together however fast scoring is. If the deadline passes
/// once, no later call waits: a sequential version costs one deadline only.
final class Overlap: @unchecked Sendable {  // every field is behind `lock`
    private let lock = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private var running = 0
    private var most = 0
    private var gaveUp = false

    init() { pthread_mutex_init(lock, nil) }

    private func locked<T>(_ body: () -> T) -> T {
        pthread_mutex_lock(lock)
        defer { pthread_mutex_unlock(lock) }
        return body()
    }

    func enter() {
        locked {
            running += 1
            most = max(most, running)
        }
        var waited = 0
        while locked({ most < 2 && !gaveUp }) {
            if waited >= 5_000 {  // 5 s in 1 ms steps
                locked { gaveUp = true }
                break
            }
            usleep(1_000)
            waited += 1
        }
    }

    func leave() { locked { running -= 1 } }

    var mostAtOnce: Int { locked { most } }
}

let overlap = Overlap()

/// The score of one game: the sum of its rounds.
func score(_ rounds: [Int]) -> Int {
    overlap.enter()
    defer { overlap.leave() }
    return rounds.reduce(0, +)
}

// Few, long games: each child task runs long enough that both pool threads work.
let games = (0..<64).map { g in (0..<20_000).map { round in g + round % 7 } }
let expected = games.reduce(0) { $0 + $1.reduce(0, +) }
let total = await totalScore(games)
print("total = \(total)")
if total != expected {
    print("FAIL: expected \(expected)")
    exit(0)
}
if overlap.mostAtOnce >= 2 {
    print("overlap: ok, \(overlap.mostAtOnce) games scored at once")
} else if sysconf(Int32(_SC_NPROCESSORS_ONLN)) < 2 {
    print("overlap: ok (not checked: this machine has one CPU)")
} else {
    print("FAIL: the games were scored one at a time. Score each game in its own child task, so that they run at the same time.")
}
print(await totalScore([]) == 0 ? "empty = 0" : "FAIL: no games must score 0")
