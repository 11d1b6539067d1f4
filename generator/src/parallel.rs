//! The one place the generator spreads work over threads. Each user keeps
//! its output independent of how the work was split.

use std::sync::{Mutex, PoisonError};

/// `items.iter().map(f)`, spread over the machine's cores; see
/// [`parallel_map_owned`].
pub fn parallel_map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    parallel_map_owned(items.iter().collect(), f)
}

/// `items.into_iter().map(f)`, spread over the machine's cores. Workers
/// take the next item as they become free (items differ a lot in size),
/// and the results are put back in input order, so the output does not
/// depend on how the work was split. The calling thread is one of the
/// workers: it saves a thread, and the memory the caller freed before is
/// reused rather than left beside a new thread's heap.
pub fn parallel_map_owned<T: Send, R: Send>(items: Vec<T>, f: impl Fn(T) -> R + Sync) -> Vec<R> {
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(8)
        .min(items.len());
    if workers < 2 {
        return items.into_iter().map(f).collect();
    }
    let queue = Mutex::new(items.into_iter().enumerate());
    let work = || {
        let mut done = Vec::new();
        loop {
            // The lock is only held to take an item, so a panic in `f`
            // cannot poison it; if one did, the queue is still sound.
            let next = queue.lock().unwrap_or_else(PoisonError::into_inner).next();
            let Some((i, item)) = next else {
                return done;
            };
            done.push((i, f(item)));
        }
    };
    let mut indexed: Vec<(usize, R)> = std::thread::scope(|scope| {
        let helpers: Vec<_> = (1..workers).map(|_| scope.spawn(work)).collect();
        let mut all = work();
        for helper in helpers {
            match helper.join() {
                Ok(results) => all.extend(results),
                // A worker can only panic on a bug in the generator; surface it.
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
        all
    });
    indexed.sort_by_key(|(i, _)| *i);
    indexed.into_iter().map(|(_, r)| r).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_keep_the_input_order_whatever_the_item_sizes() {
        let items: Vec<u64> = (0..200).map(|i| (i * 7919) % 113).collect();
        let slow_square = |n: u64| {
            // Uneven work, so the workers finish out of order.
            std::thread::sleep(std::time::Duration::from_micros(n * 3));
            n * n
        };
        let expected: Vec<u64> = items.iter().map(|&n| n * n).collect();
        assert_eq!(parallel_map_owned(items.clone(), slow_square), expected);
        assert_eq!(parallel_map(&items, |&n| slow_square(n)), expected);
        assert!(parallel_map_owned(Vec::<u64>::new(), slow_square).is_empty());
    }
}
