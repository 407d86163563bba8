import Foundation

/// Limits a caller can start from when it has no lesson-specific ones.
extension ResourceLimits {
    /// For a learner's compiled program: 10 CPU s, 1 GiB address space, 64 MiB files, 64 processes.
    public static let learnerProgram = ResourceLimits(
        cpuSeconds: 10, memoryBytes: 1 << 30, fileSizeBytes: 64 << 20, processes: 64)

    /// For a compiler or test tool: generous CPU and file size, no address-space cap (compilers
    /// and sanitizers map large regions) and no process cap (toolchains live in root's home,
    /// which the unprivileged uid of a capped step cannot read).
    public static let toolchain = ResourceLimits(cpuSeconds: 300, fileSizeBytes: 1 << 30)

    /// No limits at all.
    public static let none = ResourceLimits()
}
