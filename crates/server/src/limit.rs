//! A token bucket: `capacity` at once, refilled at `per_second`. Bounds the
//! messages of one connection and the joins of one room (per room, not per
//! address: a whole campus reaches the server through a few NAT addresses).

use std::time::Instant;

#[derive(Debug)]
pub struct TokenBucket {
    capacity: f64,
    per_second: f64,
    tokens: f64,
    last: Instant,
}

impl TokenBucket {
    pub fn new(capacity: u32, per_second: u32, now: Instant) -> TokenBucket {
        TokenBucket::with_rate(capacity, f64::from(per_second), now)
    }

    /// A bucket refilled at a rate below one a second too (e.g. 10 a minute).
    pub fn with_rate(capacity: u32, per_second: f64, now: Instant) -> TokenBucket {
        let capacity = f64::from(capacity);
        TokenBucket { capacity, per_second, tokens: capacity, last: now }
    }

    /// Whether the bucket has refilled by `now`: forgetting it changes nothing.
    pub fn is_full(&self, now: Instant) -> bool {
        let elapsed = now.saturating_duration_since(self.last).as_secs_f64();
        self.tokens + elapsed * self.per_second >= self.capacity
    }

    /// Takes one token if there is one.
    pub fn take(&mut self, now: Instant) -> bool {
        let elapsed = now.saturating_duration_since(self.last).as_secs_f64();
        self.tokens = (self.tokens + elapsed * self.per_second).min(self.capacity);
        self.last = now;
        let available = self.tokens >= 1.0;
        if available {
            self.tokens -= 1.0;
        }
        available
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn a_burst_is_allowed_then_the_rate_refills_it() {
        let start = Instant::now();
        let mut bucket = TokenBucket::new(3, 2, start);
        assert!((0..3).all(|_| bucket.take(start)));
        assert!(!bucket.take(start));
        assert!(bucket.take(start + Duration::from_millis(500)));
        assert!(!bucket.take(start + Duration::from_millis(500)));
        assert!(!bucket.is_full(start + Duration::from_millis(500)));
        assert!(bucket.is_full(start + Duration::from_secs(2)));
        let mut slow = TokenBucket::with_rate(1, 1.0 / 6.0, start);
        assert!(slow.take(start) && !slow.take(start + Duration::from_secs(5)));
        assert!(slow.take(start + Duration::from_secs(7)));
    }
}
