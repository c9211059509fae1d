//! Brotli and gzip copies of the built site's text files, written beside
//! them (`app.wasm.br`, `app.wasm.gz`), so a server that serves precompressed
//! files (the lecture server, nginx's `gzip_static`/`brotli_static`) sends
//! the smallest form without compressing on every request. Brotli is about a
//! fifth smaller than gzip on the wasm, and a lecture hall downloads it
//! hundreds of times over one Wi-Fi.

use std::fs;
use std::io::Write;
use std::path::Path;

/// What is worth compressing: text and wasm, not images already compressed.
const COMPRESSIBLE: [&str; 7] = [".wasm", ".js", ".html", ".json", ".css", ".svg", ".txt"];

/// Writes `NAME.br` and `NAME.gz` for every compressible file in `files`
/// (paths relative to `dir`) where that is smaller than the file itself.
/// Returns how many copies were written.
pub fn precompress(dir: &Path, files: &[String]) -> Result<usize, String> {
    let mut written = 0;
    for file in files.iter().filter(|f| COMPRESSIBLE.iter().any(|ext| f.ends_with(ext))) {
        let path = dir.join(file);
        let bytes = fs::read(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        for (suffix, packed) in [("br", brotli(&bytes)), ("gz", gzip(&bytes))] {
            if packed.len() < bytes.len() {
                let target = dir.join(format!("{file}.{suffix}"));
                fs::write(&target, packed).map_err(|e| format!("cannot write {}: {e}", target.display()))?;
                written += 1;
            }
        }
    }
    Ok(written)
}

fn brotli(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    {
        // Quality 11 and a 4 MiB window: the build pays once, every phone saves.
        let mut writer = brotli::CompressorWriter::new(&mut out, 4096, 11, 22);
        writer.write_all(bytes).expect("writing to memory");
    }
    out
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes).expect("writing to memory");
    encoder.finish().expect("writing to memory")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    #[test]
    fn text_files_get_brotli_and_gzip_copies_that_read_back_the_same() {
        let dir = std::env::temp_dir().join(format!("scamspot-precompress-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        let text = "识骗 ScamSpot: a scenario message, again and again. ".repeat(200);
        fs::write(dir.join("app.js"), &text).unwrap();
        fs::write(dir.join("tiny.json"), "{}").unwrap();
        fs::write(dir.join("photo.png"), &text).unwrap();
        let files = ["app.js", "tiny.json", "photo.png"].map(String::from);

        assert_eq!(precompress(&dir, &files).unwrap(), 2, "only app.js is compressible and gains");
        let mut unbrotli = String::new();
        brotli::Decompressor::new(fs::File::open(dir.join("app.js.br")).unwrap(), 4096)
            .read_to_string(&mut unbrotli)
            .unwrap();
        let mut ungzip = String::new();
        flate2::read::GzDecoder::new(fs::File::open(dir.join("app.js.gz")).unwrap())
            .read_to_string(&mut ungzip)
            .unwrap();
        assert_eq!((unbrotli.as_str(), ungzip.as_str()), (text.as_str(), text.as_str()));
        assert!(!dir.join("tiny.json.br").exists(), "no copy larger than the file");
        assert!(!dir.join("photo.png.br").exists(), "images are left alone");
        fs::remove_dir_all(&dir).unwrap();
    }
}
