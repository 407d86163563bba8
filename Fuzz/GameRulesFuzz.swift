// libFuzzer entry point for the game rules: each input is a starting progress (extreme
// numbers included) and a list of learner actions at moving times and time zones, applied
// with GameRules; numbers that start in bounds must stay there. Built by scripts/fuzz.
@testable import CrucibleEngine

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGameRules(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let broken = NumberFuzzing.gameRules(Array(UnsafeBufferPointer(start: data, count: size)))
    precondition(broken.isEmpty, "\(broken)")
    return 0
}
