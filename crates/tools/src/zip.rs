//! A zip archive written in memory: each file deflated (or stored, when
//! deflating would not make it smaller), UTF-8 names, one fixed timestamp so
//! the same files always give the same bytes. Enough for a SCORM package (an
//! LMS unpacks it with any zip reader); no zip64, so at most 65,535 files and
//! 4 GiB, far beyond a built site.

use flate2::write::DeflateEncoder;
use flate2::{Compression, Crc};
use std::io::Write;

const LOCAL_HEADER: u32 = 0x0403_4b50;
const CENTRAL_HEADER: u32 = 0x0201_4b50;
const END_OF_CENTRAL: u32 = 0x0605_4b50;
/// Version 2.0: deflate, folders.
const VERSION: u16 = 20;
/// General purpose flag bit 11: the name is UTF-8.
const UTF8_NAMES: u16 = 1 << 11;
const STORED: u16 = 0;
const DEFLATED: u16 = 8;
/// 1980-01-01 00:00 in MS-DOS form (the earliest a zip can say).
const DOS_TIME: u16 = 0;
const DOS_DATE: u16 = (1 << 5) | 1;

#[derive(Default)]
pub struct ZipWriter {
    out: Vec<u8>,
    central: Vec<u8>,
    entries: u16,
}

impl ZipWriter {
    pub fn new() -> ZipWriter {
        ZipWriter::default()
    }

    /// Adds a file at `name` (a relative path with `/` separators).
    pub fn add(&mut self, name: &str, bytes: &[u8]) -> Result<(), String> {
        let too_big = || format!("{name}: too big for a zip without zip64");
        let mut crc = Crc::new();
        crc.update(bytes);
        let mut encoder = DeflateEncoder::new(Vec::new(), Compression::best());
        encoder.write_all(bytes).map_err(|e| e.to_string())?;
        let deflated = encoder.finish().map_err(|e| e.to_string())?;
        let (method, data) = if deflated.len() < bytes.len() { (DEFLATED, &deflated[..]) } else { (STORED, bytes) };
        let offset = u32::try_from(self.out.len()).map_err(|_| too_big())?;
        let size = u32::try_from(bytes.len()).map_err(|_| too_big())?;
        let packed = u32::try_from(data.len()).map_err(|_| too_big())?;
        let name_len = u16::try_from(name.len()).map_err(|_| format!("{name}: name too long"))?;
        self.entries = self.entries.checked_add(1).ok_or("more than 65,535 files")?;

        // Fields shared by the local and the central header, from "version needed" to "extra field length".
        let mut common = Vec::with_capacity(26);
        for half in [VERSION, UTF8_NAMES, method, DOS_TIME, DOS_DATE] {
            common.extend(half.to_le_bytes());
        }
        for word in [crc.sum(), packed, size] {
            common.extend(word.to_le_bytes());
        }
        common.extend(name_len.to_le_bytes());
        common.extend(0u16.to_le_bytes());

        self.out.extend(LOCAL_HEADER.to_le_bytes());
        self.out.extend(&common);
        self.out.extend(name.as_bytes());
        self.out.extend(data);

        self.central.extend(CENTRAL_HEADER.to_le_bytes());
        self.central.extend(VERSION.to_le_bytes()); // made by: MS-DOS attributes, version 2.0
        self.central.extend(&common);
        // Comment length, first disk, internal and external attributes.
        self.central.extend([0u8; 10]);
        self.central.extend(offset.to_le_bytes());
        self.central.extend(name.as_bytes());
        Ok(())
    }

    /// The whole archive.
    pub fn finish(mut self) -> Result<Vec<u8>, String> {
        let too_big = || "the archive is too big for a zip without zip64".to_string();
        let offset = u32::try_from(self.out.len()).map_err(|_| too_big())?;
        let size = u32::try_from(self.central.len()).map_err(|_| too_big())?;
        self.out.extend(&self.central);
        self.out.extend(END_OF_CENTRAL.to_le_bytes());
        self.out.extend([0u8; 4]); // this disk, the central directory's disk
        self.out.extend(self.entries.to_le_bytes());
        self.out.extend(self.entries.to_le_bytes());
        self.out.extend(size.to_le_bytes());
        self.out.extend(offset.to_le_bytes());
        self.out.extend(0u16.to_le_bytes()); // comment length
        Ok(self.out)
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use flate2::read::DeflateDecoder;
    use std::io::Read;

    fn u16_at(bytes: &[u8], at: usize) -> u16 {
        u16::from_le_bytes([bytes[at], bytes[at + 1]])
    }

    fn u32_at(bytes: &[u8], at: usize) -> u32 {
        u32::from_le_bytes(bytes[at..at + 4].try_into().unwrap())
    }

    /// Reads every file back through the central directory, as an unzipper does.
    pub(crate) fn unzip(zip: &[u8]) -> Vec<(String, Vec<u8>)> {
        let end = zip.len() - 22;
        assert_eq!(u32_at(zip, end), END_OF_CENTRAL);
        let count = u16_at(zip, end + 10) as usize;
        let mut at = u32_at(zip, end + 16) as usize;
        let mut files = Vec::new();
        for _ in 0..count {
            assert_eq!(u32_at(zip, at), CENTRAL_HEADER);
            let (method, crc, packed) = (u16_at(zip, at + 10), u32_at(zip, at + 16), u32_at(zip, at + 20) as usize);
            let name_len = u16_at(zip, at + 28) as usize;
            let name = String::from_utf8(zip[at + 46..at + 46 + name_len].to_vec()).unwrap();
            let local = u32_at(zip, at + 42) as usize;
            assert_eq!(u32_at(zip, local), LOCAL_HEADER);
            let start = local + 30 + u16_at(zip, local + 26) as usize + u16_at(zip, local + 28) as usize;
            let data = &zip[start..start + packed];
            let bytes = match method {
                STORED => data.to_vec(),
                DEFLATED => {
                    let mut out = Vec::new();
                    DeflateDecoder::new(data).read_to_end(&mut out).unwrap();
                    out
                }
                other => panic!("method {other}"),
            };
            let mut check = Crc::new();
            check.update(&bytes);
            assert_eq!(check.sum(), crc, "{name}");
            files.push((name, bytes));
            at += 46 + name_len;
        }
        files
    }

    #[test]
    fn files_come_back_as_they_went_in_deflated_or_stored() {
        let text = "反诈 ScamSpot ".repeat(200).into_bytes();
        let mut zip = ZipWriter::new();
        zip.add("packs/长文.json", &text).unwrap();
        zip.add("a", b"x").unwrap();
        zip.add("empty", b"").unwrap();
        let bytes = zip.finish().unwrap();
        assert!(bytes.len() < text.len(), "the repeated text is deflated");
        let files = unzip(&bytes);
        let expected =
            [("packs/长文.json".to_string(), text), ("a".into(), b"x".to_vec()), ("empty".into(), Vec::new())];
        assert_eq!(files, expected);
    }

    #[test]
    fn the_same_files_give_the_same_bytes() {
        let make = || {
            let mut zip = ZipWriter::new();
            zip.add("index.json", b"{\"a\": 1}").unwrap();
            zip.finish().unwrap()
        };
        assert_eq!(make(), make());
    }
}
