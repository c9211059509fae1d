//! The site's scripts as served: minified by terser (npm, installed by
//! scripts/setup.sh). Every learner downloads the app's JS glue, the wasm
//! chunks' loader and the inlined start-up script before the first scenario
//! message; minified, they are about 2.4 KB gzip smaller (README, "Eighth
//! round"), and they parse sooner.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

/// How a script is loaded, which decides what terser may rename.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ScriptKind {
    /// An ES module (wasm-bindgen's glue, the chunks' loader): its own
    /// top-level names are private, its imports and exports keep theirs.
    Module,
    /// A classic inline script: its top level is the page's, so it keeps
    /// its global names.
    Classic,
}

/// `script` minified: comments and whitespace gone, local names shortened.
/// Output stays in the syntax the script was written in (terser adds no
/// newer syntax), and `</script` is escaped for inlining.
pub fn minified(script: &str, kind: ScriptKind) -> Result<String, String> {
    let mut terser = terser();
    terser.args(["--compress", "--mangle"]);
    if kind == ScriptKind::Module {
        terser.arg("--module");
    }
    let mut child = terser
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run terser ({e}): scripts/setup.sh installs it into .tools"))?;
    // Written from another thread: terser starts writing before it has read everything.
    let mut input = child.stdin.take().ok_or("terser's input is closed")?;
    let script = script.to_string();
    let writer = std::thread::spawn(move || input.write_all(script.as_bytes()));
    let output = child.wait_with_output().map_err(|e| format!("terser: {e}"))?;
    writer.join().map_err(|_| "writing to terser panicked")?.map_err(|e| format!("writing to terser: {e}"))?;
    if !output.status.success() {
        // Where and what, without terser's own stack.
        let stderr = String::from_utf8_lossy(&output.stderr);
        let message: Vec<&str> = stderr.lines().take_while(|line| !line.trim_start().starts_with("at ")).collect();
        return Err(format!("terser: {}", message.join("\n").trim()));
    }
    String::from_utf8(output.stdout).map_err(|e| format!("terser wrote no UTF-8: {e}"))
}

/// terser where scripts/setup.sh installs it (the repository's `.tools`),
/// so a plain `cargo test` finds it too; else the one on `PATH`.
fn terser() -> Command {
    let installed = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../.tools/node_modules/.bin/terser");
    Command::new(if installed.exists() { installed.into_os_string() } else { "terser".into() })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_module_keeps_its_exports_and_loses_its_comments_and_local_names() {
        let glue = "// the glue\nexport function start_app(argument) {\n    const longLocalName = argument + 1;\n    return longLocalName;\n}\n";
        let out = minified(glue, ScriptKind::Module).unwrap();
        assert!(out.contains("export function start_app("), "{out}");
        assert!(!out.contains("longLocalName") && !out.contains("the glue"), "{out}");
        assert!(out.len() < glue.len() / 2, "{out}");
    }

    #[test]
    fn a_classic_script_keeps_its_globals_and_strings() {
        let shell =
            "var pageWide = 1;\n(function () {\n  var local = 'https://x/*y*/';\n  window.seen = local;\n})();\n";
        let out = minified(shell, ScriptKind::Classic).unwrap();
        assert!(out.contains("var pageWide=1;") && out.contains("https://x/*y*/"), "{out}");
        assert!(!out.contains("local"), "{out}");
    }

    #[test]
    fn a_closing_script_tag_in_a_string_is_escaped_for_inlining() {
        let out = minified("window.t = \"a</script>b\";", ScriptKind::Classic).unwrap();
        assert!(!out.contains("</script"), "{out}");
    }

    #[test]
    fn a_syntax_error_is_terser_s_message() {
        let error = minified("var = ;", ScriptKind::Classic).unwrap_err();
        assert!(error.starts_with("terser: Parse error at 0:1,4") && error.contains("Name expected"), "{error}");
        assert!(!error.contains("bundle.min.js"), "{error}");
    }
}
