//! Keys: short keys packed inline into a `u128` while parsing, interned into
//! dense ids in a separate tight pass over each buffer of 16k rows, and a
//! small interner for the few distinct periods and indicators.
//!
//! Interning inside the parse loop is memory-latency bound: measured on a
//! file of 10 million rows, a lookup per row in the growing table cost 1.9 s
//! where a separate tight pass cost 0.35 s. A buffer rather than the whole
//! column keeps the packed keys out of memory.

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
fn unpack(key: u128) -> Vec<u8> {
    let word = key.to_le_bytes();
    let len = usize::from(word.get(15).copied().unwrap_or(0)).min(15);
    word.get(..len).unwrap_or_default().to_vec()
}

/// Packed keys buffered before an interning pass: enough rows to keep the
/// parse loop free of the table, few enough to stay in the L2 cache.
const PENDING: usize = 1 << 14;

/// Entity keys as read: packed inline (long ones through a side table) into
/// a small buffer, which is interned into dense ids in a separate tight pass
/// whenever it fills (see the module's notes), so that no column of
/// packed keys is ever held whole.
#[derive(Debug, Default)]
pub(crate) struct Keys {
    pending: Vec<u128>,
    table: Table,
    ids: Vec<u32>,
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
        self.push_packed(key);
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

    /// Makes room for `rows` more ids, if the allocator grants it.
    pub(crate) fn try_reserve(
        &mut self,
        rows: usize,
    ) -> Result<(), std::collections::TryReserveError> {
        self.ids.try_reserve(rows)
    }

    /// Adds a key already packed by [`pack`] (a short key, 1 to 15 bytes).
    #[inline]
    pub(crate) fn push_packed(&mut self, key: u128) {
        if self.pending.len() >= PENDING {
            self.flush();
        }
        self.pending.push(key);
    }

    /// The interning pass over the buffered keys.
    #[inline(never)]
    fn flush(&mut self) {
        if self.pending.capacity() < PENDING {
            self.pending.reserve_exact(PENDING);
        }
        self.ids.reserve(self.pending.len());
        // In batches, software-pipelined: while batch i is interned, the
        // home slots of batch i + 2 are prefetched and those of batch i + 1
        // (prefetched the round before) are read, with a prefetch of the
        // keys they name. Batch i then finds its slots and keys in the
        // cache: the keys found at home take their id, the others (a
        // collision, a new key) the full probe. A slot read before an
        // insertion (or a growth of the table) is still right when its key
        // matches, as ids never move; when it does not, the probe decides.
        const BATCH: usize = 32;
        let mut slot = [0u32; BATCH];
        let mut next = [0u32; BATCH];
        let batch = |i: usize| {
            let from = i.saturating_mul(BATCH);
            let to = from.saturating_add(BATCH).min(self.pending.len());
            self.pending.get(from..to).unwrap_or_default()
        };
        let batches = self.pending.len().div_ceil(BATCH);
        self.table.read_slots(batch(0), &mut next);
        for i in 0..batches {
            core::mem::swap(&mut slot, &mut next);
            self.table.prefetch_slots(batch(i.saturating_add(2)));
            self.table.read_slots(batch(i.saturating_add(1)), &mut next);
            for (&key, &s) in batch(i).iter().zip(&slot) {
                let row = self.ids.len();
                // Slot 0 (free) names no key: u32::MAX is past them all.
                let found = self.table.keys.get(s.wrapping_sub(1) as usize);
                let id = if found == Some(&key) {
                    s.wrapping_sub(1)
                } else {
                    self.table.id(key, row)
                };
                self.ids.push(id);
            }
        }
        self.pending.clear();
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

    /// Dense ids in order of first appearance, the distinct keys' bytes, and
    /// the row where each first appears.
    pub(crate) fn intern(mut self) -> (Vec<u32>, Vec<Vec<u8>>, Vec<u32>) {
        self.flush();
        let names = self.table.keys.iter().map(|&k| self.bytes(k)).collect();
        (self.ids, names, self.table.firsts)
    }
}

/// Ids for packed keys, by first appearance: open addressing with linear
/// probing over `u32` slots (id + 1, 0 when free) and the keys by id. At a
/// quarter full the slots take as much memory as the keys (16 bytes a key),
/// half of what buckets holding the `u128` keys would at that load.
#[derive(Debug, Default)]
struct Table {
    /// A power of two in length (or empty), at most a quarter full: few keys collide at home, where [`Keys::flush`] looks first.
    slots: Vec<u32>,
    keys: Vec<u128>,
    /// The row where each key first appears.
    firsts: Vec<u32>,
}

/// The home slot of `key` in a table of `mask + 1` slots: the high bits of
/// a folded 128-bit product.
#[inline]
fn home(key: u128, mask: usize) -> usize {
    let x = (key as u64) ^ ((key >> 64) as u64).rotate_left(32);
    let product = u128::from(x).wrapping_mul(u128::from(K));
    let folded = (product as u64) ^ ((product >> 64) as u64);
    (folded >> 32) as usize & mask
}

impl Table {
    /// Asks for the home slots of `keys` to be brought into the cache.
    #[inline]
    fn prefetch_slots(&self, keys: &[u128]) {
        let mask = self.slots.len().wrapping_sub(1);
        for &key in keys {
            if let Some(slot) = self.slots.get(home(key, mask)) {
                super::swar::prefetch(slot);
            }
        }
    }

    /// The home slots of `keys` into `slots`, asking for the keys they name
    /// to be brought into the cache.
    #[inline]
    fn read_slots(&self, keys: &[u128], slots: &mut [u32]) {
        let mask = self.slots.len().wrapping_sub(1);
        for (s, &key) in slots.iter_mut().zip(keys) {
            *s = self.slots.get(home(key, mask)).copied().unwrap_or(0);
            if let Some(k) = self.keys.get(s.wrapping_sub(1) as usize) {
                super::swar::prefetch(k);
            }
        }
    }

    /// The id of `key`, given now (first seen on `row`) if new.
    #[inline]
    fn id(&mut self, key: u128, row: usize) -> u32 {
        let mask = self.slots.len().wrapping_sub(1);
        let mut at = home(key, mask);
        // At most a quarter of the slots are used: the probe ends at a free slot.
        while let Some(&slot) = self.slots.get(at) {
            if slot == 0 {
                break;
            }
            let id = slot.wrapping_sub(1);
            if self.keys.get(id as usize) == Some(&key) {
                return id;
            }
            at = at.wrapping_add(1) & mask;
        }
        self.insert(key, row)
    }

    #[cold]
    fn insert(&mut self, key: u128, row: usize) -> u32 {
        // Ids past u32::MAX - 1 are refused later (more rows than a panel
        // holds); saturate rather than wrap meanwhile.
        let id = u32::try_from(self.keys.len())
            .unwrap_or(u32::MAX)
            .min(u32::MAX.wrapping_sub(1));
        self.keys.push(key);
        // Rows past u32::MAX are refused later (more than a panel holds).
        self.firsts.push(u32::try_from(row).unwrap_or(u32::MAX));
        if self.keys.len().saturating_mul(4) > self.slots.len() {
            self.grow();
        } else {
            self.place(key, id);
        }
        id
    }

    /// Puts `id` in the first free slot from `key`'s home.
    fn place(&mut self, key: u128, id: u32) {
        let mask = self.slots.len().wrapping_sub(1);
        let mut at = home(key, mask);
        while let Some(slot) = self.slots.get_mut(at) {
            if *slot == 0 {
                *slot = id.wrapping_add(1);
                return;
            }
            at = at.wrapping_add(1) & mask;
        }
    }

    /// Doubles the slots (at least 1024) and places every key again.
    fn grow(&mut self) {
        let len = self.slots.len().saturating_mul(2).max(1 << 10);
        self.slots = vec![0; len];
        let keys = core::mem::take(&mut self.keys);
        for (id, &key) in keys.iter().enumerate() {
            self.place(key, u32::try_from(id).unwrap_or(u32::MAX));
        }
        self.keys = keys;
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
    #![allow(
        clippy::unwrap_used,
        clippy::arithmetic_side_effects,
        clippy::cast_possible_truncation
    )]

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

    proptest::proptest! {
        /// The table and its buffered passes give the ids, names and first
        /// rows a hash map gives, across many flushes and table growths.
        #[test]
        fn keys_agree_with_a_hash_map(
            picks in proptest::collection::vec(0usize..3000, 0..40_000),
            long in 0usize..3,
        ) {
            let name = |k: usize| {
                let stem = ["", "a name longer than fifteen bytes ", "E"][long];
                format!("{stem}{k}")
            };
            let mut keys = Keys::default();
            let mut map: std::collections::HashMap<String, u32> = Default::default();
            let (mut want_ids, mut want_names, mut want_firsts) = (Vec::new(), Vec::new(), Vec::new());
            for (row, &k) in picks.iter().enumerate() {
                let text = name(k);
                keys.push(text.as_bytes());
                let next = map.len() as u32;
                let id = *map.entry(text.clone()).or_insert_with(|| {
                    want_names.push(text.into_bytes());
                    want_firsts.push(row as u32);
                    next
                });
                want_ids.push(id);
            }
            let (ids, names, firsts) = keys.intern();
            proptest::prop_assert_eq!(ids, want_ids);
            proptest::prop_assert_eq!(names, want_names);
            proptest::prop_assert_eq!(firsts, want_firsts);
        }
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

    /// The pipelined interning pass gives ids in order of first
    /// appearance, as a `HashMap` gives them, for 100k distinct keys of every
    /// length from 1 to 40 bytes (exactly 8, 15 and 16 among them) pushed
    /// both ways, across flushes of the buffer and growths of the table in
    /// the middle of a batch, with the room reserved first or not.
    #[test]
    fn many_keys_agree_with_a_hash_map() {
        let mut state = 0x0123_4567_89ab_cdef_u64;
        let mut next = || {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            state >> 33
        };
        let name = |k: u64| {
            let len = 1 + (k % 40) as usize;
            let mut s = format!("{k:x}-").repeat(8);
            s.truncate(len);
            s
        };
        for reserve in [false, true] {
            let mut keys = Keys::default();
            if reserve {
                keys.try_reserve(1 << 18).unwrap();
            }
            let mut map: std::collections::HashMap<String, u32> = Default::default();
            let mut want = Vec::new();
            for row in 0..250_000u64 {
                // New keys in runs (growths mid-batch), then repeats.
                let k = if row % 3 == 0 {
                    row
                } else {
                    next() % (row + 1)
                };
                let text = name(k);
                match pack(text.as_bytes()) {
                    Some(packed) if row % 2 == 0 => keys.push_packed(packed),
                    _ => keys.push(text.as_bytes()),
                }
                let n = map.len() as u32;
                want.push(*map.entry(text).or_insert(n));
            }
            let (ids, names, _) = keys.intern();
            assert_eq!(ids, want);
            assert_eq!(names.len(), map.len());
            for (id, bytes) in names.iter().enumerate() {
                let text = String::from_utf8(bytes.clone()).unwrap();
                assert_eq!(map[&text], id as u32);
            }
        }
    }
}
