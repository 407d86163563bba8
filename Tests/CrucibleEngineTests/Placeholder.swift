import Testing

@Test func placeholder_CrucibleEngineTests() { #expect(Bool(true)) }
