func load(_ name: String) -> String {
    guard name.hasSuffix(".txt") else { fatalError("not a text file: \(name)") }
    return name
}
print(load("notes.md"))
