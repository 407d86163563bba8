public func countWords(_ text: String) -> Int {
    text.split(separator: " ", omittingEmptySubsequences: false).count
}
