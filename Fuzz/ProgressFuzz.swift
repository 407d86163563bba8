// libFuzzer entry point for the progress decoder: each input is a progress file's bytes,
// decoded (numbers clamped), checked for numbers outside NumberBounds, summarised, merged,
// reset, and saved and loaded again. Built by scripts/fuzz.
@testable import CrucibleEngine

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzProgressFile(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let broken = NumberFuzzing.progressFile(Array(UnsafeBufferPointer(start: data, count: size)))
    precondition(broken.isEmpty, "\(broken)")
    return 0
}
