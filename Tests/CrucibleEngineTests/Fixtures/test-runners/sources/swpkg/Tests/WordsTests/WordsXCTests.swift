import XCTest

@testable import Words

final class WordsXCTests: XCTestCase {
    func testEmpty() {
        XCTAssertEqual(countWords(""), 0, "an empty text has no words")
    }
}
