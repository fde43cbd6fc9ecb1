//! The report's logical structure for tagged PDF (PDF/UA-1): a tree of structure elements in
//! reading order (document, headings, paragraphs, tables, lists, contents, figures) whose leaves
//! are the marked-content sequences drawn on the pages. Content drawn outside any element, and
//! every rule and fill, is an artifact: page headers, footers, numbers and decoration are not
//! read out.
//!
//! The tree is independent of the drawing order: an element can be made early (the cover, drawn
//! last) and filled later by entering it again.

use pdf_writer::{Finish, Name, Ref, TextStr};

use super::objstm::Packer;

/// What a structure element is.
#[derive(Clone, Debug, PartialEq)]
pub enum Role {
    /// The whole report (the root's only child).
    Document,
    /// A part of it (the cover).
    Sect,
    /// A heading of level 1–3.
    H(u8),
    P,
    /// A list, its items and their bodies.
    L,
    LI,
    LBody,
    Table,
    THead,
    TBody,
    TR,
    /// A header cell for its column (`false`) or its row (`true`).
    TH {
        row: bool,
    },
    TD,
    /// The table of contents and its items.
    Toc,
    TocI,
    /// A picture with its alternative text.
    Figure(String),
}

impl Role {
    /// The standard structure type.
    fn name(&self) -> &'static [u8] {
        match self {
            Self::Document => b"Document",
            Self::Sect => b"Sect",
            Self::H(1) => b"H1",
            Self::H(2) => b"H2",
            Self::H(_) => b"H3",
            Self::P => b"P",
            Self::L => b"L",
            Self::LI => b"LI",
            Self::LBody => b"LBody",
            Self::Table => b"Table",
            Self::THead => b"THead",
            Self::TBody => b"TBody",
            Self::TR => b"TR",
            Self::TH { .. } => b"TH",
            Self::TD => b"TD",
            Self::Toc => b"TOC",
            Self::TocI => b"TOCI",
            Self::Figure(_) => b"Figure",
        }
    }

    /// The tag of the marked-content sequences of this element.
    fn tag(&self) -> &'static [u8] {
        match self {
            Self::H(_) | Self::TH { .. } | Self::TD | Self::Figure(_) => self.name(),
            _ => b"P",
        }
    }
}

/// The object numbers of the structure tree: the root at `first`, the elements after it.
struct Numbers<'a> {
    first: i32,
    /// The pages' references in order.
    pages: &'a [Ref],
}

impl Numbers<'_> {
    const fn root(&self) -> Ref {
        Ref::new(self.first)
    }

    fn elem(&self, index: usize) -> Ref {
        Ref::new(self.first + 1 + i32::try_from(index).unwrap_or(0))
    }

    fn page(&self, index: usize) -> Ref {
        self.pages.get(index).copied().unwrap_or_else(|| self.root())
    }
}

/// A piece of an element: another element or a marked-content sequence on a page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kid {
    Elem(usize),
    Marked { page: usize, mcid: i32 },
}

#[derive(Debug)]
struct Elem {
    role: Role,
    parent: Option<usize>,
    kids: Vec<Kid>,
    /// Where a figure lies: page and rectangle in PDF coordinates.
    bbox: Option<(usize, [f32; 4])>,
}

/// How the next drawing operations are marked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    /// Content of the innermost open element.
    Content,
    /// Decoration (rules, fills, backgrounds).
    Decoration,
}

/// The structure being built while the pages are drawn.
#[derive(Debug)]
pub struct Tags {
    elems: Vec<Elem>,
    /// The open elements, innermost last; the document is always open.
    stack: Vec<usize>,
    /// While above zero, all content is an artifact (e.g. a table header repeated on a page).
    artifact: usize,
    /// The figure being drawn: its content is one marked sequence, drawn as it comes.
    figure: bool,
    /// Per page: the element of each marked-content id (the parent tree).
    pages: Vec<Vec<usize>>,
    /// Whether artifacts are page footers.
    pagination: bool,
}

/// The number of an element opened inside an artifact: none was made.
pub const NONE: usize = usize::MAX;

impl Default for Tags {
    fn default() -> Self {
        let document = Elem { role: Role::Document, parent: None, kids: Vec::new(), bbox: None };
        Self {
            elems: vec![document],
            stack: vec![0],
            artifact: 0,
            figure: false,
            pages: Vec::new(),
            pagination: false,
        }
    }
}

impl Tags {
    /// Makes an element as the last child of the innermost open one and opens it. Inside an
    /// artifact nothing is made (a repeated table header has no cells to read); the returned
    /// number is then [`NONE`].
    pub fn open(&mut self, role: Role) -> usize {
        if self.artifact > 0 {
            self.stack.push(NONE);
            return NONE;
        }
        let parent = self.top();
        let id = self.elems.len();
        self.elems.push(Elem { role, parent: Some(parent), kids: Vec::new(), bbox: None });
        self.elems[parent].kids.push(Kid::Elem(id));
        self.stack.push(id);
        id
    }

    /// From now until [`Self::end_pagination`], everything drawn is a pagination artifact
    /// (header, footer, page number).
    pub fn begin_pagination(&mut self) {
        self.pagination = true;
        self.begin_artifact();
    }

    /// Ends what [`Self::begin_pagination`] began.
    pub fn end_pagination(&mut self) {
        self.pagination = false;
        self.end_artifact();
    }

    /// Opens an element made earlier, to add to it.
    pub fn enter(&mut self, id: usize) {
        if id < self.elems.len() {
            self.stack.push(id);
        }
    }

    /// Closes the innermost open element (never the document).
    pub fn close(&mut self) {
        if self.stack.len() > 1 {
            self.stack.pop();
        }
    }

    /// From now until [`Self::end_artifact`], everything drawn is an artifact.
    pub fn begin_artifact(&mut self) {
        self.artifact += 1;
    }

    /// Ends what [`Self::begin_artifact`] began.
    pub fn end_artifact(&mut self) {
        self.artifact = self.artifact.saturating_sub(1);
    }

    /// The innermost open element (skipping what was opened inside an artifact).
    fn top(&self) -> usize {
        self.stack.iter().rev().copied().find(|&e| e != NONE).unwrap_or(0)
    }

    /// Wraps `ops` (drawn on `page`) in a marked sequence: the open element's content, or an
    /// artifact for decoration, for anything drawn outside an element and inside
    /// [`Self::begin_artifact`]. Inside a figure the operations are part of it as they are.
    pub fn wrap(&mut self, page: usize, ops: &[u8], mark: Mark) -> Vec<u8> {
        if self.figure {
            let mut out = ops.to_vec();
            out.push(b'\n');
            return out;
        }
        if ops.is_empty() {
            return Vec::new();
        }
        let top = self.top();
        let mut content = super::doc::content();
        if self.pagination {
            let mut marked = content.begin_marked_content_with_properties(Name(b"Artifact"));
            let mut properties = marked.properties();
            properties.pair(Name(b"Type"), Name(b"Pagination"));
            properties.pair(Name(b"Subtype"), Name(b"Footer"));
        } else if mark == Mark::Decoration || self.artifact > 0 || top == 0 {
            content.begin_marked_content(Name(b"Artifact"));
        } else {
            let mcid = self.marked(page, top);
            let tag = self.elems[top].role.tag();
            content.begin_marked_content_with_properties(Name(tag)).properties().identify(mcid);
        }
        let mut out = content.finish().to_vec();
        out.push(b'\n');
        out.extend_from_slice(ops);
        out.push(b'\n');
        let mut end = super::doc::content();
        end.end_marked_content();
        out.extend_from_slice(&end.finish());
        out.push(b'\n');
        out
    }

    /// A new marked-content id on `page` for `elem`.
    fn marked(&mut self, page: usize, elem: usize) -> i32 {
        if self.pages.len() <= page {
            self.pages.resize(page + 1, Vec::new());
        }
        let mcid = i32::try_from(self.pages[page].len()).unwrap_or(i32::MAX);
        self.pages[page].push(elem);
        self.elems[elem].kids.push(Kid::Marked { page, mcid });
        mcid
    }

    /// Opens a figure with its alternative text; returns the operations that begin it on `page`.
    /// Everything drawn until [`Self::end_figure`] is the figure.
    pub fn begin_figure(&mut self, page: usize, alt: String) -> Vec<u8> {
        let id = self.open(Role::Figure(alt));
        let mcid = self.marked(page, id);
        self.figure = true;
        let mut content = super::doc::content();
        content.begin_marked_content_with_properties(Name(b"Figure")).properties().identify(mcid);
        let mut out = content.finish().to_vec();
        out.push(b'\n');
        out
    }

    /// Closes the figure, which covers `bbox` on `page` (PDF coordinates); returns the
    /// operations that end it.
    pub fn end_figure(&mut self, page: usize, bbox: [f32; 4]) -> Vec<u8> {
        let top = self.top();
        self.elems[top].bbox = Some((page, bbox));
        self.figure = false;
        self.close();
        let mut content = super::doc::content();
        content.end_marked_content();
        let mut out = content.finish().to_vec();
        out.push(b'\n');
        out
    }

    /// The number of elements with this role (for tests).
    #[cfg(test)]
    pub fn count(&self, role: &Role) -> usize {
        self.elems.iter().filter(|e| e.role == *role).count()
    }

    /// Writes the structure tree (the root, every element, the parent tree) with the element
    /// objects numbered from `first`; returns the root's reference and the next free number.
    /// `pages` are the pages' references in order.
    ///
    /// Elements are written compactly (they are most of the file): no `/Type`, marked content
    /// on the element's own page as bare numbers, a single kid without an array.
    pub fn write(&self, pdf: &mut Packer, first: i32, pages: &[Ref]) -> (Ref, i32) {
        let numbers = Numbers { first, pages };
        let (root, elem_ref) = (numbers.root(), |i: usize| numbers.elem(i));
        let mut next = first + 1 + i32::try_from(self.elems.len()).unwrap_or(0);
        for (i, elem) in self.elems.iter().enumerate() {
            pdf.add(elem_ref(i), |obj| Self::write_elem(obj, elem, &numbers));
        }

        // One array per page (empty for a page without marked content): the element of each
        // marked-content id.
        let arrays: Vec<Ref> = pages
            .iter()
            .map(|_| {
                let r = Ref::new(next);
                next += 1;
                r
            })
            .collect();
        for (page, array) in arrays.iter().enumerate() {
            let elems = self.pages.get(page).map_or(&[][..], Vec::as_slice);
            pdf.add(*array, |obj| {
                obj.array().items(elems.iter().map(|&e| elem_ref(e)));
            });
        }
        pdf.add(root, |obj| {
            let mut tree = obj.start::<pdf_writer::writers::StructTreeRoot>();
            tree.children().item(elem_ref(0));
            {
                let mut parents = tree.parent_tree();
                let mut nums = parents.nums();
                for (page, array) in arrays.iter().enumerate() {
                    nums.insert(i32::try_from(page).unwrap_or(0), *array);
                }
            }
            tree.parent_tree_next_key(i32::try_from(pages.len()).unwrap_or(0));
            tree.finish();
        });
        (root, next)
    }

    /// Writes one element: type, parent, page, alternative text and attributes, kids.
    fn write_elem(obj: pdf_writer::Obj<'_>, elem: &Elem, numbers: &Numbers<'_>) {
        let (root, elem_ref, page_ref) =
            (numbers.root(), |i: usize| numbers.elem(i), |i: usize| numbers.page(i));
        let mut e = obj.dict();
        e.pair(Name(b"S"), Name(elem.role.name()));
        e.pair(Name(b"P"), elem.parent.map_or(root, elem_ref));
        let home = elem.kids.iter().find_map(|k| match k {
            Kid::Marked { page, .. } => Some(*page),
            Kid::Elem(_) => None,
        });
        if let Some(page) = home {
            e.pair(Name(b"Pg"), page_ref(page));
        }
        match &elem.role {
            Role::Figure(alt) => {
                e.pair(Name(b"Alt"), TextStr(alt));
                if let Some((_, [x0, y0, x1, y1])) = elem.bbox {
                    let mut a = e.insert(Name(b"A")).dict();
                    a.pair(Name(b"O"), Name(b"Layout"));
                    a.insert(Name(b"BBox")).array().items([x0, y0, x1, y1]);
                }
            }
            Role::TH { row } => {
                let mut a = e.insert(Name(b"A")).dict();
                a.pair(Name(b"O"), Name(b"Table"));
                a.pair(Name(b"Scope"), Name(if *row { b"Row" } else { b"Column" }));
            }
            _ => {}
        }
        let write_kid = |obj: pdf_writer::Obj<'_>, kid: Kid| match kid {
            Kid::Elem(k) => obj.primitive(elem_ref(k)),
            Kid::Marked { page, mcid } if Some(page) == home => obj.primitive(mcid),
            Kid::Marked { page, mcid } => {
                let mut mcr = obj.dict();
                mcr.pair(Name(b"Type"), Name(b"MCR"));
                mcr.pair(Name(b"Pg"), page_ref(page));
                mcr.pair(Name(b"MCID"), mcid);
            }
        };
        match elem.kids.as_slice() {
            [] => {}
            [kid] => write_kid(e.insert(Name(b"K")), *kid),
            kids => {
                let mut array = e.insert(Name(b"K")).array();
                for kid in kids {
                    write_kid(array.push(), *kid);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(ops: &[u8]) -> String {
        String::from_utf8_lossy(ops).into_owned()
    }

    #[test]
    fn content_is_marked_for_its_element_and_the_rest_is_an_artifact() {
        let mut tags = Tags::default();
        // Nothing open but the document: a footer.
        assert!(text(&tags.wrap(0, b"BT ET", Mark::Content)).starts_with("/Artifact BMC"));
        let p = tags.open(Role::P);
        let first = text(&tags.wrap(0, b"BT ET", Mark::Content));
        assert!(first.starts_with("/P<</MCID 0>>BDC"), "{first}");
        // A rule inside a paragraph is still decoration.
        assert!(text(&tags.wrap(0, b"0 0 m S", Mark::Decoration)).starts_with("/Artifact"));
        // Numbers count per page.
        assert!(text(&tags.wrap(0, b"BT ET", Mark::Content)).contains("/MCID 1"));
        assert!(text(&tags.wrap(3, b"BT ET", Mark::Content)).contains("/MCID 0"));
        tags.close();
        // A table header repeated on a page is not read again.
        let table = tags.open(Role::Table);
        let body = tags.open(Role::TBody);
        tags.begin_artifact();
        // Its cells make no elements: the body keeps only rows.
        assert_eq!(tags.open(Role::TR), NONE);
        assert_eq!(tags.open(Role::TH { row: false }), NONE);
        assert!(text(&tags.wrap(1, b"BT ET", Mark::Content)).starts_with("/Artifact"));
        tags.close();
        tags.close();
        tags.end_artifact();
        assert!(tags.elems[body].kids.is_empty());
        // Back in the body, a row is made there.
        let row = tags.open(Role::TR);
        assert_eq!(tags.elems[body].kids, vec![Kid::Elem(row)]);
        tags.close();
        tags.close();
        tags.close();
        assert_eq!(tags.elems[table].kids, vec![Kid::Elem(body)]);
        // Nothing drawn, nothing marked.
        assert!(tags.wrap(1, b"", Mark::Content).is_empty());
        // A figure is one sequence, whatever is drawn inside it.
        let begin = text(&tags.begin_figure(1, "Zeitplan mit 20 Maßnahmen".into()));
        assert!(begin.contains("/Figure") && begin.contains("/MCID 0"), "{begin}");
        assert_eq!(text(&tags.wrap(1, b"0 0 m S", Mark::Decoration)), "0 0 m S\n");
        assert!(text(&tags.end_figure(1, [0.0, 0.0, 10.0, 10.0])).contains("EMC"));
        assert_eq!(tags.count(&Role::Figure("Zeitplan mit 20 Maßnahmen".into())), 1);
        // The paragraph keeps its three sequences on two pages, in order.
        assert_eq!(
            tags.elems[p].kids,
            vec![
                Kid::Marked { page: 0, mcid: 0 },
                Kid::Marked { page: 0, mcid: 1 },
                Kid::Marked { page: 3, mcid: 0 },
            ]
        );
        // Closing never closes the document; entering an element adds to it later.
        tags.close();
        tags.close();
        tags.enter(p);
        tags.wrap(2, b"BT ET", Mark::Content);
        assert_eq!(tags.elems[p].kids.len(), 4);
    }
}
