//! Reading text aloud with the browser's own speech synthesis (on the device:
//! nothing goes over the network). Bound by hand rather than through web-sys
//! features: a few calls, and in a browser without `speechSynthesis` each of
//! them fails quietly (`catch`) instead of breaking the app.

use scamspot_core::i18n::Lang;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = speechSynthesis, js_name = getVoices, catch)]
    fn get_voices() -> Result<Vec<Voice>, JsValue>;
    #[wasm_bindgen(js_namespace = speechSynthesis, catch)]
    fn cancel() -> Result<(), JsValue>;
    #[wasm_bindgen(js_namespace = speechSynthesis, js_name = speak, catch)]
    fn speak_utterance(utterance: &Utterance) -> Result<(), JsValue>;

    type Voice;
    #[wasm_bindgen(method, getter)]
    fn lang(this: &Voice) -> String;

    #[wasm_bindgen(js_name = SpeechSynthesisUtterance)]
    type Utterance;
    #[wasm_bindgen(constructor, js_class = "SpeechSynthesisUtterance", catch)]
    fn new(text: &str) -> Result<Utterance, JsValue>;
    #[wasm_bindgen(method, setter, js_class = "SpeechSynthesisUtterance")]
    fn set_lang(this: &Utterance, lang: &str);
    #[wasm_bindgen(method, setter, js_class = "SpeechSynthesisUtterance")]
    fn set_voice(this: &Utterance, voice: &Voice);
}

/// A voice of the browser that speaks `lang` (any Chinese voice for zh-CN:
/// voices name it zh-CN, zh_CN or cmn-Hans-CN), if there is one.
fn voice_for(lang: Lang) -> Option<Voice> {
    let prefixes: &[&str] = match lang {
        Lang::ZhCn => &["zh", "cmn"],
        Lang::En => &["en"],
    };
    get_voices().ok()?.into_iter().find(|voice| {
        let code = voice.lang().to_ascii_lowercase();
        prefixes.iter().any(|p| code.starts_with(p))
    })
}

pub fn can_speak(lang: Lang) -> bool {
    voice_for(lang).is_some()
}

/// Reads `text` aloud in `lang`, cutting short whatever was being read.
pub fn speak(text: &str, lang: Lang) {
    let (Some(voice), Ok(utterance)) = (voice_for(lang), Utterance::new(text)) else { return };
    utterance.set_lang(lang.code());
    utterance.set_voice(&voice);
    let _ = cancel();
    let _ = speak_utterance(&utterance);
}
