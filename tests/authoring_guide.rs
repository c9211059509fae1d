//! The annotated example in docs/authoring.md must pass the checker as it is,
//! so a first-time author who copies it starts from a working scenario.

use scamspot_core::content::problem::{LAST_CODE, RESERVED};
use scamspot_core::content::{load_catalog, load_scenario, Code};

#[test]
fn the_guide_example_is_a_valid_scenario() {
    let guide = std::fs::read_to_string("docs/authoring.md").unwrap();
    let example = guide
        .split("```toml\n")
        .nth(1)
        .and_then(|rest| rest.split("\n```").next())
        .expect("the guide has a ```toml example");
    let catalog = load_catalog("catalog.toml", &std::fs::read_to_string("static/packs/catalog.toml").unwrap()).unwrap();
    let scenario =
        load_scenario("order-brushing/my-first-scenario.toml", example, &catalog).unwrap_or_else(|problems| {
            panic!(
                "the guide's example is invalid:\n{}",
                problems.iter().map(|p| p.to_string()).collect::<Vec<_>>().join("\n")
            )
        });
    assert_eq!(scenario.steps.len(), 4);
}

#[test]
fn the_guide_documents_every_problem_code() {
    let guide = std::fs::read_to_string("docs/authoring.md").unwrap();
    for number in (1..=LAST_CODE.0).filter(|n| !RESERVED.contains(n)) {
        let code = Code(number).to_string();
        assert!(guide.contains(&format!("| {code} |")), "docs/authoring.md has no table row for {code}");
    }
    let beyond = Code(LAST_CODE.0 + 1).to_string();
    assert!(!guide.contains(&beyond), "docs/authoring.md documents {beyond}, which no problem has");
}
