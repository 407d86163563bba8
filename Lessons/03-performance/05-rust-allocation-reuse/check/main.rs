// Hidden harness: checks the checksums against a reference, then counts the
// heap allocations `checksum` makes with a counting global allocator.
// On a failure this prints FAIL lines and exits 0, so that the check shows
// this output (a non-zero exit would show only the exit status); the check
// passes only when the success lines are printed.
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

mod records;

struct Counting;
static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        System.alloc(layout)
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        System.alloc_zeroed(layout)
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        System.dealloc(ptr, layout)
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        System.realloc(ptr, layout, new_size)
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

const LIMIT: usize = 8;

/// The reference: the same normalisation and hash, written plainly.
fn reference(lines: &[&str]) -> u64 {
    let mut sum: u64 = 0;
    for line in lines {
        let f: Vec<&str> = line.split(',').map(|f| f.trim()).collect();
        let record = format!("{}={} {}", f[0], f[1], f[2]);
        let mut hash: u64 = 0xcbf29ce484222325;
        for &b in record.as_bytes() {
            hash ^= b as u64;
            hash = hash.wrapping_mul(0x100000001b3);
        }
        sum = sum.wrapping_add(hash);
    }
    sum
}

fn main() {
    let cases: [&[&str]; 4] = [
        &[],
        &["cpu,93,percent"],
        &[" cpu , 93 , percent ", "mem,41,MiB"],
        &["disk,-7,GiB", "temperature_of_the_rack_inlet,61.5,celsius", "x,,"],
    ];
    for lines in cases {
        let (got, want) = (records::checksum(lines), reference(lines));
        if got != want {
            println!("FAIL: checksum({:?}) = {}, want {}", lines, got, want);
            std::process::exit(0);
        }
    }
    println!("checksum: answers ok");

    let names = ["cpu", "mem", "disk", "net", "temperature_of_the_rack_inlet"];
    let owned: Vec<String> = (0..10_000)
        .map(|i| format!("{} , {} ,{}", names[i % names.len()], i * 37 % 1000, if i % 3 == 0 { "ms" } else { "percent" }))
        .collect();
    let mut ok = true;
    for n in [1_000, 10_000] {
        let lines: Vec<&str> = owned[..n].iter().map(|s| s.as_str()).collect();
        let want = reference(&lines);
        let before = ALLOCATIONS.load(Ordering::Relaxed);
        let got = records::checksum(std::hint::black_box(&lines));
        let allocations = ALLOCATIONS.load(Ordering::Relaxed) - before;
        if got != want {
            println!("FAIL: checksum of {} lines = {}, want {}", n, got, want);
            std::process::exit(0);
        }
        println!(
            "{:>6} lines: {} heap allocations ({:.2} per line)",
            n,
            allocations,
            allocations as f64 / n as f64
        );
        if allocations > LIMIT {
            ok = false;
        }
    }
    if !ok {
        println!(
            "FAIL: too many allocations: the count grows with the number of lines; it must stay at {} or fewer, however many lines there are",
            LIMIT
        );
        println!("make the buffers once, before the loop, and reuse them");
        std::process::exit(0);
    }
    println!("allocations: ok");
}
