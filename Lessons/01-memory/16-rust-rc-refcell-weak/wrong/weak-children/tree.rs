use std::cell::RefCell;
use std::rc::{Rc, Weak};

/// A folder in a tree. A parent owns its children, and each child can find
/// its parent.
pub struct Folder {
    pub name: String,
    parent: RefCell<Option<Rc<Folder>>>, // child -> parent
    children: RefCell<Vec<Weak<Folder>>>, // parent -> child: weak now
}

impl Folder {
    pub fn new(name: &str) -> Rc<Folder> {
        Rc::new(Folder {
            name: name.to_string(),
            parent: RefCell::new(None),
            children: RefCell::new(Vec::new()),
        })
    }

    /// Makes `child` a child of `parent`.
    pub fn add_child(parent: &Rc<Folder>, child: &Rc<Folder>) {
        *child.parent.borrow_mut() = Some(Rc::clone(parent));
        parent.children.borrow_mut().push(Rc::downgrade(child));
    }

    /// The parent, or None for a root, or when the parent is gone.
    pub fn parent(&self) -> Option<Rc<Folder>> {
        self.parent.borrow().clone()
    }

    /// The children, in the order they were added.
    pub fn children(&self) -> Vec<Rc<Folder>> {
        self.children.borrow().iter().filter_map(|child| child.upgrade()).collect()
    }

    /// The names from the root down to this folder: "root/docs/notes".
    pub fn path(&self) -> String {
        match self.parent() {
            Some(parent) => format!("{}/{}", parent.path(), self.name),
            None => self.name.clone(),
        }
    }
}
