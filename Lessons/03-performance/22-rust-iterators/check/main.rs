// Hidden harness: checks the answers, then counts heap allocations made by
// the learner's functions with a counting global allocator.
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

mod stats;

struct Counting;
static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        System.alloc(layout)
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

fn main() {
    let mut ok = true;
    let cases: [(&[i64], i64); 4] = [(&[], 0), (&[1, 3, 5], 0), (&[1, 2, 3, 4], 20), (&[-2, 7, 10, -3], 104)];
    for (values, want) in cases {
        let got = stats::sum_of_even_squares(values);
        if got != want {
            println!("sum_of_even_squares({:?}) = {}, want {}", values, got, want);
            ok = false;
        }
    }
    let words = ["stack", "heap", "steal", "stacks", "shares", "str", "hello"];
    let prefix_cases = [("st", Some("stacks")), ("sh", Some("shares")), ("he", Some("hello")), ("x", None), ("", Some("stacks"))];
    for (prefix, want) in prefix_cases {
        let got = stats::longest_with_prefix(&words, prefix);
        if got != want {
            println!("longest_with_prefix(_, {:?}) = {:?}, want {:?}", prefix, got, want);
            ok = false;
        }
    }
    let ties = ["abc", "abd", "ab"];
    if stats::longest_with_prefix(&ties, "ab") != Some("abc") {
        println!("longest_with_prefix: of equally long words, return the first");
        ok = false;
    }
    if !ok {
        std::process::exit(1);
    }
    println!("stats: answers ok");

    let values: Vec<i64> = (0..100_000).collect();
    let many: Vec<String> = (0..10_000).map(|i| format!("w{}", i)).collect();
    let refs: Vec<&str> = many.iter().map(|s| s.as_str()).collect();

    let before = ALLOCATIONS.load(Ordering::Relaxed);
    let total = stats::sum_of_even_squares(std::hint::black_box(&values));
    let longest = stats::longest_with_prefix(std::hint::black_box(&refs), "w9");
    let allocations = ALLOCATIONS.load(Ordering::Relaxed) - before;
    println!("result {} {:?}", total, longest);
    println!("heap allocations during the two calls: {}", allocations);
    if allocations > 0 {
        println!("too many allocations: an iterator chain needs none here");
        std::process::exit(1);
    }
    println!("allocations: ok");
}
