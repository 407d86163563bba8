// Hidden harness: checks that Samples behaves as a value and copies its
// buffer only when a mutation would otherwise be seen by another copy.
#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

var failures = 0

func expect(_ ok: Bool, _ what: String) {
    if !ok {
        print("FAILED: \(what)")
        failures += 1
    }
}

// Every buffer made after the first Sample's own counts as a copy, however it
// was made: `buffer.copy()`, `Buffer(buffer.items)`, or a new Buffer filled by hand.
var buffersBefore = 0

func expectCopies(_ wanted: Int, _ when: String) {
    let made = Buffer.buffersMade - buffersBefore
    print("copies after \(when): \(made)")
    expect(made == wanted, "after \(when), expected \(wanted) buffer copies, but \(made) were made")
}

// 1. A value nobody shares: appending must never copy.
var a = Samples()
buffersBefore = Buffer.buffersMade
for value in 1...1000 { a.append(value) }
expect(a.count == 1000 && a.sum == 500_500, "a should hold 1...1000")
expectCopies(0, "1000 appends to an unshared value")

// 2. Share it, then change one side: exactly one copy, and only that side changes.
var b = a
expectCopies(0, "var b = a")
b.append(7)
expect(a.count == 1000, "changing b must not change a (a.count is \(a.count))")
expect(b.count == 1001 && b[1000] == 7, "b should have 1001 samples ending in 7")
expectCopies(1, "the first append to b")
b.append(8)
a.append(9)
expectCopies(1, "more appends, now that a and b are both unshared")

// 3. The subscript setter.
var c = b
c[0] = 42
expect(b[0] == 1, "setting c[0] must not change b[0] (b[0] is \(b[0]))")
expect(c[0] == 42, "c[0] should be 42")
expectCopies(2, "c[0] = 42 on a shared value")
c[1] = 43
expectCopies(2, "c[1] = 43 on an unshared value")

// 4. removeAll on a shared value (making a fresh empty buffer is fine too).
var d = c
d.removeAll()
expect(d.count == 0, "d should be empty")
expect(c.count == 1002 && c[0] == 42, "emptying d must not change c")
expect(Buffer.buffersMade - buffersBefore <= 3, "removeAll on a shared value should make at most one copy or one new empty buffer")

if failures == 0 {
    print("samples: ok")
}
exit(failures == 0 ? 0 : 1)
