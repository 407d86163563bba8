import Foundation
import Testing

@testable import CrucibleEngine

/// The tool catalog's install hints and the probe's lookups.
@Suite struct ToolCatalogTests {
    @Test func everyCatalogToolSaysHowToInstallItOnBothSystems() {
        for tool in ToolCatalog.builtIn.tools {
            #expect(!tool.debian.isEmpty && !tool.macOS.isEmpty, "\(tool.name)")
        }
        #expect(ToolCatalog.builtIn.info("go").debian.contains("golang-go"))
        #expect(ToolCatalog.builtIn.info("clang").macOS.contains("xcode-select"))
        #expect(ToolCatalog.builtIn.info("frobnicate").debian.contains("frobnicate"))
    }

    @Test func theProbeReportsAMissingToolAsNotFound() async throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let missing = await ToolProbe(cacheFile: folder.appendingPathComponent("versions.json")).status("crucible-no-such-tool")
        #expect(!missing.found && missing.version == nil)
    }

    // Needs swiftc on PATH: its version is what the probe reads and caches.
    @Test(.enabled(if: ToolProbe().locate("swiftc") != nil, "swiftc is not on PATH"))
    func theProbeFindsInstalledToolsAndTheirVersionsAndRemembersThem() async throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let cacheFile = folder.appendingPathComponent("versions.json")
        let swiftc = await ToolProbe(cacheFile: cacheFile).status("swiftc")
        #expect(swiftc.version?.contains("Swift version") == true)
        #expect(FileManager.default.fileExists(atPath: cacheFile.path))
        let again = await ToolProbe(cacheFile: cacheFile).status("swiftc")
        #expect(again == swiftc)
    }

    @Test func requiredToolsAreTheLessonsPlusBareStepPrograms() throws {
        let lesson = try TemporaryLesson(
            starter: ["x": ""], requires: ["clang"],
            steps: [
                CheckStep(name: "a", run: ["clang", "x.c"]), CheckStep(name: "b", run: ["go", "vet"]),
                CheckStep(name: "c", run: ["{scratch}/app"]), CheckStep(name: "d", run: ["/bin/true"]),
            ])
        defer { lesson.remove() }
        #expect(CheckEngine.requiredTools(lesson: lesson.lesson, steps: lesson.lesson.code!.steps) == ["clang", "go"])
    }

    /// `{sanitizer_link}` asks for lld on Linux only (on macOS it adds nothing); a hard-coded lld everywhere.
    @Test(arguments: [
        ["clang", "-fsanitize=thread", "{sanitizer_link}", "x.c"], ["swiftc", "-sanitize=address", "{sanitizer_link}", "x.swift"],
        ["swiftc", "-use-ld=lld", "x.swift"],
    ])
    func linkingWithLLDNeedsLLD(run: [String]) throws {
        let lesson = try TemporaryLesson(starter: ["x": ""], steps: [CheckStep(name: "build", run: run)])
        defer { lesson.remove() }
        let needsLLD = Platform.current == .linux || !run.contains("{sanitizer_link}")
        #expect(
            CheckEngine.requiredTools(lesson: lesson.lesson, steps: lesson.lesson.code!.steps) == [run[0]] + (needsLLD ? ["ld.lld"] : []))
    }
}
