// The exercise's tests, hidden so that they cannot be edited away. Built with
// `rustc --test`, this file is the crate root and `mod temperature;` reads the
// learner's temperature.rs beside it.

mod temperature;

#[cfg(test)]
mod tests {
    use super::temperature::{celsius_to_fahrenheit, fahrenheit_to_celsius};

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn boiling_point_in_fahrenheit() {
        let f = celsius_to_fahrenheit(100.0);
        assert!(close(f, 212.0), "100 °C should be 212 °F, got {f}");
    }

    #[test]
    fn body_temperature_in_celsius() {
        let c = fahrenheit_to_celsius(98.6);
        assert!(close(c, 37.0), "98.6 °F should be 37 °C, got {c}");
    }

    #[test]
    fn freezing_point_in_fahrenheit() {
        let f = celsius_to_fahrenheit(0.0);
        assert!(close(f, 32.0), "0 °C should be 32 °F, got {f}");
    }
}
