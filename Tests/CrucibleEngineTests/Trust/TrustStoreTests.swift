import CrucibleTestSupport
import Foundation
import Testing

@testable import CrucibleEngine

/// The trust file: remembered per real folder, atomic, and a broken file never crashes or vanishes unannounced.
@Suite struct TrustStoreTests {
    private let fingerprint = CourseFingerprint(digest: "sha256:ab", parts: ["steps/x": "sha256:cd"])

    @Test func theFileFollowsTheEnvironment() {
        #expect(TrustStore.defaultFile(environment: ["XDG_CONFIG_HOME": "/c", "HOME": "/h"]).path == "/c/crucible/trust.json")
        #expect(TrustStore.defaultFile(environment: ["XDG_CONFIG_HOME": "rel", "HOME": "/h"]).path == "/h/.config/crucible/trust.json")
        #expect(TrustStore.defaultFile(environment: ["CRUCIBLE_TRUST_FILE": "/t.json", "HOME": "/h"]).path == "/t.json")
    }

    @Test func trustIsRememberedByRealPathAndForgotten() throws {
        let course = try TrustTestCourse()
        defer { course.remove() }
        let store = TrustStore(file: course.trustFile)
        #expect(store.read() == TrustStore.Contents())
        try store.trust(course.folder, title: "T", fingerprint: fingerprint)
        let link = course.root.appendingPathComponent("link")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: course.folder)
        #expect(store.record(for: link)?.fingerprint == fingerprint)
        #expect(store.record(for: URL(fileURLWithPath: course.folder.path + "/./")) != nil)
        #expect(try store.untrust(link).removed)
        #expect(store.record(for: course.folder) == nil)
        #expect(try store.untrust(course.folder).removed == false)
    }

    @Test func aCorruptFileTrustsNothingSaysWhyAndIsSetAsideOnTheNextSave() throws {
        let course = try TrustTestCourse()
        defer { course.remove() }
        try FileManager.default.createDirectory(at: course.trustFile.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("{\"version\": 1, \"courses\": {".utf8).write(to: course.trustFile)
        let store = TrustStore(file: course.trustFile)
        let contents = store.read()
        #expect(contents.records.isEmpty)
        #expect(contents.problem?.contains("not a trust file Crucible can read") == true)
        #expect(contents.problem?.contains(course.trustFile.path) == true)
        let notices = try store.trust(course.folder, title: "T", fingerprint: fingerprint)
        #expect(notices.count == 1)
        #expect(notices.first?.contains("moved to \(course.trustFile.path).corrupt-") == true)
        let aside = try FileManager.default.contentsOfDirectory(atPath: course.trustFile.deletingLastPathComponent().path)
            .filter { $0.hasPrefix("trust.json.corrupt-") }
        #expect(aside.count == 1)
        #expect(store.record(for: course.folder) != nil)
    }

    @Test func aFolderInPlaceOfTheFileIsReportedNotReplaced() throws {
        let course = try TrustTestCourse()
        defer { course.remove() }
        try FileManager.default.createDirectory(at: course.trustFile, withIntermediateDirectories: true)
        let store = TrustStore(file: course.trustFile)
        #expect(store.read().problem?.contains("is a folder") == true)
        #expect(store.record(for: course.folder) == nil)
    }
}
