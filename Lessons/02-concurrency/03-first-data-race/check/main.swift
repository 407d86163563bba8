// Hidden harness: many threads share one of the learner's Counters.
// On a failure this prints FAIL lines and still exits 0, so the check shows
// this output; the check passes only when the final success line is printed.
import Foundation

let threads = 4
let perThread = 50_000
let counter = Counter()
let ready = DispatchGroup()
let start = DispatchSemaphore(value: 0)
let finished = DispatchGroup()
for _ in 0..<threads {
    ready.enter()
    finished.enter()
    Thread {
        ready.leave()
        start.wait()  // every thread starts counting at the same moment
        for batch in 0..<100 {
            for _ in 0..<(perThread / 100) {
                counter.increment()
            }
            if batch % 2 == 0 { usleep(200) }  // keep the threads interleaved over time
        }
        finished.leave()
    }.start()
}
ready.wait()
for _ in 0..<threads { start.signal() }
finished.wait()

let total = counter.current
print("count = \(total)")
if total != threads * perThread {
    print("FAIL: expected \(threads * perThread); \(threads * perThread - total) increments were lost")
    exit(0)
}
