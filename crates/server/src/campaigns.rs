//! Campaigns as the server runs them: the store, the signing keys, the
//! site's scenarios for grading, and the rate limits. Every decision about
//! a round, a spec or a code is the core's (`scamspot_core::campaign`);
//! this only fetches, checks limits and stores.

use crate::campaign_store::{CampaignRow, CampaignStore, CertificateRow, ClassRow, ResultRow, StoreResult};
use crate::library::Library;
use crate::limit::TokenBucket;
use crate::secret::{random_hex, same};
use scamspot_core::campaign::certificate::{sha256_hex, CampaignKeys, CertificateCode, CertificateFacts, ID_BYTES};
use scamspot_core::campaign::{
    grade, plan_campaign_round, CampaignSpec, Dashboard, GradeError, ResultFacts, SpecError,
};
use scamspot_core::content::ValidScenario;
use scamspot_core::engine::RoundRecord;
use serde_json::{json, Value};
use std::collections::HashMap;
use std::net::IpAddr;
use std::rc::Rc;
use std::sync::Mutex;
use std::time::{SystemTime, UNIX_EPOCH};

/// Results and starts one class may send at once, and per second after that:
/// a whole lecture hall finishing together fits, a script hammering does not.
const CLASS_BURST: u32 = 200;
const CLASS_PER_SECOND: f64 = 20.0;
/// Verifications (and student numbers set) one address may try at once, and per minute after.
const ADDRESS_BURST: u32 = 10;
const ADDRESS_PER_MINUTE: f64 = 10.0;
/// Buckets kept before the full ones are forgotten.
const MAX_BUCKETS: usize = 10_000;

/// Crockford's base32 in lower case, for ids and tokens: 32 divides 256, so uniform.
const TOKEN_ALPHABET: &[u8; 32] = b"0123456789abcdefghjkmnpqrstvwxyz";

fn random_token(length: usize) -> String {
    let mut bytes = vec![0u8; length];
    getrandom::fill(&mut bytes).expect("the operating system's random source");
    bytes.iter().map(|b| TOKEN_ALPHABET[usize::from(b % 32)] as char).collect()
}

/// Whether `text` could be an id or token of ours (only then does it reach a storage key).
pub fn is_token(text: &str, length: usize) -> bool {
    text.len() == length && text.bytes().all(|b| TOKEN_ALPHABET.contains(&b))
}

pub const CAMPAIGN_ID_LENGTH: usize = 11;
pub const CLASS_TOKEN_LENGTH: usize = 12;

/// Days since 1970-01-01 in China time (UTC+8): a deadline day ends at midnight there.
pub fn china_day(now: SystemTime) -> u32 {
    let seconds = now.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs());
    ((seconds + 8 * 3600) / 86_400) as u32
}

pub fn today() -> u32 {
    china_day(SystemTime::now())
}

/// A client's own id for a start or a submission: what makes a repeat count once.
pub fn is_client_id(text: &str) -> bool {
    (1..=64).contains(&text.len()) && text.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// Why a submitted round earned no answer.
#[derive(Debug)]
pub enum SubmitError {
    Closed,
    /// Not a round record, or not this campaign's round (422).
    Invalid(&'static str),
    Storage(String),
}

/// What the verify page is told.
pub struct Verified {
    pub certificate: CertificateRow,
    pub campaign: String,
    pub class: String,
    pub student_number: &'static str,
}

#[derive(Debug, PartialEq, Eq)]
pub enum StudentError {
    /// No certificate has this code (or the code was altered).
    Unknown,
    NotRequired,
    AlreadySet,
    NotANumber,
    Storage(String),
}

pub struct Campaigns {
    pub store: CampaignStore,
    keys: CampaignKeys,
    library: Library,
    /// Every scenario of the site by pack file, validated once at start.
    scenarios: HashMap<String, ValidScenario>,
    classes: Mutex<HashMap<String, TokenBucket>>,
    addresses: Mutex<HashMap<IpAddr, TokenBucket>>,
}

/// Takes a token from `key`'s bucket (a new one from `new`), forgetting full buckets when there are many.
fn take<K: std::hash::Hash + Eq>(
    buckets: &Mutex<HashMap<K, TokenBucket>>,
    key: K,
    new: impl Fn() -> TokenBucket,
) -> bool {
    let mut buckets = buckets.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    let now = std::time::Instant::now();
    if buckets.len() >= MAX_BUCKETS {
        buckets.retain(|_, bucket| !bucket.is_full(now));
    }
    buckets.entry(key).or_insert_with(new).take(now)
}

impl Campaigns {
    /// `secret`: SCAMSPOT_CAMPAIGN_KEY if set, else the one stored (drawn on first use).
    pub async fn open(store: CampaignStore, library: Library, secret: Option<String>) -> StoreResult<Campaigns> {
        let secret = match secret {
            Some(secret) => secret,
            None => store.server_secret(&random_hex(32)).await?,
        };
        let mut scenarios = HashMap::new();
        for pack in &library.index().packs {
            match library.load(pack) {
                Ok(scenario) => {
                    scenarios.insert(pack.file.clone(), scenario);
                }
                // Said, not fatal: a round drawing this pack is refused (422), the rest still work.
                Err(problem) => eprintln!("scamspot-server: campaigns cannot use {}: {problem}", pack.file),
            }
        }
        Ok(Campaigns {
            store,
            keys: CampaignKeys::derive(&secret),
            library,
            scenarios,
            classes: Mutex::new(HashMap::new()),
            addresses: Mutex::new(HashMap::new()),
        })
    }

    /// Whether class `token` may send one more start or result now.
    pub fn admit_class(&self, token: &str) -> bool {
        take(&self.classes, token.to_string(), || {
            TokenBucket::with_rate(CLASS_BURST, CLASS_PER_SECOND, std::time::Instant::now())
        })
    }

    /// Whether `address` may try one more code now.
    pub fn admit_address(&self, address: IpAddr) -> bool {
        take(&self.addresses, address, || {
            TokenBucket::with_rate(ADDRESS_BURST, ADDRESS_PER_MINUTE / 60.0, std::time::Instant::now())
        })
    }

    /// A new campaign: its row, classes and the organiser's secret (returned once, stored hashed).
    pub async fn create(&self, spec: CampaignSpec) -> Result<(CampaignRow, Vec<ClassRow>, String), CreateError> {
        spec.validate().map_err(CreateError::Spec)?;
        spec.round.check_against(self.library.index()).map_err(CreateError::Spec)?;
        let spec = CampaignSpec {
            name: spec.name.trim().to_string(),
            classes: spec.classes.iter().map(|c| c.trim().to_string()).collect(),
            ..spec
        };
        let secret = random_hex(16);
        let id = format!("c{}", random_token(CAMPAIGN_ID_LENGTH - 1));
        let classes: Vec<ClassRow> = spec
            .classes
            .iter()
            .map(|name| ClassRow { token: random_token(CLASS_TOKEN_LENGTH), campaign: id.clone(), name: name.clone() })
            .collect();
        let row = CampaignRow { id, spec, salt: random_hex(16), admin_hash: sha256_hex(&secret), created_day: today() };
        self.store.create(&row, &classes).await.map_err(CreateError::Storage)?;
        Ok((row, classes, secret))
    }

    /// Campaign `id` if `key` is its organiser's secret; `Ok(None)` otherwise, or when there is none.
    pub async fn campaign_for(&self, id: &str, key: &str) -> StoreResult<Option<CampaignRow>> {
        if !is_token(id.strip_prefix('c').unwrap_or_default(), CAMPAIGN_ID_LENGTH - 1) {
            return Ok(None);
        }
        let campaign = self.store.campaign(id).await?;
        Ok(campaign.filter(|c| same(&sha256_hex(key), &c.admin_hash)))
    }

    /// A new organiser secret for `campaign`; the old one stops working.
    pub async fn rotate(&self, campaign: &CampaignRow) -> StoreResult<String> {
        let secret = random_hex(16);
        self.store.rotate(&campaign.id, &sha256_hex(&secret)).await?;
        Ok(secret)
    }

    /// Class `token` and its campaign.
    pub async fn class(&self, token: &str) -> StoreResult<Option<(ClassRow, CampaignRow)>> {
        if !is_token(token, CLASS_TOKEN_LENGTH) {
            return Ok(None);
        }
        let Some(class) = self.store.class(token).await? else { return Ok(None) };
        Ok(self.store.campaign(&class.campaign).await?.map(|campaign| (class, campaign)))
    }

    /// Grades `record` for `class`, stores it (with its certificate, if passed)
    /// and returns the learner's answer; a repeated `submission_id` gets the stored one.
    pub async fn submit(
        &self,
        class: &ClassRow,
        campaign: &CampaignRow,
        submission_id: &str,
        record: &Value,
    ) -> Result<Value, SubmitError> {
        if let Some(stored) = self.store.result(&class.token, submission_id).await.map_err(SubmitError::Storage)? {
            return Ok(stored.answer);
        }
        let day = today();
        if !campaign.spec.is_open(day) {
            return Err(SubmitError::Closed);
        }
        let record = RoundRecord::restore(&record.to_string()).ok_or(SubmitError::Invalid("not-a-round-record"))?;
        let graded = self.grade(&campaign.spec, &record).map_err(|e| {
            SubmitError::Invalid(match e {
                GradeError::NotThePlan => "not-the-campaign-round",
                GradeError::DoesNotReplay => "does-not-replay",
                GradeError::Unfinished => "unfinished",
            })
        })?;
        let certificate = graded.passed.then(|| {
            let mut id = [0u8; ID_BYTES];
            getrandom::fill(&mut id).expect("the operating system's random source");
            let facts = CertificateFacts { campaign: &campaign.id, class: &class.token, day, score: graded.score };
            let code = self.keys.sign(id, &facts);
            let row = CertificateRow {
                id: code.id_text(),
                campaign: campaign.id.clone(),
                class: class.token.clone(),
                day,
                score: graded.score,
                scams: graded.scams,
                scams_caught: graded.scams_caught,
                genuine: graded.genuine,
                genuine_trusted: graded.genuine_trusted,
            };
            (code, row)
        });
        let answer = json!({
            "score": graded.score,
            "pass_mark": campaign.spec.pass_mark,
            "passed": graded.passed,
            "scams": graded.scams,
            "scams_caught": graded.scams_caught,
            "genuine": graded.genuine,
            "genuine_trusted": graded.genuine_trusted,
            "certificate": certificate.as_ref().map(|(code, _)| json!({ "code": code.to_string(), "day": day })),
        });
        let result =
            ResultRow { day, graded, certificate: certificate.as_ref().map(|(_, row)| row.id.clone()), answer };
        let stored = self
            .store
            .add_result(&class.token, submission_id, &result, certificate.as_ref().map(|(_, row)| row))
            .await
            .map_err(SubmitError::Storage)?;
        Ok(stored.answer)
    }

    fn grade(&self, spec: &CampaignSpec, record: &RoundRecord) -> Result<scamspot_core::campaign::Graded, GradeError> {
        let plan = plan_campaign_round(self.library.index(), &spec.round, record.seed);
        let scenarios: Option<Vec<Rc<ValidScenario>>> =
            plan.iter().map(|file| self.scenarios.get(file).map(|s| Rc::new(s.clone()))).collect();
        grade(spec, &plan, scenarios.ok_or(GradeError::NotThePlan)?, record)
    }

    /// The stored certificate `code` names, if its signature holds.
    async fn certificate(&self, code: &str) -> StoreResult<Option<(CertificateRow, Option<String>)>> {
        let Some(code) = CertificateCode::parse(code) else { return Ok(None) };
        let Some((row, student)) = self.store.certificate(&code.id_text()).await? else { return Ok(None) };
        let facts = CertificateFacts { campaign: &row.campaign, class: &row.class, day: row.day, score: row.score };
        Ok(self.keys.verify(&code, &facts).then_some((row, student)))
    }

    /// Sets the student number of the certificate `code`, once.
    pub async fn set_student(&self, code: &str, number: &str) -> Result<(), StudentError> {
        let storage = StudentError::Storage;
        let (row, _) = self.certificate(code).await.map_err(storage)?.ok_or(StudentError::Unknown)?;
        let campaign = self.store.campaign(&row.campaign).await.map_err(storage)?.ok_or(StudentError::Unknown)?;
        if !campaign.spec.require_student_number {
            return Err(StudentError::NotRequired);
        }
        let hash = self.student_hash(&campaign, number).ok_or(StudentError::NotANumber)?;
        match self.store.set_student(&row.id, &hash).await.map_err(storage)? {
            true => Ok(()),
            false => Err(StudentError::AlreadySet),
        }
    }

    fn student_hash(&self, campaign: &CampaignRow, number: &str) -> Option<String> {
        self.keys.student_hash(campaign.salt.as_bytes(), number)
    }

    /// What the verify page shows for `code` (and the student number typed, if any).
    pub async fn verify(&self, code: &str, number: Option<&str>) -> StoreResult<Option<Verified>> {
        let Some((certificate, student)) = self.certificate(code).await? else { return Ok(None) };
        let Some(campaign) = self.store.campaign(&certificate.campaign).await? else { return Ok(None) };
        let Some(class) = self.store.class(&certificate.class).await? else { return Ok(None) };
        let student_number = match (campaign.spec.require_student_number, student, number) {
            (false, _, _) => "not-required",
            (true, None, _) | (true, _, None) => "missing",
            (true, Some(stored), Some(typed)) => {
                let matches = self.student_hash(&campaign, typed).is_some_and(|typed| same(&typed, &stored));
                if matches {
                    "matches"
                } else {
                    "differs"
                }
            }
        };
        Ok(Some(Verified { certificate, campaign: campaign.spec.name, class: class.name, student_number }))
    }

    /// The organiser's dashboard of `campaign`.
    pub async fn dashboard(&self, campaign: &CampaignRow) -> StoreResult<Dashboard> {
        let classes = self.store.classes(&campaign.id).await?;
        let name_of =
            |token: &str| classes.iter().find(|c| c.token == token).map(|c| c.name.clone()).unwrap_or_default();
        let starts: Vec<(String, u32)> =
            self.store.starts(&classes).await?.into_iter().map(|(token, count)| (name_of(&token), count)).collect();
        let results: Vec<ResultFacts> = self
            .store
            .results(&classes)
            .await?
            .into_iter()
            .map(|row| ResultFacts {
                class: name_of(&row.class),
                day: row.result.day,
                graded: row.result.graded,
                student: row.student,
            })
            .collect();
        let names: Vec<String> = classes.into_iter().map(|c| c.name).collect();
        Ok(Dashboard::from(&results, &starts, &names, today()))
    }
}

pub enum CreateError {
    Spec(SpecError),
    Storage(String),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_china_day_begins_at_midnight_utc_plus_eight() {
        let at = |seconds: u64| china_day(UNIX_EPOCH + std::time::Duration::from_secs(seconds));
        assert_eq!(at(0), 0);
        assert_eq!(at(16 * 3600 - 1), 0);
        assert_eq!(at(16 * 3600), 1, "00:00 in Beijing on 2 January 1970");
    }

    #[test]
    fn tokens_are_drawn_from_the_alphabet_they_are_checked_against() {
        let token = random_token(CLASS_TOKEN_LENGTH);
        assert!(is_token(&token, CLASS_TOKEN_LENGTH));
        assert!(
            !is_token("ABCDEFGHJKMN", CLASS_TOKEN_LENGTH) && !is_token("abc", 3 + 1) && !is_token("ilou00000000", 12)
        );
        assert!(is_client_id("a-b_C9") && !is_client_id("") && !is_client_id("a b") && !is_client_id(&"x".repeat(65)));
    }
}
