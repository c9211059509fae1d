//! Builds a SCORM 1.2 package of the built site for an LMS (Moodle, Canvas,
//! Blackboard…): README "SCORM package for an LMS".
//!
//!     cargo scamspot-scorm --dist dist --out scamspot-scorm.zip --pass-mark 80 --length 5 --types fake-loan,fake-police --lang zh-CN
//!
//! Every option has a default (`dist`, `scamspot-scorm.zip`, 80, the
//! element's round length, all types, zh-CN).

use scamspot_core::i18n::Lang;
use scamspot_tools::scorm::{package, ScormOptions};
use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage: scamspot-scorm [--dist DIR] [--out FILE.zip] [--pass-mark 0-100] [--length 1-10] [--types ID,ID] [--lang zh-CN|en]";

struct Command {
    dist: PathBuf,
    out: PathBuf,
    options: ScormOptions,
}

fn parse(args: &[String]) -> Result<Command, String> {
    let mut command = Command {
        dist: PathBuf::from("dist"),
        out: PathBuf::from("scamspot-scorm.zip"),
        options: ScormOptions::default(),
    };
    let number = |flag: &str, value: &str| {
        value.parse::<u8>().map_err(|_| format!("{flag} needs a whole number, not {value:?}"))
    };
    for pair in args.chunks(2) {
        let [flag, value] = pair else { return Err(format!("{} needs a value", pair[0])) };
        match flag.as_str() {
            "--dist" => command.dist = PathBuf::from(value),
            "--out" => command.out = PathBuf::from(value),
            "--pass-mark" => command.options.pass_mark = number(flag, value)?,
            "--length" => command.options.length = Some(number(flag, value)?),
            "--types" => {
                command.options.types =
                    value.split(',').map(|t| t.trim().to_string()).filter(|t| !t.is_empty()).collect()
            }
            "--lang" => {
                command.options.lang = Lang::from_code(value).ok_or(format!("--lang is zh-CN or en, not {value:?}"))?
            }
            other => return Err(format!("unknown option {other}")),
        }
    }
    Ok(command)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|a| a == "-h" || a == "--help") {
        println!("{USAGE}");
        return ExitCode::SUCCESS;
    }
    let command = match parse(&args) {
        Ok(command) => command,
        Err(e) => {
            eprintln!("error: {e}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match package(&command.dist, &command.options).and_then(|zip| {
        std::fs::write(&command.out, &zip).map_err(|e| format!("cannot write {}: {e}", command.out.display()))?;
        Ok(zip.len())
    }) {
        Ok(bytes) => {
            println!(
                "wrote {} ({} KiB): SCORM 1.2, mastery score {}",
                command.out.display(),
                bytes / 1024,
                command.options.pass_mark
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
