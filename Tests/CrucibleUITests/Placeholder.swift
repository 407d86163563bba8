import Testing

@Test func placeholder_CrucibleUITests() { #expect(Bool(true)) }
