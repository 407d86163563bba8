// `score(_:)`, the score of one game, is provided by the check.

/// Scores every game in its own child task and returns the sum of all games.
/// Each child returns its score, an `Int`, which is Sendable; only the parent
/// task adds them up, so no mutable state is shared.
func totalScore(_ games: [[Int]]) async -> Int {
    await withTaskGroup(of: Int.self) { group in
        for game in games {
            group.addTask {
                score(game)
            }
        }
        var total = 0
        for await points in group {
            total += points
        }
        return total
    }
}
