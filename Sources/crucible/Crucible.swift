import ArgumentParser
import CrucibleEngine

@main
struct Crucible: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "A terminal course on memory, concurrency and performance.", version: CrucibleEngine.version)
    func run() throws { print("Crucible") }
}
