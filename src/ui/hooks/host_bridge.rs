//! What the page around an embed may do to it: switch its language (trusted
//! origins only) and see its height.

use crate::state::AppAction;
use crate::ui::reducer::AppStore;
use crate::web::host::Host;
use std::rc::Rc;
use yew::prelude::*;

#[hook]
pub fn use_host_bridge(host: Rc<Host>, dispatch: UseReducerDispatcher<AppStore>) {
    use_effect_with((), move |_| {
        let listener = host.listen(move |lang| dispatch.dispatch(AppAction::SetLang(lang)));
        // An iframe's height follows its content.
        host.watch_height();
        move || drop(listener)
    });
}
