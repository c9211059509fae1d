//! The commonest markup as functions: an element with a class and its
//! children, a button, a heading, a paragraph. `html!` expands each element
//! in place (its node, attribute list and child list: about 200 bytes of
//! wasm); built here, the wasm holds one copy of that code, not one per use.

use yew::prelude::*;
use yew::virtual_dom::{AttributeOrProperty, Attributes, VTag, VText};

/// A static attribute value, or none for an empty one.
fn static_value(value: &'static str) -> Option<AttributeOrProperty> {
    (!value.is_empty()).then_some(AttributeOrProperty::Static(value))
}

/// `<tag class="class">children</tag>`; an empty `class` sets none.
#[inline(never)]
pub fn element(tag: &'static str, class: &'static str, children: Vec<Html>) -> Html {
    let mut element = VTag::new(tag);
    element.set_attributes(Attributes::Dynamic { keys: &["class"], values: Box::new([static_value(class)]) });
    element.add_children(children);
    element.into()
}

/// `<tag class="class">text</tag>`.
#[inline(never)]
pub fn text_element(tag: &'static str, class: &'static str, text: &str) -> Html {
    element(tag, class, vec![text_node(text)])
}

/// `<tag id="id" class="class">text</tag>`; an empty `class` sets none.
#[inline(never)]
pub fn text_with_id(tag: &'static str, id: &'static str, class: &'static str, text: &str) -> Html {
    let mut element = VTag::new(tag);
    let values = Box::new([static_value(id), static_value(class)]);
    element.set_attributes(Attributes::Dynamic { keys: &["id", "class"], values });
    element.add_child(text_node(text));
    element.into()
}

/// A text node: content is always text, never markup.
#[inline(never)]
pub fn text_node(text: &str) -> Html {
    VText::new(text.to_string()).into()
}

/// `<button id="id" class="class">label</button>` that calls `on_click`; an empty `id` sets none.
#[inline(never)]
pub fn button(id: &'static str, class: &'static str, label: &str, on_click: Callback<MouseEvent>) -> Html {
    let mut button = VTag::new("button");
    let values = Box::new([static_value(id), static_value(class)]);
    button.set_attributes(Attributes::Dynamic { keys: &["id", "class"], values });
    button.add_listener(std::rc::Rc::new(yew::html::onclick::Wrapper::new(on_click)));
    button.add_child(text_node(label));
    button.into()
}

pub fn heading(text: &str) -> Html {
    text_element("h2", "", text)
}

pub fn paragraph(text: &str) -> Html {
    text_element("p", "", text)
}
