use std::cell::RefCell;
use std::rc::{Rc, Weak};

/// A folder in a tree. A parent owns its children, and each child can find
/// its parent.
pub struct Folder {
    pub name: String,
    parent: RefCell<Weak<Folder>>,      // child -> parent: does not own
    children: RefCell<Vec<Rc<Folder>>>, // parent -> child: owns
}

impl Folder {
    pub fn new(name: &str) -> Rc<Folder> {
        Rc::new(Folder {
            name: name.to_string(),
            parent: RefCell::new(Weak::new()),
            children: RefCell::new(Vec::new()),
        })
    }

    /// Makes `child` a child of `parent`.
    pub fn add_child(parent: &Rc<Folder>, child: &Rc<Folder>) {
        // A Weak adds to the weak count only, so the parent's strong count
        // still falls to zero when its last owner lets go.
        *child.parent.borrow_mut() = Rc::downgrade(parent);
        parent.children.borrow_mut().push(Rc::clone(child));
    }

    /// The parent, or None for a root, or when the parent is gone.
    pub fn parent(&self) -> Option<Rc<Folder>> {
        self.parent.borrow().upgrade()
    }

    /// The children, in the order they were added.
    pub fn children(&self) -> Vec<Rc<Folder>> {
        self.children.borrow().clone()
    }

    /// The names from the root down to this folder: "root/docs/notes".
    pub fn path(&self) -> String {
        match self.parent() {
            Some(parent) => format!("{}/{}", parent.path(), self.name),
            None => self.name.clone(),
        }
    }
}
