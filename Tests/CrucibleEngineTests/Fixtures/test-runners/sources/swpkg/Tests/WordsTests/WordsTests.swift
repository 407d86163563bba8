import Testing

@testable import Words

@Test func twoWords() {
    #expect(countWords("a  b") == 2)
}

@Test func oneWord() {
    #expect(countWords("a") == 1)
}
