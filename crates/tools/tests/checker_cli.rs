//! The checker as an author runs it: one pack on its own, in either language.

use std::path::Path;
use std::process::Command;

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/broken_packs");

fn check(args: &[&str]) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_scamspot-check")).args(args).env("LANG", "C").output().unwrap();
    (out.status.success(), String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap())
}

#[test]
fn a_pack_outside_static_packs_is_checked_against_the_built_in_catalog() {
    let dir = std::env::temp_dir().join(format!("scamspot-check-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let pack = dir.join("like-for-cash.toml");
    let shipped = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../static/packs/order-brushing/like-for-cash.toml");
    std::fs::copy(shipped, &pack).unwrap();
    let (ok, stdout, stderr) = check(&[pack.to_str().unwrap()]);
    std::fs::remove_dir_all(&dir).unwrap();
    assert!(ok, "{stderr}");
    assert!(stderr.starts_with("note: no catalog.toml") && stderr.contains("catalog built into ScamSpot"), "{stderr}");
    assert!(stdout.starts_with("ok: 1 scenario(s) checked"), "{stdout}");
}

#[test]
fn lang_picks_the_language_and_the_caret_is_drawn() {
    let pack = format!("{CORPUS}/loop.toml");
    let (ok, _, stderr) = check(&["--lang", "zh-CN", &pack]);
    assert!(!ok);
    assert!(
        stderr.starts_with("提示：")
            && stderr.contains("\n错误[SS0028]")
            && stderr.contains("^^^^^^^ 步骤 \"decide\"")
            && stderr.contains("发现 1 个问题"),
        "{stderr}"
    );
    let (_, _, stderr) = check(&["--lang", "en", &pack]);
    assert!(stderr.contains("\nerror[SS0028]: leads back to \"offer\""), "{stderr}");
}

#[test]
fn a_warning_is_drawn_but_the_check_still_passes() {
    let (ok, stdout, stderr) = check(&["--lang", "en", &format!("{CORPUS}/pinned-order.toml")]);
    assert!(ok, "{stderr}");
    assert!(stderr.contains("\nwarning[SS0049]: every decision keeps its written order"), "{stderr}");
    assert!(stdout.starts_with("ok: 1 scenario(s) checked, no errors, 1 warning(s)"), "{stdout}");
    let (_, _, stderr) = check(&["--lang", "zh-CN", &format!("{CORPUS}/pinned-order.toml")]);
    assert!(stderr.contains("\n警告[SS0049]"), "{stderr}");
}
