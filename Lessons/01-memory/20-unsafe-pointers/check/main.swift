// Hidden harness: drives the learner's FixedStack with class instances and
// heap strings, checks every result, checks through Mirror that the elements
// live in the stack's own unsafe pointer, and counts freed tokens through weak
// references. The build uses AddressSanitizer, which also looks for leaks
// at exit.
#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

final class Token {
    let id: Int
    init(_ id: Int) { self.id = id }
}

struct Probe {
    weak var token: Token?
}

var failures = 0

func expect(_ ok: Bool, _ what: String) {
    if !ok {
        print("FAILED: \(what)")
        failures += 1
    }
}

/// True when the stack's stored properties include an unsafe pointer whose
/// slots 0 ..< count hold exactly the tokens `ids`, bottom first, and no
/// standard collection that could be doing the work instead. Mirror also
/// shows private stored properties.
func storedInPointer(_ stack: FixedStack<Token>, _ ids: [Int]) -> Bool {
    var slots: UnsafeMutablePointer<Token>?
    for child in Mirror(reflecting: stack).children {
        switch child.value {
        case let pointer as UnsafeMutablePointer<Token>:
            slots = pointer
        case let buffer as UnsafeMutableBufferPointer<Token>:
            slots = buffer.baseAddress
        case is [Token], is [Token?], is ContiguousArray<Token>, is ContiguousArray<Token?>, is ArraySlice<Token>:
            return false
        default:
            continue
        }
    }
    guard let slots, stack.count == ids.count else { return false }
    return ids.indices.allSatisfy { slots[$0].id == ids[$0] }
}

func tokens() -> [Probe] {
    let stack = FixedStack<Token>(capacity: 4)
    var probes: [Probe] = []
    for id in 1...4 {
        let token = Token(id)
        probes.append(Probe(token: token))
        expect(stack.push(token), "push \(id) should succeed")
    }
    expect(!stack.push(Token(99)), "push on a full stack should return false")
    expect(stack.pop()?.id == 4, "the first pop should return token 4")
    expect(stack.pop()?.id == 3, "the second pop should return token 3")
    let five = Token(5)
    probes.append(Probe(token: five))
    expect(stack.push(five), "push 5 should succeed")
    expect(stack.count == 3 && stack.top?.id == 5, "the stack should hold 3 tokens with 5 on top")
    expect(storedInPointer(stack, [1, 2, 5]),
           "FixedStack should keep its elements in the memory its unsafe pointer points to (slots 0 ..< count), not in an Array or another collection")
    return probes
}

let probes = tokens()
let freed = probes.filter { $0.token == nil }.count
print("tokens: freed \(freed) of \(probes.count)")
expect(freed == probes.count, "every token should be freed once popped or once the stack is gone")

func strings() {
    let stack = FixedStack<String>(capacity: 3)
    // Built at run time, and longer than 15 bytes, so each has its own heap buffer.
    let words = (1...3).map { String(repeating: "word \($0) ", count: 8) }
    for word in words {
        expect(stack.push(word), "push \"\(word)\" should succeed")
    }
    expect(stack.pop() == words[2], "pop should return the last string pushed")
    expect(stack.top == words[1], "top should be the second string")
}
strings()

let empty = FixedStack<Token>(capacity: 2)
expect(empty.pop() == nil && empty.top == nil, "an empty stack pops nil")

if failures == 0 {
    print("stack: ok")
}
fflush(stdout) // LeakSanitizer exits without flushing stdio
exit(failures == 0 ? 0 : 1)
