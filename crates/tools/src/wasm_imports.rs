//! Short import names for a wasm-bindgen build. wasm-bindgen names each
//! function the wasm imports from its JS glue after the Rust item and a
//! hash (`__wbg_addEventListener_f2d27251d333a631`), and writes each name
//! twice: in the wasm's import section and as a key of the glue's import
//! object. Hashes do not compress: renaming them `a`, `b`, … in both files
//! takes about 2.7 KB gzip off the learner's wasm and 1.8 KB off its glue
//! (issue 12, measured).
//!
//! Only names are changed; the order and kind of every import stay, so no
//! index in the wasm moves. The glue must hold each import's name exactly
//! once, as a key (`name:`), and the import module's name exactly once, as
//! the key of that object (`"./x_bg.js": import0`): anything else means
//! wasm-bindgen's output changed shape, and the build stops with what it
//! found rather than guess. Imports from other modules (the split app's
//! chunk loader, `./__wasm_split.js`) keep their names.

const MAGIC: &[u8; 8] = b"\0asm\x01\0\0\0";
const IMPORT_SECTION: u8 = 2;
/// What the import module is called once shortened (the glue's object key).
const MODULE: &str = "a";
/// How wasm-bindgen's glue module ends: `./scamspot_bg.js`.
const GLUE_MODULE_END: &str = "_bg.js";

/// `wasm` with short import names, and `glue` with the same names.
pub fn shorten_imports(wasm: &[u8], glue: &str) -> Result<(Vec<u8>, String), String> {
    if !wasm.starts_with(MAGIC) {
        return Err("not a wasm module (version 1)".into());
    }
    let mut out = MAGIC.to_vec();
    let mut glue = glue.to_string();
    let mut at = MAGIC.len();
    while at < wasm.len() {
        let id = wasm[at];
        let (size, body_at) = read_leb(wasm, at + 1)?;
        let body = wasm.get(body_at..body_at + size).ok_or("a section runs past the end of the module")?;
        let body = if id == IMPORT_SECTION { short_import_section(body, &mut glue)? } else { body.to_vec() };
        out.push(id);
        write_leb(&mut out, body.len());
        out.extend_from_slice(&body);
        at = body_at + size;
    }
    Ok((out, glue))
}

fn short_import_section(body: &[u8], glue: &mut String) -> Result<Vec<u8>, String> {
    let (count, mut at) = read_leb(body, 0)?;
    let mut out = Vec::with_capacity(body.len() / 4);
    write_leb(&mut out, count);
    let mut module_seen: Option<String> = None;
    let mut shortened = 0;
    for _ in 0..count {
        let (module, field_at) = read_name(body, at)?;
        let (field, next) = read_name(body, field_at)?;
        let description_end = skip_description(body, next)?;
        if !module.ends_with(GLUE_MODULE_END) {
            out.extend_from_slice(&body[at..description_end]);
            at = description_end;
            continue;
        }
        match &module_seen {
            None => module_seen = Some(module.to_string()),
            Some(seen) if seen != module => {
                return Err(format!("imports from two glue modules ({seen}, {module}); expected one"));
            }
            Some(_) => {}
        }
        let short = short_name(shortened);
        shortened += 1;
        rename_key(glue, field, &short)?;
        write_name(&mut out, MODULE);
        write_name(&mut out, &short);
        out.extend_from_slice(&body[next..description_end]);
        at = description_end;
    }
    if let Some(module) = module_seen {
        rename_key(glue, &format!("\"{module}\""), MODULE)?;
    }
    Ok(out)
}

/// Replaces the one occurrence of `key` followed by `:` in the glue.
fn rename_key(glue: &mut String, key: &str, short: &str) -> Result<(), String> {
    let is_ident = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '$';
    let found: Vec<usize> = glue
        .match_indices(key)
        .map(|(at, _)| at)
        .filter(|&at| {
            let before = glue[..at].chars().next_back();
            let after = glue[at + key.len()..].chars().next();
            !before.is_some_and(is_ident) && !after.is_some_and(is_ident)
        })
        .collect();
    match found[..] {
        [at] if glue[at + key.len()..].starts_with(':') => {
            glue.replace_range(at..at + key.len(), short);
            Ok(())
        }
        [_] => Err(format!("the glue names {key} once, but not as an object key")),
        _ => Err(format!("the glue names {key} {} times; expected once, as an object key", found.len())),
    }
}

/// `a` … `z`, `A` … `Z`, then `aa`, `ab`, …: letters only, so a name is
/// never a number or holds anything a JS key or a wasm name would mind.
fn short_name(mut index: usize) -> String {
    const LETTERS: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    let mut name = Vec::new();
    loop {
        name.push(LETTERS[index % LETTERS.len()]);
        index /= LETTERS.len();
        if index == 0 {
            break;
        }
        index -= 1;
    }
    name.iter().rev().map(|&letter| char::from(letter)).collect()
}

/// The end of an import's description (what it imports: a function, table,
/// memory, global or tag), which is copied as it is.
fn skip_description(body: &[u8], at: usize) -> Result<usize, String> {
    let kind = *body.get(at).ok_or("an import without a description")?;
    let limits = |at: usize| -> Result<usize, String> {
        let flags = *body.get(at).ok_or("limits cut short")?;
        let (_, at) = read_leb(body, at + 1)?;
        if flags & 1 == 1 {
            Ok(read_leb(body, at)?.1)
        } else {
            Ok(at)
        }
    };
    match kind {
        0x00 => Ok(read_leb(body, at + 1)?.1),
        0x01 => limits(at + 2),
        0x02 => limits(at + 1),
        0x03 => Ok(at + 3),
        0x04 => Ok(read_leb(body, at + 2)?.1),
        other => Err(format!("an import of unknown kind {other:#04x}")),
    }
}

fn read_name(bytes: &[u8], at: usize) -> Result<(&str, usize), String> {
    let (length, at) = read_leb(bytes, at)?;
    let name = bytes.get(at..at + length).ok_or("a name runs past its section")?;
    let name = std::str::from_utf8(name).map_err(|_| "a name that is not UTF-8")?;
    Ok((name, at + length))
}

fn write_name(out: &mut Vec<u8>, name: &str) {
    write_leb(out, name.len());
    out.extend_from_slice(name.as_bytes());
}

/// An unsigned LEB128 number at `at`, and where the next item starts.
fn read_leb(bytes: &[u8], mut at: usize) -> Result<(usize, usize), String> {
    let (mut value, mut shift) = (0usize, 0);
    loop {
        let byte = *bytes.get(at).ok_or("a number runs past the end")?;
        at += 1;
        value |= usize::from(byte & 0x7f).checked_shl(shift).ok_or("a number too large")?;
        if byte & 0x80 == 0 {
            return Ok((value, at));
        }
        shift += 7;
    }
}

fn write_leb(out: &mut Vec<u8>, mut value: usize) {
    loop {
        let byte = (value & 0x7f) as u8;
        value >>= 7;
        if value == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A module importing two functions and a memory (with a maximum) from
    /// `module`, then a custom section that must come through unchanged.
    fn module(module: &str, names: [&str; 3]) -> Vec<u8> {
        let mut imports = Vec::new();
        write_leb(&mut imports, 3);
        for (name, description) in
            names.iter().zip([&[0x00, 0x05][..], &[0x00, 0x81, 0x01], &[0x02, 0x01, 0x11, 0x80, 0x02]])
        {
            write_name(&mut imports, module);
            write_name(&mut imports, name);
            imports.extend_from_slice(description);
        }
        let mut wasm = MAGIC.to_vec();
        wasm.push(IMPORT_SECTION);
        write_leb(&mut wasm, imports.len());
        wasm.extend_from_slice(&imports);
        wasm.extend_from_slice(&[0x00, 0x04, 0x01, b'x', 0xAA, 0xBB]);
        wasm
    }

    const GLUE: &str = "const import0 = {\n    __wbg_log_0123: function(a) { console.log(a); },\n    __wbg_now_4567: function() { return Date.now(); },\n    __wbindgen_memory: function() {},\n};\nreturn { \"./app_bg.js\": import0 };";

    #[test]
    fn names_shrink_in_both_files_and_nothing_else_moves() {
        let wasm = module("./app_bg.js", ["__wbg_log_0123", "__wbg_now_4567", "__wbindgen_memory"]);
        let (short, glue) = shorten_imports(&wasm, GLUE).unwrap();
        assert_eq!(short, module("a", ["a", "b", "c"]));
        assert_eq!(
            glue,
            "const import0 = {\n    a: function(a) { console.log(a); },\n    b: function() { return Date.now(); },\n    c: function() {},\n};\nreturn { a: import0 };"
        );
    }

    #[test]
    fn a_name_the_glue_lacks_or_repeats_stops_the_build() {
        let wasm = module("./app_bg.js", ["__wbg_log_0123", "__wbg_gone_89ab", "__wbindgen_memory"]);
        assert_eq!(
            shorten_imports(&wasm, GLUE).unwrap_err(),
            "the glue names __wbg_gone_89ab 0 times; expected once, as an object key"
        );
        let twice = GLUE.replace("console.log(a)", "__wbg_log_0123(a)");
        let wasm = module("./app_bg.js", ["__wbg_log_0123", "__wbg_now_4567", "__wbindgen_memory"]);
        assert!(shorten_imports(&wasm, &twice).unwrap_err().contains("__wbg_log_0123 2 times"));
    }

    #[test]
    fn a_longer_name_holding_an_import_name_is_not_it() {
        let glue = GLUE.replace("Date.now()", "__wbg_log_0123_more");
        let wasm = module("./app_bg.js", ["__wbg_log_0123", "__wbg_now_4567", "__wbindgen_memory"]);
        assert!(shorten_imports(&wasm, &glue).is_ok());
    }

    #[test]
    fn imports_from_another_module_keep_their_names() {
        let mut wasm = module("./app_bg.js", ["__wbg_log_0123", "__wbg_now_4567", "__wbindgen_memory"]);
        let loader = module("./__wasm_split.js", ["__wasm_split_load_end", "x", "y"]);
        // The loader's three imports after the glue's, in one import section.
        let (glue_section, loader_section) = (section_body(&wasm), section_body(&loader));
        let mut imports = Vec::new();
        write_leb(&mut imports, 6);
        imports.extend_from_slice(&glue_section[1..]);
        imports.extend_from_slice(&loader_section[1..]);
        wasm.truncate(MAGIC.len());
        wasm.push(IMPORT_SECTION);
        write_leb(&mut wasm, imports.len());
        wasm.extend_from_slice(&imports);
        let (short, _) = shorten_imports(&wasm, GLUE).unwrap();
        let short_section = section_body(&short);
        assert!(short_section.ends_with(&loader_section[1..]), "the loader's imports are as they were");
        assert!(short_section[1..].starts_with(&section_body(&module("a", ["a", "b", "c"]))[1..]));
    }

    /// The import section's body of a module built by `module`.
    fn section_body(wasm: &[u8]) -> Vec<u8> {
        let (size, at) = read_leb(wasm, MAGIC.len() + 1).unwrap();
        wasm[at..at + size].to_vec()
    }

    #[test]
    fn not_a_module_is_refused() {
        assert_eq!(shorten_imports(b"<html>", GLUE).unwrap_err(), "not a wasm module (version 1)");
    }

    #[test]
    fn short_names_are_letters_and_distinct() {
        let names: Vec<String> = (0..3000).map(short_name).collect();
        assert_eq!((names[0].as_str(), names[51].as_str(), names[52].as_str()), ("a", "Z", "aa"));
        assert!(names.iter().all(|n| n.bytes().all(|b| b.is_ascii_alphabetic())));
        let mut unique = names.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), names.len());
    }
}
