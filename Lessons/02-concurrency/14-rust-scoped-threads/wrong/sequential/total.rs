/// Wrong: compiles and adds up correctly, but runs every chunk on the
/// calling thread.
pub fn parallel_total<F>(chunks: &[Vec<u64>], f: F) -> u64
where
    F: Fn(&[u64]) -> u64 + Sync,
{
    chunks.iter().map(|chunk| f(chunk)).sum()
}
