//! Data parallelism on the machine's cores for the few bulk jobs that profit from it (parsing a
//! large import). Scoped, named threads; no thread pool and no extra dependency.

/// Splits `items` into one chunk per core (at least `min_chunk` items each) and runs
/// `f(offset, chunk)` on each, in parallel; the results come back in chunk order. A chunk whose
/// thread cannot be started, or fails, is done on the calling thread.
pub(crate) fn map_chunks<T: Sync, R: Send>(
    items: &[T],
    min_chunk: usize,
    f: impl Fn(usize, &[T]) -> R + Sync,
) -> Vec<R> {
    let cores = std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get);
    let chunk = items.len().div_ceil(cores).max(min_chunk).max(1);
    if items.len() <= chunk {
        return vec![f(0, items)];
    }
    std::thread::scope(|scope| {
        let f = &f;
        let running: Vec<_> = items
            .chunks(chunk)
            .enumerate()
            .map(|(i, part)| {
                let offset = i * chunk;
                let handle = std::thread::Builder::new()
                    .name("bulk".to_owned())
                    .spawn_scoped(scope, move || f(offset, part));
                (offset, part, handle)
            })
            .collect();
        running
            .into_iter()
            .map(
                |(offset, part, handle)| match handle.map(std::thread::ScopedJoinHandle::join) {
                    Ok(Ok(result)) => result,
                    _ => f(offset, part),
                },
            )
            .collect()
    })
}

/// Drops `value` on a background thread named "drop", so the caller does not wait while
/// hundreds of thousands of allocations are freed; on this thread when none can be started.
pub(crate) fn drop_later<T: Send + 'static>(value: T) {
    let spawned = std::thread::Builder::new()
        .name("drop".to_owned())
        .spawn(move || drop(value));
    // A thread that cannot start hands its closure back dropped: `value` is freed here then.
    drop(spawned);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_back_in_order_whatever_the_chunking() {
        let items: Vec<u32> = (0..1000).collect();
        for min_chunk in [1, 7, 100, 999, 1000, 5000] {
            let sums = map_chunks(&items, min_chunk, |offset, part| {
                assert_eq!(part[0] as usize, offset);
                part.to_vec()
            });
            assert_eq!(sums.concat(), items, "min_chunk {min_chunk}");
        }
        let empty: Vec<u32> = Vec::new();
        assert_eq!(map_chunks(&empty, 10, |_, p| p.len()), vec![0]);
    }

    #[test]
    fn a_value_dropped_later_is_dropped() {
        struct Tell(std::sync::mpsc::SyncSender<()>);
        impl Drop for Tell {
            fn drop(&mut self) {
                self.0.send(()).unwrap();
            }
        }
        let (tx, rx) = std::sync::mpsc::sync_channel(1);
        drop_later(Tell(tx));
        rx.recv_timeout(std::time::Duration::from_secs(10))
            .expect("dropped on the background thread");
    }
}
