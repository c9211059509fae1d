//! A small JSON value with its own reader and writer: what the browser
//! build needs to read compiled packs and to keep progress, without
//! serde_json and the generic decoding code serde derives (about 100 KB of
//! the wasm before this module). Decoding into the model is written by hand
//! (`content::decode`, `engine::stored`): one plain function per type.

mod read;
mod write;

pub use read::{read, Document, SyntaxError};

/// A JSON value. Objects keep their members in the order written, so what
/// the app writes comes out in the order its encoder lists.
#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    /// A number as written, read exactly when asked for (a u64 seed has more
    /// digits than an f64 holds).
    Number(String),
    String(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

impl Json {
    /// An object of `members`, in this order.
    pub fn object(members: Vec<(&str, Json)>) -> Json {
        Json::Object(members.into_iter().map(|(key, value)| (key.to_string(), value)).collect())
    }

    /// The member `key` of an object.
    pub fn get(&self, key: &str) -> Option<&Json> {
        self.members()?.iter().find(|(name, _)| name == key).map(|(_, value)| value)
    }

    pub fn members(&self) -> Option<&[(String, Json)]> {
        match self {
            Json::Object(members) => Some(members),
            _ => None,
        }
    }

    pub fn items(&self) -> Option<&[Json]> {
        match self {
            Json::Array(items) => Some(items),
            _ => None,
        }
    }

    /// An array's items, each read by `read`; `None` if it is no array or
    /// any item does not read. A plain loop: `collect()` into an `Option`
    /// brought an iterator adapter for each item type.
    pub fn each<T>(&self, mut read: impl FnMut(&Json) -> Option<T>) -> Option<Vec<T>> {
        let items = self.items()?;
        let mut read_items = Vec::with_capacity(items.len());
        for item in items {
            read_items.push(read(item)?);
        }
        Some(read_items)
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::String(text) => Some(text),
            _ => None,
        }
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Json::Bool(value) => Some(*value),
            _ => None,
        }
    }

    /// A whole number ≥ 0 written without fraction or exponent, as serde_json reads one.
    pub fn as_u64(&self) -> Option<u64> {
        self.number()?.parse().ok()
    }

    /// A whole number written without fraction or exponent.
    pub fn as_i64(&self) -> Option<i64> {
        self.number()?.parse().ok()
    }

    /// Any number. Read by hand: the standard parser brings kilobytes of
    /// tables, and the app reads only whole milliseconds back.
    pub fn as_f64(&self) -> Option<f64> {
        read::float(self.number()?)
    }

    fn number(&self) -> Option<&str> {
        match self {
            Json::Number(text) => Some(text),
            _ => None,
        }
    }

    /// How many values this one holds, itself included: a value's place in
    /// document order (see `Document::offset`).
    pub fn count(&self) -> usize {
        1 + match self {
            Json::Array(items) => items.iter().map(Json::count).sum(),
            Json::Object(members) => members.iter().map(|(_, value)| value.count()).sum(),
            _ => 0,
        }
    }
}

impl From<bool> for Json {
    fn from(value: bool) -> Json {
        Json::Bool(value)
    }
}

impl From<u64> for Json {
    fn from(value: u64) -> Json {
        Json::Number(value.to_string())
    }
}

impl From<u32> for Json {
    fn from(value: u32) -> Json {
        Json::from(u64::from(value))
    }
}

impl From<u8> for Json {
    fn from(value: u8) -> Json {
        Json::from(u64::from(value))
    }
}

impl From<usize> for Json {
    fn from(value: usize) -> Json {
        Json::from(value as u64)
    }
}

impl From<f64> for Json {
    fn from(value: f64) -> Json {
        write::float(value)
    }
}

impl From<&str> for Json {
    fn from(value: &str) -> Json {
        Json::String(value.to_string())
    }
}

impl From<String> for Json {
    fn from(value: String) -> Json {
        Json::String(value)
    }
}

impl<T: Into<Json>> From<Option<T>> for Json {
    fn from(value: Option<T>) -> Json {
        value.map_or(Json::Null, Into::into)
    }
}

#[cfg(test)]
mod tests;
