use std::fmt::Write;

/// FNV-1a, a simple 64-bit hash of some bytes.
fn fnv1a(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf29ce484222325;
    for &b in bytes {
        hash ^= b as u64;
        hash = hash.wrapping_mul(0x100000001b3);
    }
    hash
}

/// Each line is "name,value,unit", with spaces allowed around the fields.
/// Normalises every line to "name=value unit" and returns the sum (wrapping)
/// of the hashes of the normalised lines.
pub fn checksum(lines: &[&str]) -> u64 {
    let mut sum: u64 = 0;
    for line in lines {
        let fields: Vec<&str> = line.split(',').map(|f| f.trim()).collect(); // a new Vec per line
        let mut record = String::new(); // a new String per line
        write!(record, "{}={} {}", fields[0], fields[1], fields[2]).unwrap();
        sum = sum.wrapping_add(fnv1a(record.as_bytes()));
    }
    sum
}
