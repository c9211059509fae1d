//! Keeps `<html lang>` in step with the interface on the app's own page.

use crate::web::browser::set_document_lang;
use scamspot_core::i18n::Lang;
use yew::prelude::*;

/// An embed leaves the host page's `<html lang>` alone.
#[hook]
pub fn use_document_lang(lang: Lang, embedded: bool) {
    use_effect_with(lang, move |lang| {
        if !embedded {
            set_document_lang(*lang);
        }
    });
}
