pub fn add(a: i32, b: i32) -> i32 {
    a - b
}

pub fn double(v: &[i32]) -> Vec<i32> {
    v.iter().map(|x| x * 3).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adds_two_numbers() {
        assert_eq!(add(2, 3), 5);
    }

    #[test]
    fn doubles() {
        assert!(double(&[1]) == vec![2], "double(&[1]) should be [2]");
    }

    #[test]
    fn passes() {}
}
