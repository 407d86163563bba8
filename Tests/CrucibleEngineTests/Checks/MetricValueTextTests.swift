import Testing

@testable import CrucibleEngine

/// One text for a metric's value in its base unit, on charts and in messages.
@Suite struct MetricValueTextTests {
    @Test(arguments: [
        (MetricDimension.time, 0.0123, "12.3 ms"), (.time, 1.5, "1.50 s"), (.time, 0.000_045_6, "45.6 µs"), (.time, 0, "0 s"),
        (.time, 2.5e-8, "25.0 ns"), (.time, 123.4, "123 s"), (.time, 1234.5, "1,235 s"), (.bytes, 50_541_363, "48.2 MiB"),
        (.bytes, 512, "512 bytes"),
        (.rate, 10_050, "10,050 req/s"), (.rate, 1_234_567.4, "1,234,567 req/s"), (.rate, 12.5, "12.5 req/s"),
        (.count, 12, "12 count"), (.count, 0, "0 count"),
    ])
    func text(dimension: MetricDimension, value: Double, expected: String) {
        #expect(dimension.format(value) == expected)
    }
}
