//! Keys: short keys packed inline into a `u128` while parsing, interned into
//! dense ids in a separate tight pass afterwards (`../shared/perf/README.md`
//! §5.2: interning inside the parse loop is memory-latency bound), and a small
//! interner for the few distinct periods and indicators.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A fast non-cryptographic hasher for packed keys (FxHash's multiply, with a
/// folded 128-bit product so the high bits hashbrown uses are mixed too).
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Fold(u64);

const K: u64 = 0x9E37_79B9_7F4A_7C15;

impl Hasher for Fold {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            if let Some(head) = word.get_mut(..chunk.len()) {
                head.copy_from_slice(chunk);
            }
            self.write_u64(u64::from_le_bytes(word));
        }
    }

    fn write_u64(&mut self, n: u64) {
        let product = u128::from(self.0 ^ n).wrapping_mul(u128::from(K));
        self.0 = (product as u64) ^ ((product >> 64) as u64);
    }

    fn write_u128(&mut self, n: u128) {
        self.write_u64(n as u64);
        self.write_u64((n >> 64) as u64);
    }

    fn write_u32(&mut self, n: u32) {
        self.write_u64(u64::from(n));
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// A hash map with the fast hasher.
pub(crate) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<Fold>>;

/// The tag of a long key's packed form: its top byte, above any length.
const LONG: u128 = 0xFF << 120;

/// `bytes` (1 to 15 of them) packed with their length in the top byte, or
/// `None` when longer.
#[inline]
pub(crate) fn pack(bytes: &[u8]) -> Option<u128> {
    let len = bytes.len();
    if len > 15 {
        return None;
    }
    let mut word = [0u8; 16];
    word.get_mut(..len)?.copy_from_slice(bytes);
    if let Some(top) = word.get_mut(15) {
        *top = len as u8;
    }
    Some(u128::from_le_bytes(word))
}

/// The bytes of a packed short key.
pub(crate) fn unpack(key: u128) -> Vec<u8> {
    let word = key.to_le_bytes();
    let len = usize::from(word.get(15).copied().unwrap_or(0)).min(15);
    word.get(..len).unwrap_or_default().to_vec()
}

/// Entity keys as read: packed inline, long ones in a side table.
#[derive(Debug, Default)]
pub(crate) struct Keys {
    pub(crate) packed: Vec<u128>,
    long: Vec<Box<[u8]>>,
    long_index: FastMap<Box<[u8]>, u128>,
}

impl Keys {
    #[inline]
    pub(crate) fn push(&mut self, bytes: &[u8]) {
        let key = match pack(bytes) {
            Some(key) => key,
            None => self.long_key(bytes),
        };
        self.packed.push(key);
    }

    fn long_key(&mut self, bytes: &[u8]) -> u128 {
        if let Some(&key) = self.long_index.get(bytes) {
            return key;
        }
        let key = LONG | self.long.len() as u128;
        self.long.push(bytes.into());
        self.long_index.insert(bytes.into(), key);
        key
    }

    /// Adds a key already packed by [`pack`] (a short key, 1 to 15 bytes).
    #[inline]
    pub(crate) fn push_packed(&mut self, key: u128) {
        self.packed.push(key);
    }

    /// The bytes of a key.
    fn bytes(&self, key: u128) -> Vec<u8> {
        if key & LONG == LONG {
            let index = usize::try_from(key & !LONG).unwrap_or(usize::MAX);
            self.long.get(index).map(|b| b.to_vec()).unwrap_or_default()
        } else {
            unpack(key)
        }
    }

    /// Dense ids in order of first appearance (the separate interning pass),
    /// the distinct keys' bytes, and the row where each first appears.
    pub(crate) fn intern(self) -> (Vec<u32>, Vec<Vec<u8>>, Vec<usize>) {
        let mut map: FastMap<u128, u32> = FastMap::default();
        map.reserve((self.packed.len() >> 3).saturating_add(16));
        let mut ids = Vec::with_capacity(self.packed.len());
        let mut firsts: Vec<usize> = Vec::new();
        let mut keys: Vec<u128> = Vec::new();
        for (row, &key) in self.packed.iter().enumerate() {
            let next = u32::try_from(keys.len()).unwrap_or(u32::MAX);
            let id = *map.entry(key).or_insert_with(|| {
                keys.push(key);
                firsts.push(row);
                next
            });
            ids.push(id);
        }
        let names = keys.iter().map(|&k| self.bytes(k)).collect();
        (ids, names, firsts)
    }
}

/// Interns the few distinct texts of a column (periods, indicators) inside
/// the parse loop: a direct-mapped table of packed keys (one multiply, one
/// compare), then a hash map for what does not fit.
#[derive(Debug)]
pub(crate) struct Small {
    table: Vec<(u128, u32)>,
    map: FastMap<Box<[u8]>, u32>,
}

/// Slots of the direct-mapped table (a power of two).
const SLOTS_LOG2: u32 = 6;

impl Default for Small {
    fn default() -> Self {
        Small {
            // A packed key is never 0: its length byte is at least 1.
            table: vec![(0, 0); 1 << SLOTS_LOG2],
            map: FastMap::default(),
        }
    }
}

#[inline]
fn slot(key: u128) -> usize {
    let folded = (key as u64) ^ ((key >> 64) as u64);
    (folded.wrapping_mul(K) >> (64 - SLOTS_LOG2)) as usize
}

impl Small {
    /// The id given to `bytes`, if seen before.
    #[inline]
    pub(crate) fn get(&self, bytes: &[u8]) -> Option<u32> {
        // An empty key is never stored (it is an error upstream), and it would
        // match an unused slot of the table (found by fuzzing).
        if bytes.is_empty() {
            return None;
        }
        if let Some(key) = pack(bytes) {
            if let Some(&(k, id)) = self.table.get(slot(key)) {
                if k == key {
                    return Some(id);
                }
            }
        }
        if self.map.is_empty() {
            return None;
        }
        self.map.get(bytes).copied()
    }

    /// The id given to a key packed by [`pack`], if it sits in the
    /// direct-mapped table (`None` may still mean "in the map": callers fall
    /// back to [`Small::get`]).
    #[inline]
    pub(crate) fn get_packed(&self, key: u128) -> Option<u32> {
        match self.table.get(slot(key)) {
            // Key 0 is the empty key, which is never stored and would match
            // an unused slot (found by fuzzing).
            Some(&(k, id)) if k == key && key != 0 => Some(id),
            _ => None,
        }
    }

    /// Remembers `bytes` as `id`.
    pub(crate) fn insert(&mut self, bytes: &[u8], id: u32) {
        if let Some(key) = pack(bytes) {
            if let Some(entry) = self.table.get_mut(slot(key)) {
                if entry.0 == 0 {
                    *entry = (key, id);
                    return;
                }
            }
        }
        self.map.insert(bytes.into(), id);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip_and_intern_in_order_of_appearance() {
        let mut keys = Keys::default();
        let long = b"an entity name longer than fifteen bytes";
        for k in [&b"B"[..], b"A", b"B", long, long, b"A"] {
            keys.push(k);
        }
        let (ids, names, firsts) = keys.intern();
        assert_eq!(ids, [0, 1, 0, 2, 2, 1]);
        assert_eq!(names, [b"B".to_vec(), b"A".to_vec(), long.to_vec()]);
        assert_eq!(firsts, [0, 1, 3]);
    }

    #[test]
    fn small_interner_spills_to_the_map() {
        let mut s = Small::default();
        for i in 0..100u32 {
            let text = format!("p{i}");
            assert_eq!(s.get(text.as_bytes()), None);
            s.insert(text.as_bytes(), i);
        }
        for i in 0..100u32 {
            assert_eq!(s.get(format!("p{i}").as_bytes()), Some(i));
        }
    }
}
