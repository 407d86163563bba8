/// A user owns their sessions.
final class User {
    let name: String
    var sessions: [Session] = []

    init(name: String) {
        self.name = name
    }
}

/// A session belongs to a user. When it expires, it leaves its user's list.
/// A session may outlive its user; then `user` is nil.
final class Session {
    let id: Int
    var user: User?
    private(set) var expired = false
    /// Called by a timer that may fire after the session is gone.
    private(set) var onExpire: (() -> Void)?

    init(id: Int, user: User) {
        self.id = id
        self.user = user
        user.sessions.append(self)
        onExpire = {
            self.expired = true
            self.user?.sessions.removeAll { $0 === self }
        }
    }
}
