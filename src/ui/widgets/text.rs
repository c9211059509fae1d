//! The commonest markup as functions: an element with a class and its
//! children, a text element, a button, a heading, a paragraph. `html!`
//! expands each element in place (its node, attribute list and child list:
//! about 200 bytes of wasm); built here, the wasm holds one copy of that
//! code, not one per use.

use yew::html::onclick;
use yew::prelude::*;
use yew::virtual_dom::{AttributeOrProperty, Attributes, Listeners, VList, VTag, VText};

/// A static attribute value, or none for an empty one.
fn static_value(value: &'static str) -> Option<AttributeOrProperty> {
    (!value.is_empty()).then_some(AttributeOrProperty::Static(value))
}

/// The element `tag` with the attributes `keys` (their `values` in the same
/// order) and `children`. Built as `html!` builds a literal tag (Yew's
/// `VTag::__new_other`, which its macro calls): `VTag::new` would check
/// at run time whether `tag` is an input or a text area, code the wasm
/// then carries for nothing.
#[inline(never)]
fn tag(
    tag: &'static str,
    keys: &'static [&'static str],
    values: Box<[Option<AttributeOrProperty>]>,
    listeners: Listeners,
    children: Html,
) -> Html {
    let attributes = Attributes::Dynamic { keys, values };
    VTag::__new_other(AttrValue::Static(tag), NodeRef::default(), None, attributes, listeners, children).into()
}

/// `<tag class="class">children</tag>`; an empty `class` sets none.
#[inline(never)]
pub fn element(name: &'static str, class: &'static str, children: Vec<Html>) -> Html {
    let children = VList::with_children(children, None).into();
    tag(name, &["class"], Box::new([static_value(class)]), Listeners::None, children)
}

/// `<tag class="class">text</tag>`.
#[inline(never)]
pub fn text_element(name: &'static str, class: &'static str, text: &str) -> Html {
    tag(name, &["class"], Box::new([static_value(class)]), Listeners::None, text_node(text))
}

/// `<tag id="id" class="class">text</tag>`; an empty `class` sets none.
#[inline(never)]
pub fn text_with_id(name: &'static str, id: &'static str, class: &'static str, text: &str) -> Html {
    let values = Box::new([static_value(id), static_value(class)]);
    tag(name, &["id", "class"], values, Listeners::None, text_node(text))
}

/// A text node: content is always text, never markup.
#[inline(never)]
pub fn text_node(text: &str) -> Html {
    VText::new(text.to_string()).into()
}

/// `<button id="id" class="class">label</button>` that calls `on_click`; an empty `id` sets none.
#[inline(never)]
pub fn button(id: &'static str, class: &'static str, label: &str, on_click: Callback<MouseEvent>) -> Html {
    let values = Box::new([static_value(id), static_value(class)]);
    let listeners = Listeners::Pending(Box::new([Some(std::rc::Rc::new(onclick::Wrapper::new(on_click)))]));
    tag("button", &["id", "class"], values, listeners, text_node(label))
}

pub fn heading(text: &str) -> Html {
    text_element("h2", "", text)
}

pub fn paragraph(text: &str) -> Html {
    text_element("p", "", text)
}
