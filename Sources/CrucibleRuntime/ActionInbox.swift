import CrucibleUI
import Foundation

/// Actions posted from checks and watchers on other threads, taken by the run loop.
final class ActionInbox: @unchecked Sendable {
    private let lock = NSLock()
    private var actions: [Action] = []

    func post(_ action: Action) {
        lock.withLock { actions.append(action) }
    }

    func take() -> [Action] {
        lock.withLock {
            defer { actions = [] }
            return actions
        }
    }
}
