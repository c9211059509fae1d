//! A small map from ids (scenario, technique or scam type ids) to what is
//! kept about each, as a list sorted by id: progress and a round's summary
//! hold a few dozen entries at most; a BTreeMap's generic code for each
//! weighed kilobytes of the wasm, and a sorted list iterates, compares and
//! is stored in the same id order.

#[cfg(test)]
use std::collections::BTreeMap;
use std::ops::Index;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keyed<V>(Vec<(String, V)>);

impl<V> Default for Keyed<V> {
    fn default() -> Self {
        Keyed(Vec::new())
    }
}

impl<V> Keyed<V> {
    fn find(&self, key: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|(id, _)| id.as_str().cmp(key))
    }

    pub fn get(&self, key: &str) -> Option<&V> {
        self.find(key).ok().map(|at| &self.0[at].1)
    }

    pub fn contains_key(&self, key: &str) -> bool {
        self.find(key).is_ok()
    }

    /// Sets the value of `key`, returning the one it replaces.
    pub fn insert(&mut self, key: String, value: V) -> Option<V> {
        match self.find(&key) {
            Ok(at) => Some(std::mem::replace(&mut self.0[at].1, value)),
            Err(at) => {
                self.0.insert(at, (key, value));
                None
            }
        }
    }

    pub fn remove(&mut self, key: &str) -> Option<V> {
        self.find(key).ok().map(|at| self.0.remove(at).1)
    }

    /// The value of `key`, made by `make` if there is none yet.
    pub fn get_or_insert_with(&mut self, key: &str, make: impl FnOnce() -> V) -> &mut V {
        let at = match self.find(key) {
            Ok(at) => at,
            Err(at) => {
                self.0.insert(at, (key.to_string(), make()));
                at
            }
        };
        &mut self.0[at].1
    }

    /// Entries in the order of their ids.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &V)> {
        self.0.iter().map(|(key, value)| (key, value))
    }

    pub fn values(&self) -> impl Iterator<Item = &V> {
        self.0.iter().map(|(_, value)| value)
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// `keyed[id]`, with `id` a `&str` or a `&String`, as a map indexes.
impl<V, K: AsRef<str> + ?Sized> Index<&K> for Keyed<V> {
    type Output = V;

    fn index(&self, key: &K) -> &V {
        self.get(key.as_ref()).expect("no entry for this id")
    }
}

/// The same entries as a map has: what tests written against maps compare.
#[cfg(test)]
impl<V: PartialEq> PartialEq<BTreeMap<String, V>> for Keyed<V> {
    fn eq(&self, map: &BTreeMap<String, V>) -> bool {
        self.len() == map.len() && self.iter().zip(map).all(|(a, b)| a == b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_one_value_per_id_in_id_order() {
        let mut keyed = Keyed::default();
        assert_eq!(keyed.insert("b".into(), 2), None);
        assert_eq!(keyed.insert("a".into(), 1), None);
        assert_eq!(keyed.insert("b".into(), 3), Some(2));
        *keyed.get_or_insert_with("c", || 0) += 5;
        *keyed.get_or_insert_with("a", || 0) += 5;
        assert_eq!(keyed, BTreeMap::from([("a".to_string(), 6), ("b".to_string(), 3), ("c".to_string(), 5)]));
        assert_eq!((keyed["b"], keyed.get("d"), keyed.contains_key("c")), (3, None, true));
        assert_eq!((keyed.remove("a"), keyed.remove("a"), keyed.len()), (Some(6), None, 2));
        assert_eq!(keyed.values().copied().collect::<Vec<_>>(), [3, 5]);
    }
}
