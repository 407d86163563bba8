import Testing

@testable import CrucibleEngine

extension LoadingTests {
    @Suite("Front matter")
    struct FrontMatterTests {
        private func split(_ text: String) -> Result<FrontMatter, FrontMatter.Problem> {
            FrontMatter.split(Array(text.utf8), from: 0)
        }

        @Test func splitsYAMLAndBodyByByteOffset() throws {
            let text = "---\nid: a\n---\nBody\n"
            let frontMatter = try split(text).get()
            #expect(Array(Array(text.utf8)[frontMatter.yaml]) == Array("id: a\n".utf8))
            #expect(frontMatter.bodyOffset == 14)
            #expect(frontMatter.bodyLine == 4)
            #expect(frontMatter.yamlLineOffset == 1)
        }

        @Test func acceptsCRLFAndTrailingSpaceOnFences() throws {
            let frontMatter = try split("---  \r\nid: a\r\n--- \r\nBody").get()
            #expect(frontMatter.bodyOffset == 20)
            #expect(frontMatter.bodyLine == 4)
        }

        @Test func reportsMissingFences() {
            #expect(split("id: a\n---\n") == .failure(.missingOpening))
            #expect(split("----\nid: a\n---\n") == .failure(.missingOpening), "four dashes are not a fence")
            #expect(split("---\nid: a\n") == .failure(.missingClosing))
            #expect(split("---") == .failure(.missingClosing))
        }

        @Test func bodyMayBeMissingAtEndOfFile() throws {
            let frontMatter = try split("---\nid: a\n---").get()
            #expect(frontMatter.bodyOffset == 13, "the end of the file")
        }
    }

    @Suite("Text files")
    struct TextFileTests {
        @Test func validUTF8HasNoBadByte() {
            #expect(TextFile.firstInvalidUTF8(Array("plain ascii, long enough for the fast path\nand é, 漢, 🦀".utf8)) == nil)
        }

        @Test func badBytePositionCountsCharactersNotBytes() {
            let bytes = Array("line one\né漢 ".utf8) + [0xFF]
            #expect(TextFile.firstInvalidUTF8(bytes)! == (2, 4))
        }

        @Test(arguments: [[0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82]] as [[UInt8]])
        func rejectsOverlongSurrogateOutOfRangeAndTruncatedSequences(_ sequence: [UInt8]) {
            #expect(TextFile.firstInvalidUTF8(Array("abcdefghij".utf8) + sequence)! == (1, 11))
        }

        @Test func byteOrderMarkIsSkipped() {
            #expect(TextFile.bomLength([0xEF, 0xBB, 0xBF, 0x41]) == 3)
            #expect(TextFile.bomLength([0x41]) == 0)
        }

        @Test func textNormalisesCRLF() {
            #expect(TextFile.text(Array("a\r\nb\r\n".utf8)[...]) == "a\nb\n")
        }
    }

    @Suite("Suggestions and ordering")
    struct SuggestionTests {
        @Test func suggestsOnlyCloseMatches() {
            let keys = ["id", "title", "kind", "hints", "requires", "explanation"]
            #expect(nearest("hnits", in: keys) == "hints", "a swap of neighbours is one edit")
            #expect(nearest("titel", in: keys) == "title")
            #expect(nearest("explenation", in: keys) == "explanation")
            #expect(nearest("requirez", in: keys) == "requires")
            #expect(nearest("colour", in: keys) == nil)
            #expect(nearest("xy", in: keys) == nil)
        }

        @Test func editDistanceCountsAdjacentSwapsOnce() {
            #expect(editDistance(Array("abcd"), Array("acbd")) == 1)
            #expect(editDistance(Array(""), Array("abc")) == 3)
            #expect(editDistance(Array("kitten"), Array("sitting")) == 3)
        }

        @Test func lessonIDSuggestionsTakePrefixesLastPartsAndTypos() {
            let ids = [
                "memory.retain-cycles", "memory.arc-and-deinit", "memory.fix-a-leak", "concurrency.actors",
                "concurrency.atomics-quiz", "concurrency.atomics-publish",
            ]
            #expect(nearestIDs(to: "memory.retain", in: ids).ids == ["memory.retain-cycles"], "the start of an id")
            #expect(nearestIDs(to: "retain-cycles", in: ids).ids == ["memory.retain-cycles"], "the part after the track")
            #expect(nearestIDs(to: "memory.fix-a-laek", in: ids).ids == ["memory.fix-a-leak"], "a typo")
            #expect(nearestIDs(to: "concurency.actors", in: ids).ids == ["concurrency.actors"], "a typo in the track")
            #expect(
                nearestIDs(to: "concurrency.atomics", in: ids).ids == ["concurrency.atomics-quiz", "concurrency.atomics-publish"],
                "every id it starts, in course order")
            #expect(nearestIDs(to: "Memory.Retain", in: ids).ids == ["memory.retain-cycles"], "case does not matter")
            #expect(nearestIDs(to: "threads", in: ids).ids.isEmpty)
            #expect(nearestIDs(to: "", in: ids).ids.isEmpty)
            let limited = nearestIDs(to: "memory.", in: ids, limit: 2)
            #expect(limited.ids == ["memory.retain-cycles", "memory.arc-and-deinit"] && limited.more == 1)
        }

        @Test func numericPrefixesFirstThenNames() {
            #expect(FolderOrder.sorted(["b", "10-x", "2-y", "a", "01-z", "3_w"]) == ["01-z", "2-y", "3_w", "10-x", "a", "b"])
            #expect(FolderOrder.title(fromFolder: "02-memory") == "memory")
            #expect(FolderOrder.title(fromFolder: "2048") == "2048")
            #expect(Identifier.fallback(fromFolder: "03-Memory Safety") == "memory-safety")
        }

        @Test func idRule() {
            #expect(Identifier.isValid("memory.retain-cycles_2"))
            #expect(Identifier.isValid("9lives"))
            #expect(!Identifier.isValid("-lead"))
            #expect(!Identifier.isValid("Upper"))
            #expect(!Identifier.isValid(""))
            #expect(!Identifier.isValid("white space"))
        }
    }

    @Suite("Resource limits")
    struct ResourceLimitsTests {
        @Test func parsesSizesWithBinaryUnits() {
            #expect(ResourceLimits.parseSize("4096") == 4096)
            #expect(ResourceLimits.parseSize("64K") == 64 << 10)
            #expect(ResourceLimits.parseSize("512M") == 512 << 20)
            #expect(ResourceLimits.parseSize("2g") == 2 << 30)
            #expect(ResourceLimits.parseSize("1T") == 1 << 40)
        }

        @Test func rejectsNonSizes() {
            for text in ["", "M", "-1", "1.5G", "12Q", "lots", "99999999999999999999T"] {
                #expect(ResourceLimits.parseSize(text) == nil, "\(text)")
            }
        }
    }
}
