import CrucibleEngine

extension ProgressStore {
    /// Prints what happened to the progress file (moved aside, recovered, migrated) to stderr.
    public func printNotices() {
        for notice in takeNotices() { Output.error("crucible: " + notice.message) }
    }
}
