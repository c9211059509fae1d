//! The pack model's decoders: scenarios, the catalog and the compiled index.
//! Field lists are in the order the model declares them, as serde lists them.

use super::{boolean, list, signed, string, strings, texts, unsigned, variant, At, Decoded, Fields};
use crate::content::index::{BrokenPack, PackSummary, SiteIndex};
use crate::content::model::*;
use crate::json::Json;

pub fn decode_scenario(value: &Json, at: &At) -> Decoded<Scenario> {
    const KNOWN: &[&str] = &[
        "format",
        "id",
        "type",
        "revision",
        "languages",
        "genuine",
        "channel",
        "techniques",
        "savings",
        "start",
        "title",
        "contact",
        "debrief",
        "steps",
    ];
    let f = Fields::of(value, at, "struct Scenario", KNOWN)?;
    Ok(Scenario {
        file: String::new(),
        format: f.required("format", unsigned)?,
        id: f.required("id", string)?,
        scam_type: f.required("type", string)?,
        revision: f.optional("revision", unsigned)?.unwrap_or(1),
        languages: f.required("languages", strings)?,
        genuine: f.required("genuine", boolean)?,
        channel: f.required("channel", channel)?,
        techniques: f.or_default("techniques", strings)?,
        savings: f.optional("savings", signed)?.unwrap_or(5000),
        start: f.required("start", string)?,
        title: f.required("title", localized)?,
        contact: f.required("contact", contact)?,
        debrief: f.required("debrief", debrief)?,
        steps: f.required("steps", |v, at| list(v, at, step))?,
    })
}

fn localized(value: &Json, at: &At) -> Decoded<Localized> {
    Ok(texts(value, at)?.into_iter().collect())
}

fn channel(value: &Json, at: &At) -> Decoded<Channel> {
    const KNOWN: &[&str] = &["chat", "group", "sms", "call", "app", "email", "marketplace"];
    variant(value, at, KNOWN).map(|i| Channel::ALL[i])
}

fn contact(value: &Json, at: &At) -> Decoded<Contact> {
    let f = Fields::of(value, at, "struct Contact", &["name", "detail"])?;
    Ok(Contact { name: f.required("name", localized)?, detail: f.nullable("detail", localized)? })
}

fn debrief(value: &Json, at: &At) -> Decoded<Debrief> {
    let f = Fields::of(value, at, "struct Debrief", &["why", "action", "channels"])?;
    Ok(Debrief {
        why: f.required("why", localized)?,
        action: f.required("action", localized)?,
        channels: f.or_default("channels", strings)?,
    })
}

fn step(value: &Json, at: &At) -> Decoded<Step> {
    let f = Fields::of(value, at, "struct Step", &["id", "messages", "choices", "spot", "end", "keep_order"])?;
    Ok(Step {
        id: f.required("id", string)?,
        messages: f.or_default("messages", |v, at| list(v, at, message))?,
        choices: f.or_default("choices", |v, at| list(v, at, choice))?,
        spot: f.nullable("spot", spot)?,
        end: f.nullable("end", end)?,
        keep_order: f.or_default("keep_order", boolean)?,
    })
}

fn message(value: &Json, at: &At) -> Decoded<Message> {
    let f = Fields::of(value, at, "struct Message", &["from", "text", "flags", "card"])?;
    Ok(Message {
        from: f.required("from", sender)?,
        text: f.required("text", localized)?,
        flags: f.or_default("flags", |v, at| list(v, at, flag))?,
        card: f.nullable("card", card)?,
    })
}

fn sender(value: &Json, at: &At) -> Decoded<Sender> {
    variant(value, at, &["contact", "me", "narrator"]).map(|i| [Sender::Contact, Sender::Me, Sender::Narrator][i])
}

fn card(value: &Json, at: &At) -> Decoded<Card> {
    variant(value, at, &["install-app", "screen-share"]).map(|i| [Card::InstallApp, Card::ScreenShare][i])
}

fn flag(value: &Json, at: &At) -> Decoded<Flag> {
    let f = Fields::of(value, at, "struct Flag", &["quote", "why", "technique"])?;
    Ok(Flag {
        quote: f.required("quote", localized)?,
        why: f.required("why", localized)?,
        technique: f.nullable("technique", string)?,
    })
}

fn choice(value: &Json, at: &At) -> Decoded<Choice> {
    let f = Fields::of(value, at, "struct Choice", &["text", "next", "money", "feedback"])?;
    Ok(Choice {
        text: f.required("text", localized)?,
        next: f.required("next", string)?,
        money: f.or_default("money", signed)?,
        feedback: f.nullable("feedback", localized)?,
    })
}

fn spot(value: &Json, at: &At) -> Decoded<Spot> {
    let f = Fields::of(value, at, "struct Spot", &["next", "prompt"])?;
    Ok(Spot { next: f.required("next", string)?, prompt: f.nullable("prompt", localized)? })
}

fn end(value: &Json, at: &At) -> Decoded<End> {
    let f = Fields::of(value, at, "struct End", &["outcome", "summary"])?;
    Ok(End { outcome: f.required("outcome", outcome)?, summary: f.required("summary", localized)? })
}

fn outcome(value: &Json, at: &At) -> Decoded<Outcome> {
    variant(value, at, &Outcome::ALL.map(Outcome::code)).map(|i| Outcome::ALL[i])
}

pub fn decode_catalog(value: &Json, at: &At) -> Decoded<Catalog> {
    const KNOWN: &[&str] = &["format", "languages", "types", "techniques", "channels", "fiction"];
    let f = Fields::of(value, at, "struct Catalog", KNOWN)?;
    Ok(Catalog {
        format: f.required("format", unsigned)?,
        languages: f.required("languages", strings)?,
        types: f.required("types", |v, at| list(v, at, scam_type))?,
        techniques: f.required("techniques", |v, at| list(v, at, technique))?,
        channels: f.required("channels", |v, at| list(v, at, official_channel))?,
        fiction: f.or_default("fiction", fiction)?,
    })
}

fn fiction(value: &Json, at: &At) -> Decoded<Fiction> {
    let f = Fields::of(value, at, "struct Fiction", &["numbers", "hosts", "denylist"])?;
    Ok(Fiction {
        numbers: f.or_default("numbers", strings)?,
        hosts: f.or_default("hosts", strings)?,
        denylist: f.or_default("denylist", strings)?,
    })
}

/// The id, name and a second text of a catalog entry, under the second's `key`.
fn entry(value: &Json, at: &At, name: &str, key: &str) -> Decoded<(String, Localized, Localized)> {
    let f = Fields::of(value, at, name, &["id", "name", key])?;
    Ok((f.required("id", string)?, f.required("name", localized)?, f.required(key, localized)?))
}

fn scam_type(value: &Json, at: &At) -> Decoded<ScamType> {
    let (id, name, blurb) = entry(value, at, "struct ScamType", "blurb")?;
    Ok(ScamType { id, name, blurb })
}

fn technique(value: &Json, at: &At) -> Decoded<Technique> {
    let (id, name, about) = entry(value, at, "struct Technique", "about")?;
    Ok(Technique { id, name, about })
}

fn official_channel(value: &Json, at: &At) -> Decoded<OfficialChannel> {
    let (id, name, about) = entry(value, at, "struct OfficialChannel", "about")?;
    Ok(OfficialChannel { id, name, about })
}

pub fn decode_index(value: &Json, at: &At) -> Decoded<SiteIndex> {
    let f = Fields::of(value, at, "struct SiteIndex", &["catalog", "packs", "broken"])?;
    Ok(SiteIndex {
        catalog: f.required("catalog", decode_catalog)?,
        packs: f.required("packs", |v, at| list(v, at, pack_summary))?,
        broken: f.or_default("broken", |v, at| list(v, at, broken_pack))?,
        only_language: None,
    })
}

fn pack_summary(value: &Json, at: &At) -> Decoded<PackSummary> {
    const KNOWN: &[&str] = &["id", "file", "type", "genuine", "techniques", "channel", "title", "seconds"];
    let f = Fields::of(value, at, "struct PackSummary", KNOWN)?;
    Ok(PackSummary {
        id: f.required("id", string)?,
        file: f.required("file", string)?,
        scam_type: f.required("type", string)?,
        genuine: f.required("genuine", boolean)?,
        techniques: f.required("techniques", strings)?,
        channel: f.required("channel", channel)?,
        title: f.required("title", localized)?,
        seconds: f.or_default("seconds", unsigned)?,
    })
}

fn broken_pack(value: &Json, at: &At) -> Decoded<BrokenPack> {
    let f = Fields::of(value, at, "struct BrokenPack", &["file", "problems"])?;
    Ok(BrokenPack { file: f.required("file", string)?, problems: f.required("problems", strings)? })
}
