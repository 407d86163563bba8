// temperature.rs
//
// Make the tests pass. `celsius_to_fahrenheit` multiplies by 9/5 and adds 32;
// `fahrenheit_to_celsius` undoes it.

pub fn celsius_to_fahrenheit(celsius: f64) -> f64 {
    celsius * 9.0 / 5.0 + 32.0
}

pub fn fahrenheit_to_celsius(fahrenheit: f64) -> f64 {
    (fahrenheit - 32.0) * 5.0 / 9.0
}
