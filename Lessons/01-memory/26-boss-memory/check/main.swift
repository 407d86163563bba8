// Hidden harness for Session.swift: checks behaviour, and counts freed
// objects through weak references that become nil after deinit.
#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

struct Probe {
    weak var object: AnyObject?
}

var failures = 0

func expect(_ ok: Bool, _ what: String) {
    if !ok {
        print("FAILED: \(what)")
        failures += 1
    }
}

func freedCount(_ probes: [Probe]) -> Int {
    probes.filter { $0.object == nil }.count
}

/// A user with two sessions; one expires; then everything is dropped.
func userWithSessions() -> [Probe] {
    let ada = User(name: "ada")
    let first = Session(id: 1, user: ada)
    let second = Session(id: 2, user: ada)
    expect(ada.sessions.map(\.id) == [1, 2], "ada should have sessions 1 and 2")
    first.onExpire?()
    expect(first.expired, "session 1 should be expired")
    expect(ada.sessions.map(\.id) == [2], "an expired session should leave its user's list")
    expect(second.user === ada, "session 2 should belong to ada")
    return [Probe(object: ada), Probe(object: first), Probe(object: second)]
}

let group = freedCount(userWithSessions())
print("user and sessions: freed \(group) of 3")
expect(group == 3, "a user and its sessions should be freed once dropped")

/// A session that outlives its user.
func sessionOnly() -> (Session, Probe) {
    let bob = User(name: "bob")
    let session = Session(id: 3, user: bob)
    return (session, Probe(object: bob))
}

let (orphan, bob) = sessionOnly()
expect(bob.object == nil, "a session must not keep its user alive")
expect(orphan.user == nil, "a session whose user is gone should have user == nil")
orphan.onExpire?()
expect(orphan.expired, "an orphan session can still expire")
print("orphan session: ok")

/// A timer that keeps the expiry handler after the session is gone.
func timerOnly() -> (() -> Void, [Probe]) {
    let eve = User(name: "eve")
    let session = Session(id: 4, user: eve)
    let timer = session.onExpire ?? {}
    return (timer, [Probe(object: eve), Probe(object: session)])
}

let (timer, gone) = timerOnly()
expect(freedCount(gone) == 2, "a timer holding onExpire must not keep the session or its user alive")
timer() // the session is gone: this must do nothing
print("late timer: ignored")

if failures == 0 {
    print("sessions: ok")
}
exit(failures == 0 ? 0 : 1)
