import Testing

@testable import CrucibleEngine

/// Parsing captured tool output: fast, no tools needed.
struct FindingsSanitizerReportTests {
    @Test func clangDataRacePointsAtTheRacingLine() throws {
        let findings = SanitizerReport.parse(stderr: CapturedToolOutput.clangThreadSanitizer, learnerFiles: ["race.c"])
        let finding = try #require(findings.first)
        #expect(findings.count == 1)
        #expect(finding.tool == .threadSanitizer)
        #expect(finding.kind == .dataRace)
        #expect(finding.location == FileLocation(file: "/tmp/fx/race.c", line: 4, column: 65))
        #expect(finding.summary == "ThreadSanitizer: data race at race.c:4:65")
        #expect(finding.report.hasPrefix("WARNING: ThreadSanitizer: data race"))
        #expect(finding.report.hasSuffix("SUMMARY: ThreadSanitizer: data race /tmp/fx/race.c:4:65 in work"))
    }

    @Test func swiftAccessRaceSkipsFramesWithoutALine() throws {
        let finding = try #require(
            SanitizerReport.parse(
                stderr: CapturedToolOutput.swiftThreadSanitizer, learnerFiles: ["race.swift"]
            ).first)
        #expect(finding.kind == .dataRace)
        #expect(finding.detail == "Swift access race")
        #expect(finding.location == FileLocation(file: "/tmp/fx/race.swift", line: 5, column: 78))
    }

    /// Not the allocation site (`let box = Box()`, line 6) that follows the access stacks, which
    /// CI once reported for the fixture's race.
    @Test func accessRaceWithoutALineTakesTheLineOfTheNextReportOnTheSameAddress() throws {
        let findings = SanitizerReport.parse(
            stderr: CapturedToolOutput.swiftAccessRaceWithoutALine, learnerFiles: ["counter.swift"])
        #expect(findings.count == 2)
        for finding in findings {
            #expect(finding.location == FileLocation(file: "/tmp/fx/counter.swift", line: 11, column: 45))
            #expect(finding.summary == "ThreadSanitizer: Swift access race at counter.swift:11:45")
        }
    }

    @Test func aRaceWithNoLineAnywhereInItsAccessesFallsBackToAnyLearnerFrame() throws {
        let onlyTheFirstReport = CapturedToolOutput.swiftAccessRaceWithoutALine.components(
            separatedBy: "SUMMARY:")[0]
        let finding = try #require(
            SanitizerReport.parse(stderr: onlyTheFirstReport, learnerFiles: ["counter.swift"]).first)
        #expect(finding.location?.line == 6)
    }

    @Test func useAfterFreeNamesTheAccess() throws {
        let finding = try #require(
            SanitizerReport.parse(
                stderr: CapturedToolOutput.addressUseAfterFree, learnerFiles: ["uaf.c"]
            ).first)
        #expect(finding.tool == .addressSanitizer)
        #expect(finding.kind == .heapUseAfterFree)
        #expect(finding.summary == "AddressSanitizer: heap-use-after-free (READ of size 4) at uaf.c:6:20")
    }

    @Test func leakReportsBytesAndAllocationSite() throws {
        let finding = try #require(
            SanitizerReport.parse(
                stderr: CapturedToolOutput.leakSanitizer, learnerFiles: ["leak.c"]
            ).first)
        #expect(finding.tool == .leakSanitizer)
        #expect(finding.kind == .memoryLeak)
        #expect(finding.summary == "LeakSanitizer: 64 byte(s) leaked in 1 allocation(s) at leak.c:4:20")
    }

    @Test func goRaceFindsTheGoFrame() throws {
        let finding = try #require(
            SanitizerReport.parse(
                stderr: CapturedToolOutput.goRace, learnerFiles: ["main.go"]
            ).first)
        #expect(finding.tool == .goRaceDetector)
        #expect(finding.kind == .dataRace)
        #expect(finding.location == FileLocation(file: "/tmp/fx/gorace/main.go", line: 15))
        #expect(finding.summary == "Go race detector: data race at main.go:15")
        #expect(finding.report.hasSuffix("=================="))
    }

    @Test func doubleFreeAndOverflowAreRecognised() {
        let stderr = """
            ==14250==ERROR: AddressSanitizer: attempting double-free on 0x7c19543e0010 in thread T0:
                #0 0x55fb855bb6d6 in free /home/build-user/llvm-project/compiler-rt/lib/asan/asan_malloc_linux.cpp:51:3
                #1 0x55fb85601d2e in main /tmp/fx/df.c:5:5
            ==14250==ABORTING
            ==14258==ERROR: AddressSanitizer: heap-buffer-overflow on address 0x7c0fa8fe0020 at pc 0x55907e0d0d56
            WRITE of size 4 at 0x7c0fa8fe0020 thread T0
                #0 0x55907e0d0d55 in main /tmp/fx/hbo.c:4:10
            """
        let findings = SanitizerReport.parse(stderr: stderr, learnerFiles: [])
        #expect(findings.map(\.kind) == [.doubleFree, .heapBufferOverflow])
        #expect(findings.map { $0.location?.description } == ["df.c:5:5", "hbo.c:4:10"])
        #expect(findings[0].report.hasSuffix("==14250==ABORTING"))
    }

    @Test func frameOutsideLearnerFilesIsNotChosen() throws {
        let finding = try #require(
            SanitizerReport.parse(
                stderr: CapturedToolOutput.clangThreadSanitizer, learnerFiles: ["other.c"]
            ).first)
        #expect(finding.location == nil)
        #expect(finding.summary == "ThreadSanitizer: data race")
    }

    @Test func cleanOutputHasNoFindings() {
        #expect(SanitizerReport.parse(stderr: "hello\nWARNING: low disk\n", learnerFiles: ["main.c"]).isEmpty)
    }
}

/// First-error extraction from captured compiler output.
struct FindingsCompilerDiagnosticsTests {
    @Test func swiftc() {
        #expect(
            CompilerDiagnostics.firstError(output: CapturedToolOutput.swiftcError)
                == CompilerError(
                    location: FileLocation(file: "bad.swift", line: 1, column: 14),
                    message: "cannot convert value of type 'String' to specified type 'Int'"))
    }

    @Test func clang() {
        #expect(
            CompilerDiagnostics.firstError(output: CapturedToolOutput.clangError)
                == CompilerError(
                    location: FileLocation(file: "bad.c", line: 3, column: 14), message: "expected ';' at end of declaration"))
    }

    @Test func gcc() {
        #expect(
            CompilerDiagnostics.firstError(output: CapturedToolOutput.gccError)
                == CompilerError(
                    location: FileLocation(file: "bad.c", line: 4, column: 5), message: "expected ‘,’ or ‘;’ before ‘printf’"))
    }

    @Test func rustc() {
        #expect(
            CompilerDiagnostics.firstError(output: CapturedToolOutput.rustcError)
                == CompilerError(
                    location: FileLocation(file: "src/main.rs", line: 4, column: 20),
                    message: "borrow of moved value: `s`", code: "E0382"))
    }

    @Test func go() {
        #expect(
            CompilerDiagnostics.firstError(output: CapturedToolOutput.goError)
                == CompilerError(
                    location: FileLocation(file: "./main.go", line: 4, column: 2), message: "x declared but not used"))
    }

    @Test func warningsAreSkipped() {
        let output = """
            main.c:2:9: warning: unused variable 'y' [-Wunused-variable]
            main.c:5:1: error: use of undeclared identifier 'z'
            """
        #expect(CompilerDiagnostics.firstError(output: output)?.location == FileLocation(file: "main.c", line: 5, column: 1))
    }

    @Test func linkerErrorHasNoLocation() {
        let output = """
            ld.lld: error: undefined symbol: helper
            >>> referenced by main.c
            clang: error: linker command failed with exit code 1 (use -v to see invocation)
            """
        #expect(CompilerDiagnostics.firstError(output: output) == CompilerError(location: nil, message: "undefined symbol: helper"))
    }

    @Test func swiftDriverLineBeforeTheRealErrorIsSkipped() {
        // swiftc without -wmo reports its failed frontend job first; the learner needs the line after.
        let output = """
            error: emit-module command failed with exit code 1 (use -v to see invocation)
            main.swift:10:13: error: type 'Account' does not conform to protocol 'Actor'
            """
        #expect(
            CompilerDiagnostics.firstError(output: output)
                == CompilerError(
                    location: FileLocation(file: "main.swift", line: 10, column: 13),
                    message: "type 'Account' does not conform to protocol 'Actor'"))
    }

    @Test func rustEpilogueAloneIsNotAnError() {
        #expect(CompilerDiagnostics.firstError(output: "error: aborting due to 1 previous error\n") == nil)
        #expect(CompilerDiagnostics.firstError(output: "all good\n") == nil)
    }
}
