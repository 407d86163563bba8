// `score(_:)`, the score of one game, is provided by the check.

/// Scores every game and returns the sum of all games.
/// Wrong: it builds in Swift 6 mode only because nothing runs concurrently.
func totalScore(_ games: [[Int]]) async -> Int {
    games.reduce(0) { $0 + score($1) }
}
