import Testing

@Test func placeholder_CrucibleCLITests() { #expect(Bool(true)) }
