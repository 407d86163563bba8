// Divides in whole numbers: 9 / 5 is 1, so most temperatures come out wrong.

pub fn celsius_to_fahrenheit(celsius: f64) -> f64 {
    celsius * (9 / 5) as f64 + 32.0
}

pub fn fahrenheit_to_celsius(fahrenheit: f64) -> f64 {
    (fahrenheit - 32.0) * (5 / 9) as f64
}
