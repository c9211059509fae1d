//! Effect dependencies that compare by pointer.

use std::rc::Rc;

/// A shared value as an effect's dependency: it counts as changed when it is
/// another `Rc` (a changed value always comes in a new one). Comparing
/// contents would cost a walk of the whole value at each render, and bring
/// its type's `PartialEq` into the wasm. Holding the `Rc` keeps its address
/// from being reused while it is the dependency.
pub struct ByPtr<T>(pub Rc<T>);

impl<T> PartialEq for ByPtr<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}
